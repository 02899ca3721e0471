package dev.vpclab.reach;

import java.util.List;

/**
 * A pair an AZ failure breaks: its instance (in a healthy AZ, {@code az}) reached {@code service}
 * {@code before} (via, target AZ) and does not after, for {@code reasons}.
 */
public record BrokenPair(String instance, String service, String az, Via before,
    String beforeTargetAz, List<Reason> reasons) {
  public BrokenPair {
    reasons = List.copyOf(reasons);
  }
}
