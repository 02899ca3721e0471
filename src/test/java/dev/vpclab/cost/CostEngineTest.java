package dev.vpclab.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vpclab.model.Layout;
import dev.vpclab.testing.TestLayouts;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostEngineTest {
  static CostResult cost(Layout l) {
    return cost(l, PriceBook.builtIn());
  }

  static CostResult cost(Layout l, PriceBook prices) {
    return CostEngine.cost(l, prices, BigDecimal.valueOf(730), FakePaths::path);
  }

  static CostResult cost(String region, String statements) {
    return cost(TestLayouts.layout(region, statements));
  }

  static String cents(Rational d) {
    return Money.format(d);
  }

  static String part(CostResult c, CostPart p) {
    return cents(c.byPart().get(p));
  }

  /** The first line of a part. */
  static CostLine line(CostResult c, CostPart p) {
    return c.lines().stream().filter(l -> l.part() == p).findFirst().orElseThrow();
  }

  /** A private subnet and an endpoint in its AZ. */
  static final String ONE_ENDPOINT = "az 1a subnet private\nendpoint ssm in 1a";

  /** A public and a private subnet in 1a, and a NAT gateway there. */
  static final String NAT_1A = "az 1a subnet public pub\naz 1a subnet private app\nnat in 1a\n";

  /** An instance sending this many GB to an interface endpoint in its subnet's AZ. */
  static CostResult endpointGb(String gb) {
    return cost("us-east-1", "az 1a subnet private app\nendpoint ssm in 1a\n"
        + "instance web in app\ntraffic web -> ssm " + gb + " GB");
  }

  @Test
  void oneEndpointInOneAz() {
    CostResult c = cost("us-east-1", "az 1a subnet private app\nendpoint ssm in 1a");
    assertEquals("7.30", cents(c.total()));
    assertEquals("7.30", cents(c.fixed()));
    assertEquals("0.00", cents(c.variable()));
    CostLine l = c.lines().get(0);
    assertEquals(0, l.quantity().compareTo(BigDecimal.valueOf(730)));
    assertEquals("hour", l.unit());
    assertEquals(0, l.unitPrice().compareTo(new BigDecimal("0.01")));
    assertEquals(CostPart.ENDPOINT_HOURS, l.part());
    assertEquals(PriceItem.ENDPOINT_HOUR, l.priceItem());
  }

  @Test
  void oneEndpointInTwoAzs() {
    CostResult c = cost("us-east-1",
        "az 1a subnet private a\naz 1b subnet private b\nendpoint ssm in 1a, 1b");
    assertEquals("14.60", cents(c.total()));
  }

  @Test
  void oneEndpointPlusThousandGb() {
    CostResult c = endpointGb("1000");
    assertEquals("17.30", cents(c.total()));
    assertEquals("10.00", part(c, CostPart.ENDPOINT_DATA));
    assertEquals("10.00", cents(c.variable()));
  }

  @Test
  void natGatewayWithHundredGbAndItsPublicIpv4() {
    CostResult c = cost("us-east-1", NAT_1A + "instance web in app\ntraffic web -> sqs 100 GB");
    assertEquals("32.85", part(c, CostPart.NAT_HOURS));
    assertEquals("4.50", part(c, CostPart.NAT_DATA));
    assertEquals("3.65", part(c, CostPart.IPV4));
    assertEquals("0.00", part(c, CostPart.INTERNET_OUT)); // an AWS service: no transfer out
    assertEquals("0.00", part(c, CostPart.CROSS_AZ));
    assertEquals("37.35", cents(c.total().subtract(c.byPart().get(CostPart.IPV4))));
    assertEquals("41.00", cents(c.total()));
    assertEquals("36.50", cents(c.fixed()));
    assertEquals("4.50", cents(c.variable()));
    assertTrue(c.lines().stream().anyMatch(l -> l.part() == CostPart.IPV4
        && l.item().contains("IPv4")), "the EIP is its own line");
  }

  @Test
  void publicInstancesPayForTheirPublicIpv4() {
    // web (count 3) in a public subnet sends 100 GB to the internet through the internet gateway:
    // 3 addresses x 730 h = 2190 h x 0.005 = 10.95; transfer out 100 x 0.09 = 9.00; 19.95
    CostResult c = cost("us-east-1", "az 1a subnet public pub\ninstance web in pub count 3\n"
        + "traffic web -> internet 100 GB");
    assertEquals("10.95", part(c, CostPart.IPV4));
    assertEquals("9.00", part(c, CostPart.INTERNET_OUT));
    assertEquals("19.95", cents(c.total()));
    assertEquals("10.95", cents(c.fixed()));
    CostLine ip = line(c, CostPart.IPV4);
    assertEquals("public IPv4 of instance web, 3 addresses", ip.item());
    assertEquals(Rational.parse("2190"), ip.quantity());
    assertEquals(PriceItem.IPV4_HOUR, ip.priceItem());
  }

  @Test
  void publicInstanceWithAnAwsServiceThroughTheIgwHoldsAnAddressToo() {
    // api reaches sqs through the internet gateway (no transfer charge): 730 x 0.005 = 3.65
    CostResult c = cost("us-east-1", "az 1a subnet public pub\ninstance api in pub needs sqs");
    assertEquals("3.65", cents(c.total()));
    assertEquals("public IPv4 of instance api", c.lines().get(0).item());
  }

  @Test
  void publicInstanceThatReachesNothingThroughTheIgwHoldsNoAddress() {
    // everything through an interface endpoint (7.30) and a gateway endpoint: no public IPv4
    CostResult viaEndpoints = cost("us-east-1", "az 1a subnet public pub\nendpoint sqs in 1a\n"
        + "gateway s3\ninstance api in pub needs sqs, s3");
    assertEquals("7.30", cents(viaEndpoints.total()));
    assertEquals("0.00", part(viaEndpoints, CostPart.IPV4));
    // no needs at all: it reaches nothing, so nothing says it holds an address
    CostResult idle = cost("us-east-1", "az 1a subnet public pub\ninstance idle in pub");
    assertTrue(idle.lines().isEmpty());
    // a private instance never holds one (its NAT gateway's Elastic IP is billed instead)
    CostResult nat = cost("us-east-1", NAT_1A + "instance web in app count 5 needs internet");
    assertEquals("3.65", part(nat, CostPart.IPV4));
  }

  @Test
  void tokyoFourEndpointsInTwoAzsPlusTenGb() {
    CostResult c = cost("ap-northeast-1", "az 1a subnet private app\naz 1c subnet private ep\n"
        + "endpoint ssm, ssmmessages, ec2messages, logs in 1a, 1c\n"
        + "instance web in app\ntraffic web -> logs 10 GB");
    assertEquals("81.86", cents(c.total()));
  }

  @Test
  void oneEndpointAzForAMonthByRegion() {
    assertEquals("8.03", cents(cost("eu-west-1", ONE_ENDPOINT).total()));
    assertEquals("8.76", cents(cost("eu-central-1", ONE_ENDPOINT).total()));
    assertEquals("10.22", cents(cost("ap-northeast-1", ONE_ENDPOINT).total()));
    assertEquals("9.49", cents(cost("ap-southeast-1", ONE_ENDPOINT).total()));
  }

  static final String SEED = "az 1a subnet private app\naz 1c subnet private ep\n"
      + "instance web in app needs session-manager\n";

  @Test
  void seedSingleAndPerAz() {
    CostResult single = cost("ap-northeast-1",
        SEED + "endpoint ssm, ec2messages, ssmmessages in 1c");
    CostResult perAz = cost("ap-northeast-1",
        SEED + "endpoint ssm, ec2messages, ssmmessages in 1a, 1c");
    assertEquals("30.66", cents(single.total()));
    assertEquals("61.32", cents(perAz.total()));
    assertEquals(3, single.lines().size());
    // lines by service name, as the layout lists endpoints
    assertEquals(List.of("endpoint ec2messages, 1 AZ", "endpoint ssm, 1 AZ",
        "endpoint ssmmessages, 1 AZ"), single.lines().stream().map(CostLine::item).toList());
  }

  @Test
  void endpointDataTiersAreBinary() {
    assertEquals(0, Rational.parse("10485.76").compareTo(endpointGb("1048576").variable()));
    assertEquals(0, Rational.parse("10485.766").compareTo(endpointGb("1048577").variable()));
    // 10485.76 + 4194304 * 0.006
    assertEquals(0, Rational.parse("35651.584").compareTo(endpointGb("5242880").variable()));
    assertEquals(0, Rational.parse("35651.588").compareTo(endpointGb("5242881").variable()));
    assertEquals(1, endpointGb("1048576").lines().stream()
        .filter(l -> l.part() == CostPart.ENDPOINT_DATA).count());
    assertEquals(3, endpointGb("5242881").lines().stream()
        .filter(l -> l.part() == CostPart.ENDPOINT_DATA).count());
  }

  @Test
  void endpointDataTiersAggregateOverAllEndpoints() {
    CostResult c = cost("us-east-1", "az 1a subnet private app\nendpoint ssm, logs in 1a\n"
        + "instance web in app\ntraffic web -> ssm 1048576 GB\ntraffic web -> logs 1 GB");
    assertEquals(0, Rational.parse("10485.766").compareTo(c.variable()));
  }

  static CostResult internetGb(String gb) {
    return cost("us-east-1", "az 1a subnet public pub\ninstance web in pub\n"
        + "traffic web -> internet " + gb + " GB");
  }

  static Rational internetOut(String gb) {
    return internetGb(gb).byPart().get(CostPart.INTERNET_OUT);
  }

  @Test
  void internetOutTiers() {
    assertEquals(0, Rational.parse("921.6").compareTo(internetOut("10240")));
    assertEquals(0, Rational.parse("921.685").compareTo(internetOut("10241")));
    assertEquals(0, Rational.parse("4403.2").compareTo(internetOut("51200")));
    assertEquals(0, Rational.parse("4403.27").compareTo(internetOut("51201")));
    assertEquals(0, Rational.parse("11571.2").compareTo(internetOut("153600")));
    assertEquals(0, Rational.parse("11571.25").compareTo(internetOut("153601")));
    // plus web's public IPv4: 730 x 0.005 = 3.65; 921.60 + 3.65 = 925.25
    assertEquals(0, Rational.parse("925.25").compareTo(internetGb("10240").total()));
    assertTrue(internetGb("1").notes().stream().anyMatch(n -> n.contains("free tier")));
  }

  @Test
  void natInAnotherAzAddsCrossAzBothWays() {
    CostResult c = cost("us-east-1", "az 1a subnet public pub\naz 1b subnet private app\n"
        + "nat in 1a\ninstance web in app\ntraffic web -> sqs 100 GB");
    assertEquals("2.00", part(c, CostPart.CROSS_AZ));
    CostLine l = line(c, CostPart.CROSS_AZ);
    assertEquals(0, l.quantity().compareTo(BigDecimal.valueOf(200)));
    assertEquals(0, l.unitPrice().compareTo(new BigDecimal("0.01")));
    assertEquals("43.00", cents(c.total()));
  }

  @Test
  void internetThroughNatPaysProcessingAndTransferOut() {
    CostResult c = cost("us-east-1", NAT_1A
        + "instance web in app\ntraffic web -> internet 100 GB");
    assertEquals("4.50", part(c, CostPart.NAT_DATA));
    assertEquals("9.00", part(c, CostPart.INTERNET_OUT));
    assertEquals("50.00", cents(c.total()));
  }

  @Test
  void crossAzEndpointTrafficIsFreeButNoted() {
    CostResult c = cost("ap-northeast-1", SEED + "endpoint ssm, ec2messages, ssmmessages in 1c\n"
        + "traffic web -> ssm 100 GB");
    assertEquals("1.00", cents(c.variable()));
    assertEquals("0.00", part(c, CostPart.CROSS_AZ));
    assertTrue(c.notes().stream().anyMatch(n -> n.contains("2022-04-01")), c.notes().toString());
  }

  @Test
  void gatewayEndpointsAndIgwToServicesAreFree() {
    CostResult gw = cost("us-east-1", "az 1a subnet private app\ngateway s3\n"
        + "instance web in app\ntraffic web -> s3 5 TB");
    assertEquals("0.00", cents(gw.total()));
    assertTrue(gw.lines().isEmpty());
    assertTrue(gw.complete());
    CostResult igw = cost("us-east-1", "az 1a subnet public pub\ninstance web in pub\n"
        + "traffic web -> sqs 5 TB");
    // no transfer charge; only web's public IPv4 address: 730 x 0.005 = 3.65
    assertEquals("0.00", cents(igw.variable()));
    assertEquals("3.65", cents(igw.total()));
    assertEquals("3.65", part(igw, CostPart.IPV4));
    assertTrue(igw.complete());
  }

  @Test
  void unreachableTrafficIsFlaggedNotPriced() {
    CostResult c = cost("us-east-1", "az 1a subnet private app\ninstance web in app\n"
        + "traffic web -> ssm 20 GB");
    assertEquals("0.00", cents(c.total()));
    assertFalse(c.complete());
    assertEquals(1, c.unpriced().size());
    UnpricedTraffic u = c.unpriced().get(0);
    assertEquals("web", u.instance());
    assertEquals("ssm", u.destination());
    assertEquals(0, u.gb().compareTo(BigDecimal.valueOf(20)));
    assertEquals("NO_ROUTE", u.reason());
    assertTrue(c.notes().stream().anyMatch(n -> n.contains("web -> ssm 20 GB")), c.notes()
        .toString());
  }

  @Test
  void starTrafficSplitsByCount() {
    // web (2 instances) uses the NAT in its own AZ, batch (1) crosses AZs: a third crosses
    CostResult c = cost("us-east-1", "az 1a subnet public pub\naz 1a subnet private app\n"
        + "az 1b subnet private back\nnat in 1a\ninstance web in app count 2\n"
        + "instance batch in back\ntraffic * -> sqs 300 GB");
    assertEquals("13.50", part(c, CostPart.NAT_DATA));
    assertEquals("2.00", part(c, CostPart.CROSS_AZ));
  }

  @Test
  void starTrafficSplitInThirdsStaysExactEnough() {
    CostResult c = cost("us-east-1", "az 1a subnet private app\nendpoint ssm in 1a\n"
        + "instance a in app\ninstance b in app\ninstance c in app\ntraffic * -> ssm 100 GB");
    assertEquals("1.00", part(c, CostPart.ENDPOINT_DATA));
  }

  @Test
  void starTrafficSplitInSeventhsIsExact() {
    // a (count 2) and b (count 5) share 15 GB: 30/7 and 75/7 GB, both through the NAT in 1a.
    // NAT data = (30/7 + 75/7) x 0.045 = 15 x 0.045 = 0.675 exactly; NAT hours 730 x 0.045 =
    // 32.85; its EIP 730 x 0.005 = 3.65; total 32.85 + 3.65 + 0.675 = 37.175 -> 37.18 half-up.
    // (Shares cut to 34 digits add up to 14.999...996 GB: 0.67 and 37.17.)
    CostResult c = cost("us-east-1", NAT_1A + "instance a in app count 2\n"
        + "instance b in app count 5\ntraffic * -> logs 15 GB");
    assertEquals("0.68", part(c, CostPart.NAT_DATA));
    assertEquals("0.68", cents(c.variable()));
    assertEquals("37.18", cents(c.total()));
    assertEquals(Rational.parse("37.175"), c.total());
    assertEquals(Rational.parse("15"), line(c, CostPart.NAT_DATA).quantity());
  }

  @Test
  void unconfirmedPriceIsFlagged() {
    // the built-in table has no row marked unconfirmed any more: load one
    PriceBook p = PriceBook.builtIn().withTable(PriceCsv.read("t.csv",
        "region,item,usd,confidence\neu-central-1,nat.gb,0.052,unconfirmed\n"));
    CostResult c = cost(TestLayouts.layout("eu-central-1", NAT_1A
        + "instance web in app\ntraffic web -> sqs 100 GB"), p);
    assertTrue(c.unconfirmed());
    CostLine natGb = c.lines().stream().filter(l -> l.priceItem() == PriceItem.NAT_GB)
        .findFirst().orElseThrow();
    assertTrue(natGb.unconfirmed());
    assertTrue(c.notes().stream().anyMatch(n -> n.contains("nat.gb") && n.contains("unconfirmed")),
        c.notes().toString());
    CostResult hoursOnly = cost(TestLayouts.layout("eu-central-1",
        "az 1a subnet public pub\nnat in 1a"), p);
    assertFalse(hoursOnly.unconfirmed());
  }

  @Test
  void overridesChangeTheBill() {
    PriceBook p = PriceBook.builtIn().withOverride("us-east-1", "endpoint.hour",
        new BigDecimal("0.02"));
    Layout l = TestLayouts.layout("us-east-1", ONE_ENDPOINT);
    assertEquals("14.60", cents(cost(l, p).total()));
    assertEquals("7.30", cents(cost(l).total()), "the built-in book is unchanged");
  }

  @Test
  void regionWithoutPricesSaysSo() {
    // every Region vpclab knows has built-in prices: a table of one Region lacks the others
    PriceBook usOnly = PriceBook.of(PriceCsv.read("us.csv",
        "region,item,usd\nus-east-1,endpoint.hour,0.01\n"));
    Layout l = TestLayouts.layout("ap-south-1", ONE_ENDPOINT);
    CostResult c = cost(l, usOnly);
    assertEquals("0.00", cents(c.total()));
    assertFalse(c.complete());
    assertTrue(c.notes().get(0).contains("no prices for Region ap-south-1"), c.notes().toString());
    assertEquals(List.of("endpoint.hour"), c.missingPrices());
    PriceBook p = usOnly.withOverride("ap-south-1", "endpoint.hour", new BigDecimal("0.011"));
    assertEquals("8.03", cents(cost(l, p).total()));
  }

  @Test
  void missingTierPriceIsNoted() {
    // ap-northeast-2 has no internet.gb price above the first 10 TB in the built-in table
    CostResult c = cost("ap-northeast-2", "az 2a subnet public pub\ninstance web in pub\n"
        + "traffic web -> internet 10250 GB");
    assertFalse(c.complete());
    assertTrue(c.notes().stream().anyMatch(n -> n.contains("no price for internet.gb")));
  }

  @Test
  void hoursAreConfigurableAndPartialHoursBillWhole() {
    Layout l = TestLayouts.layout("us-east-1", ONE_ENDPOINT);
    assertEquals("7.20", cents(CostEngine.cost(l, PriceBook.builtIn(), 720).total()));
    assertEquals("7.21", cents(CostEngine.cost(l, PriceBook.builtIn(), new BigDecimal("720.5"))
        .total()));
    assertThrows(IllegalArgumentException.class,
        () -> CostEngine.cost(l, PriceBook.builtIn(), -1));
  }
}
