package dev.vpclab.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vpclab.cost.CostEngine;
import dev.vpclab.cost.CostResult;
import dev.vpclab.cost.Money;
import dev.vpclab.cost.PriceBook;
import dev.vpclab.model.InterfaceEndpoint;
import dev.vpclab.model.Layout;
import dev.vpclab.reach.FailureAnalysis;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The describe outputs of the fixtures made by {@code terraform apply} against moto (each folder's
 * README says how, and what the design holds): the imported design is the one Terraform built,
 * it costs what PRICING.md says, and the written file builds the same design.
 */
class AwsMotoFixturesTest {
  static final Path ROOT = Path.of("src/test/resources/dev/vpclab/importer");

  static AwsImport.Result imported(String design) throws Exception {
    List<AwsImport.Input> in = new ArrayList<>();
    try (Stream<Path> files = Files.list(ROOT.resolve(design).resolve("aws"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        in.add(new AwsImport.Input(p.getFileName().toString(),
            Files.readString(p, StandardCharsets.UTF_8)));
      }
    }
    return AwsImport.read(in, "imported");
  }

  static String total(Layout l) {
    CostResult c = CostEngine.cost(l, PriceBook.builtIn(), 730);
    return Money.format(c.total());
  }

  @Test
  void threeAzIsThreePublicAndThreePrivateSubnetsANatPerAzAndEndpointsInEveryAz()
      throws Exception {
    AwsImport.Result r = imported("three-az");
    Layout l = r.layout();
    assertEquals(List.of("three-az"), l.vpcs().stream().map(v -> v.name()).toList(),
        "moto's empty default VPC is left out");
    assertEquals(6, l.subnets().size());
    assertEquals(3, l.subnets().stream().filter(s -> s.isPublic()).count());
    assertEquals(List.of("us-east-1a", "us-east-1b", "us-east-1c"),
        l.nats().stream().map(n -> n.az()).toList());
    assertTrue(l.nats().stream().allMatch(n -> n.subnet().isPublic()));
    assertEquals(9, l.eniCount());
    for (InterfaceEndpoint e : l.endpoints()) {
      assertTrue(e.privateDns(), e.service());
      assertEquals(List.of("10.0.0.0/16"), e.allow().stream().map(a -> a.label()).toList());
    }
    assertTrue(l.vpcs().get(0).hasGateway("s3"));
    // the S3 endpoint is on the three private tables only: the public subnets reach S3 through
    // the internet gateway, reachable and free either way, so nothing is said of them
    assertTrue(r.assumed().stream().noneMatch(a -> a.contains("gateway endpoint")),
        r.assumed().toString());
    assertEquals(List.of("app-a", "app-b"), l.instances().stream().map(i -> i.name()).toList());
    // 3 endpoints x 3 AZs x 0.01 x 730 = 65.70; 3 NAT gateways x 0.045 x 730 = 98.55;
    // their 3 Elastic IPs x 0.005 x 730 = 10.95: 175.20
    assertEquals("175.20", total(l));
    assertTrue(FailureAnalysis.resilience(l).rows().stream()
        .allMatch(f -> f.broken().isEmpty()));
    assertEquals(DesignDump.of(l), DesignDump.of(DesignDump.build(r.text(), "imported")));
  }

  @Test
  void hubSpokeSharesTheHubsEndpointsThroughATransitGatewayAndPrivateZones() throws Exception {
    AwsImport.Result r = imported("hub-spoke");
    Layout l = r.layout();
    assertEquals(List.of("hub", "spoke-a", "spoke-b"),
        l.vpcs().stream().map(v -> v.name()).sorted().toList());
    assertEquals(6, l.eniCount());
    assertFalse(l.vpc("hub").orElseThrow().endpoint("ssm").orElseThrow().privateDns());
    assertEquals(1, l.tgws().size());
    assertEquals(3, l.tgws().get(0).attachments().size());
    assertEquals(1, l.peerings().size());
    // the spokes route each other's CIDR to their peering, not to the transit gateway: vpclab's
    // peering wins too, so no route table is said to differ
    assertTrue(r.assumed().stream().noneMatch(a -> a.startsWith("route table ")),
        r.assumed().toString());
    assertEquals(List.of("ec2messages", "ssm", "ssmmessages"),
        l.shares().stream().map(s -> s.service()).sorted().toList());
    assertTrue(l.shares().stream().allMatch(s -> s.from().equals("hub")
        && s.with().containsAll(List.of("spoke-a", "spoke-b"))));
    // 3 endpoints x 2 AZs x 0.01 x 730 = 43.80; 3 attachments x 0.05 x 730 = 109.50;
    // 3 private hosted zones x 0.50 = 1.50: 154.80
    assertEquals("154.80", total(l));
    assertEquals(DesignDump.of(l), DesignDump.of(DesignDump.build(r.text(), "imported")));
  }
}
