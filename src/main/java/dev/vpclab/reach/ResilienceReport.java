package dev.vpclab.reach;

import java.util.List;

/**
 * Every single-AZ failure of a layout's AZs (those holding a subnet), one report each in AZ order,
 * the pairs unreachable with every AZ up, and the verdict. A layout survives AZ failure when it
 * has at least two AZs and no single-AZ failure breaks a pair: a layout in one AZ does not
 * survive the loss of it (every instance goes down), although no pair "breaks". Pairs that are
 * unreachable with every AZ up cannot break; they are counted apart ({@code unreachablePairs}).
 */
public record ResilienceReport(String layout, List<FailureReport> rows, int unreachablePairs) {
  public ResilienceReport {
    rows = List.copyOf(rows);
  }

  /** Every subnet of the layout is in one AZ. */
  public boolean singleAz() {
    return rows.size() == 1;
  }

  public boolean survivesAzFailure() {
    return rows.size() >= 2 && rows.stream().allMatch(FailureReport::breaksNothing);
  }

  /**
   * The AZs whose loss the layout does not survive (full names, sorted): those whose loss breaks
   * a pair; for a layout in one AZ, that AZ.
   */
  public List<String> failingAzs() {
    return rows.stream().filter(r -> singleAz() || !r.breaksNothing())
        .map(r -> r.failed().get(0)).toList();
  }

  /** Pairs broken by an AZ loss, summed over all the single-AZ failures. */
  public int brokenPairs() {
    return rows.stream().mapToInt(r -> r.broken().size()).sum();
  }
}
