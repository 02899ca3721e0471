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
 * AZ down, counting only pairs whose instance is in a healthy AZ (LANGUAGE.md's rule 5).
 * {@code brokenPairs} counts the pairs unreachable with every AZ up.
 */
public final class Resilience {
  /** Every pair of a layout with some AZs down (instances as declared). */
  @FunctionalInterface
  interface PairChecker {
    List<PairResult> check(Layout layout, Set<String> failedAzs);
  }

  static final PairChecker REACH = ReachEngine::check;

  /** {@code failingAzs}: the AZs (full names, sorted) whose loss breaks at least one pair. */
  public record Summary(boolean survivesAzFailure, int brokenPairs, List<String> failingAzs) {
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
    int broken = 0;
    Set<String> reachable = new HashSet<>();
    for (PairResult p : healthy) {
      if (p.reachable()) {
        reachable.add(key(p));
      } else {
        broken++;
      }
    }
    List<String> failing = new ArrayList<>();
    for (String az : layout.azs()) {
      for (PairResult p : checker.check(layout, Set.of(az))) {
        Optional<Instance> i = layout.instance(p.instance());
        boolean healthyInstance = i.isPresent() && !i.get().az().equals(az);
        if (healthyInstance && !p.reachable() && reachable.contains(key(p))) {
          failing.add(az);
          break;
        }
      }
    }
    return new Summary(failing.isEmpty(), broken, failing);
  }

  private static String key(PairResult p) {
    return p.instance() + "\u0000" + p.service();
  }
}
