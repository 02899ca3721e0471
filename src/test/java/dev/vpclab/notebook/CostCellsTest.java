package dev.vpclab.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpclab.cost.PriceBook;
import dev.vpclab.model.Layout;
import dev.vpclab.testing.TestLayouts;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostCellsTest {
  final Layout single = TestLayouts.seedSingle();
  final Layout perAz = TestLayouts.seedPerAz();
  final PriceBook prices = PriceBook.builtIn();

  static JsonNode json(Output o) throws Exception {
    return new ObjectMapper().readTree(Json.write(o.data()));
  }

  @Test
  void costCell() throws Exception {
    Output o = CostCells.cost(single, prices, 730);
    assertEquals("cost", o.kind());
    assertFalse(o.failed());
    assertTrue(o.text().startsWith("single: 30.66 USD a month\n"), o.text());
    assertTrue(o.text().contains("total"), o.text());
    JsonNode j = json(o);
    List<String> keys = new java.util.ArrayList<>();
    j.fieldNames().forEachRemaining(keys::add);
    assertEquals(List.of("kind", "layout"), keys.subList(0, 2));
    assertEquals("cost", j.get("kind").asText());
    assertEquals("single", j.get("layout").asText());
    assertEquals("USD", j.get("currency").asText());
    assertTrue(j.get("total").isTextual());
    assertEquals("30.66", j.get("total").asText());
    assertEquals("30.66", j.get("fixed").asText());
    assertEquals("0.00", j.get("variable").asText());
    assertEquals(3, j.get("lines").size());
    JsonNode line = j.get("lines").get(0);
    for (String f : List.of("item", "quantity", "unit", "unitPrice", "monthly", "part")) {
      assertTrue(line.has(f), f);
    }
    assertEquals("0.014", line.get("unitPrice").asText());
    assertEquals("10.22", line.get("monthly").asText());
    assertEquals(730, line.get("quantity").asInt());
    assertEquals("endpoint-hours", line.get("part").asText());
    assertTrue(j.get("notes").isArray());
    assertEquals(1, o.tables().size());
    assertEquals(3, o.tables().get(0).rows().size());
  }

  @Test
  void costCellFlagsUnpricedTraffic() throws Exception {
    Layout l = TestLayouts.layout("lonely", "us-east-1", "az 1a subnet private app\n"
        + "instance web in app\ntraffic web -> sqs 20 GB");
    Output o = CostCells.cost(l, prices, 730);
    JsonNode j = json(o);
    // whatever path the reachability engine finds, nothing leads to sqs here
    assertEquals(1, j.get("unpriced").size());
    assertEquals("20", j.get("unpriced").get(0).get("gb").asText());
    assertFalse(j.get("complete").asBoolean());
    assertTrue(o.text().contains("web -> sqs 20 GB"), o.text());
  }

  @Test
  void compareCell() throws Exception {
    Output o = CostCells.compare(List.of(single, perAz), prices, 730);
    assertEquals("compare", o.kind());
    JsonNode j = json(o);
    List<String> keys = new java.util.ArrayList<>();
    j.fieldNames().forEachRemaining(keys::add);
    assertEquals(List.of("kind", "layouts"), keys.subList(0, 2));
    assertEquals("single", j.get("layouts").get(0).asText());
    assertEquals("USD", j.get("currency").asText());
    JsonNode a = j.get("rows").get(0);
    JsonNode b = j.get("rows").get(1);
    assertEquals("30.66", a.get("total").asText());
    assertEquals("0.00", a.get("delta").asText());
    assertEquals("61.32", b.get("total").asText());
    assertEquals("30.66", b.get("delta").asText());
    assertEquals(3, a.get("enis").asInt());
    assertEquals(6, b.get("enis").asInt());
    for (String f : List.of("layout", "total", "fixed", "variable", "delta", "enis",
        "survivesAzFailure", "brokenPairs")) {
      assertTrue(a.has(f), f);
    }
    assertTrue(a.get("survivesAzFailure").isBoolean());
    assertTrue(a.get("brokenPairs").isInt());
    assertTrue(o.text().contains("+30.66"), o.text());
  }

  @Test
  void compareNamesUnreachablePairsAndNeverSaysAVacuousYes() throws Exception {
    Layout oneAz = TestLayouts.layout("packed", "us-east-1", """
        az 1a subnet private app
        endpoint ssm in 1a
        instance batch in app count 4 needs ssm
        """);
    Layout noSqs = TestLayouts.layout("no-sqs", "us-east-1", """
        az 1a subnet private a; az 1c subnet private c
        endpoint ssm in 1a, 1c
        instance x in a needs ssm, sqs, sts
        """);
    Output o = CostCells.compare(List.of(single, oneAz, noSqs), prices, 730);
    String header = o.text().lines().skip(1).findFirst().orElseThrow();
    assertTrue(header.endsWith("survives AZ failure                            unreachable pairs"),
        header);
    assertFalse(o.text().contains("broken pairs"), o.text());
    List<String> lines = o.text().lines().toList();
    assertTrue(lines.get(2).endsWith("no (ap-northeast-1c)                                           0"),
        lines.get(2));
    assertTrue(lines.get(3).endsWith("no (single AZ: us-east-1a)                                     0"),
        lines.get(3));
    assertTrue(lines.get(4).endsWith("yes, but 2 pairs unreachable with every AZ up                  2"),
        lines.get(4));
    JsonNode rows = json(o).get("rows");
    assertFalse(rows.get(1).get("survivesAzFailure").asBoolean());
    assertTrue(rows.get(1).get("singleAz").asBoolean());
    assertEquals("us-east-1a", rows.get(1).get("failingAzs").get(0).asText());
    assertTrue(rows.get(2).get("survivesAzFailure").asBoolean());
    assertFalse(rows.get(2).get("singleAz").asBoolean());
    assertEquals(2, rows.get(2).get("unreachablePairs").asInt());
    assertEquals(2, rows.get(2).get("brokenPairs").asInt());
  }

  @Test
  void expectCostCells() throws Exception {
    Output pass = CostCells.expectCost(single, "<", new BigDecimal("40"), prices, 730,
        "expect cost single < 40 USD");
    assertEquals("expect", pass.kind());
    assertFalse(pass.failed());
    JsonNode j = json(pass);
    assertTrue(j.get("passed").asBoolean());
    assertEquals("single", j.get("layout").asText());
    assertEquals("30.66", j.get("actual").asText());
    assertEquals("40", j.get("limit").asText());
    assertEquals("expect cost single < 40 USD: passed (single: 30.66 USD a month)",
        j.get("text").asText());

    Output fail = CostCells.expectCost(single, ">=", new BigDecimal("30.67"), prices, 730, "t");
    assertTrue(fail.failed());
    assertFalse(json(fail).get("passed").asBoolean());
    // the printed (cent) amount is what is compared
    assertFalse(CostCells.expectCost(single, "<=", new BigDecimal("30.66"), prices, 730, "t")
        .failed());
    assertTrue(CostCells.expectCost(single, "<", new BigDecimal("30.66"), prices, 730, "t")
        .failed());

    Output vs = CostCells.expectCostVs(single, "<", perAz, prices, 730,
        "expect cost single < cost per-az");
    assertFalse(vs.failed());
    JsonNode v = json(vs);
    assertEquals("expect", v.get("kind").asText());
    assertEquals("single", v.get("layouts").get(0).asText());
    assertEquals("30.66", v.get("actual").asText());
    assertEquals("61.32", v.get("other").asText());
    assertTrue(CostCells.expectCostVs(single, ">", perAz, prices, 730, "t").failed());
    assertThrows(IllegalArgumentException.class,
        () -> CostCells.expectCost(single, "==", BigDecimal.ONE, prices, 730, "t"));
  }
  /** 20 GB to sqs with no way to reach it: 0.00 priced, the 20 GB not priced. */
  final Layout lonely = TestLayouts.layout("lonely", "us-east-1", "az 1a subnet private app\n"
      + "instance web in app\ntraffic web -> sqs 20 GB");

  @Test
  void aBudgetOverAnIncompleteCostFails() throws Exception {
    Output o = CostCells.expectCost(lonely, "<", new BigDecimal("40"), prices, 730,
        "expect cost lonely < 40 USD");
    assertTrue(o.failed(), o.text());
    JsonNode j = json(o);
    assertFalse(j.get("passed").asBoolean());
    assertFalse(j.get("complete").asBoolean());
    assertEquals("expect cost lonely < 40 USD: FAILED (lonely: 0.00 USD a month, incomplete: 20 GB"
        + " of traffic not priced)", j.get("text").asText());
    // either side incomplete: no verdict can be trusted
    Output vs = CostCells.expectCostVs(lonely, "<", single, prices, 730,
        "expect cost lonely < cost single");
    assertTrue(vs.failed(), vs.text());
    assertTrue(vs.text().startsWith("expect cost lonely < cost single: FAILED (lonely: 0.00,"
        + " single: 30.66 USD a month; lonely is incomplete: 20 GB of traffic not priced)\n"),
        vs.text());
    assertTrue(CostCells.expectCostVs(single, ">", lonely, prices, 730, "t").failed());
    assertFalse(json(vs).get("complete").asBoolean());
  }

  @Test
  void anIncompleteTotalSaysSoWhereItStands() throws Exception {
    Output cost = CostCells.cost(lonely, prices, 730);
    assertTrue(cost.text().startsWith("lonely: 0.00 USD a month, incomplete: 20 GB of traffic not"
        + " priced\n"), cost.text());
    assertTrue(cost.text().contains("total     0.00 USD, incomplete\n"), cost.text());
    JsonNode j = json(cost);
    assertFalse(j.get("complete").asBoolean());
    assertEquals("20", j.get("unpricedGb").asText());
    assertEquals(0, j.get("missingPrices").size());

    Output cmp = CostCells.compare(List.of(single, lonely), prices, 730);
    assertTrue(cmp.text().startsWith("compare (USD a month): single 30.66, lonely 0.00"
        + " (incomplete)\n"), cmp.text());
    List<String> row = cmp.tables().get(0).rows().get(1);
    assertTrue(row.contains("0.00 (incomplete)"), row.toString());
    JsonNode r = json(cmp).get("rows").get(1);
    assertFalse(r.get("complete").asBoolean());
    assertEquals("20", r.get("unpricedGb").asText());
    assertEquals(1, r.get("unpriced").size());
    assertEquals("sqs", r.get("unpriced").get(0).get("destination").asText());
    // a complete layout is not marked
    assertTrue(CostCells.cost(single, prices, 730).text().startsWith(
        "single: 30.66 USD a month\n"));
  }
  @Test
  void aRoundingLineMakesThePrintedLinesAddUp() throws Exception {
    // three endpoints in one AZ at 0.0125 USD an hour: each line 730 x 0.0125 = 9.125, printed
    // 9.13; the total 3 x 9.125 = 27.375, printed 27.38; the lines printed add up to 27.39, so a
    // rounding line of -0.01 makes them add up to the printed total
    PriceBook odd = prices.withOverride("us-east-1", "endpoint.hour", new BigDecimal("0.0125"));
    Layout three = TestLayouts.layout("three", "us-east-1", "az 1a subnet private app\n"
        + "endpoint ssm, sqs, kms in 1a");
    Output o = CostCells.cost(three, odd, 730);
    assertTrue(o.text().startsWith("three: 27.38 USD a month\n"), o.text());
    List<List<String>> rows = o.tables().get(0).rows();
    assertEquals(4, rows.size(), o.text());
    assertEquals(List.of("9.13", "9.13", "9.13"), rows.subList(0, 3).stream()
        .map(r -> r.get(4)).toList());
    assertEquals(List.of("rounding", "", "", "", "-0.01", "rounding"), rows.get(3));
    JsonNode j = json(o);
    assertEquals("27.38", j.get("total").asText());
    assertEquals("-0.01", j.get("rounding").asText());
    JsonNode last = j.get("lines").get(3);
    assertEquals("rounding", last.get("item").asText());
    assertEquals("-0.01", last.get("monthly").asText());
    assertEquals("rounding", last.get("part").asText());
    assertTrue(last.get("quantity").isNull());
    BigDecimal sum = BigDecimal.ZERO;
    for (JsonNode l : j.get("lines")) {
      sum = sum.add(new BigDecimal(l.get("monthly").asText()));
    }
    assertEquals(new BigDecimal("27.38"), sum);
    // lines that add up need none
    JsonNode seed = json(CostCells.cost(single, prices, 730));
    assertEquals("0.00", seed.get("rounding").asText());
    assertEquals(3, seed.get("lines").size());
  }
}


