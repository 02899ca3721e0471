package dev.vpclab.model;

import java.util.List;

/**
 * An EC2 instance, task or pod ({@code count} of them alike) in a subnet. {@code needs} is every
 * service it must reach, sorted: the declared needs with bundles expanded, plus every destination
 * of its traffic (including {@code internet}).
 */
public record Instance(String name, Subnet subnet, int count, List<String> needs, Origin origin) {
  public Instance {
    needs = List.copyOf(needs);
  }

  public String az() {
    return subnet.az();
  }

  /** The name of its VPC: its subnet's. */
  public String vpc() {
    return subnet.vpc();
  }
}
