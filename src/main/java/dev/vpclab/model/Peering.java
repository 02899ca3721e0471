package dev.vpclab.model;

/**
 * A VPC peering connection between VPCs {@code a} and {@code b} (names, as written): routes
 * between the two CIDRs both ways, not transitive.
 */
public record Peering(String a, String b, Origin origin) {
  /** Whether it joins these two VPCs (in either order). */
  public boolean joins(String x, String y) {
    return a.equals(x) && b.equals(y) || a.equals(y) && b.equals(x);
  }

  /** The VPC at the other end from {@code vpc}. */
  public String other(String vpc) {
    return a.equals(vpc) ? b : a;
  }
}
