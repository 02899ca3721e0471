package dev.vpclab.model;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The AWS service names vpclab knows (the {@code <svc>} of {@code com.amazonaws.<region>.<svc>}),
 * which of them have gateway endpoints, and the built-in bundles.
 */
public final class Services {
  private Services() {}

  /** The pseudo-service for traffic to the public internet: only NAT or an IGW reach it. */
  public static final String INTERNET = "internet";

  public static final Set<String> GATEWAY = Set.of("s3", "dynamodb");

  public static final Set<String> KNOWN = Set.copyOf(new TreeSet<>(List.of(
      "access-analyzer", "acm-pca", "airflow.api", "airflow.env", "apigateway", "app-integrations",
      "appconfig", "appconfigdata", "application-autoscaling", "appmesh-envoy-management",
      "apprunner", "appstream.api", "appsync-api", "athena", "auditmanager", "autoscaling",
      "autoscaling-plans", "backup", "backup-gateway", "batch", "bedrock", "bedrock-agent",
      "bedrock-agent-runtime", "bedrock-runtime", "cassandra", "cloudcontrolapi", "cloudformation",
      "cloudhsmv2", "cloudtrail", "codeartifact.api", "codeartifact.repositories", "codebuild",
      "codecommit", "codedeploy", "codedeploy-commands-secure", "codepipeline",
      "codestar-connections.api", "cognito-identity", "cognito-idp", "comprehend", "config",
      "databrew", "dataexchange", "datasync", "dms", "ds", "dynamodb", "ebs", "ec2", "ec2messages",
      "ecr.api", "ecr.dkr", "ecs", "ecs-agent", "ecs-telemetry", "eks", "eks-auth",
      "elasticbeanstalk", "elasticfilesystem", "elasticloadbalancing", "elasticmapreduce",
      "email-smtp", "emr-containers", "emr-serverless", "events", "execute-api", "firehose",
      "fsx", "git-codecommit", "glue", "grafana", "guardduty-data", "imagebuilder", "inspector2",
      "iot.data", "kafka", "kendra", "kinesis-firehose", "kinesis-streams", "kms", "lakeformation",
      "lambda", "logs", "macie2", "memory-db", "monitoring", "mq", "notebook", "qldb.session",
      "rds", "rds-data", "redshift", "redshift-data", "rekognition", "s3", "sagemaker.api",
      "sagemaker.runtime", "secretsmanager", "securityhub", "servicecatalog", "servicediscovery",
      "sns", "sqs", "ssm", "ssm-contacts", "ssm-incidents", "ssmmessages", "states", "storagegateway",
      "sts", "sync-states", "synthetics", "textract", "transfer", "transfer.server", "translate",
      "xray")));

  /** Built-in bundles: a name that stands for several services in {@code needs}. */
  public static final Map<String, List<String>> BUNDLES;

  static {
    Map<String, List<String>> b = new TreeMap<>();
    b.put("session-manager", List.of("ssm", "ec2messages", "ssmmessages"));
    // an ECS or Fargate task pulling its image from ECR and logging with the awslogs driver
    b.put("ecr-pull", List.of("ecr.api", "ecr.dkr", "s3", "logs"));
    b.put("eks-private-nodes",
        List.of("ec2", "ecr.api", "ecr.dkr", "s3", "sts", "logs", "elasticloadbalancing"));
    BUNDLES = java.util.Collections.unmodifiableMap(b);
  }

  public static boolean isKnown(String service) {
    return KNOWN.contains(service);
  }

  /** Known service names and bundle names together (for suggestions and completion). */
  public static Set<String> namesAndBundles() {
    Set<String> all = new TreeSet<>(KNOWN);
    all.addAll(BUNDLES.keySet());
    return all;
  }

  /** The DNS name of a service in a Region: ssm.ap-northeast-1.amazonaws.com. */
  public static String dnsName(String service, String region) {
    return service + "." + region + ".amazonaws.com";
  }
}
