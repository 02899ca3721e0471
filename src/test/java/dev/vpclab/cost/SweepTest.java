package dev.vpclab.cost;

import dev.vpclab.model.Traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vpclab.model.Layout;
import dev.vpclab.testing.TestLayouts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepTest {
  static final String NAT_ONLY = "az 1a subnet public\naz 1a subnet private app\nnat in 1a\n"
      + "gateway s3\ninstance worker in app needs internet, s3\ntraffic worker -> logs 150 GB\n";
  final Layout natOnly = TestLayouts.layout("nat-only", "us-east-1", NAT_ONLY);
  final Layout logsEndpoint = TestLayouts.layout("logs-endpoint", "us-east-1",
      NAT_ONLY + "endpoint logs in 1a\n");
  final PriceBook prices = PriceBook.builtIn();

  static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  static Rational r(String s) {
    return Rational.parse(s);
  }

  @Test
  void classicBreakEvenIs208_57() {
    Sweep.Result r = Sweep.run(List.of(natOnly, logsEndpoint), prices, 730, d("0"), d("1024"),
        d("25"));
    assertEquals(1, r.breakEven().size());
    Sweep.BreakEven be = r.breakEven().get(0);
    assertEquals("nat-only", be.a());
    assertEquals("logs-endpoint", be.b());
    assertEquals("208.57", be.gbRounded().toPlainString());
    // 7.30 / 0.035 exactly
    assertEquals(Rational.parse("7.30").divide(Rational.parse("0.035")), be.gb());
    assertEquals("45.89", Money.format(be.total()));
  }

  @Test
  void seriesSamplesEveryStepAndTheEnd() {
    Sweep.Result r = Sweep.run(List.of(natOnly, logsEndpoint), prices, 730, d("0"), d("1024"),
        d("25"));
    assertEquals(42, r.volumes().size()); // 0, 25, ..., 1000, then 1024
    assertEquals(d("1024"), r.volumes().get(41));
    Sweep.Series nat = r.series().get(0);
    assertEquals("36.50", Money.format(nat.points().get(0).total()));
    assertEquals("43.25", Money.format(nat.points().get(6).total())); // 150 GB
    assertEquals("82.58", Money.format(nat.points().get(41).total())); // 36.50 + 1024 x 0.045
    Sweep.Series ep = r.series().get(1);
    assertEquals("45.30", Money.format(ep.points().get(6).total()));
    assertEquals(d("150"), nat.function().baseGb());
  }

  @Test
  void scalingKeepsEachLinesShare() {
    Layout two = TestLayouts.layout("two", "us-east-1", NAT_ONLY
        + "traffic worker -> internet 50 GB\n");
    Layout at400 = atVolume(two, d("400"));
    assertEquals(d("300"), at400.traffic().get(0).gb());
    assertEquals(d("100"), at400.traffic().get(1).gb());
    assertEquals(d("400"), Sweep.baseGb(at400));
  }

  @Test
  void layoutWithoutTrafficIsFlat() {
    Layout flat = TestLayouts.layout("flat", "us-east-1", "az 1a subnet private\n"
        + "endpoint logs in 1a\n");
    Sweep.CostFunction f = Sweep.function(flat, prices, 730, d("0"), d("1000"));
    assertTrue(f.flat());
    assertEquals(2, f.knots().size());
    assertEquals("7.30", Money.format(f.at(d("500"))));
  }

  @Test
  void tierCrossingBreakEven() {
    // internet out through the internet gateway: 0.09 to 10,240 GB, then 0.085; plus w's public
    // IPv4 address, 730 x 0.005 = 3.65
    Layout egress = TestLayouts.layout("egress", "us-east-1", "az 1a subnet public web\n"
        + "instance w in web\ntraffic w -> internet 100 GB\n");
    // flat: one endpoint at 1.505 USD an hour = 1098.65 a month
    PriceBook dear = prices.withOverride("us-east-1", "endpoint.hour", d("1.505"));
    Layout flat = TestLayouts.layout("flat", "us-east-1", "az 1a subnet private\n"
        + "endpoint logs in 1a\n");
    Sweep.CostFunction f = Sweep.function(egress, dear, 730, d("0"), d("20000"));
    assertEquals(List.of(r("0"), r("10240"), r("20000")),
        f.knots().stream().map(Sweep.Point::gb).toList());
    assertEquals("925.25", Money.format(f.at(d("10240")))); // 3.65 + 921.60
    Sweep.Result r = Sweep.run(List.of(egress, flat), dear, 730, d("0"), d("20000"), null);
    assertEquals(1, r.breakEven().size());
    // 925.25 + 0.085 (X - 10240) = 1098.65 -> X = 10240 + 173.40 / 0.085 = 12280 (a line through
    // the first tier, 3.65 + 0.09 X = 1098.65, gives 12166.67)
    assertEquals("12280.00", r.breakEven().get(0).gbRounded().toPlainString());
    assertEquals("1098.65", Money.format(r.breakEven().get(0).total()));
    assertEquals(21, r.volumes().size());
    assertEquals(d("1000"), r.step());
  }

  @Test
  void tierCornerOfAScaledPart() {
    // cross-AZ through NAT is billed twice per GB: its tiers see 2X (single open tier here), and
    // endpoint data tiers at 1,048,576 GB are reached at X = 1,048,576 / share
    Layout ep = TestLayouts.layout("ep", "us-east-1", "az 1a subnet private app\n"
        + "endpoint logs, sqs in 1a\ninstance w in app\ntraffic w -> logs 1 GB\n"
        + "traffic w -> sqs 3 GB\n");
    Sweep.CostFunction f = Sweep.function(ep, prices, 730, d("0"), d("2000000"));
    assertEquals(List.of(r("0"), r("1048576"), r("2000000")),
        f.knots().stream().map(Sweep.Point::gb).toList());
    Layout half = TestLayouts.layout("half", "us-east-1", "az 1a subnet private app\n"
        + "az 1a subnet public\nnat in 1a\n"
        + "endpoint logs in 1a\ninstance w in app\ntraffic w -> logs 1 GB\n"
        + "traffic w -> sqs 1 GB\n");
    Sweep.CostFunction g = Sweep.function(half, prices, 730, d("0"), d("3000000"));
    // half the traffic goes through the endpoint: its tier boundary is at X = 2,097,152
    assertTrue(g.knots().stream().anyMatch(k -> k.gb().compareTo(d("2097152")) == 0),
        g.knots().toString());
  }

  @Test
  void identicalLayoutsTieAndDoNotCross() {
    List<Sweep.Tie> ties = new ArrayList<>();
    Sweep.CostFunction a = Sweep.function(natOnly, prices, 730, d("0"), d("100"));
    Sweep.CostFunction b = Sweep.function(natOnly, prices, 730, d("0"), d("100"));
    assertEquals(List.of(), Sweep.crossings(a, b, ties));
    assertEquals(1, ties.size());
  }

  @Test
  void pointCounts() {
    assertEquals(21, Sweep.pointCount(d("0"), d("10"), null));
    assertEquals(1, Sweep.pointCount(d("5"), d("5"), null));
    assertEquals(11, Sweep.pointCount(d("0"), d("10"), d("1")));
    assertEquals(12, Sweep.pointCount(d("0"), d("10.5"), d("1")));
    assertEquals(10_241, Sweep.pointCount(d("0"), d("10240"), d("1")));
    assertThrows(IllegalArgumentException.class,
        () -> Sweep.volumes(d("0"), d("10240"), d("1")));
    assertEquals(List.of(d("5")), Sweep.volumes(d("5"), d("5"), null));
  }

  @Test
  void breakEvenTotalIsRoundedOnceWhenPrinted() {
    // mixed: NAT hours 730 x 0.045 = 32.85 + EIP 730 x 0.005 = 3.65 = 36.50 fixed; of X GB, 14/15
    // go to logs through the NAT (0.045/GB) and 1/15 to s3 through the gateway endpoint (free):
    // 36.50 + 0.042 X. dear: one endpoint-AZ at 0.6625 USD an hour, no traffic: 730 x 0.6625 =
    // 483.625, flat. 36.50 + 0.042 X = 483.625 -> X = 447.125 / 0.042 = 10645.833... GB (no
    // finite decimal); the total there is 483.625 exactly: 483.63 half-up (483.62 when X is
    // first cut to 34 digits).
    Layout mixed = TestLayouts.layout("mixed", "us-east-1", "az 1a subnet public\n"
        + "az 1a subnet private app\nnat in 1a\ngateway s3\ninstance worker in app\n"
        + "traffic worker -> logs 14 GB\ntraffic worker -> s3 1 GB\n");
    PriceBook dear = prices.withOverride("us-east-1", "endpoint.hour", d("0.6625"));
    Layout flat = TestLayouts.layout("dear", "us-east-1", "az 1a subnet private\n"
        + "endpoint logs in 1a\n");
    Sweep.Result r = Sweep.run(List.of(mixed, flat), dear, 730, d("0"), d("20000"), null);
    assertEquals(1, r.breakEven().size());
    Sweep.BreakEven be = r.breakEven().get(0);
    assertEquals("10645.83", be.gbRounded().toPlainString());
    assertEquals("483.63", Money.format(be.total()));
  }

  @Test
  void engineAgreesWithTheFunctionBetweenCorners() {
    Sweep.CostFunction f = Sweep.function(logsEndpoint, prices, 730, d("0"), d("1024"));
    for (String x : List.of("0", "1", "33.3", "208.57", "999")) {
      assertEquals(Money.format(Sweep.costAt(logsEndpoint, prices, 730, d(x)).total()),
          Money.format(f.at(d(x))), x);
    }
  }
  /**
   * A sweep prices every point from paths decided once per layout; each point must equal a fresh
   * CostEngine.cost at the same volume, exactly. The layout has a traffic * line split 1:2:4
   * between three subnets (a 1/7, 2/7, 4/7 share), internet out crossing its first tier, a NAT in
   * another AZ (app-b in 1b routes to the NAT in 1a: cross-AZ) and an endpoint reached cross-AZ.
   * By hand at the base (3,000 GB; X = 3,000): internet 2,100 GB of which web (public, 1/7 of
   * 2,100 = 300) through the IGW and 1,800 through the NAT, 1,200 of them (app-b's 4/7) cross-AZ.
   * At X = 30,000 the internet line is 21,000 GB: tier 1 10,240 x 0.09 + 10,760 x 0.085.
   */
  @Test
  void sweepPointsEqualCostAtTheSameVolume() {
    Layout l = TestLayouts.layout("shared-paths", "us-east-1", """
        az 1a subnet public web
        az 1a subnet private app-a
        az 1b subnet private app-b
        az 1c subnet private iso
        nat in 1a
        endpoint logs in 1a
        instance w in web
        instance a in app-a count 2
        instance b in app-b count 4
        traffic * -> internet 2100 GB
        traffic * -> logs 700 GB
        traffic b -> sqs 200 GB
        """);
    Sweep.Result r = Sweep.run(List.of(l), prices, 730, d("0"), d("30000"), d("1000"));
    Sweep.Series s = r.series().get(0);
    assertEquals(31, s.points().size());
    for (Sweep.Point p : s.points()) {
      CostResult fresh = CostEngine.cost(l, prices, 730, p.gb().divide(r("3000")));
      assertEquals(fresh.total(), p.total(), "at " + p.gb());
      if (p.gb().divide(r("30")).isDecimal()) { // atVolume then divides exactly
        assertEquals(CostEngine.cost(atVolume(l, p.gb().decimal()), prices, 730).total(),
            p.total(), "atVolume " + p.gb());
      }
      assertEquals(Sweep.costAt(l, prices, 730, p.gb()).total(), p.total(), "at " + p.gb());
      assertEquals(fresh.total(), s.function().at(p.gb()), "function at " + p.gb());
    }
    CostResult base = CostEngine.cost(l, prices, 730);
    // fixed: 7.30 endpoint + 32.85 NAT hours + 3.65 NAT IPv4 + 3.65 web's IPv4 = 47.45;
    // NAT data: internet from a and b (6/7 of 2,100 = 1,800) + b's sqs 200 = 2,000 x 0.045 = 90;
    // cross-AZ: b's 4/7 of 2,100 = 1,200 + 200 sqs = 1,400, 2 x 1,400 x 0.01 = 28;
    // endpoint data 700 x 0.01 = 7; internet 2,100 x 0.09 = 189: total 361.45
    assertEquals("361.45", Money.format(base.total()));
    // at 30,000 GB (scale 10): NAT data 20,000 x 0.045 = 900; cross-AZ 2 x 14,000 x 0.01 = 280;
    // endpoint 7,000 x 0.01 = 70; internet 10,240 x 0.09 + 10,760 x 0.085 = 921.60 + 914.60:
    // 47.45 + 900 + 280 + 70 + 1,836.20 = 3,133.65
    assertEquals("3133.65", Money.format(s.points().get(30).total()));
  }
  /**
   * A series is complete when every point is: iso has no NAT gateway, so its share of the
   * internet traffic is unpriced at every volume above 0, and at 0 GB nothing is left unpriced.
   */
  @Test
  void seriesIsIncompleteWhenAnyPointIs() {
    Layout l = TestLayouts.layout("iso", "us-east-1", """
        az 1a subnet public web
        az 1a subnet private iso
        instance w in web needs internet
        instance a in iso
        traffic * -> internet 100 GB
        """);
    assertEquals(false, Sweep.run(List.of(l), prices, 730, d("0"), d("100"), null).series()
        .get(0).complete());
    assertEquals(true, Sweep.run(List.of(l), prices, 730, d("0"), d("0"), null).series()
        .get(0).complete());
    assertEquals(false, Sweep.costAt(l, prices, 730, d("1")).complete());
    assertEquals(true, Sweep.costAt(l, prices, 730, d("0")).complete());
  }

  /**
   * The layout with its traffic lines scaled together so that they add up to {@code gb}: each
   * line gets gb x line / total (what a sweep point means, written out as traffic lines).
   */
  static Layout atVolume(Layout layout, BigDecimal gb) {
    BigDecimal base = Sweep.baseGb(layout);
    if (base.signum() == 0) {
      return layout;
    }
    List<Traffic> scaled = new ArrayList<>();
    for (Traffic t : layout.traffic()) {
      BigDecimal v = gb.compareTo(base) == 0 ? t.gb()
          : gb.multiply(t.gb()).divide(base, java.math.MathContext.DECIMAL128).stripTrailingZeros();
      v = v.scale() < 0 ? v.setScale(0) : v;
      scaled.add(new Traffic(t.source(), t.destination(), v, t.origin()));
    }
    return layout.withTraffic(scaled);
  }
}
