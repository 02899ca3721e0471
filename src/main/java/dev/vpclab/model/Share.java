package dev.vpclab.model;

import java.util.List;

/**
 * An interface endpoint shared through a Route 53 private hosted zone: the zone
 * {@code service.<region>.amazonaws.com}, aliased to VPC {@code from}'s interface endpoint for
 * {@code service}, associated with {@code from} and every VPC of {@code with} (in order). One
 * zone is billed per share.
 */
public record Share(String service, String from, List<String> with, Origin origin) {
  public Share {
    with = List.copyOf(with);
  }

  /** Whether the zone is associated with this VPC (the endpoint's own VPC, or one shared with). */
  public boolean serves(String vpc) {
    return from.equals(vpc) || with.contains(vpc);
  }
}
