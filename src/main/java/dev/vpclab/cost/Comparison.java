package dev.vpclab.cost;

import dev.vpclab.model.Layout;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Layouts side by side ({@code compare}): each one's cost, its difference from the first layout,
 * its ENI count and its resilience.
 */
public final class Comparison {
  /** One layout's row; {@code delta} = this total minus the first layout's total (exact). */
  public record Row(Layout layout, CostResult cost, Rational delta, int enis,
      Resilience.Summary resilience) {}

  private Comparison() {}

  public static List<Row> compare(List<Layout> layouts, PriceBook prices, int hours) {
    return compare(layouts, prices, hours, CostEngine.REACH, Resilience.REACH);
  }

  static List<Row> compare(List<Layout> layouts, PriceBook prices, int hours,
      CostEngine.PathFinder finder, Resilience.PairChecker checker) {
    List<Row> rows = new ArrayList<>();
    Rational first = null;
    for (Layout l : layouts) {
      CostResult c = CostEngine.cost(l, prices, BigDecimal.valueOf(hours), finder);
      if (first == null) {
        first = c.total();
      }
      rows.add(new Row(l, c, c.total().subtract(first), l.eniCount(),
          Resilience.of(l, checker)));
    }
    return rows;
  }
}
