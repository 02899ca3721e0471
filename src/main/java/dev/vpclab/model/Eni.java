package dev.vpclab.model;

/**
 * One network interface of an interface endpoint: the subnet (and so AZ) it sits in, its address,
 * and its origin (from source, the endpoint's statement; imported, the interface itself).
 */
public record Eni(Subnet subnet, String ip, Origin origin) {
  public String az() {
    return subnet.az();
  }

  /** The name of its VPC: its subnet's. */
  public String vpc() {
    return subnet.vpc();
  }
}
