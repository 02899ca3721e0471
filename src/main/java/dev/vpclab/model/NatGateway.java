package dev.vpclab.model;

/** A public NAT gateway in a public subnet of one AZ, with its Elastic IP. */
public record NatGateway(Subnet subnet, String ip, Origin origin) {
  public String az() {
    return subnet.az();
  }

  /** The name of its VPC: its subnet's. */
  public String vpc() {
    return subnet.vpc();
  }
}
