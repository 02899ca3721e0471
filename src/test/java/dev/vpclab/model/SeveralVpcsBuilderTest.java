package dev.vpclab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vpclab.lang.Diagnostic;
import dev.vpclab.lang.Diagnostics;
import dev.vpclab.testing.TestLayouts;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Designs of several VPCs built from source: VPCs, attachments, placements, peerings, shares. */
class SeveralVpcsBuilderTest {
  /** The example of the language reference (LANGUAGE.md, "Designs of several VPCs"). */
  static final String CENTRAL = TestLayouts.CENTRAL;

  static List<String> names(List<Vpc> vpcs) {
    return vpcs.stream().map(Vpc::name).toList();
  }

  static List<String> subnetNames(List<Subnet> subnets) {
    return subnets.stream().map(Subnet::name).toList();
  }

  @Test
  void theReferenceExampleBuildsThreeVpcsJoinedByATransitGateway() {
    Layout l = TestLayouts.layout(CENTRAL);
    assertEquals(List.of("shared", "app", "data"), names(l.vpcs()));
    assertEquals(List.of("10.0.0.0/16", "10.1.0.0/16", "10.2.0.0/16"),
        l.vpcs().stream().map(v -> v.cidr().toString()).toList());
    assertTrue(l.severalVpcs());
    // automatic subnet CIDRs within each VPC's own CIDR, from its second /24
    assertEquals("10.1.1.0/24", l.subnet("app-a").orElseThrow().cidr().toString());
    assertEquals("10.1.2.0/24", l.subnet("app-b").orElseThrow().cidr().toString());
    assertEquals("10.2.1.0/24", l.subnet("db-a").orElseThrow().cidr().toString());
    // ENI addresses per subnet: ec2messages .10, ssm .11, ssmmessages .12
    InterfaceEndpoint ssm = l.vpc("shared").orElseThrow().endpoint("ssm").orElseThrow();
    assertEquals(List.of("10.0.1.11", "10.0.2.11"), ssm.enis().stream().map(Eni::ip).toList());
    assertFalse(ssm.privateDns());
    assertEquals("shared", ssm.vpc());
    // one transit gateway, an attachment per VPC: every AZ the VPC has, or the AZs listed
    assertEquals(1, l.tgws().size());
    TransitGateway hub = l.tgws().get(0);
    assertEquals("hub", hub.name());
    assertEquals(List.of("shared", "app", "data"),
        hub.attachments().stream().map(TransitGateway.Attachment::vpc).toList());
    assertEquals(List.of("ep-a", "ep-b"), subnetNames(hub.attachment("shared").orElseThrow()
        .subnets()));
    assertEquals(List.of("app-a", "app-b"), subnetNames(hub.attachment("app").orElseThrow()
        .subnets()));
    assertEquals(List.of("db-a"), subnetNames(hub.attachment("data").orElseThrow().subnets()));
    // the spread group: 4 members over two subnets, 2 each
    Instance web = l.instance("web").orElseThrow();
    assertTrue(web.spread());
    assertEquals("app", web.vpc());
    assertEquals(List.of(2, 2), web.placements().stream().map(Instance.Placement::count).toList());
    assertEquals(List.of("db", "ec2messages", "ssm", "ssmmessages"), web.needs());
    assertEquals("data", l.instance("db").orElseThrow().vpc());
    // one share per service, associated with the VPC shared from and those listed
    assertEquals(List.of("ssm", "ec2messages", "ssmmessages"),
        l.shares().stream().map(Share::service).toList());
    for (Share s : l.shares()) {
      assertEquals("shared", s.from());
      assertEquals(List.of("app", "data"), s.with());
    }
    assertEquals("shared", l.shareFor("data", "ssm").orElseThrow().from());
    assertEquals(List.of("web->db", "web->ssm"), l.traffic().stream()
        .map(t -> t.source() + "->" + t.destination()).toList());
    assertTrue(l.isInstance("db"));
  }

  @Test
  void extendsKeepsEveryVpcAndNoFormsRemove() {
    Layout direct = TestLayouts.layout(CENTRAL + """
        no tgw hub
        peering app, data
        """);
    assertTrue(direct.tgws().isEmpty());
    assertEquals(1, direct.peerings().size());
    assertTrue(direct.peering("data", "app").isPresent());

    Layout fewer = TestLayouts.layout(CENTRAL + """
        no vpc data
        no share ec2messages from shared
        """);
    assertEquals(List.of("shared", "app"), names(fewer.vpcs()));
    // the attachment, the share association and the traffic naming data or db are gone
    assertEquals(List.of("shared", "app"), fewer.tgws().get(0).attachments().stream()
        .map(TransitGateway.Attachment::vpc).toList());
    assertEquals(List.of("ssm", "ssmmessages"), fewer.shares().stream().map(Share::service)
        .toList());
    assertEquals(List.of("app"), fewer.shares().get(0).with());
    assertEquals(List.of("web->ssm"), fewer.traffic().stream()
        .map(t -> t.source() + "->" + t.destination()).toList());
    assertEquals(List.of("ec2messages", "ssm", "ssmmessages"),
        fewer.instance("web").orElseThrow().needs());
  }

  @Test
  void aLayoutThatExtendsCopiesEveryVpcAndItsLinks() {
    Layout direct = TestLayouts.extended(CENTRAL, """
        no tgw hub
        peering app, data
        vpc data cidr 10.7.0.0/16 { }
        """);
    assertEquals(List.of("shared", "app", "data"), names(direct.vpcs()));
    // a block with another CIDR after extends replaces the parent's: the subnets follow it
    assertEquals("10.7.0.0/16", direct.vpc("data").orElseThrow().cidr().toString());
    assertEquals("10.7.1.0/24", direct.subnet("db-a").orElseThrow().cidr().toString());
    assertTrue(direct.tgws().isEmpty());
    assertEquals(List.of("app-data"), direct.peerings().stream().map(p -> p.a() + "-" + p.b())
        .toList());
    assertEquals(3, direct.shares().size());

    Layout fewer = TestLayouts.extended(CENTRAL, "no vpc data\nno share ssm from shared\n");
    assertEquals(List.of("shared", "app"), names(fewer.vpcs()));
    assertEquals(List.of("ec2messages", "ssmmessages"),
        fewer.shares().stream().map(Share::service).toList());
    assertTrue(fewer.instance("db").isEmpty());
    assertFalse(fewer.instance("web").orElseThrow().needs().contains("db"));
  }

  @Test
  void badDesignsAreLocatedErrorsAndNothingElse() {
    Diagnostics d = TestLayouts.diagnostics("us-east-1", """
        vpc app cidr 10.1.0.0/16 { az 1a subnet private app-a; instance web in app-a, db-a }
        vpc data cidr 10.1.0.0/16 { az 1a subnet private db-a }
        peering app, data
        tgw hub attach app in 1b
        share ssm from app with data
        """);
    List<Diagnostic> errors = d.errors();
    assertEquals(List.of(1, 3, 4, 5), errors.stream().map(Diagnostic::line).toList(),
        TestLayouts.render(d));
    assertEquals("group web spreads over VPC app and VPC data (subnet db-a)",
        errors.get(0).message());
    assertTrue(errors.get(1).message().startsWith("peered VPCs need CIDRs that do not overlap"));
    assertEquals("add: vpc app { az 1b subnet private }", errors.get(2).hint());
    assertEquals("VPC app has no interface endpoint for ssm to share", errors.get(3).message());
  }

  @Test
  void aSecondBlockAddsToItsVpcWithTheUsualReplacements() {
    Layout l = TestLayouts.layout(CENTRAL + """
        vpc app {
          az 1c subnet private app-c
          instance web in app-a, app-b, app-c count 7
        }
        vpc data cidr 10.2.0.0/16 { az 1b subnet private db-b }
        tgw hub attach data in 1a, 1b
        share ssm from shared with app
        """);
    assertEquals(List.of("shared", "app", "data"), names(l.vpcs()));
    assertEquals(List.of("app-a", "app-b", "app-c"),
        subnetNames(l.vpc("app").orElseThrow().subnets()));
    // 7 over three subnets: 3, 2, 2 (the remainder to the first subnets listed)
    assertEquals(List.of(3, 2, 2), l.instance("web").orElseThrow().placements().stream()
        .map(Instance.Placement::count).toList());
    // no needs on the new line: the needs are its traffic's
    assertEquals(List.of("db", "ssm"), l.instance("web").orElseThrow().needs());
    TransitGateway hub = l.tgws().get(0);
    assertEquals(List.of("us-east-1a", "us-east-1b"),
        hub.attachment("data").orElseThrow().azs());
    // an attachment without 'in' takes the AZs the VPC had when built: app now has 1c too
    assertEquals(List.of("us-east-1a", "us-east-1b", "us-east-1c"),
        hub.attachment("app").orElseThrow().azs());
    Share ssm = l.shares().get(0);
    assertEquals("ssm", ssm.service());
    assertEquals(List.of("app"), ssm.with());
    assertTrue(l.shareFor("data", "ssm").isEmpty());
  }

  @Test
  void vpcsWithoutCidrTakeTheFirstFree16AfterTheDefaultVpc() {
    Layout l = TestLayouts.layout("""
        az 1a subnet private base
        vpc a { az 1a subnet private a1 }
        vpc b cidr 10.1.0.0/16 { az 1a subnet private b1 }
        vpc c { az 1b subnet private c1 }
        peering default, a
        """);
    assertEquals(List.of("default", "a", "b", "c"), names(l.vpcs()));
    assertEquals(List.of("10.0.0.0/16", "10.2.0.0/16", "10.1.0.0/16", "10.3.0.0/16"),
        l.vpcs().stream().map(v -> v.cidr().toString()).toList());
    assertEquals("10.2.1.0/24", l.subnet("a1").orElseThrow().cidr().toString());
    assertEquals("10.3.1.0/24", l.subnet("c1").orElseThrow().cidr().toString());
    assertTrue(l.peering("a", "default").isPresent());
  }

  @Test
  void aLayoutOfBlocksOnlyHasNoDefaultVpc() {
    Layout l = TestLayouts.layout("""
        vpc app { az 1a subnet private app-a; instance web in app-a needs db }
        vpc data { az 1a subnet private db-a; instance db in db-a }
        peering app, data
        traffic web -> db 10 GB
        """);
    assertEquals(List.of("app", "data"), names(l.vpcs()));
    assertEquals(List.of("10.0.0.0/16", "10.1.0.0/16"),
        l.vpcs().stream().map(v -> v.cidr().toString()).toList());
    assertEquals(List.of("db"), l.instance("web").orElseThrow().needs());
  }

  @Test
  void noVpcThenABlockAgainStartsItAfresh() {
    Layout l = TestLayouts.layout(CENTRAL + """
        no vpc app
        vpc app cidr 10.5.0.0/16 { az 1c subnet private app-c; instance api in app-c needs ssm }
        tgw hub attach app
        """);
    assertEquals(List.of("shared", "data", "app"), names(l.vpcs()));
    assertEquals("10.5.0.0/16", l.vpc("app").orElseThrow().cidr().toString());
    assertEquals(List.of("app-c"), subnetNames(l.vpc("app").orElseThrow().subnets()));
    assertTrue(l.instance("web").isEmpty());
    // the traffic of web went with it; the share lost app, the new attachment is in 1c
    assertEquals(List.of(), l.traffic());
    assertEquals(List.of("data"), l.shares().get(0).with());
    assertEquals(List.of("us-east-1c"),
        l.tgws().get(0).attachment("app").orElseThrow().azs());
  }

  @Test
  void emptyBlocksDeclareTheirVpcsInOrder() {
    Layout l = TestLayouts.layout("""
        vpc a { }
        vpc b cidr 10.9.0.0/16 { }
        vpc c { }
        vpc b { az 1a subnet private b1; instance y in b1 }
        vpc d { }
        no vpc d
        """);
    assertEquals(List.of("a", "b", "c"), names(l.vpcs()));
    assertEquals(List.of("10.0.0.0/16", "10.9.0.0/16", "10.1.0.0/16"),
        l.vpcs().stream().map(v -> v.cidr().toString()).toList());
    assertEquals("b", l.instance("y").orElseThrow().vpc());
  }

  @Test
  void noVpcDropsTheTrafficWrittenInItsBlocks() {
    Layout l = TestLayouts.layout("""
        vpc app { az 1a subnet private app-a; instance web in app-a }
        vpc data { az 1a subnet private db-a; traffic web -> s3 5 GB; no instance web }
        traffic web -> ssm 1 GB
        no vpc data
        """);
    assertEquals(List.of("web->ssm"), l.traffic().stream()
        .map(t -> t.source() + "->" + t.destination()).toList());
    assertEquals(List.of("ssm"), l.instance("web").orElseThrow().needs());
  }

  @Test
  void aSpreadGroupWithoutCountHasOneMemberPerSubnet() {
    Layout l = TestLayouts.layout("""
        az 1a subnet private a; az 1b subnet private b; az 1c subnet private c
        instance web in a, b, c
        instance api in c, a count 5
        instance db in b needs web
        traffic api -> web 1 TB
        """);
    assertEquals(List.of(1, 1, 1), l.instance("web").orElseThrow().placements().stream()
        .map(Instance.Placement::count).toList());
    assertEquals(List.of("c", "a"), l.instance("api").orElseThrow().placements().stream()
        .map(p -> p.subnet().name()).toList());
    assertEquals(List.of(3, 2), l.instance("api").orElseThrow().placements().stream()
        .map(Instance.Placement::count).toList());
    assertEquals(List.of("web"), l.instance("db").orElseThrow().needs());
    assertEquals(List.of("web"), l.instance("api").orElseThrow().needs());
    assertFalse(l.severalVpcs());
  }

  @Test
  void dnsAndNatBelongToTheirOwnVpc() {
    Layout l = TestLayouts.layout("""
        vpc edge {
          az 1a subnet public pub
          nat in 1a
          vpc dns hostnames off
        }
        vpc app { az 1a subnet private app-a; gateway s3 }
        """);
    Vpc edge = l.vpc("edge").orElseThrow();
    assertFalse(edge.dnsHostnames());
    assertTrue(l.vpc("app").orElseThrow().dnsHostnames());
    assertEquals("10.0.1.4", edge.nats().get(0).ip());
    assertTrue(l.vpc("app").orElseThrow().hasGateway("s3"));
    assertFalse(edge.hasGateway("s3"));
  }
}
