package dev.vpclab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vpclab.testing.TestLayouts;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A layout is a design of VPCs: each VPC holds its own parts, each part knows its VPC, and the
 * layout's lists are views over all VPCs, VPC by VPC in the design's order. Built here with no
 * parser, the way an importer would.
 */
class DesignOfVpcsTest {
  static final Origin O = new Origin.TerraformAddress("main.tf", "aws_vpc.x");

  static Subnet subnet(String vpc, String name, String az, String cidr, boolean pub) {
    return new Subnet(vpc, name, az, Cidr.parse(cidr), pub, false, O);
  }

  // shared: 10.0.0.0/16, ep-a (1a), ep-b (1b), endpoint ssm in both, gateway s3
  static final Subnet EP_A = subnet("shared", "ep-a", "us-east-1a", "10.0.1.0/24", false);
  static final Subnet EP_B = subnet("shared", "ep-b", "us-east-1b", "10.0.2.0/24", false);
  static final InterfaceEndpoint SSM = new InterfaceEndpoint("shared", "ssm",
      List.of(new Eni(EP_A, "10.0.1.10", O), new Eni(EP_B, "10.0.2.10", O)), false, false,
      List.of(new AllowRule("10.0.0.0/8", Cidr.parse("10.0.0.0/8"))), false, O);
  static final Vpc SHARED = new Vpc("shared", Cidr.parse("10.0.0.0/16"), true, true, O,
      List.of(EP_A, EP_B), List.of(SSM), List.of(new GatewayEndpoint("shared", "s3", O)),
      List.of(), List.of());

  // app: 10.1.0.0/16, edge (public, 1c) with a NAT gateway, app-a (1a) with web x4; DNS off
  static final Subnet EDGE = subnet("app", "edge", "us-east-1c", "10.1.0.0/24", true);
  static final Subnet APP_A = subnet("app", "app-a", "us-east-1a", "10.1.1.0/24", false);
  static final NatGateway NAT = new NatGateway(EDGE, "10.1.0.4", O);
  static final Instance WEB = new Instance("web", APP_A, 4, List.of("ssm"), O);
  static final InterfaceEndpoint ECR = new InterfaceEndpoint("app", "ecr.api",
      List.of(new Eni(APP_A, "10.1.1.10", O)), true, false,
      List.of(new AllowRule("vpc", Cidr.parse("10.1.0.0/16"))), true, O);
  static final Vpc APP = new Vpc("app", Cidr.parse("10.1.0.0/16"), false, true, O,
      List.of(EDGE, APP_A), List.of(ECR), List.of(), List.of(NAT), List.of(WEB));

  static final Traffic WEB_SSM = new Traffic("web", "ssm", BigDecimal.TEN, O);

  static Layout design() {
    return new Layout("central", Region.of("us-east-1").orElseThrow(), List.of(SHARED, APP),
        List.of(WEB_SSM), O);
  }

  @Test
  void eachVpcHoldsItsOwnParts() {
    Layout l = design();
    assertEquals(List.of(SHARED, APP), l.vpcs());
    assertEquals(List.of("shared", "app"), l.vpcs().stream().map(Vpc::name).toList());
    assertEquals(List.of(EP_A, EP_B), l.vpc("shared").orElseThrow().subnets());
    assertEquals(List.of(EDGE, APP_A), l.vpc("app").orElseThrow().subnets());
    assertEquals(List.of(WEB), APP.instances());
    assertEquals(List.of(), SHARED.instances());
    assertEquals(List.of(NAT), APP.nats());
    assertEquals(List.of("s3"), SHARED.gateways().stream().map(GatewayEndpoint::service).toList());
    assertTrue(SHARED.hasGateway("s3"));
    assertTrue(!APP.hasGateway("s3"));
    assertSame(SSM, SHARED.endpoint("ssm").orElseThrow());
    assertTrue(APP.endpoint("ssm").isEmpty());
    assertTrue(l.vpc("data").isEmpty());
  }

  @Test
  void theLayoutsListsAreViewsOverAllVpcsInTheDesignsOrder() {
    Layout l = design();
    assertEquals(List.of(EP_A, EP_B, EDGE, APP_A), l.subnets());
    assertEquals(List.of(SSM, ECR), l.endpoints());
    assertEquals(List.of("s3"), l.gateways().stream().map(GatewayEndpoint::service).toList());
    assertEquals(List.of(NAT), l.nats());
    assertEquals(List.of(WEB), l.instances());
    assertEquals(List.of(WEB_SSM), l.traffic());
    assertSame(APP_A, l.subnet("app-a").orElseThrow());
    assertSame(EP_B, l.subnet("ep-b").orElseThrow());
    assertSame(WEB, l.instance("web").orElseThrow());
    assertSame(ECR, l.endpoint("ecr.api").orElseThrow());
    assertTrue(l.hasGateway("s3"));
    assertEquals(List.of("ep-a", "ep-b", "edge", "app-a"), List.copyOf(l.subnetsByName().keySet()));
    assertEquals(List.of("us-east-1a", "us-east-1b", "us-east-1c"), l.azs());
    assertEquals(3, l.eniCount()); // 2 of ssm in shared, 1 of ecr.api in app
    assertEquals(4, l.instanceCount());
    // a sweep's copy keeps the VPCs
    Layout swept = l.withTraffic(List.of());
    assertEquals(l.vpcs(), swept.vpcs());
    assertEquals(List.of(), swept.traffic());
  }

  @Test
  void eachPartKnowsItsVpc() {
    Layout l = design();
    assertEquals("shared", EP_A.vpc());
    assertEquals("app", APP_A.vpc());
    assertEquals("app", WEB.vpc());
    assertEquals("app", NAT.vpc());
    assertEquals("shared", SSM.vpc());
    assertEquals("shared", SSM.enis().get(1).vpc());
    assertEquals("shared", SHARED.gateways().get(0).vpc());
    assertSame(APP, l.vpcOf(APP_A));
    assertSame(SHARED, l.vpcOf(EP_B));
    for (Vpc v : l.vpcs()) {
      for (Subnet s : v.subnets()) {
        assertSame(v, l.vpcOf(s), s.name());
      }
    }
  }

  @Test
  void aDesignOfSeveralVpcsHasNoSingleVpc() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> design().vpc());
    assertTrue(e.getMessage().contains("2 VPCs"), e.getMessage());
  }

  @Test
  void aPartMustStandInItsOwnVpc() {
    Subnet stray = subnet("app", "stray", "us-east-1a", "10.0.9.0/24", false);
    assertThrows(IllegalArgumentException.class, () -> new Vpc("shared",
        Cidr.parse("10.0.0.0/16"), true, true, O, List.of(stray), List.of(), List.of(),
        List.of(), List.of()));
    // an endpoint of shared with an ENI in a subnet of app
    InterfaceEndpoint across = new InterfaceEndpoint("shared", "sts",
        List.of(new Eni(APP_A, "10.1.1.11", O)), true, false, List.of(), true, O);
    assertThrows(IllegalArgumentException.class, () -> new Vpc("shared",
        Cidr.parse("10.0.0.0/16"), true, true, O, List.of(EP_A), List.of(across), List.of(),
        List.of(), List.of()));
  }

  @Test
  void namesAreUniqueInTheDesign() {
    Region r = Region.of("us-east-1").orElseThrow();
    assertThrows(IllegalArgumentException.class,
        () -> new Layout("twice", r, List.of(SHARED, SHARED), List.of(), O));
    Vpc other = new Vpc("other", Cidr.parse("10.2.0.0/16"), true, true, O,
        List.of(subnet("other", "ep-a", "us-east-1a", "10.2.1.0/24", false)), List.of(),
        List.of(), List.of(), List.of());
    assertThrows(IllegalArgumentException.class,
        () -> new Layout("clash", r, List.of(SHARED, other), List.of(), O));
  }

  @Test
  void theBuilderMakesOneDefaultVpcHoldingEveryPart() {
    Layout l = TestLayouts.layout("""
        az 1a subnet public edge
        az 1a subnet private app
        nat in 1a
        gateway s3
        endpoint ssm in app
        instance web in app needs ssm""");
    assertEquals(1, l.vpcs().size());
    Vpc vpc = l.vpc();
    assertSame(vpc, l.vpcs().get(0));
    assertEquals(Vpc.DEFAULT_NAME, vpc.name());
    assertEquals(l.subnets(), vpc.subnets());
    assertEquals(l.endpoints(), vpc.endpoints());
    assertEquals(l.gateways(), vpc.gateways());
    assertEquals(l.nats(), vpc.nats());
    assertEquals(l.instances(), vpc.instances());
    assertEquals(List.of("default"), l.subnets().stream().map(Subnet::vpc).distinct().toList());
    assertEquals("default", l.instance("web").orElseThrow().vpc());
    assertEquals("default", l.endpoint("ssm").orElseThrow().vpc());
    assertEquals("default", l.gateways().get(0).vpc());
    assertEquals("default", l.nats().get(0).vpc());
    assertSame(vpc, l.vpcOf(l.subnet("app").orElseThrow()));
  }
}
