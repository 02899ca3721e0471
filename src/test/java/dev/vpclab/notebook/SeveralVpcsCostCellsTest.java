package dev.vpclab.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpclab.cost.CostEngine;
import dev.vpclab.cost.CostResult;
import dev.vpclab.cost.PriceBook;
import dev.vpclab.model.Layout;
import dev.vpclab.testing.Hand;
import dev.vpclab.testing.TestLayouts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cost, compare and chart cells of designs of several VPCs show the parts of such designs
 * (tgw-attachments, private-zones, tgw-data); a single VPC's cells keep their parts. The layouts
 * have no traffic, so no path is asked for: the hourly lines alone (us-east-1).
 */
class SeveralVpcsCostCellsTest {
  final PriceBook prices = PriceBook.builtIn();

  /** shared (ssm in 1a, 1b) and app on the hub, ssm shared with app. */
  static Layout hub() {
    return new Hand("hub")
        .vpc("shared").subnet("shared", "ep-a", "1a").subnet("shared", "ep-b", "1b")
        .endpoint("shared", "ssm", false, "10.0.0.0/8", "ep-a", "ep-b")
        .vpc("app").subnet("app", "app-a", "1a").subnet("app", "app-b", "1b")
        .group("web", "app-a", 1)
        .tgw("hub", "shared", "app")
        .share("ssm", "shared", "app")
        .build();
  }

  static JsonNode json(Output o) throws Exception {
    return new ObjectMapper().readTree(Json.write(o.data()));
  }

  static List<String> keys(JsonNode n) {
    List<String> keys = new ArrayList<>();
    n.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  static final List<String> SINGLE_PARTS = List.of("endpoint-hours", "endpoint-data",
      "nat-hours", "nat-data", "cross-az", "internet-out", "ipv4");

  static List<String> allParts() {
    List<String> all = new ArrayList<>(SINGLE_PARTS);
    all.addAll(List.of("tgw-attachments", "private-zones", "tgw-data"));
    return all;
  }

  @Test
  void costCellOfATransitGatewayDesign() throws Exception {
    Output o = CostCells.cost(hub(), prices, 730);
    // ssm in 2 AZs: 2 x 730 x 0.01 = 14.60; attachments 2 x 730 x 0.05 = 73.00; one zone 0.50
    assertTrue(o.text().startsWith("hub: 88.10 USD a month\n"), o.text());
    assertTrue(o.text().contains("transit gateway hub attachment shared"), o.text());
    assertTrue(o.text().contains("private hosted zones, tier 0-25 zones"), o.text());
    JsonNode j = json(o);
    assertEquals(allParts(), keys(j.get("parts")));
    assertEquals("73.00", j.get("parts").get("tgw-attachments").asText());
    assertEquals("0.50", j.get("parts").get("private-zones").asText());
    assertEquals("0.00", j.get("parts").get("tgw-data").asText());
    JsonNode zone = j.get("lines").get(3);
    assertEquals("private-zones", zone.get("part").asText());
    assertEquals("zone", zone.get("unit").asText());
    assertEquals("phz.month", zone.get("price").asText());
    assertEquals("88.10", j.get("fixed").asText());
  }

  @Test
  void aSingleVpcCostCellKeepsItsParts() throws Exception {
    JsonNode j = json(CostCells.cost(TestLayouts.seedSingle(), prices, 730));
    assertEquals(SINGLE_PARTS, keys(j.get("parts")));
  }

  @Test
  void chartCostShowsTheNewPartsWhenADesignOfSeveralVpcsIsCharted() throws Exception {
    Layout single = TestLayouts.seedSingle();
    CostResult s = CostEngine.cost(single, prices, 730);
    CostResult h = CostEngine.cost(hub(), prices, 730);
    ChartSpec.StackedBars alone = (ChartSpec.StackedBars) ChartCells.costSpec(
        List.of("single"), List.of(s));
    assertFalse(alone.series().contains("TGW attachments"), alone.series().toString());
    ChartSpec.StackedBars both = (ChartSpec.StackedBars) ChartCells.costSpec(
        List.of("single", "hub"), List.of(s, h));
    assertEquals(List.of("TGW attachments", "private hosted zones", "TGW data"),
        both.series().subList(7, 10));
    Output o = ChartCells.cost(List.of(single, hub()), prices, 730, null, "cell-1",
        ChartFiles.NONE);
    JsonNode j = json(o);
    assertEquals(allParts(), new ObjectMapper().convertValue(j.get("parts"), List.class));
    // every bar has the same keys; the single VPC's new parts are 0.00
    assertEquals(allParts(), keys(j.get("bars").get(0).get("parts")));
    assertEquals("0.00", j.get("bars").get(0).get("parts").get("tgw-attachments").asText());
    assertEquals("73.00", j.get("bars").get(1).get("parts").get("tgw-attachments").asText());
    // the table's columns: the parts with an amount
    assertTrue(o.text().contains("tgw-attachments"), o.text());
    assertFalse(o.text().contains("tgw-data"), o.text());
  }

  @Test
  void compareShowsTheNewPartsInEveryRow() throws Exception {
    Output o = CostCells.compare(List.of(TestLayouts.seedSingle(), hub()), prices, 730);
    JsonNode rows = json(o).get("rows");
    assertEquals(allParts(), keys(rows.get(0).get("parts")));
    assertEquals(allParts(), keys(rows.get(1).get("parts")));
    assertEquals("0.00", rows.get(0).get("parts").get("private-zones").asText());
    assertEquals("0.50", rows.get(1).get("parts").get("private-zones").asText());
    String header = o.text().lines().skip(1).findFirst().orElseThrow();
    assertTrue(header.contains("tgw-attachments") && header.contains("private-zones")
        && !header.contains("tgw-data"), header);
  }

  @Test
  void compareOfSingleVpcsKeepsItsParts() throws Exception {
    Output o = CostCells.compare(List.of(TestLayouts.seedSingle(), TestLayouts.seedPerAz()),
        prices, 730);
    assertEquals(SINGLE_PARTS, keys(json(o).get("rows").get(1).get("parts")));
  }
}
