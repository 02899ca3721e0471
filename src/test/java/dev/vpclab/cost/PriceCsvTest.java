package dev.vpclab.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vpclab.model.Layout;
import dev.vpclab.testing.TestLayouts;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceCsvTest {
  static PriceTable resource(String name) throws IOException {
    try (InputStream in = PriceCsvTest.class.getResourceAsStream("/dev/vpclab/cost/" + name)) {
      Reader r = new InputStreamReader(in, StandardCharsets.UTF_8);
      return PriceCsv.read(name, r);
    }
  }

  static PriceTable text(String text) {
    return PriceCsv.read("t.csv", new StringReader(text));
  }

  static PriceRow row(PriceTable t, String region, PriceItem item, String fromGb) {
    return t.rows().stream().filter(r -> r.region().equals(region) && r.item() == item
        && r.tierFromGb().compareTo(new BigDecimal(fromGb)) == 0).findFirst().orElseThrow(
            () -> new AssertionError("no row " + region + " " + item + " " + fromGb));
  }

  @Test
  void importsAnAwsPriceListCsv() throws IOException {
    PriceTable t = resource("aws-price-list.csv");
    assertTrue(t.ok(), t.report());
    assertEquals(PriceCsv.FORMAT_AWS, t.format());
    assertEquals("20260917190528", t.version());
    assertEquals(0, row(t, "ap-northeast-1", PriceItem.ENDPOINT_HOUR, "0").usd()
        .compareTo(new BigDecimal("0.014")));
    List<PriceRow> tiers = t.rows().stream().filter(r -> r.region().equals("ap-northeast-1")
        && r.item() == PriceItem.ENDPOINT_GB).toList();
    assertEquals(3, tiers.size(), "the $0 provisioned-bytes row is ignored");
    PriceRow second = row(t, "ap-northeast-1", PriceItem.ENDPOINT_GB, "1048576");
    assertEquals(0, second.tierToGb().compareTo(new BigDecimal("5242880")));
    assertEquals(0, second.usd().compareTo(new BigDecimal("0.006")));
    assertNull(row(t, "ap-northeast-1", PriceItem.ENDPOINT_GB, "5242880").tierToGb());
    assertEquals(0, row(t, "ap-northeast-1", PriceItem.NAT_GB, "0").usd()
        .compareTo(new BigDecimal("0.062")));
    assertEquals(0, row(t, "ap-northeast-1", PriceItem.CROSSAZ_GB, "0").usd()
        .compareTo(new BigDecimal("0.01")));
    // unprefixed us-east-1 NAT rows and a USE1 prefix, without a Region Code column value
    assertEquals(0, row(t, "us-east-1", PriceItem.NAT_HOUR, "0").usd()
        .compareTo(new BigDecimal("0.045")));
    assertEquals(0, row(t, "us-east-1", PriceItem.ENDPOINT_HOUR, "0").usd()
        .compareTo(new BigDecimal("0.01")));
    // VPN rows and reserved terms are not ours
    assertEquals(10, t.rows().size());
    assertEquals("hour", row(t, "us-east-1", PriceItem.NAT_HOUR, "0").unit());
    assertEquals("2026-09-01", row(t, "us-east-1", PriceItem.NAT_HOUR, "0").asOf());
  }

  @Test
  void importedTableRoundTripsThroughOurFormat() throws IOException {
    PriceBook imported = PriceBook.of(resource("aws-price-list.csv"));
    PriceTable again = text(imported.toCsv());
    assertTrue(again.ok(), again.report());
    assertEquals(PriceCsv.FORMAT_VPCLAB, again.format());
    assertEquals(imported.rows(), again.rows());
  }

  @Test
  void importedPricesReplaceBuiltInRowsOfTheSameRegionAndItem() throws IOException {
    PriceTable t = text("region,item,usd\nap-northeast-1,endpoint.hour,0.02\n");
    assertTrue(t.ok(), t.report());
    PriceBook p = PriceBook.builtIn().withTable(t);
    Layout l = TestLayouts.layout("ap-northeast-1", "az 1a subnet private\nendpoint ssm in 1a");
    assertEquals("14.60", Money.format(CostEngine.cost(l, p, 730).total()));
    assertEquals(3, p.tiers("ap-northeast-1", PriceItem.ENDPOINT_GB).size(), "others kept");
    assertTrue(p.hasRegion("us-east-1"));
    PriceBook aws = PriceBook.builtIn().withTable(resource("aws-price-list.csv"));
    assertEquals("10.22", Money.format(CostEngine.cost(l, aws, 730).total()));
  }

  @Test
  void aBadPriceIsAnErrorWithItsLine() throws IOException {
    PriceTable t = resource("aws-price-list-bad-price.csv");
    assertFalse(t.ok());
    assertEquals(1, t.errors().size(), t.report());
    PriceTable.Problem p = t.errors().get(0);
    assertEquals(8, p.line());
    assertTrue(p.message().contains("PricePerUnit is not a number"), p.message());
    assertTrue(t.report().startsWith("aws-price-list-bad-price.csv:8: error: "), t.report());
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> PriceBook.builtIn().withTable(t));
    assertTrue(e.getMessage().contains("aws-price-list-bad-price.csv:8"), e.getMessage());
  }

  @Test
  void aWrongFileGivesAnErrorNotAnException() {
    PriceTable t = text("name,age\nalice,30\n");
    assertFalse(t.ok());
    assertEquals(1, t.errors().get(0).line());
    assertTrue(t.errors().get(0).message().contains("not a price table"), t.report());

    assertFalse(text("").ok());
    assertTrue(text("").report().contains("empty"));

    PriceTable unterminated = text("region,item,usd\nus-east-1,\"endpoint.hour,0.01\n");
    assertFalse(unterminated.ok());
    assertTrue(unterminated.report().contains("not valid CSV"), unterminated.report());

    PriceTable noHeader = text("\"FormatVersion\",\"v1.0\"\n\"Disclaimer\",\"x\"\n"
        + "\"Publication Date\",\"2026\"\n\"Version\",\"1\"\n\"OfferCode\",\"AmazonVPC\"\n"
        + "\"SKU\",\"usageType\",\"Unit\"\n\"A\",\"USE1-VpcEndpoint-Hours\",\"Hrs\"\n");
    assertFalse(noHeader.ok());
    assertTrue(noHeader.report().contains("AWS Price List"), noHeader.report());

    PriceTable nothing = text("\"FormatVersion\",\"v1.0\"\n\"Disclaimer\",\"x\"\n"
        + "\"Publication Date\",\"2026\"\n\"Version\",\"1\"\n\"OfferCode\",\"AmazonEC2\"\n"
        + "\"SKU\",\"usageType\",\"Unit\",\"PricePerUnit\"\n\"A\",\"BoxUsage:t3.micro\",\"Hrs\",\"0.01\"\n");
    assertFalse(nothing.ok());
    assertTrue(nothing.report().contains("no prices found"), nothing.report());
  }

  @Test
  void unknownItemInOurFormatSuggestsTheNearest() {
    PriceTable t = text("# version 7\nregion,item,usd\nus-east-1,endpoint.hours,0.01\n");
    assertFalse(t.ok());
    assertEquals(3, t.errors().get(0).line());
    assertTrue(t.errors().get(0).message().contains("did you mean 'endpoint.hour'?"), t.report());
    assertEquals("7", t.version());
  }

  @Test
  void tiersMustRunFromZeroWithoutGaps() {
    PriceTable gap = text("region,item,tier_from_gb,tier_to_gb,usd\n"
        + "us-east-1,internet.gb,0,100,0.09\nus-east-1,internet.gb,200,,0.05\n");
    assertFalse(gap.ok());
    assertEquals(3, gap.errors().get(0).line());
    PriceTable overlap = text("region,item,tier_from_gb,tier_to_gb,usd\n"
        + "us-east-1,internet.gb,0,100,0.09\nus-east-1,internet.gb,50,,0.05\n");
    assertFalse(overlap.ok());
    assertTrue(overlap.report().contains("gap or overlap"), overlap.report());
    PriceTable late = text("region,item,tier_from_gb,tier_to_gb,usd\n"
        + "us-east-1,internet.gb,10,,0.09\n");
    assertFalse(late.ok());
    // a last tier may end: the item has no price above it (a cost needing one says so)
    PriceTable bounded = text("region,item,tier_from_gb,tier_to_gb,usd\n"
        + "us-east-1,internet.gb,0,100,0.09\n");
    assertTrue(bounded.ok(), bounded.report());
    assertEquals(0, bounded.rows().get(0).tierToGb().compareTo(BigDecimal.valueOf(100)));
    PriceTable negative = text("region,item,usd\nus-east-1,nat.gb,-1\n");
    assertFalse(negative.ok());
    PriceTable badRegion = text("region,item,usd\nMars,nat.gb,1\n");
    assertTrue(badRegion.report().contains("not a Region code"), badRegion.report());
  }

  @Test
  void duplicateRowsWarnAndKeepTheFirst() {
    PriceTable t = text("region,item,usd\nus-east-1,nat.gb,0.05\nus-east-1,nat.gb,0.06\n");
    assertTrue(t.ok(), t.report());
    assertEquals(1, t.warnings().size());
    assertEquals(3, t.warnings().get(0).line());
    assertEquals(0, t.rows().get(0).usd().compareTo(new BigDecimal("0.05")));
  }
}
