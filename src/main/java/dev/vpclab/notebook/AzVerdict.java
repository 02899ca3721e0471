package dev.vpclab.notebook;

import dev.vpclab.reach.FailureReport;
import dev.vpclab.reach.ResilienceReport;
import java.util.List;

/**
 * The words for "does this layout survive AZ failure?", shared by {@code resilience}, {@code
 * compare}, {@code chart resilience} and {@code expect ... survives az failure}, so that a "yes"
 * is never vacuous: a layout in one AZ is a plain no, and pairs unreachable with every AZ up
 * (which no AZ loss can break) are named apart from the pairs an AZ loss breaks.
 */
final class AzVerdict {
  private AzVerdict() {}

  /**
   * The "survives AZ failure" column: {@code yes}, {@code yes, but 2 pairs unreachable with every
   * AZ up}, {@code no (ap-northeast-1c)}, {@code no (single AZ: us-east-1a)} or {@code no (no
   * subnets)}.
   */
  static String column(ResilienceReport r) {
    if (r.survivesAzFailure()) {
      int u = r.unreachablePairs();
      return u == 0 ? "yes" : "yes, but " + pairs(u) + " unreachable with every AZ up";
    }
    List<String> failingAzs = r.failingAzs();
    if (r.singleAz()) {
      return "no (single AZ: " + failingAzs.get(0) + ")";
    }
    return failingAzs.isEmpty() ? "no (no subnets)" : "no (" + String.join(", ", failingAzs)
        + ")";
  }

  /** {@code resilience}'s first line (and {@code chart resilience}'s line per layout). */
  static String headline(ResilienceReport r) {
    String name = r.layout();
    int u = r.unreachablePairs();
    if (r.rows().size() < 2) {
      return name + " does not survive AZ failure: " + fewAzs(r);
    }
    if (r.survivesAzFailure()) {
      return name + " survives every single-AZ failure (" + r.rows().size() + " AZs)"
          + (u == 0 ? "" : ", but " + pairsAre(u) + " unreachable with every AZ up");
    }
    long failing = r.rows().stream().filter(f -> !f.breaksNothing()).count();
    return name + " does not survive AZ failure: " + failing + " of " + r.rows().size()
        + " single-AZ failures break " + pairs(r.brokenPairs())
        + (u == 0 ? "" : "; " + u + (u == 1 ? " other pair is" : " other pairs are")
            + " unreachable with every AZ up");
  }

  /**
   * What {@code expect L survives az failure} says after passed / FAILED when the layout has
   * fewer than two AZs or survives (null otherwise: the caller lists what breaks).
   */
  static String expectDetail(ResilienceReport r) {
    if (r.rows().size() < 2) {
      return fewAzs(r);
    }
    if (!r.survivesAzFailure()) {
      return null;
    }
    int u = r.unreachablePairs();
    return r.rows().size() + " single-AZ failures, nothing breaks" + (u == 0 ? ""
        : "; but " + pairsAre(u) + " unreachable with every AZ up: see expect " + r.layout()
            + " reaches");
  }

  /** Why a layout with one AZ (or none) does not survive. */
  private static String fewAzs(ResilienceReport r) {
    if (r.rows().isEmpty()) {
      return "it has no subnets";
    }
    FailureReport only = r.rows().get(0);
    long n = only.instancesDown();
    String reason = "every subnet is in " + only.failed().get(0);
    return n == 0 ? reason : reason + ", and losing it takes down "
        + (n == 1 ? "its only instance" : "all " + n + " instances");
  }

  static String pairs(long n) {
    return n + (n == 1 ? " pair" : " pairs");
  }

  private static String pairsAre(long n) {
    return pairs(n) + (n == 1 ? " is" : " are");
  }
}
