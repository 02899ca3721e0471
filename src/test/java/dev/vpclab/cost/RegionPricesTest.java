package dev.vpclab.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vpclab.model.Layout;
import dev.vpclab.model.Region;
import dev.vpclab.testing.TestLayouts;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The built-in table prices every commercial Region vpclab knows, as the shared price data says. */
class RegionPricesTest {
  /** The project's price data, beside the clone (absent in a bare checkout: the test is skipped). */
  static final Path SHARED = Path.of("../shared/data/aws-region-prices.csv");

  /** The shared data's item names and the built-in table's item and tier start (GB). */
  static final Map<String, Map.Entry<PriceItem, String>> ITEMS = Map.ofEntries(
      Map.entry("endpoint.hour", Map.entry(PriceItem.ENDPOINT_HOUR, "0")),
      Map.entry("endpoint.gb.tier1", Map.entry(PriceItem.ENDPOINT_GB, "0")),
      Map.entry("endpoint.gb.tier2", Map.entry(PriceItem.ENDPOINT_GB, "1048576")),
      Map.entry("endpoint.gb.tier3", Map.entry(PriceItem.ENDPOINT_GB, "5242880")),
      Map.entry("nat.hour", Map.entry(PriceItem.NAT_HOUR, "0")),
      Map.entry("nat.gb", Map.entry(PriceItem.NAT_GB, "0")),
      Map.entry("interaz.gb", Map.entry(PriceItem.CROSSAZ_GB, "0")),
      Map.entry("internet.out.gb.tier1", Map.entry(PriceItem.INTERNET_GB, "0")),
      Map.entry("ipv4.hour", Map.entry(PriceItem.IPV4_HOUR, "0")),
      Map.entry("tgw.attachment.hour", Map.entry(PriceItem.TGW_ATTACHMENT_HOUR, "0")),
      Map.entry("tgw.gb", Map.entry(PriceItem.TGW_GB, "0")));

  /** Regions whose internet-out tiers above the first 10 TB are sourced (PRICING.md). */
  static final Set<String> ALL_INTERNET_TIERS = Set.of("us-east-1", "us-east-2", "us-west-2",
      "eu-west-1", "eu-central-1", "ap-northeast-1", "ap-southeast-1");

  final PriceBook book = PriceBook.builtIn();

  static CostResult cost(String region, String statements) {
    return CostEngine.cost(TestLayouts.layout(region, statements), PriceBook.builtIn(),
        BigDecimal.valueOf(730), FakePaths::path);
  }

  @Test
  void everyKnownRegionIsPricedAndEveryPricedRegionIsKnown() {
    assertEquals(33, Region.codes().size(), Region.codes().toString());
    assertEquals(new TreeSet<>(Region.codes()), new TreeSet<>(book.regions()));
  }

  @Test
  void everyRegionHasEveryPriceTheCostEngineNeeds() {
    for (String r : Region.codes()) {
      for (PriceItem i : List.of(PriceItem.ENDPOINT_HOUR, PriceItem.NAT_HOUR, PriceItem.NAT_GB,
          PriceItem.CROSSAZ_GB, PriceItem.IPV4_HOUR, PriceItem.TGW_ATTACHMENT_HOUR,
          PriceItem.TGW_GB)) {
        List<PriceRow> t = book.tiers(r, i);
        assertEquals(1, t.size(), r + " " + i.key());
        assertNull(t.get(0).tierToGb(), r + " " + i.key());
        assertTrue(t.get(0).usd().signum() > 0, r + " " + i.key());
      }
      List<PriceRow> endpointGb = book.tiers(r, PriceItem.ENDPOINT_GB);
      assertEquals(List.of("0-1048576 GB", "1048576-5242880 GB", "5242880+ GB"),
          endpointGb.stream().map(PriceRow::tierLabel).toList(), r);
      // internet out: the first 10 TB everywhere; the higher tiers only where they are sourced,
      // elsewhere the first tier ends at 10,240 GB and more traffic is reported as not priced
      List<String> internet = book.tiers(r, PriceItem.INTERNET_GB).stream()
          .map(PriceRow::tierLabel).toList();
      assertEquals(ALL_INTERNET_TIERS.contains(r)
          ? List.of("0-10240 GB", "10240-51200 GB", "51200-153600 GB", "153600+ GB")
          : List.of("0-10240 GB"), internet, r);
      assertEquals(0, book.price(r, PriceItem.IPV4_HOUR).orElseThrow().usd()
          .compareTo(new BigDecimal("0.005")), r);
    }
  }

  @Test
  void everyRegionPricesPrivateHostedZonesAsRoute53Does() {
    // Route 53 (a global service, the same price everywhere): 0.50 USD per zone a month for the
    // first 25 zones, 0.10 beyond (PRICING.md "Several VPCs")
    for (String r : Region.codes()) {
      List<PriceRow> t = book.tiers(r, PriceItem.PHZ_MONTH);
      assertEquals(List.of("0-25 zones", "25+ zones"), t.stream().map(PriceRow::tierLabel).toList(),
          r);
      assertEquals(0, t.get(0).usd().compareTo(new BigDecimal("0.50")), r);
      assertEquals(0, t.get(1).usd().compareTo(new BigDecimal("0.10")), r);
      for (PriceRow row : t) {
        assertEquals("zone", row.unit(), r);
        assertTrue(row.source().startsWith("Route 53 pricing"), row.source());
        assertEquals("high", row.confidence(), r);
        assertFalse(row.unconfirmed(), r);
      }
    }
  }

  @Test
  void everyRowSaysWhereItComesFrom() {
    for (PriceRow row : book.rows()) {
      assertFalse(row.source().isBlank(), row.toString());
      assertFalse(row.asOf().isBlank(), row.toString());
      assertFalse(row.confidence().isBlank(), row.toString());
    }
  }

  @Test
  void everyPriceOfTheSharedDataIsInTheBuiltInTable() throws IOException {
    Assumptions.assumeTrue(Files.isRegularFile(SHARED), SHARED + " is not beside the clone");
    Set<String> regions = new TreeSet<>();
    int checked = 0;
    try (Reader in = Files.newBufferedReader(SHARED, StandardCharsets.UTF_8)) {
      for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
          .parse(in)) {
        String region = rec.get("region");
        Map.Entry<PriceItem, String> item = ITEMS.get(rec.get("item"));
        String what = region + " " + rec.get("item");
        assertTrue(item != null, "the shared data has an item the table does not map: " + what);
        PriceRow row = book.tiers(region, item.getKey()).stream()
            .filter(t -> t.tierFromGb().compareTo(new BigDecimal(item.getValue())) == 0)
            .findFirst().orElseThrow(() -> new AssertionError("not in the table: " + what));
        assertEquals(0, new BigDecimal(rec.get("usd")).compareTo(row.usd()), what);
        assertEquals(rec.get("source"), row.source(), what);
        assertEquals(rec.get("as_of"), row.asOf(), what);
        assertEquals(rec.get("confidence"), row.confidence(), what);
        regions.add(region);
        checked++;
      }
    }
    assertEquals(new TreeSet<>(Region.codes()), regions);
    assertEquals(33 * ITEMS.size(), checked);
  }

  @Test
  void theSeedInMeCentral1() {
    // me-central-1 endpoint.hour 0.0121 (shared data, high)
    // single: 3 services x 1 AZ x 730 h x 0.0121 = 2,190 x 0.0121 = 26.499 -> 26.50
    CostResult single = cost("me-central-1", TestLayouts.SEED_SINGLE);
    assertEquals(0, Rational.of(new BigDecimal("26.499")).compareTo(single.total()));
    assertEquals("26.50", Money.format(single.total()));
    // per-az: 3 services x 2 AZs x 730 h x 0.0121 = 4,380 x 0.0121 = 52.998 -> 53.00
    CostResult perAz = cost("me-central-1", TestLayouts.SEED_SINGLE
        + "endpoint ssm, ec2messages, ssmmessages in 1a, 1c\n");
    assertEquals(0, Rational.of(new BigDecimal("52.998")).compareTo(perAz.total()));
    assertEquals("53.00", Money.format(perAz.total()));
    assertTrue(single.complete() && perAz.complete());
    assertFalse(single.unconfirmed());
  }

  @Test
  void natToTheInternetInApSouth2() {
    // ap-south-2 (shared data): nat.hour 0.056, nat.gb 0.056, ipv4.hour 0.005,
    // interaz.gb 0.01 (medium), internet out first 10 TB 0.1093
    //   NAT hours   730 x 0.056       = 40.88
    //   EIP         730 x 0.005       =  3.65
    //   NAT data    100 x 0.056       =  5.60
    //   cross-AZ    2 x 100 x 0.01    =  2.00   (app in 2b, NAT in 2a)
    //   internet    100 x 0.1093      = 10.93
    //   total                         = 63.06
    CostResult c = cost("ap-south-2", "az 2a subnet public pub\naz 2b subnet private app\n"
        + "nat in 2a\ninstance web in app\ntraffic web -> internet 100 GB");
    assertEquals(0, Rational.of(new BigDecimal("63.06")).compareTo(c.total()), c.lines().toString());
    assertTrue(c.complete());
    assertFalse(c.unconfirmed());
  }

  @Test
  void aLowConfidencePriceIsFlaggedLikeAnUnconfirmedOne() {
    // me-central-1 interaz.gb 0.01 is "low" (a general statement, as_of unknown):
    // cross-AZ 2 x 100 GB x 0.01 = 2.00, marked unconfirmed, with a note
    CostResult c = cost("me-central-1", "az 1a subnet public pub\naz 1b subnet private app\n"
        + "nat in 1a\ninstance web in app\ntraffic web -> sqs 100 GB");
    CostLine crossAz = c.lines().stream().filter(l -> l.priceItem() == PriceItem.CROSSAZ_GB)
        .findFirst().orElseThrow();
    assertEquals("2.00", Money.format(crossAz.monthly()));
    assertTrue(crossAz.unconfirmed());
    assertTrue(c.unconfirmed());
    assertTrue(c.notes().contains("price crossaz.gb in me-central-1 (0.01 USD/GB) is unconfirmed"),
        c.notes().toString());
    // the same layout in ap-south-2, whose interaz.gb is "medium", is not flagged
    assertFalse(cost("ap-south-2", "az 2a subnet public pub\naz 2b subnet private app\n"
        + "nat in 2a\ninstance web in app\ntraffic web -> sqs 100 GB").unconfirmed());
    List<String> low = new ArrayList<>();
    for (PriceRow r : book.rows()) {
      if (r.confidence().equals("low")) {
        low.add(r.region());
        assertTrue(r.unconfirmed(), r.toString());
      }
    }
    assertEquals(8, low.size(), low.toString());
  }

  @Test
  void internetOutAboveTheSourcedTierIsNotPricedAndSaysSo() {
    // ap-northeast-2: only the first 10 TB is sourced (0.126). 10,250 GB out through the IGW:
    // 10,240 x 0.126 = 1,290.24 priced; 10 GB above it not priced, the cost is incomplete
    CostResult c = cost("ap-northeast-2", "az 2a subnet public pub\ninstance web in pub\n"
        + "traffic web -> internet 10250 GB");
    assertEquals(0, Rational.of(new BigDecimal("1290.24")).compareTo(c.byPart().get(CostPart.INTERNET_OUT)),
        c.lines().toString());
    assertFalse(c.complete());
    assertEquals(List.of("internet.gb"), c.missingPrices());
    assertTrue(c.notes().stream().anyMatch(n -> n.startsWith("no price for internet.gb in"
        + " ap-northeast-2: data transfer out to internet above 10240 GB (10 GB) not priced")
        && n.contains("prices \"FILE\"")), c.notes().toString());
    // with every tier sourced (Tokyo), the same traffic is priced in full:
    // 10,240 x 0.114 + 10 x 0.089 = 1,167.36 + 0.89 = 1,168.25
    CostResult tokyo = cost("ap-northeast-1", "az 1a subnet public pub\ninstance web in pub\n"
        + "traffic web -> internet 10250 GB");
    assertEquals(0, Rational.of(new BigDecimal("1168.25")).compareTo(tokyo.byPart().get(CostPart.INTERNET_OUT)));
    assertTrue(tokyo.complete());
  }

  @Test
  void everyRegionsAzsAreKnown() {
    for (String code : Region.codes()) {
      Region r = Region.of(code).orElseThrow();
      assertTrue(r.letters().length() >= 3, code);
      assertEquals(r.azs().size(), r.shortAzs().size());
    }
    assertEquals("abcdef", Region.of("us-east-1").orElseThrow().letters());
    assertEquals("acd", Region.of("ap-northeast-1").orElseThrow().letters());
    assertEquals("abd", Region.of("ca-central-1").orElseThrow().letters());
    assertEquals(List.of("2a", "2b", "2c"), Region.of("ap-south-2").orElseThrow().shortAzs());
  }
}
