package dev.vpclab.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceBookTest {
  final PriceBook book = PriceBook.builtIn();

  @Test
  void theQuickReaderOfTheEmbeddedTableAgreesWithTheCheckingReader() throws Exception {
    String text;
    try (var in = PriceBook.class.getResourceAsStream(PriceBook.RESOURCE)) {
      text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    PriceTable checked = PriceCsv.read("prices.csv", text);
    assertTrue(checked.ok(), checked::report);
    PriceBook quick = PriceBook.readPlain(text);
    assertEquals(checked.version(), quick.version());
    assertEquals(PriceBook.of(checked).rows(), quick.rows());
    assertEquals(checked.rows().size(), quick.rows().size());
    assertTrue(text.contains(",\"github.com/"), "sources with commas are quoted");
    assertEquals(quick.rows(), PriceBook.readPlain(text.replace("endpoint.hour",
        "\"endpoint.hour\"")).rows(), "a field wholly in quotes");
    // what the quick reader does not take, it leaves to the checking reader
    assertEquals(null, PriceBook.readPlain(text.replace("endpoint.hour", "endpoint\"hour")));
    assertEquals(null, PriceBook.readPlain(text.replace(",\"github.com/", ",\"\"\"github.com/")));
    assertEquals(null, PriceBook.readPlain(text.replace(",\"github.com/", ",x\"github.com/")));
    assertEquals(null, PriceBook.readPlain(text.replace("(match)\",", "(match)\"x,")));
    assertEquals(null, PriceBook.readPlain("region,item,tier_from_gb,tier_to_gb,unit,usd,source,"
        + "as_of,confidence\nus-east-1,nat.gb,0,,GB,0.05,\"open,x,high\n"));
    assertEquals(null, PriceBook.readPlain(text.replace(",0.01,", ",x,")));
    assertEquals(null, PriceBook.readPlain(text.replace("tier_from_gb", "from")));
  }

  @Test
  void versionInCommentLinesAsTheRegularExpressionReadsIt() {
    java.util.regex.Pattern version = java.util.regex.Pattern.compile("version[:\\s]+(\\S+)",
        java.util.regex.Pattern.CASE_INSENSITIVE);
    for (String line : List.of("# vpclab built-in price table, version 2026.11.25-1",
        "# Version: 7.", "# VERSION\t3;", "# version", "# version ", "# versions 2",
        "# version .", "# no version here: x", "# conversion v2, version 9", "#version:8,",
        "# version:   ", "")) {
      java.util.regex.Matcher m = version.matcher(line);
      String expected = m.find() ? m.group(1).replaceAll("[,;.]$", "") : "";
      assertEquals(expected, PriceTable.versionIn(line), line);
    }
  }

  @Test
  void builtInHasEveryRegionAndItemOfPricingMd() {
    assertSame(book, PriceBook.builtIn(), "cached");
    assertEquals(List.of("af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1",
        "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-south-2", "ap-southeast-1",
        "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-7",
        "ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1",
        "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3", "il-central-1", "me-central-1",
        "me-south-1", "mx-central-1", "sa-east-1", "us-east-1", "us-east-2", "us-west-1",
        "us-west-2"), book.regions());
    assertFalse(book.version().isEmpty());
    for (String r : book.regions()) {
      for (PriceItem i : List.of(PriceItem.ENDPOINT_HOUR, PriceItem.ENDPOINT_GB,
          PriceItem.NAT_HOUR, PriceItem.NAT_GB, PriceItem.CROSSAZ_GB, PriceItem.IPV4_HOUR)) {
        assertFalse(book.tiers(r, i).isEmpty(), r + " " + i);
      }
      assertEquals(3, book.tiers(r, PriceItem.ENDPOINT_GB).size());
      assertEquals(0, book.price(r, PriceItem.IPV4_HOUR).orElseThrow().usd()
          .compareTo(new BigDecimal("0.005")));
      for (PriceRow row : book.rows()) {
        assertFalse(row.source().isEmpty());
        assertFalse(row.asOf().isEmpty());
        assertFalse(row.confidence().isEmpty());
      }
    }
    assertEquals(4, book.tiers("ap-northeast-1", PriceItem.INTERNET_GB).size());
    assertEquals(0, book.tiers("ap-northeast-1", PriceItem.INTERNET_GB).get(0).usd()
        .compareTo(new BigDecimal("0.114")));
    // ap-northeast-2: only the first 10 TB is sourced (0.126); above it there is no price
    List<PriceRow> seoul = book.tiers("ap-northeast-2", PriceItem.INTERNET_GB);
    assertEquals(1, seoul.size());
    assertEquals(0, seoul.get(0).usd().compareTo(new BigDecimal("0.126")));
    assertEquals(0, seoul.get(0).tierToGb().compareTo(new BigDecimal("10240")));
    assertFalse(book.tiers("us-east-1", PriceItem.GWLBE_HOUR).isEmpty());
  }

  @Test
  void onlyTheLowConfidenceCrossAzPricesAreFlagged() {
    // eu-central-1 nat.gb was unconfirmed in the first table; the shared data confirms it (high)
    assertFalse(book.price("eu-central-1", PriceItem.NAT_GB).orElseThrow().unconfirmed());
    // crossaz.gb of these eight Regions is "low" (a general statement, as of unknown)
    assertTrue(book.price("me-central-1", PriceItem.CROSSAZ_GB).orElseThrow().unconfirmed());
    assertFalse(book.price("me-central-1", PriceItem.NAT_GB).orElseThrow().unconfirmed());
    assertEquals(8, book.rows().stream().filter(PriceRow::unconfirmed).count());
    assertTrue(book.rows().stream().filter(PriceRow::unconfirmed)
        .allMatch(r -> r.item() == PriceItem.CROSSAZ_GB && r.confidence().equals("low")));
    assertEquals(List.of("ap-east-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-7",
        "eu-central-2", "eu-south-2", "me-central-1", "mx-central-1"),
        book.regionsWithUnconfirmed());
  }

  @Test
  void overrideOfATieredItemReplacesTheFirstTier() {
    PriceBook p = book.withOverride("us-east-1", "endpoint.gb", new BigDecimal("0.02"));
    List<PriceRow> tiers = p.tiers("us-east-1", PriceItem.ENDPOINT_GB);
    assertEquals(3, tiers.size());
    assertEquals(0, tiers.get(0).usd().compareTo(new BigDecimal("0.02")));
    assertEquals(0, tiers.get(1).usd().compareTo(new BigDecimal("0.006")));
    assertEquals("user", tiers.get(0).confidence());
    assertEquals("override", tiers.get(0).source());
    assertEquals(0, book.tiers("us-east-1", PriceItem.ENDPOINT_GB).get(0).usd()
        .compareTo(new BigDecimal("0.01")), "immutable");
  }

  @Test
  void overrideClearsTheUnconfirmedFlag() {
    PriceBook p = book.withOverride("me-central-1", "crossaz.gb", new BigDecimal("0.01"));
    assertFalse(p.price("me-central-1", PriceItem.CROSSAZ_GB).orElseThrow().unconfirmed());
  }

  @Test
  void unknownItemIsAUserFacingError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> book.withOverride("us-east-1", "nat.hours", BigDecimal.ONE));
    assertTrue(e.getMessage().contains("unknown price item 'nat.hours'"), e.getMessage());
    assertTrue(e.getMessage().contains("did you mean 'nat.hour'?"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> book.withOverride("us-east-1", "nat.hour", new BigDecimal("-1")));
    IllegalArgumentException r = assertThrows(IllegalArgumentException.class,
        () -> book.withOverride("us-eats-1", "nat.hour", BigDecimal.ONE));
    assertTrue(r.getMessage().contains("did you mean 'us-east-1'?"), r.getMessage());
  }

  @Test
  void pricesTableAndCsv() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> book.rowsOf("ap-south-9"));
    assertTrue(e.getMessage().contains("no prices for Region 'ap-south-9'"), e.getMessage());
    assertTrue(e.getMessage().contains("(prices for: af-south-1, ap-east-1, "), e.getMessage());
    assertEquals(book.rows().size(), book.rowsOf(null).size());

    String csv = book.toCsv();
    assertTrue(csv.startsWith("# vpclab price table, version "), csv);
    assertTrue(csv.contains("\nregion,item,tier_from_gb,tier_to_gb,unit,usd,source,as_of,"
        + "confidence\n"), csv);
    PriceTable again = PriceCsv.read("again.csv", new java.io.StringReader(csv));
    assertTrue(again.ok(), again.report());
    assertEquals(book.rows(), again.rows());
    assertEquals(book.version(), again.version());
  }
}
