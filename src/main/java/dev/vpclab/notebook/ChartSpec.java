package dev.vpclab.notebook;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a chart shows, as plain data (exact decimals): the notebook builds it, a {@link
 * ChartRenderer} draws it. Nothing here touches AWT.
 */
public sealed interface ChartSpec {
  String title();

  /** Stacked bars: one bar per category, one stacked segment per series, a total on top. */
  record StackedBars(String title, String valueAxis, List<String> categories, List<String> series,
      List<List<BigDecimal>> values, List<String> totalLabels) implements ChartSpec {
    public StackedBars {
      categories = List.copyOf(categories);
      series = List.copyOf(series);
      values = values.stream().map(List::copyOf).toList();
      totalLabels = List.copyOf(totalLabels);
    }
  }

  /**
   * Grouped bars: per category (a layout) one bar per series (a failed AZ); {@code values}
   * [series][category], null where the category has no such series.
   */
  record GroupedBars(String title, String valueAxis, List<String> categories, List<String> series,
      List<List<BigDecimal>> values) implements ChartSpec {
    public GroupedBars {
      categories = List.copyOf(categories);
      series = List.copyOf(series);
      values = values.stream().map(v -> java.util.Collections.unmodifiableList(
          new java.util.ArrayList<>(v))).toList();
    }
  }

  /** Lines through points (x ascending) with vertical markers (break-even volumes). */
  record Lines(String title, String xAxis, String yAxis, List<Line> lines, List<Marker> markers)
      implements ChartSpec {
    public Lines {
      lines = List.copyOf(lines);
      markers = List.copyOf(markers);
    }
  }

  record Line(String name, List<BigDecimal> x, List<BigDecimal> y) {
    public Line {
      x = List.copyOf(x);
      y = List.copyOf(y);
    }
  }

  record Marker(BigDecimal x, String label) {}
}
