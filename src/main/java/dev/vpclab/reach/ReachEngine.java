package dev.vpclab.reach;

import dev.vpclab.model.Instance;
import dev.vpclab.model.Layout;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decides, the way AWS does, whether an instance reaches a service. Pure: no I/O, no printing.
 * (Stub: replaced by the real engine.)
 */
public final class ReachEngine {
  private ReachEngine() {}

  /** One pair, with the AZs in {@code failedAzs} (full names) down. */
  public static PairResult path(Layout layout, Instance instance, String service,
      Set<String> failedAzs) {
    return new PairResult(instance.name(), service, false, null, null, false,
        List.of(Reason.NO_ROUTE), List.of());
  }

  /** Every (instance, needed service) pair of the layout, instances as declared, services sorted. */
  public static List<PairResult> check(Layout layout, Set<String> failedAzs) {
    List<PairResult> out = new ArrayList<>();
    for (Instance i : layout.instances()) {
      for (String s : i.needs()) {
        out.add(path(layout, i, s, failedAzs));
      }
    }
    return out;
  }
}
