package dev.vpclab.reach;

import dev.vpclab.model.Eni;
import dev.vpclab.model.Instance;
import dev.vpclab.model.NatGateway;
import dev.vpclab.model.Subnet;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Some AZs down, and the one place that decides what goes down with them: a subnet in a failed
 * AZ (and every instance in it, a spread group's placement in it, a transit gateway attachment's
 * subnet in it), an endpoint ENI in one, a NAT gateway in one. Regional things (gateway
 * endpoints, the internet gateway, route tables, transit gateways and peering connections
 * themselves) never go down. {@link Reachability} and {@link Resolver} ask this, never an AZ
 * name. Immutable.
 */
public final class Outage {
  /** Every AZ up. */
  public static final Outage NONE = new Outage(List.of());

  private final List<String> azs;
  private final Set<String> down;

  private Outage(List<String> azs) {
    this.azs = azs;
    this.down = Set.copyOf(azs);
  }

  /** These AZs (full names) down. */
  public static Outage of(Collection<String> failedAzs) {
    return failedAzs.isEmpty() ? NONE : new Outage(List.copyOf(new TreeSet<>(failedAzs)));
  }

  /** The failed AZs, full names, sorted. */
  public List<String> azs() {
    return azs;
  }

  public boolean down(Subnet subnet) {
    return down.contains(subnet.az());
  }

  /** Whether every member of an instance (group) is down. */
  public boolean down(Instance instance) {
    for (Instance.Placement p : instance.placements()) {
      if (!down(p)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the members of one placement of an instance group are down (their subnet's AZ). */
  public boolean down(Instance.Placement placement) {
    return down(placement.subnet());
  }

  public boolean down(Eni eni) {
    return down(eni.subnet());
  }

  public boolean down(NatGateway nat) {
    return down(nat.subnet());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Outage other && azs.equals(other.azs);
  }

  @Override
  public int hashCode() {
    return azs.hashCode();
  }

  @Override
  public String toString() {
    return azs.isEmpty() ? "no AZ down" : String.join(", ", azs) + " down";
  }
}
