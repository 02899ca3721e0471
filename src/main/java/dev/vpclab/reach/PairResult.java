package dev.vpclab.reach;

import java.util.List;

/**
 * Whether one instance (or one placement of a spread group, {@code instance} written
 * {@code web@app-a}) reaches one destination (a service, internet or an instance), and how: {@code via} (null when unreachable), the AZ
 * of the ENI or NAT gateway used ({@code targetAz}, null when none), whether the path crosses AZs,
 * every reason it is blocked (empty when reachable), the hops of the path, and {@code path}: a
 * short human description ("ENI 10.0.2.11 in ap-northeast-1c (cross-AZ)", "blocked: ..."),
 * {@code vpc} the instance's VPC and {@code link} the peering or transit gateway the path takes
 * into another VPC (null within one VPC).
 */
public record PairResult(String instance, String service, boolean reachable, Via via,
    String targetAz, boolean crossAz, List<Reason> reasons, List<Hop> hops, String path,
    String vpc, Link link) {
  public PairResult {
    reasons = List.copyOf(reasons);
    hops = hops instanceof LazyHops ? hops : List.copyOf(hops);
    if (path == null) {
      path = defaultPath(reachable, via, targetAz, crossAz, reasons);
    }
  }

  /** Without a VPC or link (the layout's only VPC, a path within it). */
  public PairResult(String instance, String service, boolean reachable, Via via,
      String targetAz, boolean crossAz, List<Reason> reasons, List<Hop> hops, String path) {
    this(instance, service, reachable, via, targetAz, crossAz, reasons, hops, path, null, null);
  }

  /** Without a path text: one is made from the other fields. */
  public PairResult(String instance, String service, boolean reachable, Via via,
      String targetAz, boolean crossAz, List<Reason> reasons, List<Hop> hops) {
    this(instance, service, reachable, via, targetAz, crossAz, reasons, hops, null);
  }

  private static String defaultPath(boolean reachable, Via via, String targetAz, boolean crossAz,
      List<Reason> reasons) {
    if (!reachable) {
      return "blocked: " + String.join(", ", reasons.stream().map(Reason::name).toList());
    }
    String s = via == null ? "?" : via.json();
    if (targetAz != null) {
      s += " in " + targetAz + (crossAz ? " (cross-AZ)" : " (same AZ)");
    }
    return s;
  }

  /** The first reason, or null when reachable. */
  public Reason reason() {
    return reasons.isEmpty() ? null : reasons.get(0);
  }
}
