package dev.vpclab.notebook;

import dev.vpclab.cost.CostEngine;
import dev.vpclab.cost.CostPart;
import dev.vpclab.cost.CostResult;
import dev.vpclab.cost.Money;
import dev.vpclab.cost.PriceBook;
import dev.vpclab.cost.Rational;
import dev.vpclab.cost.Sweep;
import dev.vpclab.model.Layout;
import dev.vpclab.reach.FailureAnalysis;
import dev.vpclab.reach.FailureReport;
import dev.vpclab.reach.ResilienceReport;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The output cells of {@code chart cost}, {@code chart resilience} and {@code sweep}: the chart's
 * data (JSON, a table, a compact Unicode rendering in the text) and, when the {@link ChartFiles}
 * policy asks for it, the drawn chart as an {@link Output.Artifact}. Figures come from the
 * engines; amounts are exact until they are rounded to cents for display. A chart without a
 * file name is named after its cell: {@code chart + "-KIND.png"}, {@code chart} being {@code
 * cell-3} (or {@code plan-cell-3} in a run of several files).
 */
public final class ChartCells {
  /** Width of the text bars, in characters. */
  static final int BAR_WIDTH = 40;
  /** Width of a sweep's sparkline, in characters at most. */
  static final int SPARK_WIDTH = 60;
  static final String[] EIGHTHS = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
  static final String[] SPARKS = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};

  private ChartCells() {}

  /** Where a chart goes and how it is drawn; {@code path} null for embedding only. */
  record Target(String path, String format, boolean draw) {
    static Target of(String to, String defaultName, boolean fileWithoutTo, ChartFiles policy) {
      if (policy == ChartFiles.NONE) {
        return new Target(to, format(to), false);
      }
      if (to != null) {
        return new Target(to, format(to), true);
      }
      if (policy == ChartFiles.INLINE) {
        return new Target(null, "png", true);
      }
      if (fileWithoutTo || policy == ChartFiles.ALL) {
        return new Target(defaultName, "png", true);
      }
      return new Target(null, "png", policy == ChartFiles.EMBED);
    }

    static String format(String path) {
      return path != null && path.toLowerCase(Locale.ROOT).endsWith(".svg") ? "svg" : "png";
    }

    String mime() {
      return format.equals("svg") ? "image/svg+xml" : "image/png";
    }

    List<Output.Artifact> artifacts(ChartSpec spec) {
      if (!draw) {
        return List.of();
      }
      return List.of(new Output.Artifact(path, mime(), ChartRenderer.get().render(spec, format)));
    }

    /** The cell's blocks, then its drawing (if it has one). */
    Output output(String kind, Blocks blocks, Json.Obj data, ChartSpec spec) {
      artifacts(spec).forEach(a -> blocks.add(Block.Chart.image(a)));
      return new Output(kind, blocks.build(), data, false);
    }

    /** " -> FILE" for the cell's first line, or "". */
    String arrow() {
      return path != null && draw ? " -> " + path : "";
    }
  }

  /** The first fields of a chart cell: kind, layouts, which chart, the file written, its format. */
  private static Json.Obj chartHead(String chart, List<String> names, Target target) {
    return Json.obj()
        .put("kind", "chart")
        .put("layouts", Json.strings(names))
        .put("chart", chart)
        .put("file", target.draw() ? target.path() : null)
        .put("format", target.format());
  }

  /** A cost part's label in charts: "endpoint hours", "NAT data", "public IPv4 (NAT)". */
  public static String label(CostPart p) {
    return switch (p) {
      case ENDPOINT_HOURS -> "endpoint hours";
      case ENDPOINT_DATA -> "endpoint data";
      case NAT_HOURS -> "NAT hours";
      case NAT_DATA -> "NAT data";
      case CROSS_AZ -> "cross-AZ";
      case INTERNET_OUT -> "internet out";
      case IPV4 -> "public IPv4";
      case TGW_ATTACHMENTS -> "TGW attachments";
      case PRIVATE_ZONES -> "private hosted zones";
      case TGW_DATA -> "TGW data";
    };
  }

  // ------------------------------------------------------------------ chart cost

  /** The stacked bars of {@code chart cost}: one bar per layout, a segment per cost part. */
  static ChartSpec costSpec(List<String> names, List<CostResult> costs) {
    List<CostPart> parts = CostCells.shownParts(costs);
    List<List<BigDecimal>> values = new ArrayList<>();
    for (CostPart p : parts) {
      List<BigDecimal> row = new ArrayList<>();
      for (CostResult c : costs) {
        row.add(c.part(p).decimal());
      }
      values.add(row);
    }
    List<String> totals = costs.stream().map(CostCells::totalLabel).toList();
    return new ChartSpec.StackedBars("Monthly cost by part", "USD per month", names,
        parts.stream().map(ChartCells::label).toList(), values, totals);
  }

  /**
   * The cost chart a design-review document shows under a {@code compare} cell: embedded only
   * (policy EMBED: HTML, ipynb) or as {@code cell-N-compare.png} (policy ALL: Markdown); none
   * otherwise, so that a text run never loads the chart code.
   */
  static List<Output.Artifact> compareChart(List<Layout> layouts, PriceBook prices, int hours,
      String chart, ChartFiles policy) {
    if (policy != ChartFiles.EMBED && policy != ChartFiles.ALL) {
      return List.of();
    }
    List<CostResult> costs = new ArrayList<>();
    for (Layout l : layouts) {
      costs.add(CostEngine.cost(l, prices, hours));
    }
    String path = policy == ChartFiles.ALL ? chart + "-compare.png" : null;
    return new Target(path, "png", true).artifacts(
        costSpec(layouts.stream().map(Layout::name).toList(), costs));
  }

  static Output cost(List<Layout> layouts, PriceBook prices, int hours, String to, String chart,
      ChartFiles policy) {
    Target target = Target.of(to, chart + "-cost.png", true, policy);
    List<CostResult> costs = new ArrayList<>();
    for (Layout l : layouts) {
      costs.add(CostEngine.cost(l, prices, hours));
    }
    List<String> names = layouts.stream().map(Layout::name).toList();
    List<CostPart> parts = CostCells.shownParts(costs);
    List<String> totals = costs.stream().map(CostCells::totalLabel).toList();
    ChartSpec spec = costSpec(names, costs);
    List<CostPart> shown = CostCells.nonZeroParts(costs);
    List<Json> bars = new ArrayList<>();
    Table.Builder tb = Table.builder(header("layout", shown, "total"));
    tb.right(rightOf(shown, "total")).title("chart cost (USD a month)");
    List<String> notes = new ArrayList<>();
    for (int i = 0; i < costs.size(); i++) {
      CostResult c = costs.get(i);
      Json.Obj partJson = Json.obj();
      List<String> row = new ArrayList<>(List.of(names.get(i)));
      for (CostPart p : parts) {
        partJson.put(p.key(), Json.money(Money.cents(c.part(p))));
      }
      for (CostPart p : shown) {
        row.add(Money.format(c.part(p)));
      }
      row.add(CostCells.totalLabel(c));
      tb.row(row);
      bars.add(Json.obj()
          .put("layout", names.get(i))
          .put("total", Json.money(Money.cents(c.total())))
          .put("parts", partJson)
          .put("complete", c.complete()));
      if (!c.complete()) {
        notes.add(names.get(i) + ": some traffic or items are not priced (see: cost "
            + names.get(i) + ")");
      }
    }
    Table table = tb.build();
    Json.Obj data = chartHead("cost", names, target)
        .put("currency", "USD")
        .put("parts", Json.strings(parts.stream().map(CostPart::key).toList()))
        .put("bars", Json.arr(bars))
        .put("notes", Json.strings(notes));
    Blocks text = new Blocks().text("chart cost: monthly cost by part (USD)")
        .text(target.arrow()).text('\n');
    List<BigDecimal> totalValues = costs.stream().map(c -> c.total().decimal()).toList();
    text.add(Block.Chart.bars(bars(names, totalValues, totals), null));
    text.table(table).notes("note", notes);
    return target.output("chart", text, data, spec);
  }

  // ------------------------------------------------------------------ chart resilience

  static Output resilience(List<Layout> layouts, String to, String chart, ChartFiles policy) {
    Target target = Target.of(to, chart + "-resilience.png", true, policy);
    List<String> names = layouts.stream().map(Layout::name).toList();
    List<ResilienceReport> reports = layouts.stream().map(FailureAnalysis::resilience).toList();
    List<String> azs = new ArrayList<>();
    for (ResilienceReport r : reports) {
      for (FailureReport f : r.rows()) {
        if (!azs.contains(f.failed().get(0))) {
          azs.add(f.failed().get(0));
        }
      }
    }
    azs.sort(null);
    List<List<BigDecimal>> values = new ArrayList<>();
    for (String az : azs) {
      List<BigDecimal> row = new ArrayList<>();
      for (ResilienceReport r : reports) {
        row.add(broken(r, az) == null ? null : BigDecimal.valueOf(broken(r, az)));
      }
      values.add(row);
    }
    ChartSpec spec = new ChartSpec.GroupedBars("Pairs broken by a single-AZ failure",
        "broken pairs", names, azs.stream().map(az -> az + " down").toList(), values);

    Table.Builder tb = Table.builder("layout", "AZ down", "broken", "survives AZ failure")
        .right("broken").title("chart resilience");
    List<Json> bars = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    List<BigDecimal> counts = new ArrayList<>();
    List<String> countLabels = new ArrayList<>();
    for (int i = 0; i < reports.size(); i++) {
      ResilienceReport r = reports.get(i);
      List<Json> rows = new ArrayList<>();
      for (FailureReport f : r.rows()) {
        String az = f.failed().get(0);
        int n = f.broken().size();
        rows.add(Json.obj().put("az", az).put("broken", n));
        tb.row(names.get(i), az, Integer.toString(n), AzVerdict.column(r));
        labels.add(names.get(i) + " " + az);
        counts.add(BigDecimal.valueOf(n));
        countLabels.add(Integer.toString(n));
      }
      bars.add(Json.obj()
          .put("layout", names.get(i))
          .put("rows", Json.arr(rows))
          .put("brokenPairs", r.brokenPairs())
          .put("survivesAzFailure", r.survivesAzFailure())
          .put("singleAz", r.singleAz())
          .put("unreachablePairs", r.unreachablePairs()));
    }
    Table table = tb.build();
    Json.Obj data = chartHead("resilience", names, target)
        .put("azs", Json.strings(azs))
        .put("bars", Json.arr(bars));
    Blocks text = new Blocks().text("chart resilience: pairs broken by each single-AZ"
        + " failure").text(target.arrow()).text('\n');
    text.add(Block.Chart.bars(bars(labels, counts, countLabels), table));
    for (ResilienceReport r : reports) {
      text.text(AzVerdict.headline(r)).text('\n');
    }
    return target.output("chart", text, data, spec);
  }

  private static Integer broken(ResilienceReport r, String az) {
    for (FailureReport f : r.rows()) {
      if (f.failed().get(0).equals(az)) {
        return f.broken().size();
      }
    }
    return null;
  }

  // ------------------------------------------------------------------ sweep

  static Output sweep(List<Layout> layouts, PriceBook prices, int hours, BigDecimal from,
      BigDecimal to, BigDecimal step, String file, String chart, ChartFiles policy) {
    Target target = Target.of(file, chart + "-sweep.png", false, policy);
    Sweep.Result r = Sweep.run(layouts, prices, hours, from, to, step);
    List<String> names = layouts.stream().map(Layout::name).toList();

    List<Json> series = new ArrayList<>();
    List<ChartSpec.Line> lines = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (Sweep.Series s : r.series()) {
      List<Json> points = new ArrayList<>();
      for (Sweep.Point p : s.points()) {
        points.add(Json.obj().put("gb", Money.quantity(p.gb()))
            .put("total", Json.money(Money.cents(p.total()))));
      }
      series.add(Json.obj()
          .put("layout", s.layout().name())
          .put("baseGb", Money.quantity(s.function().baseGb()))
          .put("flat", s.function().flat())
          .put("complete", s.complete())
          .put("points", Json.arr(points)));
      lines.add(new ChartSpec.Line(seriesName(s),
          s.points().stream().map(p -> p.gb().decimal()).toList(),
          s.points().stream().map(p -> p.total().decimal()).toList()));
      if (s.function().flat()) {
        notes.add(s.layout().name() + " has no traffic lines: its cost does not change");
      }
      if (!s.complete()) {
        notes.add(s.layout().name() + ": some traffic or items are not priced (see: cost "
            + s.layout().name() + ")");
      }
    }
    List<Json> breakEven = new ArrayList<>();
    List<ChartSpec.Marker> markers = new ArrayList<>();
    List<String> beLines = new ArrayList<>();
    for (Sweep.BreakEven be : r.breakEven()) {
      String cheaper = cheaperAbove(r, be);
      String gb = be.gbRounded().toPlainString();
      List<String> incomplete = r.series().stream().filter(s -> !s.complete())
          .map(s -> s.layout().name()).filter(n -> n.equals(be.a()) || n.equals(be.b())).toList();
      breakEven.add(Json.obj()
          .put("layouts", Json.strings(List.of(be.a(), be.b())))
          .put("gb", gb)
          .put("total", Json.money(Money.cents(be.total())))
          .put("cheaperAbove", cheaper)
          .put("complete", incomplete.isEmpty()));
      markers.add(new ChartSpec.Marker(be.gb().decimal(), gb + " GB"));
      beLines.add(be.a() + " = " + be.b() + " at " + gb + " GB a month ("
          + Money.format(be.total()) + " USD)" + (cheaper == null ? ""
              : "; above it " + cheaper + " is cheaper")
          + (incomplete.isEmpty() ? "" : "; incomplete: " + String.join(", ", incomplete)
              + " leaves traffic or items unpriced"));
    }
    for (Sweep.Tie t : r.ties()) {
      notes.add(t.a() + " and " + t.b() + " cost the same from " + gbText(t.fromGb()) + " to "
          + gbText(t.toGb()) + " GB");
    }
    ChartSpec spec = new ChartSpec.Lines("Monthly cost as traffic grows",
        "traffic (GB a month)", "USD per month", lines, markers);

    List<String> header = new ArrayList<>(List.of("GB"));
    r.series().forEach(s -> header.add(seriesName(s)));
    Table.Builder tb = Table.builder(header.toArray(new String[0]))
        .right(header.toArray(new String[0])).title("sweep (USD a month)");
    for (int i = 0; i < r.volumes().size(); i++) {
      List<String> row = new ArrayList<>(List.of(gbText(r.volumes().get(i))));
      for (Sweep.Series s : r.series()) {
        row.add(Money.format(s.points().get(i).total()));
      }
      tb.row(row);
    }
    Table table = tb.build();
    Json.Obj data = Json.obj()
        .put("kind", "sweep")
        .put("layouts", Json.strings(names))
        .put("currency", "USD")
        .put("hours", hours)
        .put("fromGb", Money.quantity(r.from()))
        .put("toGb", Money.quantity(r.to()))
        .put("stepGb", Money.quantity(r.step()))
        .put("file", target.draw() ? target.path() : null)
        .put("format", target.draw() ? target.format() : null)
        .put("series", Json.arr(series))
        .put("breakEven", Json.arr(breakEven))
        .put("notes", Json.strings(notes));
    Blocks text = new Blocks().text("sweep: monthly total (USD) as traffic runs from ")
        .text(gbText(r.from())).text(" to ").text(gbText(r.to())).text(" GB a month, step ")
        .text(gbText(r.step())).text(" GB").text(target.arrow()).text('\n');
    if (beLines.isEmpty()) {
      beLines.add("none between " + gbText(r.from()) + " and " + gbText(r.to()) + " GB");
    }
    text.notes("break-even", beLines);
    text.add(Block.Chart.bars(sparklines(r), null));
    text.table(table).notes("note", notes);
    return target.output("sweep", text, data, spec);
  }

  /** The layout of the pair that is cheaper just above a break-even (null: none or a touch). */
  private static String cheaperAbove(Sweep.Result r, Sweep.BreakEven be) {
    Sweep.CostFunction fa = function(r, be.a());
    Sweep.CostFunction fb = function(r, be.b());
    Rational next = null;
    for (Sweep.CostFunction f : List.of(fa, fb)) {
      for (Sweep.Point k : f.knots()) {
        if (k.gb().compareTo(be.gb()) > 0 && (next == null || k.gb().compareTo(next) < 0)) {
          next = k.gb();
        }
      }
    }
    if (next == null) {
      return null;
    }
    int c = fa.at(next).compareTo(fb.at(next));
    return c < 0 ? be.a() : c > 0 ? be.b() : null;
  }

  private static Sweep.CostFunction function(Sweep.Result r, String layout) {
    for (Sweep.Series s : r.series()) {
      if (s.layout().name().equals(layout)) {
        return s.function();
      }
    }
    throw new IllegalArgumentException(layout);
  }

  /** A sweep series' name where its totals stand: "b", or "b (incomplete)". */
  static String seriesName(Sweep.Series s) {
    return s.layout().name() + (s.complete() ? "" : " (incomplete)");
  }

  static String gbText(BigDecimal gb) {
    return Money.quantity(gb).toPlainString();
  }

  static String gbText(Rational gb) {
    return Money.quantity(gb).toPlainString();
  }

  // ------------------------------------------------------------------ text renderings

  /** One row per label: a bar of eighth blocks scaled to the largest value, then its label. */
  static String bars(List<String> names, List<BigDecimal> values, List<String> labels) {
    int nameWidth = names.stream().mapToInt(String::length).max().orElse(0);
    BigDecimal max = values.stream().reduce(BigDecimal.ZERO, BigDecimal::max);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      int eighths = max.signum() == 0 ? 0 : values.get(i).multiply(BigDecimal.valueOf(BAR_WIDTH * 8L))
          .divide(max, 0, RoundingMode.HALF_UP).intValue();
      String bar = "█".repeat(eighths / 8) + EIGHTHS[eighths % 8];
      sb.append(names.get(i)).append(" ".repeat(nameWidth - names.get(i).length())).append("  ")
          .append(bar).append(bar.isEmpty() ? "" : " ").append(labels.get(i)).append('\n');
    }
    return sb.toString();
  }

  /** One sparkline per layout, on a common scale, labelled with its first and last totals. */
  static String sparklines(Sweep.Result r) {
    Rational min = null;
    Rational max = null;
    for (Sweep.Series s : r.series()) {
      for (Sweep.Point p : s.points()) {
        min = min == null ? p.total() : min.min(p.total());
        max = max == null ? p.total() : max.max(p.total());
      }
    }
    int n = r.volumes().size();
    int cols = Math.min(n, SPARK_WIDTH);
    int nameWidth = r.series().stream().mapToInt(s -> seriesName(s).length()).max()
        .orElse(0);
    StringBuilder sb = new StringBuilder();
    for (Sweep.Series s : r.series()) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < cols; c++) {
        int idx = cols == 1 ? 0 : (int) ((long) c * (n - 1) / (cols - 1));
        Rational v = s.points().get(idx).total();
        int level = max.compareTo(min) == 0 ? 0 : v.subtract(min).multiply(7)
            .divide(max.subtract(min)).round(0).intValue();
        line.append(SPARKS[level]);
      }
      String name = seriesName(s);
      sb.append(name).append(" ".repeat(nameWidth - name.length())).append("  ").append(line)
          .append("  ").append(Money.format(s.points().get(0).total())).append(" .. ")
          .append(Money.format(s.points().get(n - 1).total())).append('\n');
    }
    return sb.toString();
  }

  private static String[] header(String first, List<CostPart> parts, String last) {
    List<String> h = new ArrayList<>(List.of(first));
    parts.forEach(p -> h.add(p.key()));
    h.add(last);
    return h.toArray(new String[0]);
  }

  private static String[] rightOf(List<CostPart> parts, String last) {
    List<String> h = new ArrayList<>();
    parts.forEach(p -> h.add(p.key()));
    h.add(last);
    return h.toArray(new String[0]);
  }
}
