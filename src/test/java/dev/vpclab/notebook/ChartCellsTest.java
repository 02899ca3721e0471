package dev.vpclab.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpclab.lang.Diagnostic;
import dev.vpclab.lang.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The data of chart and sweep cells (no drawing: ChartFiles.NONE unless said). */
class ChartCellsTest {
  static final String SCENARIO = """
      region us-east-1
      layout nat-only {
        az 1a subnet public
        az 1a subnet private app
        nat in 1a
        gateway s3
        instance worker in app needs internet, s3
        traffic worker -> logs 150 GB
      }
      layout logs-endpoint extends nat-only {
        endpoint logs in 1a
      }
      """;

  static Notebook.Result run(String source, ChartFiles charts) {
    Notebook nb = new Notebook(p -> {
      throw new java.io.IOException("no files");
    }, charts);
    Notebook.Result r = nb.eval(new SourceFile("t.vpc", SCENARIO + source));
    assertFalse(r.hasErrors(), () -> r.diagnostics().all().stream().map(Diagnostic::render)
        .toList().toString());
    return r;
  }

  static JsonNode json(Output o) throws Exception {
    return new ObjectMapper().readTree(Json.write(o.data()));
  }

  @Test
  void sweepBreakEvenIsExact() throws Exception {
    Output o = run("sweep traffic 0 .. 1 TB step 25 GB over nat-only, logs-endpoint\n",
        ChartFiles.NONE).cells().get(0).output();
    assertTrue(o.text().contains("break-even: nat-only = logs-endpoint at 208.57 GB a month"
        + " (45.89 USD); above it logs-endpoint is cheaper"), o.text());
    JsonNode j = json(o);
    assertEquals("sweep", j.get("kind").asText());
    assertEquals(1, j.get("breakEven").size());
    JsonNode be = j.get("breakEven").get(0);
    assertEquals("208.57", be.get("gb").asText());
    assertEquals("nat-only", be.get("layouts").get(0).asText());
    assertEquals("logs-endpoint", be.get("cheaperAbove").asText());
    assertEquals(2, j.get("series").size());
    JsonNode nat = j.get("series").get(0);
    assertEquals(42, nat.get("points").size());
    assertEquals("43.25", nat.get("points").get(6).get("total").asText());
    assertEquals(150, nat.get("points").get(6).get("gb").asInt());
    assertEquals(1024, nat.get("points").get(41).get("gb").asInt());
    assertTrue(j.get("file").isNull());
    assertTrue(o.artifacts().isEmpty());
  }

  @Test
  void sweepWithoutStepTakesTwentySteps() throws Exception {
    JsonNode j = json(run("sweep traffic 0 .. 1000 over nat-only\n", ChartFiles.NONE).cells()
        .get(0).output());
    assertEquals(50, j.get("stepGb").asInt());
    assertEquals(21, j.get("series").get(0).get("points").size());
    assertEquals(0, j.get("breakEven").size());
  }

  @Test
  void chartCostStacksTheParts() throws Exception {
    Output o = run("chart cost nat-only, logs-endpoint\n", ChartFiles.NONE).cells().get(0)
        .output();
    JsonNode j = json(o);
    assertEquals("cost", j.get("chart").asText());
    assertEquals(List.of("endpoint-hours", "endpoint-data", "nat-hours", "nat-data", "cross-az",
        "internet-out", "ipv4"), new ObjectMapper().convertValue(j.get("parts"), List.class));
    JsonNode a = j.get("bars").get(0);
    assertEquals("nat-only", a.get("layout").asText());
    assertEquals("43.25", a.get("total").asText());
    assertEquals("32.85", a.get("parts").get("nat-hours").asText());
    assertEquals("6.75", a.get("parts").get("nat-data").asText());
    assertEquals("3.65", a.get("parts").get("ipv4").asText());
    JsonNode b = j.get("bars").get(1);
    assertEquals("45.30", b.get("total").asText());
    assertEquals("7.30", b.get("parts").get("endpoint-hours").asText());
    assertEquals("1.50", b.get("parts").get("endpoint-data").asText());
    // text: one bar per layout, the longest for the dearest, labelled with its total
    List<String> lines = o.text().lines().toList();
    assertTrue(lines.get(1).startsWith("nat-only") && lines.get(1).endsWith(" 43.25"), o.text());
    assertTrue(lines.get(2).contains("█".repeat(40) + " 45.30"), o.text());
  }

  static final String STRANDED = "layout stranded {\n  az 1a subnet private app\n"
      + "  instance worker in app\n  traffic worker -> logs 150 GB\n}\n";

  @Test
  void chartsSayWhichTotalsAreIncomplete() throws Exception {
    // stranded: 150 GB to logs with no route: 0.00 priced, incomplete
    Output o = run(STRANDED + "chart cost nat-only, stranded\n", ChartFiles.NONE).cells().get(0)
        .output();
    List<String> lines = o.text().lines().toList();
    assertTrue(lines.get(1).endsWith(" 43.25"), o.text());
    assertTrue(lines.get(2).startsWith("stranded") && lines.get(2).endsWith(" 0.00 (incomplete)"),
        o.text());
    assertTrue(o.tables().get(0).rows().get(1).contains("0.00 (incomplete)"), o.text());
    assertFalse(json(o).get("bars").get(1).get("complete").asBoolean());
    ChartSpec.StackedBars spec = (ChartSpec.StackedBars) ChartCells.costSpec(List.of("stranded"), List.of(
        dev.vpclab.cost.CostEngine.cost(dev.vpclab.testing.TestLayouts.layout("stranded",
            "us-east-1", "az 1a subnet private app\ninstance w in app\ntraffic w -> logs 1 GB"),
            dev.vpclab.cost.PriceBook.builtIn(), 730)));
    assertEquals(List.of("0.00 (incomplete)"), spec.totalLabels());

    Output sweep = run(STRANDED + "sweep traffic 0 .. 100 over nat-only, stranded\n",
        ChartFiles.NONE).cells().get(0).output();
    assertTrue(sweep.text().lines().anyMatch(l -> l.startsWith("stranded (incomplete)  ")),
        sweep.text());
    assertEquals(List.of("GB", "nat-only", "stranded (incomplete)"),
        sweep.tables().get(0).header());
    assertFalse(json(sweep).get("series").get(1).get("complete").asBoolean());
    // nat-only (36.50 + 0.045 X) crosses a flat 6 x 7.30 = 43.80 at X = 162.22 GB; the
    // break-even says what the incomplete side leaves out
    Output be = run(STRANDED.replace("traffic worker -> logs 150 GB",
        "traffic worker -> logs 150 GB\n  endpoint sqs, sns, kms, sts, ec2, ssm in 1a")
        .replace("layout stranded", "layout stranded-ep")
        + "sweep traffic 0 .. 1000 over nat-only, stranded-ep\n",
        ChartFiles.NONE).cells().get(0).output();
    assertTrue(be.text().contains("; incomplete: stranded-ep leaves traffic or items unpriced\n"),
        be.text());
    assertFalse(json(be).get("breakEven").get(0).get("complete").asBoolean());
  }

  @Test
  void chartFileNamesAndArtifacts() throws Exception {
    Notebook.Result r = run("check nat-only\nchart cost nat-only to \"c.svg\"\n"
        + "chart resilience nat-only, logs-endpoint\n"
        + "sweep traffic 0 .. 100 over nat-only\n", ChartFiles.CHARTS);
    Output svg = r.cells().get(1).output();
    assertEquals("c.svg", json(svg).get("file").asText());
    assertEquals("svg", json(svg).get("format").asText());
    assertEquals("image/svg+xml", svg.artifacts().get(0).mimeType());
    assertTrue(svg.text().startsWith("chart cost: monthly cost by part (USD) -> c.svg\n"));
    Output res = r.cells().get(2).output();
    assertEquals("cell-3-resilience.png", res.artifacts().get(0).path());
    assertEquals("resilience", json(res).get("chart").asText());
    assertEquals(1, json(res).get("bars").get(0).get("rows").size());
    // a sweep without `to` makes no file unless every chart is asked for
    assertTrue(r.cells().get(3).output().artifacts().isEmpty());
    Output all = run("sweep traffic 0 .. 100 over nat-only\n", ChartFiles.ALL).cells().get(0)
        .output();
    assertEquals("cell-1-sweep.png", all.artifacts().get(0).path());
    Output embed = run("sweep traffic 0 .. 100 over nat-only\n", ChartFiles.EMBED).cells().get(0)
        .output();
    assertNull(embed.artifacts().get(0).path());
    assertTrue(json(embed).get("file").isNull());
  }

  @Test
  void chartResilienceSaysALayoutInOneAzDoesNotSurvive() throws Exception {
    // nat-only has every subnet in us-east-1a
    Output o = run("chart resilience nat-only\n", ChartFiles.NONE).cells().get(0).output();
    assertTrue(o.text().endsWith("nat-only does not survive AZ failure: every subnet is in"
        + " us-east-1a, and losing it takes down its only instance\n"), o.text());
    assertTrue(o.tables().get(0).render().contains("no (single AZ: us-east-1a)"),
        o.tables().get(0).render());
    JsonNode bar = json(o).get("bars").get(0);
    assertFalse(bar.get("survivesAzFailure").asBoolean());
    assertTrue(bar.get("singleAz").asBoolean());
    assertEquals(0, bar.get("unreachablePairs").asInt());
  }

  @Test
  void compilerRefusesBadChartFilesAndHugeSweeps() {
    for (String[] c : new String[][] {
        {"chart cost nat-only to \"c.jpg\"", "a chart is written as .png or .svg, not .jpg"},
        {"sweep traffic 0 .. 10 TB step 1 GB over nat-only",
            "the sweep would price 10241 points; at most 10001"},
        {"sweep traffic 0 .. 10 TB step 1 MB over nat-only", "at most 10001"}}) {
      Notebook nb = new Notebook(p -> "", ChartFiles.NONE);
      Notebook.Result r = nb.eval(new SourceFile("t.vpc", SCENARIO + c[0] + "\n"));
      assertTrue(r.hasErrors(), c[0]);
      String all = r.diagnostics().all().stream().map(Diagnostic::render).toList().toString();
      assertTrue(all.contains(c[1]), all);
    }
  }
}
