package dev.vpclab.reach;

import java.util.List;

/**
 * Whether one instance reaches one service, and how: {@code via} (null when unreachable), the AZ
 * of the ENI or NAT gateway used ({@code targetAz}, null when none), whether the path crosses AZs,
 * every reason it is blocked (empty when reachable), and the hops of the path.
 */
public record PairResult(String instance, String service, boolean reachable, Via via,
    String targetAz, boolean crossAz, List<Reason> reasons, List<Hop> hops) {
  public PairResult {
    reasons = List.copyOf(reasons);
    hops = List.copyOf(hops);
  }
}
