package dev.vpclab.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vpclab.model.InterfaceEndpoint;
import dev.vpclab.model.Layout;
import dev.vpclab.model.Subnet;
import dev.vpclab.reach.FailureAnalysis;
import dev.vpclab.testing.Cli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Terraform plan and state of the fixtures made by {@code terraform apply} against moto (each
 * folder's README says what the design holds): both import to that design, cost what PRICING.md
 * says, and the written file builds the same design and runs with {@code vpclab run} as it is.
 */
class TerraformFixturesTest {
  static final Path ROOT = AwsMotoFixturesTest.ROOT;

  @TempDir Path dir;

  static AwsImport.Result imported(String design, String file) throws Exception {
    Path p = ROOT.resolve(design).resolve("terraform").resolve(file);
    return TerraformImport.read(p.getFileName().toString(),
        Files.readString(p, StandardCharsets.UTF_8), "imported");
  }

  private static List<String> names(List<Subnet> subnets) {
    return subnets.stream().map(s -> s.name() + " " + s.az() + " " + s.cidr()
        + (s.isPublic() ? " public" : " private")).toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"plan.json", "state.json"})
  void threeAzIsThreePublicAndThreePrivateSubnetsANatPerAzAndEndpointsInEveryAz(String file)
      throws Exception {
    AwsImport.Result r = imported("three-az", file);
    Layout l = r.layout();
    assertEquals(List.of("three-az"), l.vpcs().stream().map(v -> v.name()).toList());
    assertTrue(l.vpcs().get(0).dnsSupport() && l.vpcs().get(0).dnsHostnames());
    assertEquals(List.of(
        "public-a us-east-1a 10.0.0.0/24 public", "public-b us-east-1b 10.0.1.0/24 public",
        "public-c us-east-1c 10.0.2.0/24 public", "private-a us-east-1a 10.0.10.0/24 private",
        "private-b us-east-1b 10.0.11.0/24 private", "private-c us-east-1c 10.0.12.0/24 private"),
        names(l.subnets()));
    assertEquals(List.of("public-a", "public-b", "public-c"),
        l.nats().stream().map(n -> n.subnet().name()).toList());
    assertEquals(9, l.eniCount());
    assertEquals(List.of("ec2messages", "ssm", "ssmmessages"),
        l.endpoints().stream().map(InterfaceEndpoint::service).toList());
    for (InterfaceEndpoint e : l.endpoints()) {
      assertTrue(e.privateDns(), e.service());
      assertEquals(List.of("private-a", "private-b", "private-c"),
          e.enis().stream().map(x -> x.subnet().name()).toList());
      assertEquals(List.of("10.0.0.0/16"), e.allow().stream().map(a -> a.cidr().toString())
          .toList());
      assertFalse(e.defaultAllow());
    }
    assertTrue(l.vpcs().get(0).hasGateway("s3"), "no vpc_endpoint_type in main.tf: Gateway");
    assertEquals(List.of("app-a private-a", "app-b private-b"), l.instances().stream()
        .map(i -> i.name() + " " + i.placements().get(0).subnet().name()).toList());
    // 3 endpoints x 3 AZs x 0.01 x 730 = 65.70; 3 NAT gateways x 0.045 x 730 = 98.55;
    // their 3 Elastic IPs x 0.005 x 730 = 10.95: 175.20 (as the describe outputs give)
    assertEquals("175.20", AwsMotoFixturesTest.total(l));
    assertTrue(FailureAnalysis.resilience(l).rows().stream()
        .allMatch(f -> f.broken().isEmpty()));
    assertEquals(List.of(), r.assumed(), "everything is known or followed: " + r.assumed());
    assertEquals(DesignDump.of(l), DesignDump.of(DesignDump.build(r.text(), "imported")));
    assertEquals(DesignDump.of(AwsMotoFixturesTest.imported("three-az").layout()),
        DesignDump.of(l), "the describe outputs of the same apply give the same design");
    assertRuns(r.text(), """
        expect app-a reaches ssm in imported
        expect app-b reaches ec2messages in imported
        expect imported survives az failure
        expect cost imported > 175.19 USD
        expect cost imported < 175.21 USD
        """);
  }

  @ParameterizedTest
  @ValueSource(strings = {"plan.json", "state.json"})
  void hubSpokeSharesTheHubsEndpointsThroughATransitGatewayAndPrivateZones(String file)
      throws Exception {
    AwsImport.Result r = imported("hub-spoke", file);
    Layout l = r.layout();
    assertEquals(List.of("hub", "spoke-a", "spoke-b"),
        l.vpcs().stream().map(v -> v.name()).sorted().toList());
    assertTrue(l.vpcs().stream().allMatch(v -> v.dnsSupport() && v.dnsHostnames()));
    assertEquals(List.of("hub-a us-east-1a 10.0.1.0/24 private",
        "hub-b us-east-1b 10.0.2.0/24 private"), names(l.vpc("hub").orElseThrow().subnets()));
    assertEquals(List.of("spoke-a-1a us-east-1a 10.1.1.0/24 private",
        "spoke-a-1b us-east-1b 10.1.2.0/24 private"),
        names(l.vpc("spoke-a").orElseThrow().subnets()));
    assertEquals(List.of("spoke-b-1a us-east-1a 10.2.1.0/24 private",
        "spoke-b-1b us-east-1b 10.2.2.0/24 private"),
        names(l.vpc("spoke-b").orElseThrow().subnets()));
    assertEquals(0, l.nats().size());
    assertEquals(6, l.eniCount());
    for (InterfaceEndpoint e : l.vpc("hub").orElseThrow().endpoints()) {
      assertFalse(e.privateDns(), e.service());
      assertEquals(List.of("10.0.0.0/16", "10.1.0.0/16", "10.2.0.0/16"),
          e.allow().stream().map(a -> a.cidr().toString()).toList());
    }
    assertEquals(1, l.tgws().size());
    assertEquals(List.of("hub [hub-a, hub-b]", "spoke-a [spoke-a-1a, spoke-a-1b]",
        "spoke-b [spoke-b-1a, spoke-b-1b]"), l.tgws().get(0).attachments().stream()
            .map(a -> a.vpc() + " " + a.subnets().stream().map(Subnet::name).toList())
            .toList());
    assertEquals(List.of("spoke-a spoke-b"),
        l.peerings().stream().map(p -> p.a() + " " + p.b()).toList());
    assertEquals(List.of("ec2messages from hub with [spoke-a, spoke-b]",
        "ssm from hub with [spoke-a, spoke-b]", "ssmmessages from hub with [spoke-a, spoke-b]"),
        l.shares().stream().map(s -> s.service() + " from " + s.from() + " with " + s.with())
            .sorted().toList());
    assertEquals(List.of("app-a spoke-a-1a", "app-b spoke-b-1a"), l.instances().stream()
        .map(i -> i.name() + " " + i.placements().get(0).subnet().name()).sorted().toList());
    // 3 endpoints x 2 AZs x 0.01 x 730 = 43.80; 3 attachments x 0.05 x 730 = 109.50;
    // 3 private hosted zones x 0.50 = 1.50: 154.80 (as the describe outputs give)
    assertEquals("154.80", AwsMotoFixturesTest.total(l));
    assertEquals(DesignDump.of(l), DesignDump.of(DesignDump.build(r.text(), "imported")));
    assertRuns(r.text(), """
        expect app-a reaches ssm in imported
        expect app-b reaches ssmmessages in imported
        expect cost imported > 154.79 USD
        expect cost imported < 154.81 USD
        """);
  }

  @ParameterizedTest
  @ValueSource(strings = {"three-az", "hub-spoke"})
  void theStateNeedsNoAssumptionAndThePlanSaysWhatItChose(String design) throws Exception {
    assertEquals(List.of(), imported(design, "state.json").assumed());
    List<String> plan = imported(design, "plan.json").assumed();
    if (design.equals("hub-spoke")) {
      // the instances' subnet is aws_subnet.spoke["${each.key}-1a"]: the plan shows the
      // reference and each.key, not the index; the zones' VPCs are a dynamic block
      assertEquals(List.of("aws_instance.spoke[\"a\"].subnet_id: aws_subnet.spoke with an index"
          + " the file does not show: taken as aws_subnet.spoke[\"a-1a\"] (of 4, the first whose"
          + " key holds \"a\")", "aws_instance.spoke[\"b\"].subnet_id: aws_subnet.spoke with an"
          + " index the file does not show: taken as aws_subnet.spoke[\"b-1a\"] (of 4, the first"
          + " whose key holds \"b\")", "aws_route53_zone.service[\"ec2messages\"].vpc: 2 VPCs"
          + " known only after apply, named by no reference: taken as the VPCs joined to the"
          + " ec2messages endpoint's VPC without an endpoint of their own (aws_vpc.spoke[\"a\"],"
          + " aws_vpc.spoke[\"b\"])"), plan.subList(0, 3));
      assertEquals(5, plan.size(), plan.toString());
    } else {
      assertEquals(List.of(), plan);
    }
  }

  private void assertRuns(String text, String expectations) throws Exception {
    Path f = dir.resolve("imported.vpc");
    Files.writeString(f, text + expectations, StandardCharsets.UTF_8);
    Cli.Result run = Cli.run("run", f.toString());
    assertEquals(0, run.status(), run.out() + run.err());
    assertEquals("", run.err());
  }
}
