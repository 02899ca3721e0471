package dev.vpclab.reach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vpclab.model.Instance;
import dev.vpclab.model.Layout;
import dev.vpclab.testing.Hand;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The reachability rules of designs of several VPCs (docs/reach.md "Designs of several VPCs"),
 * one test per rule, on designs built by hand ({@link Hand}).
 */
class SeveralVpcsTest {
  static final String A = "us-east-1a";
  static final String B = "us-east-1b";

  static Decision decide(Layout l, String subnet, String destination, String... failed) {
    return new Reachability(l, Set.of(failed)).decide(l.subnet(subnet).orElseThrow(),
        destination);
  }

  /**
   * shared (ep-a in 1a, ep-b in 1b) with ssm's ENIs in {@code enis} (private DNS off, allow
   * 10.0.0.0/8), attached to hub in {@code sharedAttached} only; app with {@code appSubnets} (app-a
   * in 1a, app-b in 1b), attached in all of them, and web in {@code web} needing ssm; ssm shared
   * from shared with app.
   */
  static Layout sharedSsm(List<String> enis, String sharedAttached, List<String> appSubnets,
      String web) {
    Hand h = new Hand("c").vpc("shared").subnet("shared", "ep-a", "1a")
        .subnet("shared", "ep-b", "1b")
        .endpoint("shared", "ssm", false, "10.0.0.0/8", enis.toArray(new String[0]))
        .vpc("app");
    for (String s : appSubnets) {
      h.subnet("app", s, s.equals("app-a") ? "1a" : "1b");
    }
    return h.instance("web", List.of("ssm"), web)
        .attach("hub", "shared", sharedAttached)
        .attach("hub", "app", appSubnets.toArray(new String[0]))
        .share("ssm", "shared", "app").build();
  }

  @Test
  void aSharedEndpointIsReachedThroughTheTransitGatewayFromTheSameAz() {
    Layout l = Hand.central().build();
    Decision a = decide(l, "app-a", "ssm");
    assertTrue(a.reachable(), a.toString());
    assertEquals(Via.ENDPOINT, a.via());
    assertEquals("10.0.1.10", a.eni().ip()); // shared's ENI in ep-a, 1a
    assertFalse(a.crossAz());
    assertEquals(new Link(Link.Kind.TGW, "hub"), a.link());
    Decision b = decide(l, "app-b", "ssm");
    assertEquals("10.0.2.10", b.eni().ip());
    assertEquals(B, b.targetAz());
  }

  @Test
  void aSharedEndpointIsReachedOverAPeering() {
    Layout l = new Hand("direct").vpc("shared").subnet("shared", "ep-a", "1a")
        .endpoint("shared", "ssm", false, "10.0.0.0/8", "ep-a")
        .vpc("app").subnet("app", "app-b", "1b").instance("web", List.of("ssm"), "app-b")
        .peering("app", "shared").share("ssm", "shared", "app").build();
    Decision d = decide(l, "app-b", "ssm");
    assertTrue(d.reachable(), d.toString());
    assertEquals(new Link(Link.Kind.PEERING, "app-shared"), d.link());
    assertTrue(d.crossAz()); // peering has no attachment: the only ENI, in 1a
  }

  @Test
  void theSharedEndpointsSecurityGroupMustAdmitTheOtherVpcsSubnet() {
    Layout l = new Hand("sg").vpc("shared").subnet("shared", "ep-a", "1a")
        .endpoint("shared", "ssm", false, null, "ep-a") // allows 10.0.0.0/16 only
        .vpc("app").subnet("app", "app-a", "1a").instance("web", List.of("ssm"), "app-a")
        .peering("app", "shared").share("ssm", "shared", "app").build();
    assertEquals(List.of(Reason.SG_DENIED), decide(l, "app-a", "ssm").reasons());
  }

  @Test
  void withoutAPeeringOrTransitGatewayASharedEndpointHasNoRoute() {
    Layout l = Hand.central().build();
    Layout cut = new Layout(l.name(), l.region(), l.vpcs(), List.of(), List.of(), l.shares(),
        l.traffic(), l.origin());
    assertEquals(List.of(Reason.NO_ROUTE), decide(cut, "app-a", "ssm").reasons());
  }

  @Test
  void aGatewayEndpointServesOnlyItsOwnVpc() {
    Layout l = Hand.central().build(); // s3's gateway endpoint is in shared; app has no NAT
    Decision d = decide(l, "app-a", "s3");
    assertEquals(List.of(Reason.NO_ROUTE), d.reasons());
    Layout withNat = Hand.central().subnet("app", "app-pub", "1a", true).nat("app", "app-pub")
        .build();
    assertEquals(Via.NAT, decide(withNat, "app-a", "s3").via());
    assertEquals(Via.GATEWAY_ENDPOINT, decide(Hand.central().instance("ops", List.of("s3"),
        "ep-a").build(), "ep-a", "s3").via());
  }

  @Test
  void aNatGatewayServesOnlyItsOwnVpc() {
    Layout l = Hand.central().subnet("shared", "pub", "1a", true).nat("shared", "pub").build();
    assertEquals(List.of(Reason.NO_ROUTE), decide(l, "app-a", "internet").reasons());
    assertEquals(Via.NAT, decide(l, "ep-a", "internet").via());
  }

  @Test
  void anAzWhoseVpcAttachmentHasNoSubnetCannotSendThroughTheTransitGateway() {
    // data's attachment has a subnet in 1a only: db-b (1b) cannot reach the shared endpoint
    Layout l = Hand.central().instance("job", List.of("ssm"), "db-b").build();
    assertEquals(List.of(Reason.NO_ATTACHMENT_SUBNET), decide(l, "db-b", "ssm").reasons());
    assertTrue(decide(l, "db-a", "ssm").reachable());
  }

  @Test
  void anEniInAnAzWithoutTheEndpointVpcsAttachmentIsNotUsed() {
    // shared attached in 1b only: app-a uses the ENI in 1b (cross-AZ), not the one in 1a
    Layout l = sharedSsm(List.of("ep-a", "ep-b"), "ep-b", List.of("app-a", "app-b"), "app-a");
    Decision d = decide(l, "app-a", "ssm");
    assertTrue(d.reachable(), d.toString());
    assertEquals(B, d.targetAz());
    assertTrue(d.crossAz());
    // with its only ENI in 1a, nothing is usable
    Layout only1a = sharedSsm(List.of("ep-a"), "ep-b", List.of("app-a"), "app-a");
    assertEquals(List.of(Reason.NO_ATTACHMENT_SUBNET), decide(only1a, "app-a", "ssm")
        .reasons());
  }

  @Test
  void aPeeringWinsOverATransitGatewayBetweenTheSameVpcs() {
    Layout l = Hand.central().peering("app", "shared").build();
    assertEquals(new Link(Link.Kind.PEERING, "app-shared"), decide(l, "app-a", "ssm").link());
  }

  @Test
  void peeringIsNotTransitive() {
    // app - shared - data peered in a line: app does not reach db
    Layout l = new Hand("line").vpc("shared").subnet("shared", "ep-a", "1a")
        .vpc("app").subnet("app", "app-a", "1a").instance("web", List.of("db"), "app-a")
        .vpc("data").subnet("data", "db-a", "1a").instance("db", List.of(), "db-a")
        .peering("app", "shared").peering("shared", "data").build();
    assertEquals(List.of(Reason.NO_ROUTE), decide(l, "app-a", "db").reasons());
    assertEquals(Via.PEERING, decide(l, "ep-a", "db").via());
  }

  @Test
  void instanceToInstanceInOneVpcTakesTheLocalRoute() {
    Layout l = Hand.central().instance("cache", List.of(), "app-b").build();
    Decision d = decide(l, "app-a", "cache");
    assertTrue(d.reachable());
    assertEquals(Via.LOCAL, d.via());
    assertNull(d.link());
    assertEquals(B, d.targetAz());
    assertTrue(d.crossAz());
  }

  @Test
  void instanceToInstanceOverAPeering() {
    Layout l = Hand.central().peering("app", "data").build();
    Decision d = decide(l, "app-a", "db");
    assertEquals(Via.PEERING, d.via());
    assertEquals(new Link(Link.Kind.PEERING, "app-data"), d.link());
    assertFalse(d.crossAz());
  }

  @Test
  void instanceToInstanceThroughATransitGateway() {
    Layout l = Hand.central().build();
    Decision d = decide(l, "app-b", "db");
    assertTrue(d.reachable(), d.toString());
    assertEquals(Via.TGW, d.via());
    assertEquals(new Link(Link.Kind.TGW, "hub"), d.link());
    assertEquals(A, d.targetAz());
    assertTrue(d.crossAz());
    // a member in an AZ where data's attachment has no subnet: replies cannot come back
    Layout spread = Hand.central().instance("db2", List.of(), "db-a", "db-b").build();
    assertEquals(List.of(Reason.NO_ATTACHMENT_SUBNET), decide(spread, "app-a", "db2")
        .reasons());
  }

  @Test
  void anInstanceWithEveryMemberDownIsTargetDown() {
    Layout l = Hand.central().build();
    assertEquals(List.of(Reason.TARGET_DOWN), decide(l, "app-b", "db", A).reasons());
  }

  @Test
  void aSpreadGroupIsDecidedPerPlacement() {
    Layout l = Hand.central().build();
    List<PairResult> pairs = ReachEngine.check(l, Set.of());
    assertEquals(List.of("web@app-a db", "web@app-a s3", "web@app-a ssm", "web@app-b db",
        "web@app-b s3", "web@app-b ssm"), pairs.stream().map(p -> p.instance() + " "
        + p.service()).toList());
    assertEquals("app", pairs.get(0).vpc());
  }

  @Test
  void aSpreadGroupsPairBreaksWhenAMemberOutsideTheFailedAzLosesIt() {
    Layout l = Hand.central().build();
    FailureReport f = FailureAnalysis.fail(l, Set.of(A));
    // web@app-a and db are down with 1a; web@app-b loses db; ssm has its ENI in 1b
    assertEquals(List.of("web@app-a", "db"), f.down());
    assertEquals(2, f.instancesDown());
    assertEquals(List.of("web@app-b db TARGET_DOWN"), f.broken().stream()
        .map(b -> b.instance() + " " + b.service() + " " + b.reasons().get(0).name()).toList());
    assertNull(f.fix()); // no statement spreads an instance: nothing is suggested
    FailureReport g = FailureAnalysis.fail(l, Set.of(B));
    assertTrue(g.breaksNothing(), g.toString());
  }

  @Test
  void dnsHostnamesOffInTheConsumerVpcBlocksTheSharedZone() {
    Layout l = Hand.central().dns("data", true, false).build();
    Decision d = decide(l, "db-a", "ssm");
    assertEquals(List.of(Reason.NO_ROUTE, Reason.PRIVATE_DNS_UNAVAILABLE), d.reasons());
    DnsAnswer a = Resolver.resolve(l, l.vpc("data").orElseThrow(), "ssm", Set.of());
    assertFalse(a.privateAnswer());
    assertTrue(a.note().contains("DNS hostnames off"), a.note());
    DnsAnswer app = Resolver.resolve(l, l.vpc("app").orElseThrow(), "ssm", Set.of());
    assertTrue(app.privateAnswer());
    assertEquals("private hosted zone ssm.us-east-1.amazonaws.com (share from shared)",
        app.note());
    assertEquals(List.of("10.0.1.10", "10.0.2.10"), app.addresses());
  }

  @Test
  void theEndpointsOwnVpcResolvesThroughTheShareWhenItsPrivateDnsIsOff() {
    Layout l = Hand.central().instance("ops", List.of("ssm"), "ep-b").build();
    Decision d = decide(l, "ep-b", "ssm");
    assertTrue(d.reachable(), d.toString());
    assertNull(d.link());
    assertEquals(B, d.targetAz());
  }

  @Test
  void aVpcsOwnEndpointWithPrivateDnsWinsOverTheShare() {
    Layout l = Hand.central().endpoint("data", "ssm", true, null, "db-b").build();
    Decision d = decide(l, "db-a", "ssm");
    assertNull(d.link());
    assertEquals("10.2.2.10", d.eni().ip());
  }

  @Test
  void anAttachmentSubnetGoesDownWithItsAz() {
    // shared attached in 1a only, ENIs in 1a and 1b: 1a down leaves the ENI in 1b unusable
    Layout l = sharedSsm(List.of("ep-a", "ep-b"), "ep-a", List.of("app-a", "app-b"), "app-b");
    assertTrue(decide(l, "app-b", "ssm").reachable());
    FailureReport f = FailureAnalysis.fail(l, Set.of(A));
    assertEquals(List.of(Reason.NO_ATTACHMENT_SUBNET), f.broken().get(0).reasons());
    assertEquals("tgw hub attach shared in 1a, 1b", f.fix().statement());
    assertEquals(List.of(B), f.fix().addedAttachmentAzs());
    assertEquals(0, f.fix().addedEnis());
    Layout fixed = f.fix().apply(l);
    assertEquals(List.of(A, B), fixed.tgws().get(0).attachment("shared").orElseThrow().azs());
    assertTrue(FailureAnalysis.fail(fixed, Set.of(A)).breaksNothing());
  }

  @Test
  void aSharedEndpointsFixIsWrittenInItsVpcsBlockWithTheAttachmentItNeeds() {
    // ssm's only ENI in ep-a; shared attached in 1a only; web in app-b (1b)
    Layout l = sharedSsm(List.of("ep-a"), "ep-a", List.of("app-a", "app-b"), "app-b");
    FailureReport f = FailureAnalysis.fail(l, Set.of(A));
    assertEquals(List.of(Reason.NO_ENI_UP), f.broken().get(0).reasons());
    assertEquals("vpc shared { endpoint ssm in 1a, 1b private-dns off allow 10.0.0.0/8 }; "
        + "tgw hub attach shared in 1a, 1b", f.fix().statement());
    assertEquals(1, f.fix().addedEnis());
    Layout fixed = f.fix().apply(l);
    assertEquals(List.of(A, B), fixed.vpc("shared").orElseThrow().endpoint("ssm").orElseThrow()
        .azs());
    assertEquals("10.0.2.10", fixed.vpc("shared").orElseThrow().endpoint("ssm").orElseThrow()
        .enis().get(1).ip());
    assertTrue(FailureAnalysis.fail(fixed, Set.of(A)).breaksNothing());
    assertTrue(FailureAnalysis.resilience(fixed).survivesAzFailure());
  }

  @Test
  void aNatFixInANamedVpcIsWrittenInItsBlockAndApplied() {
    Layout l = new Hand("n").vpc("shared").subnet("shared", "ep-a", "1a")
        .vpc("app").subnet("app", "pub-a", "1a", true).subnet("app", "app-a", "1a")
        .subnet("app", "app-b", "1b").nat("app", "pub-a")
        .instance("web", List.of("internet"), "app-b").build();
    FailureReport f = FailureAnalysis.fail(l, Set.of(A));
    assertEquals("vpc app { az 1b subnet public; nat in 1b }", f.fix().statement());
    Layout fixed = f.fix().apply(l);
    assertEquals(2, fixed.vpc("app").orElseThrow().nats().size());
    assertEquals("public-1b", fixed.subnet("public-1b").orElseThrow().name());
    assertEquals(Via.NAT, decide(fixed, "app-b", "internet", A).via());
  }

  @Test
  void aSingleVpcFixAppliedMatchesTheRebuiltLayout() {
    Layout l = dev.vpclab.testing.TestLayouts.seedSingle();
    FailureReport f = FailureAnalysis.fail(l, Set.of("ap-northeast-1c"));
    assertEquals("endpoint ssm, ec2messages, ssmmessages in 1a, 1c", f.fix().statement());
    Layout fixed = f.fix().apply(l);
    Layout perAz = dev.vpclab.testing.TestLayouts.seedPerAz();
    assertEquals(perAz.endpoints().stream().map(e -> e.service() + e.enis().stream()
        .map(x -> x.subnet().name() + x.ip()).toList()).toList(),
        fixed.endpoints().stream().map(e -> e.service() + e.enis().stream()
            .map(x -> x.subnet().name() + x.ip()).toList()).toList());
  }

  static List<String> hops(PairResult p) {
    return p.hops().stream().map(h -> h.step() + ": " + h.detail() + (h.ok() ? "" : " (NO)"))
        .toList();
  }

  @Test
  void reachShowsTheZoneTheRouteBothAttachmentsTheSecurityGroupAndTheTarget() {
    Layout l = Hand.central().build();
    Reachability r = new Reachability(l, Set.of());
    PairResult p = ReachEngine.paths(r, l.instance("web").orElseThrow(), "ssm").get(1);
    assertEquals("web@app-b", p.instance());
    assertEquals("app", p.vpc());
    assertEquals("ENI 10.0.2.10 in us-east-1b (same AZ) via tgw hub", p.path());
    assertEquals(List.of(
        "dns: ssm.us-east-1.amazonaws.com -> 10.0.1.10, 10.0.2.10 (private hosted zone"
            + " ssm.us-east-1.amazonaws.com (share from shared))",
        "route: 10.0.0.0/16 -> tgw hub (route table of app-b)",
        "attachment: tgw hub attachment of app in us-east-1b: subnet app-b",
        "attachment: tgw hub attachment of shared in us-east-1b: subnet ep-b",
        "security-group: sg of endpoint ssm in VPC shared allows 443 from 10.0.0.0/8",
        "target: ENI 10.0.2.10 in us-east-1b (same AZ), subnet ep-b"), hops(p));
    PairResult db = ReachEngine.paths(r, l.instance("web").orElseThrow(), "db").get(1);
    assertEquals("tgw hub to db in db-a (us-east-1a) (cross-AZ)", db.path());
    assertEquals(List.of(
        "route: 10.2.0.0/16 -> tgw hub (route table of app-b)",
        "attachment: tgw hub attachment of app in us-east-1b: subnet app-b",
        "attachment: tgw hub attachment of data in us-east-1a: subnet db-a",
        "target: instance db (1 member) in db-a (us-east-1a, cross-AZ)"), hops(db));
  }

  @Test
  void blockedPathsSayWhichAttachmentOrRouteIsMissing() {
    Layout l = Hand.central().instance("job", List.of("ssm", "web"), "db-b").build();
    Reachability r = new Reachability(l, Set.of());
    PairResult ssm = ReachEngine.path(r, l.instance("job").orElseThrow(), "ssm");
    assertEquals("blocked: tgw hub attachment of data has no subnet in us-east-1b",
        ssm.path());
    assertTrue(hops(ssm).contains("attachment: tgw hub attachment of data has no subnet in"
        + " us-east-1b (it has: us-east-1a) (NO)"), hops(ssm).toString());
    Layout cut = new Layout(l.name(), l.region(), l.vpcs(), List.of(), List.of(), l.shares(),
        l.traffic(), l.origin());
    PairResult web = ReachEngine.path(new Reachability(cut, Set.of()),
        cut.instance("job").orElseThrow(), "web");
    assertEquals("blocked: no route from VPC data to VPC app (instance web): no peering"
        + " connection or transit gateway joins them", web.path());
  }

  @Test
  void warningsNameTheVpc() {
    Layout l = Hand.central().dns("data", true, false).dns("app", false, false).build();
    List<String> w = ReachEngine.warnings(l);
    assertTrue(w.get(0).startsWith("VPC app: the VPC has DNS support off"), w.toString());
    assertTrue(w.get(1).startsWith("VPC data: the private hosted zone of ssm (share from shared)"
        + " does not answer"), w.toString());
    assertEquals(2, w.size(), w.toString());
  }

  @Test
  void decisionsAreMemoisedPerSubnetAndDestination() {
    // a hub sharing ssm with 12 spokes on one transit gateway, each spoke two groups over 2 AZs
    Hand h = new Hand("hub").vpc("hub").subnet("hub", "h-a", "1a").subnet("hub", "h-b", "1b")
        .endpoint("hub", "ssm", false, "10.0.0.0/8", "h-a", "h-b").attach("t", "hub", "h-a", "h-b");
    List<String> spokes = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      String v = "s" + i;
      spokes.add(v);
      h.vpc(v).subnet(v, v + "-a", "1a").subnet(v, v + "-b", "1b")
          .instance(v + "-web", List.of("ssm", "internet"), v + "-a", v + "-b")
          .instance(v + "-api", List.of("ssm", "s1-web"), v + "-a", v + "-b")
          .attach("t", v, v + "-a", v + "-b");
    }
    Layout l = h.share("ssm", "hub", spokes.toArray(new String[0])).build();
    Reachability r = new Reachability(l, Set.of());
    Set<Decision> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Instance i : l.instances()) {
      for (Instance.Placement p : i.placements()) {
        for (String need : i.needs()) {
          Decision d = r.decide(p.subnet(), need);
          assertTrue(d == r.decide(p.subnet(), need));
          distinct.add(d);
        }
      }
    }
    // 12 spokes x 2 groups x 2 placements x 2 needs = 96 pairs; 24 subnets x 3 destinations
    // (ssm, internet, s1-web): at most 72 decisions
    assertEquals(96, ReachEngine.check(r).size());
    assertTrue(distinct.size() <= 72, distinct.size() + " decisions");
    assertTrue(r.decide(l.subnet("s7-b").orElseThrow(), "s1-web").reachable());
  }

  @Test
  void aSharedEndpointsEnisOutsideTheAttachmentAreWarnedAbout() {
    Layout l = sharedSsm(List.of("ep-a", "ep-b"), "ep-a", List.of("app-a"), "app-a");
    assertEquals(List.of("endpoint ssm (main.tf: hand) of VPC shared: its ENIs in us-east-1b are"
        + " not used from VPCs that reach it through tgw hub, whose attachment of shared has no"
        + " subnet there (fix: tgw hub attach shared in 1a, 1b)"), ReachEngine.warnings(l));
    assertEquals(List.of(), ReachEngine.warnings(Hand.central().build()));
  }

  @Test
  void dnsSupportOffBlocksServicesButNotInstanceDestinations() {
    // vpclab takes instances' addresses as known: no DNS query is made to reach one
    Layout l = Hand.central().dns("app", false, false).build();
    assertEquals(List.of(Reason.DNS_SUPPORT_OFF), decide(l, "app-a", "ssm").reasons());
    assertEquals(Via.TGW, decide(l, "app-a", "db").via());
  }
}
