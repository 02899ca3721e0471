package dev.vpclab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpclab.lang.SourceFile;
import dev.vpclab.notebook.Cell;
import dev.vpclab.notebook.Notebook;
import dev.vpclab.notebook.SourceLoader;
import dev.vpclab.testing.TestLayouts;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The bundles as notebooks show them: JupyterLab, the classic notebook, VS Code and nbconvert
 * each draw an output's richest type, HTML before images, so a chart's HTML must draw the chart.
 */
class MimeBundlesTest {
  static final String SEED = TestLayouts.SEED_PROGRAM;

  static JsonNode bundle(String query) throws Exception {
    Notebook nb = new Notebook(SourceLoader.NONE);
    Notebook.Result r = nb.eval(new SourceFile("In[1]", SEED + query));
    assertFalse(r.hasErrors(), r.diagnostics().toString());
    Cell cell = r.cells().get(r.cells().size() - 1);
    return new ObjectMapper().readTree(MimeBundles.of(cell, 1, "In[1]", cell.text()).toString());
  }

  @Test
  void aChartsHtmlDrawsTheChartItCarries() throws Exception {
    JsonNode png = bundle("chart cost single, per-az");
    String html = png.get("text/html").asText();
    String bytes = png.get("image/png").asText();
    assertTrue(html.contains("<img alt=") && html.contains(" src=\"data:image/png;base64," + bytes
        + "\">"), html);
    assertTrue(html.contains("<table>"), "the chart's numbers stay beside it: " + html);
    assertTrue(Base64.getDecoder().decode(bytes).length > 1000);

    JsonNode svg = bundle("chart cost single, per-az to \"mime-bundles-test.svg\"");
    String svgHtml = svg.get("text/html").asText();
    String svgBase64 = Base64.getEncoder().encodeToString(
        svg.get("image/svg+xml").asText().getBytes(StandardCharsets.UTF_8));
    // an image element, not inline SVG: the SVG's ids stay its own in a page of many outputs
    assertTrue(svgHtml.contains("src=\"data:image/svg+xml;base64," + svgBase64 + "\""), svgHtml);
    assertFalse(svgHtml.contains("<svg"), svgHtml);
  }

  @Test
  void aTableWithoutAChartHasNoImage() throws Exception {
    JsonNode check = bundle("check single");
    assertTrue(check.get("text/html").asText().contains("<td>ssmmessages</td>"));
    assertFalse(check.get("text/html").asText().contains("<img"));
    assertFalse(check.has("image/png"));
    assertEquals("check", check.get("application/json").get("kind").asText());
  }
}
