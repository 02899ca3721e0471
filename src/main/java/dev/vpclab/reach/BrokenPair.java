package dev.vpclab.reach;

import java.util.List;

/**
 * A pair an AZ failure breaks: its instance (a spread group's placement written
 * {@code web@app-a}), in a healthy AZ {@code az} of VPC {@code vpc}, reached {@code service} (a
 * service, internet or an instance) {@code before} (via, target AZ, and the peering or transit
 * gateway it took into another VPC, {@code link}, null within one VPC) and does not after, for
 * {@code reasons}.
 */
public record BrokenPair(String instance, String service, String az, Via before,
    String beforeTargetAz, List<Reason> reasons, String vpc, Link link) {
  public BrokenPair {
    reasons = List.copyOf(reasons);
  }
}
