package dev.vpclab.reach;

import java.util.List;

/**
 * Every single-AZ failure of a layout's AZs (those holding a subnet), one report each in AZ order,
 * and the verdict: the layout survives AZ failure when no single-AZ failure breaks a pair.
 */
public record ResilienceReport(String layout, List<FailureReport> rows) {
  public ResilienceReport {
    rows = List.copyOf(rows);
  }

  public boolean survivesAzFailure() {
    return rows.stream().allMatch(FailureReport::breaksNothing);
  }

  /** Broken pairs summed over all the single-AZ failures. */
  public int brokenPairs() {
    return rows.stream().mapToInt(r -> r.broken().size()).sum();
  }
}
