package dev.vpclab.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vpclab.cost.TrafficPaths.Kind;
import dev.vpclab.cost.TrafficPaths.Route;
import dev.vpclab.model.Layout;
import dev.vpclab.reach.Link;
import dev.vpclab.testing.Hand;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Costs of designs of several VPCs (PRICING.md "Several VPCs", us-east-1: tgw.attachment.hour
 * 0.05, tgw.gb 0.02, crossaz.gb 0.01 each direction, endpoint.hour 0.01, endpoint.gb 0.01,
 * phz.month 0.50 for the first 25 zones then 0.10). The paths are hand-made routes per (sender
 * subnet, destination), as the reachability engine will decide them, so these tests fix the
 * pricing whatever reach decides.
 */
class SeveralVpcsCostTest {
  static final Link HUB = Link.tgw("hub");

  /** LANGUAGE.md's "central": shared (endpoints in 1a, 1b), app (web 2 + 2), data (db in 1a). */
  static Hand central(String name) {
    return new Hand(name)
        .vpc("shared").subnet("shared", "ep-a", "1a").subnet("shared", "ep-b", "1b")
        .endpoint("shared", "ssm", false, "10.0.0.0/8", "ep-a", "ep-b")
        .vpc("app").subnet("app", "app-a", "1a").subnet("app", "app-b", "1b")
        .group("web", "app-a", 2, "app-b", 2)
        .vpc("data").subnet("data", "db-a", "1a")
        .group("db", "db-a", 1)
        .traffic("web", "db", "2048")
        .traffic("web", "ssm", "50");
  }

  /** central with shared, app and data on the hub, ssm shared with app and data. */
  static Hand centralOnHub(String name) {
    return central(name).tgw("hub", "shared", "app", "data")
        .share("ssm", "shared", "app", "data");
  }

  /** db reached over the hub, ssm as given. */
  static Routes hub(Route ssm) {
    return new Routes(Map.of("db", Route.via(Kind.INSTANCE, false, HUB), "ssm", ssm));
  }

  /** Routes by destination; the senders asked, "subnet->destination", are recorded. */
  static final class Routes implements TrafficPaths.Router {
    final Map<String, Route> byDestination;
    final List<String> asked = new ArrayList<>();

    Routes(Map<String, Route> byDestination) {
      this.byDestination = byDestination;
    }

    @Override
    public Route route(dev.vpclab.model.Instance sender, dev.vpclab.model.Subnet from,
        String destination) {
      asked.add(from.name() + "->" + destination);
      return byDestination.get(destination);
    }
  }

  static CostResult cost(Layout l, TrafficPaths.Router r) {
    return cost(l, r, 730);
  }

  static CostResult cost(Layout l, TrafficPaths.Router r, int hours) {
    return new Bill(TrafficPaths.of(l, r), PriceBook.builtIn(), BigDecimal.valueOf(hours))
        .at(Rational.ONE);
  }

  static String part(CostResult c, CostPart p) {
    return Money.format(c.part(p));
  }

  static CostLine line(CostResult c, String item) {
    return c.lines().stream().filter(l -> l.item().equals(item)).findFirst()
        .orElseThrow(() -> new AssertionError("no line " + item + " in " + c.lines()));
  }

  @Test
  void centralOverATransitGateway() {
    Layout l = centralOnHub("central").build();
    Routes r = hub(Route.via(Kind.ENDPOINT, false, HUB));
    CostResult c = cost(l, r);
    // attachments: 3 x 730 h x 0.05 = 109.50 (36.50 each: Infracost's golden, one attachment)
    assertEquals("109.50", part(c, CostPart.TGW_ATTACHMENTS));
    CostLine app = line(c, "transit gateway hub attachment app");
    assertEquals("36.50", Money.format(app.monthly()));
    assertEquals(PriceItem.TGW_ATTACHMENT_HOUR, app.priceItem());
    assertEquals(0, app.quantity().compareTo(Rational.of(730)));
    // one zone (one share): 1 x 0.50, whatever the hours
    assertEquals("0.50", part(c, CostPart.PRIVATE_ZONES));
    // endpoint ssm in 2 AZs: 2 x 730 x 0.01 = 14.60; its data 50 x 0.01 = 0.50
    assertEquals("14.60", part(c, CostPart.ENDPOINT_HOURS));
    assertEquals("0.50", part(c, CostPart.ENDPOINT_DATA));
    // into the hub: web -> db 2 TB = 2048 x 0.02 = 40.96, web -> ssm 50 x 0.02 = 1.00: 41.96
    assertEquals("41.96", part(c, CostPart.TGW_DATA));
    CostLine tgw = line(c, "transit gateway hub data processing");
    assertEquals(0, tgw.quantity().compareTo(Rational.of(2098)));
    // no cross-AZ charge on transit gateway or PrivateLink paths
    assertEquals("0.00", part(c, CostPart.CROSS_AZ));
    // fixed 109.50 + 0.50 + 14.60 = 124.60; variable 0.50 + 41.96 = 42.46; total 167.06
    assertEquals("124.60", Money.format(c.fixed()));
    assertEquals("42.46", Money.format(c.variable()));
    assertEquals("167.06", Money.format(c.total()));
    assertTrue(c.complete());
    // web's two subnets asked once per destination
    assertEquals(List.of("app-a->db", "app-b->db", "app-a->ssm", "app-b->ssm"), r.asked);
  }

  @Test
  void languageMdsCentralInFull() {
    // LANGUAGE.md's central: ssm, ec2messages, ssmmessages in shared's 1a and 1b, shared with app
    // and data (3 zones), shared and app attached in every AZ and data in 1a (3 attachments)
    Layout l = new Hand("central")
        .vpc("shared").subnet("shared", "ep-a", "1a").subnet("shared", "ep-b", "1b")
        .endpoint("shared", "ec2messages", false, "10.0.0.0/8", "ep-a", "ep-b")
        .endpoint("shared", "ssm", false, "10.0.0.0/8", "ep-a", "ep-b")
        .endpoint("shared", "ssmmessages", false, "10.0.0.0/8", "ep-a", "ep-b")
        .vpc("app").subnet("app", "app-a", "1a").subnet("app", "app-b", "1b")
        .group("web", "app-a", 2, "app-b", 2)
        .vpc("data").subnet("data", "db-a", "1a")
        .group("db", "db-a", 1)
        .tgw("hub", "shared", "app", "data")
        .share("ssm", "shared", "app", "data")
        .share("ec2messages", "shared", "app", "data")
        .share("ssmmessages", "shared", "app", "data")
        .traffic("web", "db", "2048")
        .traffic("web", "ssm", "50")
        .build();
    CostResult c = cost(l, hub(Route.via(Kind.ENDPOINT, false, HUB)));
    // attachments 3 x 36.50 = 109.50; zones 3 x 0.50 = 1.50; endpoints 3 x 2 AZs x 730 x 0.01
    // = 43.80: fixed 154.80. Endpoint data 50 x 0.01 = 0.50; into the hub (2048 + 50) x 0.02 =
    // 41.96: variable 42.46. Total 197.26
    assertEquals("109.50", part(c, CostPart.TGW_ATTACHMENTS));
    assertEquals("1.50", part(c, CostPart.PRIVATE_ZONES));
    assertEquals("43.80", part(c, CostPart.ENDPOINT_HOURS));
    assertEquals("154.80", Money.format(c.fixed()));
    assertEquals("42.46", Money.format(c.variable()));
    assertEquals("197.26", Money.format(c.total()));
  }

  @Test
  void twoAttachmentsAndOneZoneAsInTheBrief() {
    // 2 attachments x 0.05 x 730 = 73.00; one zone 0.50; 2 TB over the TGW = 2048 x 0.02 = 40.96
    Layout l = central("two").tgw("hub", "app", "data").share("ssm", "shared", "app").build();
    CostResult c = cost(l, hub(Route.blocked("NO_ROUTE")));
    assertEquals("73.00", part(c, CostPart.TGW_ATTACHMENTS));
    assertEquals("0.50", part(c, CostPart.PRIVATE_ZONES));
    assertEquals("40.96", part(c, CostPart.TGW_DATA));
    // web -> ssm not priced: 25 GB per placement, named web@subnet
    assertEquals(List.of(new UnpricedTraffic("web@app-a", "ssm", Rational.of(25), "NO_ROUTE"),
        new UnpricedTraffic("web@app-b", "ssm", Rational.of(25), "NO_ROUTE")), c.unpriced());
    assertFalse(c.complete());
    // 73.00 + 0.50 + 14.60 (ssm's ENIs) + 40.96 = 129.06
    assertEquals("129.06", Money.format(c.total()));
  }

  @Test
  void directOverPeeringPaysCrossAzOnlyForTheShareInAnotherAz() {
    // web: 2 in 1a, 2 in 1b; db in 1a. 2048 GB: 1024 from 1a (same AZ: free since 2021-05-01),
    // 1024 from 1b crossing: 2 x 1024 x 0.01 = 20.48
    Layout l = central("direct").peering("app", "data").build();
    CostResult c = cost(l, new Routes(Map.of("db", Route.via(Kind.INSTANCE, false,
        Link.peering("app-data")), "ssm", Route.blocked("NO_ROUTE"))));
    assertEquals("20.48", part(c, CostPart.CROSS_AZ));
    CostLine x = line(c, "cross-AZ transfer over peering (both directions)");
    assertEquals(0, x.quantity().compareTo(Rational.of(2048)));
    assertEquals("0.00", part(c, CostPart.TGW_DATA));
    assertEquals("0.00", part(c, CostPart.TGW_ATTACHMENTS));
    assertTrue(c.notes().contains("1024 GB over peering within one AZ: free since 2021-05-01"),
        c.notes().toString());
    // 14.60 (ssm's ENIs) + 20.48
    assertEquals("35.08", Money.format(c.total()));
  }

  /** One VPC: web 3 in 1a, 1 in 1b; db 1 in 1a, 1 in 1c; web -> db 400 GB. */
  static Layout eastWest() {
    return new Hand("one")
        .vpc("main").subnet("main", "a", "1a").subnet("main", "b", "1b")
        .subnet("main", "c", "1c")
        .group("web", "a", 3, "b", 1)
        .group("db", "a", 1, "c", 1)
        .traffic("web", "db", "400").build();
  }

  @Test
  void eastWestInOneVpcSplitsOverBothGroupsWithoutAzAffinity() {
    // web: 3 in 1a, 1 in 1b; db: 1 in 1a, 1 in 1c. 400 GB: senders 300 (1a) / 100 (1b), each
    // half to each db member: 1a->1a 150 free, 1a->1c 150, 1b->1a 50, 1b->1c 50 cross:
    // 250 GB crossing = 2 x 250 x 0.01 = 5.00
    Layout l = eastWest();
    CostResult c = cost(l, new Routes(Map.of("db", Route.local(Kind.INSTANCE, true))));
    CostLine x = line(c, "cross-AZ transfer between instances (both directions)");
    assertEquals(0, x.quantity().compareTo(Rational.of(500)));
    assertEquals(CostPart.CROSS_AZ, x.part());
    assertEquals("5.00", Money.format(c.total()));
    assertTrue(c.notes().stream().anyMatch(n -> n.contains("no AZ affinity")), c.notes().toString());
  }

  @Test
  void everyInstanceButTheDestinationSendsATrafficStarLine() {
    // web 3 in 1a, db 1 in 1b: traffic * -> db 300 GB is web's alone (db does not send to
    // itself): 300 GB crossing = 2 x 300 x 0.01 = 6.00 (with db as a sender: 225 GB, 4.50)
    Layout l = new Hand("star")
        .vpc("main").subnet("main", "a", "1a").subnet("main", "b", "1b")
        .group("web", "a", 3)
        .group("db", "b", 1)
        .traffic(null, "db", "300").build();
    CostResult c = cost(l, new Routes(Map.of("db", Route.local(Kind.INSTANCE, true))));
    assertEquals("6.00", Money.format(c.total()));
  }

  @Test
  void aTransitGatewayPathCrossingAzsPaysNoCrossAz() {
    // web 2 in 1a + 2 in 1b -> db in 1a over the hub: 2048 x 0.02 = 40.96, no cross-AZ line,
    // a note for the 1024 GB that change AZ
    Layout l = central("hub").tgw("hub", "app", "data").build();
    CostResult c = cost(l, hub(Route.blocked("NO_ROUTE")));
    assertEquals("0.00", part(c, CostPart.CROSS_AZ));
    assertEquals("40.96", part(c, CostPart.TGW_DATA));
    assertTrue(c.notes().stream().anyMatch(n -> n.startsWith("1024 GB change AZ through a"
        + " transit gateway: no data transfer charge since 2022-04-01")), c.notes().toString());
  }

  @Test
  void aSharedEndpointOverPeeringPaysProcessingOnly() {
    // web -> ssm 50 GB through shared's endpoint over a peering, some to an ENI in another AZ:
    // endpoint data 50 x 0.01 = 0.50; no transit gateway, no cross-AZ (PrivateLink)
    Layout l = central("p").peering("app", "shared").share("ssm", "shared", "app").build();
    CostResult c = cost(l, new Routes(Map.of("ssm", Route.via(Kind.ENDPOINT, true,
        Link.peering("app-shared")), "db", Route.blocked("NO_ROUTE"))));
    assertEquals("0.50", part(c, CostPart.ENDPOINT_DATA));
    assertEquals("0.00", part(c, CostPart.CROSS_AZ));
    assertEquals("0.00", part(c, CostPart.TGW_DATA));
    // 14.60 + 0.50 (zone) + 0.50
    assertEquals("15.60", Money.format(c.total()));
  }

  @Test
  void privateHostedZonesPastTheFirstTwentyFive() {
    // 27 shares = 27 zones: 25 x 0.50 + 2 x 0.10 = 12.70, one line per tier
    Hand b = new Hand("zones").vpc("shared").subnet("shared", "ep-a", "1a")
        .vpc("app").subnet("app", "app-a", "1a");
    for (int i = 0; i < 27; i++) {
      b.share("svc" + i, "shared", "app");
    }
    CostResult c = cost(b.build(), new Routes(Map.of()));
    assertEquals("12.70", part(c, CostPart.PRIVATE_ZONES));
    assertEquals(List.of("private hosted zones, tier 0-25 zones",
        "private hosted zones, tier 25+ zones"), c.lines().stream().map(CostLine::item).toList());
    assertEquals("zone", c.lines().get(0).unit());
    assertEquals(0, c.lines().get(1).quantity().compareTo(Rational.of(2)));
    assertTrue(c.part(CostPart.PRIVATE_ZONES).signum() > 0 && CostPart.PRIVATE_ZONES.fixed());
  }

  @Test
  void zonesAreMonthlyAttachmentsHourly() {
    // hours 100: attachments 3 x 100 x 0.05 = 15.00; the zone stays 0.50 a month
    Layout l = central("h").tgw("hub", "shared", "app", "data").share("ssm", "shared", "app")
        .build();
    CostResult c = cost(l, hub(Route.via(Kind.ENDPOINT, false, HUB)), 100);
    assertEquals("15.00", part(c, CostPart.TGW_ATTACHMENTS));
    assertEquals("0.50", part(c, CostPart.PRIVATE_ZONES));
  }

  @Test
  void theNewPartsAppearOnlyForDesignsOfSeveralVpcs() {
    Layout multi = central("m").tgw("hub", "app", "data").build();
    CostResult c = cost(multi, hub(Route.blocked("NO_ROUTE")));
    assertEquals(List.of(CostPart.values()), List.copyOf(c.byPart().keySet()));
    Layout single = new Hand("s").vpc("main").subnet("main", "a", "1a")
        .group("web", "a", 1).build();
    CostResult s = cost(single, new Routes(Map.of()));
    assertEquals(List.of(CostPart.ENDPOINT_HOURS, CostPart.ENDPOINT_DATA, CostPart.NAT_HOURS,
        CostPart.NAT_DATA, CostPart.CROSS_AZ, CostPart.INTERNET_OUT, CostPart.IPV4),
        List.copyOf(s.byPart().keySet()));
    assertEquals(Rational.ZERO, s.part(CostPart.TGW_DATA));
  }

  @Test
  void pricesStayLinearInTheTrafficAcrossTheNewPaths() {
    // no per-GB item here is tiered below a PB: the variable part at scale k is k times the
    // variable part at scale 1, and the fixed part does not move
    Layout l = centralOnHub("lin").peering("app", "data").build();
    Bill bill = new Bill(TrafficPaths.of(l, new Routes(Map.of(
        "db", Route.via(Kind.INSTANCE, false, Link.peering("app-data")),
        "ssm", Route.via(Kind.ENDPOINT, true, HUB)))), PriceBook.builtIn(),
        BigDecimal.valueOf(730));
    CostResult one = bill.at(Rational.ONE);
    for (int k : new int[] {0, 2, 7, 1000}) {
      CostResult at = bill.at(Rational.of(k));
      assertEquals(one.fixed(), at.fixed());
      assertEquals(one.variable().multiply(Rational.of(k)), at.variable(), "scale " + k);
      assertEquals(at.total(), bill.total(Rational.of(k)).total(), "scale " + k);
    }
  }

  // ------------------------------------------------------------------ the reachability engine

  static CostResult reach(Layout l) {
    return new Bill(TrafficPaths.of(l), PriceBook.builtIn(), BigDecimal.valueOf(730))
        .at(Rational.ONE);
  }

  @Test
  void theReachabilityEngineTakesCentralThroughTheHub() {
    // as centralOverATransitGateway, the paths decided by reach: 167.06
    Layout l = centralOnHub("central").build();
    CostResult c = reach(l);
    assertTrue(c.complete(), c.notes().toString());
    // into the hub: (2048 + 50) x 0.02 = 41.96
    assertEquals(0, line(c, "transit gateway hub data processing").quantity()
        .compareTo(Rational.of(2098)));
    assertEquals("41.96", part(c, CostPart.TGW_DATA));
    assertEquals("0.50", part(c, CostPart.ENDPOINT_DATA));
    assertEquals("0.00", part(c, CostPart.CROSS_AZ));
    assertEquals("167.06", Money.format(c.total()));
  }

  @Test
  void theReachabilityEngineTakesDirectOverThePeering() {
    // as directOverPeeringPaysCrossAzOnlyForTheShareInAnotherAz: ssm is not reachable from app
    // (no route to shared), its 50 GB unpriced per placement; 14.60 + 20.48 = 35.08
    Layout l = central("direct").peering("app", "data").share("ssm", "shared", "app").build();
    CostResult c = reach(l);
    assertEquals("20.48", part(c, CostPart.CROSS_AZ));
    assertEquals(List.of("web@app-a", "web@app-b"),
        c.unpriced().stream().map(UnpricedTraffic::instance).toList());
    assertEquals("NO_ROUTE", c.unpriced().get(0).reason());
    // 14.60 + 0.50 (zone) + 20.48
    assertEquals("35.58", Money.format(c.total()));
  }

  @Test
  void theReachabilityEngineSplitsSpreadGroupsInOneVpc() {
    // as eastWestInOneVpcSplitsOverBothGroupsWithoutAzAffinity: 5.00
    CostResult c = reach(eastWest());
    assertEquals("5.00", Money.format(c.total()));
    assertTrue(c.complete());
  }

  @Test
  void theReachabilityEngineLeavesAMemberWithoutAttachmentSubnetUnpriced() {
    // the hub has app's attachment in 1a only: web's 1b members cannot send into it.
    // web -> db 2048 GB: 1024 from 1a through the hub (20.48), 1024 from 1b unpriced
    // attachments 2 x 36.50 = 73.00; ssm's ENIs 14.60 -> 108.08, incomplete
    Layout full = central("x").tgw("hub", "app", "data").build();
    dev.vpclab.model.TransitGateway hub = full.tgws().get(0);
    dev.vpclab.model.TransitGateway.Attachment app = hub.attachment("app").orElseThrow();
    dev.vpclab.model.TransitGateway oneAz = new dev.vpclab.model.TransitGateway("hub", List.of(
        new dev.vpclab.model.TransitGateway.Attachment("app", app.subnets().subList(0, 1),
            app.origin()), hub.attachment("data").orElseThrow()), hub.origin());
    Layout l = new Layout("half", full.region(), full.vpcs(), List.of(oneAz), List.of(),
        List.of(), List.of(full.traffic().get(0)), full.origin());
    CostResult c = reach(l);
    assertEquals("20.48", part(c, CostPart.TGW_DATA));
    assertEquals(List.of(new UnpricedTraffic("web@app-b", "db", Rational.of(1024),
        "NO_ATTACHMENT_SUBNET")), c.unpriced());
    assertEquals("108.08", Money.format(c.total()));
  }

  /**
   * N VPCs (v1 .. vN), each with one instance in 1a sending 100 GB a month to ssm, and the three
   * Session Manager endpoints in 2 AZs: in every VPC, or only in v1, shared with the others over
   * one transit gateway.
   */
  static Layout sessionManager(int n, boolean central) {
    Hand b = new Hand(central ? "central" : "each");
    String[] vpcs = new String[n];
    for (int i = 1; i <= n; i++) {
      String v = "v" + i;
      vpcs[i - 1] = v;
      b.vpc(v).subnet(v, v + "-a", "1a").subnet(v, v + "-b", "1b");
      if (!central || i == 1) {
        for (String svc : List.of("ec2messages", "ssm", "ssmmessages")) {
          b.endpoint(v, svc, !central, "10.0.0.0/8", v + "-a", v + "-b");
        }
      }
      b.group("w" + i, v + "-a", 1);
    }
    if (central) {
      b.tgw("hub", vpcs);
      String[] spokes = List.of(vpcs).subList(1, n).toArray(new String[0]);
      for (String svc : List.of("ec2messages", "ssm", "ssmmessages")) {
        b.share(svc, "v1", spokes);
      }
    }
    return b.traffic(null, "ssm", Integer.toString(100 * n)).build();
  }

  @Test
  void theClassicQuestionCentralisedEndpointsPayFromNineVpcs() {
    // PRICING.md: centralised endpoints pay when 7.30 x S x A x (N - 1) > 0.02 x G + 0.50 x S +
    // attachment-hours. S = 3, A = 2, G = 100 (N - 1) GB through the hub, N attachments x 36.50:
    // 43.80 (N - 1) > 2.00 (N - 1) + 1.50 + 36.50 N  <=>  5.30 N > 43.30  <=>  N >= 9.
    // N = 8: each VPC 8 x 43.80 = 350.40 + 800 GB x 0.01 = 8.00 -> 358.40;
    //        central 43.80 + 3 zones 1.50 + 8 x 36.50 = 292.00 + 8.00 + 700 GB x 0.02 = 14.00
    //        -> 359.30 (0.90 more)
    // N = 9: each 394.20 + 9.00 = 403.20; central 43.80 + 1.50 + 328.50 + 9.00 + 16.00 = 398.80
    assertEquals("358.40", Money.format(reach(sessionManager(8, false)).total()));
    assertEquals("359.30", Money.format(reach(sessionManager(8, true)).total()));
    assertEquals("403.20", Money.format(reach(sessionManager(9, false)).total()));
    CostResult central9 = reach(sessionManager(9, true));
    assertEquals("398.80", Money.format(central9.total()));
    assertTrue(central9.complete(), central9.notes().toString());
  }
}
