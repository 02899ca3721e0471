package dev.vpclab.model;

/** One network interface of an interface endpoint: the subnet (and so AZ) it sits in, its address. */
public record Eni(Subnet subnet, String ip) {
  public String az() {
    return subnet.az();
  }
}
