package dev.vpclab.model;

import dev.vpclab.lang.Span;

/** A public NAT gateway in a public subnet of one AZ, with its Elastic IP. */
public record NatGateway(Subnet subnet, String ip, Span span) {
  public String az() {
    return subnet.az();
  }
}
