package dev.vpclab.cost;

import dev.vpclab.model.Layout;
import dev.vpclab.reach.FailureAnalysis;
import dev.vpclab.reach.ResilienceReport;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Layouts side by side ({@code compare}): each one's cost, its difference from the first layout,
 * its ENI count and its resilience ({@link FailureAnalysis#resilience}: every single-AZ failure).
 */
public final class Comparison {
  /** One layout's row; {@code delta} = this total minus the first layout's total (exact). */
  public record Row(Layout layout, CostResult cost, Rational delta, int enis,
      ResilienceReport resilience) {}

  private Comparison() {}

  public static List<Row> compare(List<Layout> layouts, PriceBook prices, int hours) {
    return compare(layouts, prices, hours, CostEngine.REACH);
  }

  static List<Row> compare(List<Layout> layouts, PriceBook prices, int hours,
      CostEngine.PathFinder finder) {
    List<Row> rows = new ArrayList<>();
    Rational first = null;
    for (Layout l : layouts) {
      CostResult c = CostEngine.cost(l, prices, BigDecimal.valueOf(hours), finder);
      if (first == null) {
        first = c.total();
      }
      rows.add(new Row(l, c, c.total().subtract(first), l.eniCount(),
          FailureAnalysis.resilience(l)));
    }
    return rows;
  }
}
