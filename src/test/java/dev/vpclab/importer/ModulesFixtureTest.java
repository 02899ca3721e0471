package dev.vpclab.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vpclab.model.GatewayEndpoint;
import dev.vpclab.model.InterfaceEndpoint;
import dev.vpclab.model.Layout;
import dev.vpclab.model.Subnet;
import dev.vpclab.reach.FailureAnalysis;
import dev.vpclab.testing.Cli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code modules} fixture (its README says what the design holds): two VPCs from one local
 * module called with {@code for_each}, endpoints from a second module fed by the first one's
 * outputs, a transit gateway in the root attaching both through those outputs. The plan, whose
 * every link goes through a module output or variable, the state and the describe outputs of
 * the same apply all give that design; the plan needs no assumption to get there.
 */
class ModulesFixtureTest {
  @TempDir Path dir;

  private static List<String> subnets(Layout l, String vpc) {
    return l.vpc(vpc).orElseThrow().subnets().stream().map(s -> s.name() + " " + s.az() + " "
        + s.cidr() + (s.isPublic() ? " public" : " private")).toList();
  }

  /** What the README's "What the design says" lists, whichever file it was read from. */
  private void assertTheDesign(AwsImport.Result r) throws Exception {
    Layout l = r.layout();
    assertEquals(List.of("app", "shared"), l.vpcs().stream().map(v -> v.name()).sorted()
        .toList(), "moto's empty default VPC is left out");
    assertTrue(l.vpcs().stream().allMatch(v -> v.dnsSupport() && v.dnsHostnames()));
    assertEquals("10.10.0.0/16", l.vpc("app").orElseThrow().cidr().toString());
    assertEquals("10.20.0.0/16", l.vpc("shared").orElseThrow().cidr().toString());
    assertEquals(List.of("app-public-a us-east-1a 10.10.0.0/24 public",
        "app-public-b us-east-1b 10.10.1.0/24 public",
        "app-private-a us-east-1a 10.10.10.0/24 private",
        "app-private-b us-east-1b 10.10.11.0/24 private"), subnets(l, "app"));
    assertEquals(List.of("shared-public-a us-east-1a 10.20.0.0/24 public",
        "shared-public-b us-east-1b 10.20.1.0/24 public",
        "shared-private-a us-east-1a 10.20.10.0/24 private",
        "shared-private-b us-east-1b 10.20.11.0/24 private"), subnets(l, "shared"));
    assertEquals(List.of("app-public-a", "app-public-b", "shared-public-a"),
        l.nats().stream().map(n -> n.subnet().name()).sorted().toList());
    assertEquals(8, l.eniCount());
    for (String vpc : List.of("app", "shared")) {
      List<InterfaceEndpoint> endpoints = l.vpc(vpc).orElseThrow().endpoints();
      assertEquals(List.of("ssm", "ssmmessages"),
          endpoints.stream().map(InterfaceEndpoint::service).sorted().toList(), vpc);
      for (InterfaceEndpoint e : endpoints) {
        assertTrue(e.privateDns(), vpc + " " + e.service());
        assertEquals(List.of(vpc + "-private-a", vpc + "-private-b"),
            e.enis().stream().map(x -> x.subnet().name()).toList(), vpc + " " + e.service());
        assertEquals(List.of(l.vpc(vpc).orElseThrow().cidr().toString()),
            e.allow().stream().map(a -> a.cidr().toString()).toList(), vpc + " " + e.service());
        assertFalse(e.defaultAllow());
      }
      assertEquals(List.of("s3"), l.vpc(vpc).orElseThrow().gateways().stream()
          .map(GatewayEndpoint::service).toList(), vpc);
    }
    assertEquals(1, l.tgws().size());
    assertEquals(List.of("app [app-private-a, app-private-b]",
        "shared [shared-private-a, shared-private-b]"), l.tgws().get(0).attachments().stream()
            .map(a -> a.vpc() + " " + a.subnets().stream().map(Subnet::name).toList())
            .sorted().toList());
    assertEquals(List.of("tools [shared-private-ax1]", "web [app-private-ax1, app-private-bx1]"),
        l.instances().stream().map(i -> i.name() + " " + i.placements().stream()
            .map(p -> p.subnet().name() + "x" + p.count()).toList()).sorted().toList());
    // 3 NAT gateways x 0.045 x 730 = 98.55; their 3 Elastic IPs x 0.005 x 730 = 10.95;
    // 2 services x 2 AZs x 2 VPCs = 8 endpoint-AZs x 0.01 x 730 = 58.40;
    // 2 transit gateway attachments x 0.05 x 730 = 73.00; gateway endpoints free: 240.90
    assertEquals("240.90", AwsMotoFixturesTest.total(l));
    assertTrue(FailureAnalysis.resilience(l).rows().stream()
        .allMatch(f -> f.broken().isEmpty()));
    assertTrue(r.assumed().stream().noneMatch(a -> a.contains("route table")),
        "every table sends 10.0.0.0/8 to the transit gateway, the private ones carry s3: "
            + r.assumed());
    assertEquals(DesignDump.of(l), DesignDump.of(DesignDump.build(r.text(), "imported")));
    Path f = dir.resolve("imported.vpc");
    Files.writeString(f, r.text() + """
        expect web reaches ssm in imported
        expect tools reaches ssmmessages in imported
        expect imported survives az failure
        expect cost imported > 240.89 USD
        expect cost imported < 240.91 USD
        """, StandardCharsets.UTF_8);
    Cli.Result run = Cli.run("run", f.toString());
    assertEquals(0, run.status(), run.out() + run.err());
    assertEquals("", run.err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"plan.json", "state.json"})
  void thePlanAndTheStateGiveTheDesignWithoutAssumptions(String file) throws Exception {
    AwsImport.Result r = TerraformFixturesTest.imported("modules", file);
    assertTheDesign(r);
    assertEquals(List.of(), r.assumed(), "every link is known or followed: " + r.assumed());
  }

  @Test
  void theDescribeOutputsGiveTheSameDesign() throws Exception {
    AwsImport.Result r = AwsMotoFixturesTest.imported("modules");
    assertTheDesign(r);
  }

  @Test
  void thePlanNamesTheModuleAddressesAndTheStateTheSameNames() throws Exception {
    AwsImport.Result plan = TerraformFixturesTest.imported("modules", "plan.json");
    AwsImport.Result state = TerraformFixturesTest.imported("modules", "state.json");
    assertTrue(plan.text().contains("    az 1a subnet private app-private-a cidr 10.10.10.0/24  #"
        + " plan.json: module.vpc[\"app\"].aws_subnet.private[\"us-east-1a\"]\n"), plan.text());
    assertTrue(plan.text().contains("    instance web in app-private-a, app-private-b count 2  #"
        + " plan.json: aws_instance.web[0]\n"), plan.text());
    // the builder orders VPCs by id (the state's are random): compare what each line says
    assertEquals(lines(DesignDump.of(state.layout())), lines(DesignDump.of(plan.layout())));
  }

  private static List<String> lines(String dump) {
    return dump.lines().sorted().toList();
  }
}
