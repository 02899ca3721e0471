package dev.vpclab.cost;

import dev.vpclab.model.Instance;
import dev.vpclab.model.Layout;
import dev.vpclab.reach.PairResult;
import dev.vpclab.reach.ReachEngine;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The resilience figures {@code compare} shows, computed from {@link ReachEngine#check} alone:
 * for each AZ of the layout, the pairs that were reachable with every AZ up and are not with that
 * AZ down, counting only pairs whose instance is in a healthy AZ (LANGUAGE.md's rule 5). A layout
 * survives AZ failure when it has at least two AZs and no single-AZ failure breaks a pair (a
 * layout in one AZ loses everything with it). {@code unreachablePairs} counts the pairs
 * unreachable with every AZ up: no AZ loss can break those.
 */
public final class Resilience {
  /** Every pair of a layout with some AZs down (instances as declared). */
  @FunctionalInterface
  interface PairChecker {
    List<PairResult> check(Layout layout, Set<String> failedAzs);
  }

  static final PairChecker REACH = ReachEngine::check;

  /**
   * {@code failingAzs}: the AZs (full names, sorted) whose loss the layout does not survive: those
   * whose loss breaks at least one pair; for a layout in one AZ ({@code singleAz}), that AZ.
   */
  public record Summary(boolean survivesAzFailure, int unreachablePairs, List<String> failingAzs,
      boolean singleAz) {
    public Summary {
      failingAzs = List.copyOf(failingAzs);
    }
  }

  private Resilience() {}

  public static Summary of(Layout layout) {
    return of(layout, REACH);
  }

  static Summary of(Layout layout, PairChecker checker) {
    List<PairResult> healthy = checker.check(layout, Set.of());
    int unreachable = 0;
    Set<String> reachable = new HashSet<>();
    for (PairResult p : healthy) {
      if (p.reachable()) {
        reachable.add(key(p));
      } else {
        unreachable++;
      }
    }
    List<String> azs = layout.azs();
    if (azs.size() == 1) {
      return new Summary(false, unreachable, azs, true);
    }
    List<String> failing = new ArrayList<>();
    for (String az : azs) {
      for (PairResult p : checker.check(layout, Set.of(az))) {
        Optional<Instance> i = layout.instance(p.instance());
        boolean healthyInstance = i.isPresent() && !i.get().az().equals(az);
        if (healthyInstance && !p.reachable() && reachable.contains(key(p))) {
          failing.add(az);
          break;
        }
      }
    }
    return new Summary(failing.isEmpty() && !azs.isEmpty(), unreachable, failing, false);
  }

  private static String key(PairResult p) {
    return p.instance() + "\u0000" + p.service();
  }
}
