package dev.vpclab.chart;

import dev.vpclab.notebook.ChartRenderer;
import dev.vpclab.notebook.ChartSpec;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.batik.dom.GenericDOMImplementation;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.annotations.CategoryTextAnnotation;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.w3c.dom.DOMImplementation;
import org.w3c.dom.Document;

/**
 * Draws a {@link ChartSpec} with JFreeChart: PNG through ImageIO, SVG by painting the same chart
 * onto Apache Batik's SVGGraphics2D. The only package of vpclab that touches AWT, JFreeChart or
 * Batik; the notebook reaches it through {@link ChartRenderer#get()}.
 *
 * <p>Deterministic: fixed size, the logical font SansSerif at fixed sizes, fixed colours and
 * rendering hints, locale-free number formats, no timestamps; Batik's ids are counters.
 */
public final class Charts implements ChartRenderer {
  public static final int WIDTH = 900;
  public static final int HEIGHT = 540;
  static final String FONT = "SansSerif";

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    ImageIO.setUseCache(false);
  }

  /** Colour-blind-safe palette (Okabe-Ito), then greys. */
  static final Color[] PALETTE = {
      new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73), new Color(0xD55E00),
      new Color(0x56B4E9), new Color(0xCC79A7), new Color(0xF0E442), new Color(0x666666),
      new Color(0x999999), new Color(0x333333)};

  public Charts() {}

  @Override
  public byte[] render(ChartSpec spec, String format) {
    JFreeChart chart = chart(spec);
    return format.equals("svg") ? svg(chart) : png(chart);
  }

  /** The JFreeChart of a spec, themed. */
  static JFreeChart chart(ChartSpec spec) {
    JFreeChart chart;
    if (spec instanceof ChartSpec.StackedBars s) {
      chart = stacked(s);
    } else if (spec instanceof ChartSpec.GroupedBars g) {
      chart = grouped(g);
    } else if (spec instanceof ChartSpec.Lines l) {
      chart = lines(l);
    } else {
      throw new IllegalArgumentException("unknown chart " + spec);
    }
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    chart.getRenderingHints().put(RenderingHints.KEY_FRACTIONALMETRICS,
        RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
    chart.getRenderingHints().put(RenderingHints.KEY_STROKE_CONTROL,
        RenderingHints.VALUE_STROKE_NORMALIZE);
    chart.getRenderingHints().put(RenderingHints.KEY_RENDERING,
        RenderingHints.VALUE_RENDER_QUALITY);
    chart.setBackgroundPaint(Color.WHITE);
    LegendTitle legend = chart.getLegend();
    if (legend != null) {
      legend.setPosition(RectangleEdge.BOTTOM);
      legend.setFrame(BlockBorder.NONE);
    }
    return chart;
  }

  static StandardChartTheme theme() {
    StandardChartTheme t = new StandardChartTheme("vpclab");
    t.setExtraLargeFont(new Font(FONT, Font.BOLD, 18));
    t.setLargeFont(new Font(FONT, Font.BOLD, 13));
    t.setRegularFont(new Font(FONT, Font.PLAIN, 12));
    t.setSmallFont(new Font(FONT, Font.PLAIN, 10));
    t.setPlotBackgroundPaint(Color.WHITE);
    t.setChartBackgroundPaint(Color.WHITE);
    t.setDomainGridlinePaint(new Color(0xDDDDDD));
    t.setRangeGridlinePaint(new Color(0xDDDDDD));
    t.setBarPainter(new StandardBarPainter());
    t.setShadowVisible(false);
    return t;
  }

  static DecimalFormat format(String pattern) {
    return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
  }

  private static JFreeChart stacked(ChartSpec.StackedBars s) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (int p = 0; p < s.series().size(); p++) {
      for (int c = 0; c < s.categories().size(); c++) {
        data.addValue(s.values().get(p).get(c), s.series().get(p), s.categories().get(c));
      }
    }
    JFreeChart chart = ChartFactory.createStackedBarChart(s.title(), null, s.valueAxis(), data,
        PlotOrientation.VERTICAL, true, false, false);
    theme().apply(chart);
    CategoryPlot plot = chart.getCategoryPlot();
    StackedBarRenderer r = (StackedBarRenderer) plot.getRenderer();
    r.setMaximumBarWidth(0.12);
    paint(r, s.series().size());
    NumberAxis axis = (NumberAxis) plot.getRangeAxis();
    axis.setNumberFormatOverride(format("#,##0.##"));
    axis.setUpperMargin(0.12);
    axis.setLowerBound(0);
    BigDecimal max = BigDecimal.ZERO;
    for (int c = 0; c < s.categories().size(); c++) {
      BigDecimal total = BigDecimal.ZERO;
      for (List<BigDecimal> row : s.values()) {
        total = total.add(row.get(c));
      }
      max = max.max(total);
      CategoryTextAnnotation a = new CategoryTextAnnotation(s.totalLabels().get(c),
          s.categories().get(c), total.doubleValue());
      a.setFont(new Font(FONT, Font.BOLD, 12));
      a.setTextAnchor(TextAnchor.BOTTOM_CENTER);
      plot.addAnnotation(a);
    }
    if (max.signum() == 0) {
      axis.setRange(0, 1);
    }
    tilt(plot, s.categories());
    return chart;
  }

  private static JFreeChart grouped(ChartSpec.GroupedBars g) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    int max = 0;
    for (int s = 0; s < g.series().size(); s++) {
      for (int c = 0; c < g.categories().size(); c++) {
        BigDecimal v = g.values().get(s).get(c);
        data.addValue(v, g.series().get(s), g.categories().get(c));
        if (v != null) {
          max = Math.max(max, v.intValue());
        }
      }
    }
    JFreeChart chart = ChartFactory.createBarChart(g.title(), null, g.valueAxis(), data,
        PlotOrientation.VERTICAL, true, false, false);
    theme().apply(chart);
    CategoryPlot plot = chart.getCategoryPlot();
    BarRenderer r = (BarRenderer) plot.getRenderer();
    r.setItemMargin(0.05);
    r.setMaximumBarWidth(0.08);
    paint(r, g.series().size());
    r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", format("0")));
    r.setDefaultItemLabelsVisible(true);
    r.setDefaultItemLabelFont(new Font(FONT, Font.PLAIN, 11));
    r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12,
        TextAnchor.BOTTOM_CENTER));
    NumberAxis axis = (NumberAxis) plot.getRangeAxis();
    axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
    axis.setNumberFormatOverride(format("0"));
    axis.setRange(0, Math.max(1, max) * 1.15);
    tilt(plot, g.categories());
    return chart;
  }

  private static JFreeChart lines(ChartSpec.Lines l) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (ChartSpec.Line line : l.lines()) {
      XYSeries s = new XYSeries(line.name(), false, true);
      for (int i = 0; i < line.x().size(); i++) {
        s.add(line.x().get(i).doubleValue(), line.y().get(i).doubleValue());
      }
      data.addSeries(s);
    }
    JFreeChart chart = ChartFactory.createXYLineChart(l.title(), l.xAxis(), l.yAxis(), data,
        PlotOrientation.VERTICAL, true, false, false);
    theme().apply(chart);
    XYPlot plot = chart.getXYPlot();
    XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
    for (int i = 0; i < l.lines().size(); i++) {
      r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
      r.setSeriesStroke(i, new BasicStroke(2.2f));
      r.setSeriesShapesVisible(i, l.lines().get(i).x().size() <= 60);
    }
    NumberAxis x = (NumberAxis) plot.getDomainAxis();
    x.setNumberFormatOverride(format("#,##0.##"));
    NumberAxis y = (NumberAxis) plot.getRangeAxis();
    y.setNumberFormatOverride(format("#,##0.##"));
    y.setAutoRangeIncludesZero(true);
    for (ChartSpec.Marker m : l.markers()) {
      ValueMarker marker = new ValueMarker(m.x().doubleValue());
      marker.setPaint(new Color(0xC00000));
      marker.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
          new float[] {5f, 4f}, 0f));
      marker.setLabel("break-even " + m.label());
      marker.setLabelFont(new Font(FONT, Font.BOLD, 11));
      marker.setLabelPaint(new Color(0xC00000));
      marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
      marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
      plot.addDomainMarker(marker);
    }
    return chart;
  }

  private static void paint(BarRenderer r, int series) {
    for (int i = 0; i < series; i++) {
      Paint p = PALETTE[i % PALETTE.length];
      r.setSeriesPaint(i, p);
    }
    r.setDrawBarOutline(false);
  }

  private static void tilt(CategoryPlot plot, List<String> categories) {
    if (categories.size() > 5) {
      plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    }
  }

  // ------------------------------------------------------------------ output

  static byte[] png(JFreeChart chart) {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      chart.draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, "png", out)) {
        throw new IllegalStateException("no PNG writer in this Java runtime");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] svg(JFreeChart chart) {
    DOMImplementation dom = GenericDOMImplementation.getDOMImplementation();
    Document doc = dom.createDocument("http://www.w3.org/2000/svg", "svg", null);
    SVGGeneratorContext ctx = SVGGeneratorContext.createDefault(doc);
    ctx.setComment("vpclab chart");
    ctx.setEmbeddedFontsOn(false);
    ctx.setPrecision(6);
    SVGGraphics2D g = new SVGGraphics2D(ctx, false);
    g.setSVGCanvasSize(new Dimension(WIDTH, HEIGHT));
    chart.draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
    org.w3c.dom.Element root = g.getRoot();
    root.setAttribute("viewBox", "0 0 " + WIDTH + " " + HEIGHT);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
      g.stream(root, w, true, false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
