package dev.vpclab.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vpclab.notebook.ChartSpec;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

/** Smoke renders of every kind of chart, to PNG and SVG: valid, non-empty, deterministic. */
class ChartsTest {
  static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  static Stream<ChartSpec> specs() {
    return Stream.of(
        new ChartSpec.StackedBars("Monthly cost by part", "USD per month", List.of("a", "b"),
            List.of("endpoint hours", "NAT hours"),
            List.of(List.of(d("7.30"), d("0")), List.of(d("32.85"), d("32.85"))),
            List.of("40.15", "32.85")),
        new ChartSpec.GroupedBars("Pairs broken", "broken pairs", List.of("a", "b"),
            List.of("us-east-1a down", "us-east-1b down"),
            List.of(Arrays.asList(d("3"), d("0")), Arrays.asList(d("1"), null))),
        new ChartSpec.Lines("Monthly cost as traffic grows", "traffic (GB a month)",
            "USD per month",
            List.of(new ChartSpec.Line("nat-only", List.of(d("0"), d("500"), d("1024")),
                    List.of(d("36.50"), d("59.00"), d("82.58"))),
                new ChartSpec.Line("logs-endpoint", List.of(d("0"), d("500"), d("1024")),
                    List.of(d("43.80"), d("48.80"), d("54.04")))),
            List.of(new ChartSpec.Marker(d("208.5714"), "208.57 GB"))));
  }

  @ParameterizedTest
  @MethodSource("specs")
  void png(ChartSpec spec) throws Exception {
    byte[] a = new Charts().render(spec, "png");
    byte[] b = new Charts().render(spec, "png");
    assertTrue(a.length > 1000, "PNG of " + a.length + " bytes");
    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'},
        Arrays.copyOf(a, 8));
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(a));
    assertNotNull(img);
    assertEquals(Charts.WIDTH, img.getWidth());
    assertEquals(Charts.HEIGHT, img.getHeight());
    assertArrayEquals(a, b, "the same chart must give the same bytes");
    assertTrue(!new String(a, java.nio.charset.StandardCharsets.ISO_8859_1).contains("tIME"),
        "no time stamp chunk");
  }

  @ParameterizedTest
  @MethodSource("specs")
  void svg(ChartSpec spec) throws Exception {
    byte[] a = new Charts().render(spec, "svg");
    byte[] b = new Charts().render(spec, "svg");
    assertTrue(a.length > 1000);
    assertArrayEquals(a, b, "the same chart must give the same bytes");
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(a));
    assertEquals("svg", doc.getDocumentElement().getLocalName());
    assertEquals("0 0 900 540", doc.getDocumentElement().getAttribute("viewBox"));
    String text = new String(a, java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(text.contains(spec.title()), "the title is text in the SVG");
  }
}
