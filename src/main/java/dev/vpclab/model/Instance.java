package dev.vpclab.model;

import java.util.List;

/**
 * An EC2 instance, task or pod ({@code count} of them alike), in one subnet or spread over
 * several subnets of one VPC (a spread group: {@code instance web in app-a, app-b count 4}), each
 * {@link Placement} holding its members. {@code needs} is every destination it must reach, sorted:
 * the declared needs with bundles expanded, plus every destination of its traffic (services,
 * {@code internet}, and in designs of several VPCs other instances, by name).
 */
public record Instance(String name, List<Placement> placements, List<String> needs,
    Origin origin) {
  /** Where some members of an instance (group) run: a subnet and how many members it holds. */
  public record Placement(Subnet subnet, int count) {
    public String az() {
      return subnet.az();
    }
  }

  public Instance {
    placements = List.copyOf(placements);
    needs = List.copyOf(needs);
    if (placements.isEmpty()) {
      throw new IllegalArgumentException("instance " + name + " has no subnet");
    }
    String vpc = placements.get(0).subnet().vpc();
    for (Placement p : placements) {
      if (!p.subnet().vpc().equals(vpc)) {
        throw new IllegalArgumentException("instance " + name + " spreads over VPCs " + vpc
            + " and " + p.subnet().vpc());
      }
    }
  }

  /** {@code count} instances in one subnet. */
  public Instance(String name, Subnet subnet, int count, List<String> needs, Origin origin) {
    this(name, List.of(new Placement(subnet, count)), needs, origin);
  }

  /** Whether it is spread over several subnets. */
  public boolean spread() {
    return placements.size() > 1;
  }

  /** How many members it has in all its subnets. */
  public int count() {
    int n = 0;
    for (Placement p : placements) {
      n += p.count();
    }
    return n;
  }

  /**
   * Its subnet. A spread group has several: ask {@link #placements()} (this throws for one, so
   * that no rule silently treats a group as its first subnet).
   */
  public Subnet subnet() {
    if (spread()) {
      throw new IllegalStateException("instance " + name + " is spread over "
          + placements.size() + " subnets: use placements()");
    }
    return placements.get(0).subnet();
  }

  /** Its AZ (one subnet only, as {@link #subnet()}). */
  public String az() {
    return subnet().az();
  }

  /** The name of its VPC: its subnets'. */
  public String vpc() {
    return placements.get(0).subnet().vpc();
  }
}
