package dev.vpclab.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resources of {@code aws ec2 describe-*} outputs, by kind, in the order the files and their
 * lists hold them. A file is recognised by its top-level list ({@code Vpcs}, {@code Subnets},
 * ...; Route 53's {@code HostedZones}, {@code HostedZone} with its {@code VPCs},
 * {@code ResourceRecordSets}); one may hold several; {@code NextToken} is ignored; a file with
 * none is a fault.
 */
final class AwsInputs {
  /** The top-level lists vpclab reads, as the AWS CLI names them. */
  static final List<String> KINDS = List.of("Vpcs", "Subnets", "RouteTables", "VpcEndpoints",
      "NatGateways", "SecurityGroups", "Reservations", "InternetGateways", "TransitGateways",
      "TransitGatewayVpcAttachments", "VpcPeeringConnections", "HostedZones", "HostedZone",
      "ResourceRecordSets");

  private final Map<String, List<Json>> byKind = new LinkedHashMap<>();

  AwsInputs() {
    for (String k : KINDS) {
      byKind.put(k, new ArrayList<>());
    }
  }

  /**
   * Adds one file's resources. A file of no kind read here is a fault, or, with {@code skipped}
   * (a file found in a folder, not named), a line there saying it was skipped; a file that is
   * not JSON is a fault either way.
   */
  void add(String file, String text, List<String> skipped) throws JsonFault {
    Json root = Json.parse(file, text);
    if (!root.node().isObject()) {
      throw root.fault("expected a JSON object as the AWS CLI prints it (`aws ec2 describe-...`)");
    }
    if (TerraformFile.looksLikeOne(root)) {
      if (skipped != null) {
        skipped.add(name(file) + " is terraform show -json output, not read here: skipped");
        return;
      }
      throw root.fault("this is terraform show -json output: use vpclab import terraform");
    }
    boolean any = false;
    for (String k : KINDS) {
      if (k.equals("HostedZone") && root.node().has(k)) {
        byKind.get(k).add(root);
        any = true;
      } else if (root.node().has(k)) {
        byKind.get(k).addAll(root.list(k));
        any = true;
      }
    }
    if (!any) {
      List<String> fields = new ArrayList<>();
      root.node().fieldNames().forEachRemaining(fields::add);
      String found = fields.isEmpty() ? "nothing" : String.join(", ", fields);
      if (skipped != null) {
        skipped.add(name(file) + " holds " + found + ", not a kind vpclab reads: skipped");
        return;
      }
      throw root.fault("not a describe output vpclab reads (found " + found + "; expected one of "
          + String.join(", ", KINDS) + ")");
    }
  }

  /** A file's name without its folders, as origins name it. */
  static String name(String file) {
    return file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  }

  /** Adds records another reader made in the shape of a describe output. */
  void add(String kind, Json record) {
    byKind.get(kind).add(record);
  }

  /**
   * Each resource once, whatever number of files or accounts describe it (see
   * {@link OnceById}); called once, before the records are read.
   */
  void readOnce(List<String> assumed) {
    for (Map.Entry<String, List<Json>> e : byKind.entrySet()) {
      e.setValue(OnceById.of(e.getKey(), e.getValue(), assumed));
    }
  }

  List<Json> get(String kind) {
    return byKind.get(kind);
  }

  /** Every instance of every reservation. */
  List<Json> instances() throws JsonFault {
    List<Json> out = new ArrayList<>();
    for (Json r : get("Reservations")) {
      out.addAll(r.list("Instances"));
    }
    return out;
  }
}
