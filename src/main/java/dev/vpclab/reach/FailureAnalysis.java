package dev.vpclab.reach;

import dev.vpclab.model.Eni;
import dev.vpclab.model.Instance;
import dev.vpclab.model.InterfaceEndpoint;
import dev.vpclab.model.Layout;
import dev.vpclab.model.Origin;
import dev.vpclab.model.Region;
import dev.vpclab.model.Services;
import dev.vpclab.model.Subnet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * AZ failures: what breaks when AZs go down, the fix, and every single-AZ failure of a layout.
 * One rule decides, in {@link #fail(Reachability, Outage)}; {@link Outage} decides what goes down
 * with an AZ. Pure: no I/O.
 */
public final class FailureAnalysis {
  private FailureAnalysis() {}

  /** What breaks when {@code failedAzs} (full names) go down. */
  public static FailureReport fail(Layout layout, Set<String> failedAzs) {
    Pairs pairs = new Pairs(new Reachability(layout, Outage.NONE));
    return pairs.fail(Outage.of(failedAzs));
  }

  /**
   * Every single-AZ failure of {@link Layout#azs()}, one report each: {@link #fail} of each AZ in
   * turn, all sharing the layout's reachability with every AZ up.
   */
  public static ResilienceReport resilience(Layout layout) {
    Pairs pairs = new Pairs(new Reachability(layout, Outage.NONE));
    List<FailureReport> rows = new ArrayList<>();
    for (String az : layout.azs()) {
      rows.add(pairs.fail(Outage.of(List.of(az))));
    }
    return new ResilienceReport(layout.name(), rows, pairs.unreachable());
  }

  /**
   * Every (instance, need) pair of a layout by number, with its decision when every AZ is up
   * ({@code base}): built once, shared by all the failures of a {@link #resilience} run.
   */
  private static final class Pairs {
    final Reachability base;
    final Layout layout;
    final int[] subnet;
    final int[][] needs;

    Pairs(Reachability base) {
      this.base = base;
      this.layout = base.layout();
      List<Instance> instances = layout.instances();
      subnet = new int[instances.size()];
      needs = new int[instances.size()][];
      for (int k = 0; k < instances.size(); k++) {
        Instance i = instances.get(k);
        subnet[k] = base.subnetIndex(i.subnet());
        needs[k] = i.needs().stream().mapToInt(base::serviceIndex).toArray();
      }
    }

    /**
     * The rule: an instance that is not down breaks a pair when the service was reachable with
     * every AZ up and is not with {@code outage}. Decisions are memoised per (subnet, service),
     * so a failure costs subnets x services decisions, not instances x needs.
     */
    FailureReport fail(Outage outage) {
      Reachability after = base.with(outage);
      List<Instance> instances = layout.instances();
      List<BrokenPair> broken = new ArrayList<>();
      List<String> down = new ArrayList<>();
      long instancesDown = 0;
      for (int k = 0; k < instances.size(); k++) {
        Instance i = instances.get(k);
        if (outage.down(i)) {
          down.add(i.name());
          instancesDown += i.count();
          continue;
        }
        for (int n = 0; n < needs[k].length; n++) {
          Decision b = base.decide(subnet[k], needs[k][n]);
          if (!b.reachable()) {
            continue;
          }
          Decision a = after.decide(subnet[k], needs[k][n]);
          if (!a.reachable()) {
            broken.add(new BrokenPair(i.name(), i.needs().get(n), i.az(), b.via(), b.targetAz(),
                a.reasons()));
          }
        }
      }
      return new FailureReport(layout.name(), outage.azs(), broken, down, instancesDown,
          broken.isEmpty() ? null : suggest(layout, broken));
    }

    /** The pairs unreachable with every AZ up: no AZ loss can break them. */
    int unreachable() {
      int count = 0;
      for (int k = 0; k < needs.length; k++) {
        for (int service : needs[k]) {
          if (!base.decide(subnet[k], service).reachable()) {
            count++;
          }
        }
      }
      return count;
    }
  }

  /**
   * The fix for broken pairs: an ENI in the broken instances' AZs for every endpoint service that
   * lost all its ENIs (one endpoint statement per placement, keeping the existing ENIs and the
   * security group's allow list); a NAT gateway in the AZs whose route tables pointed at a NAT
   * gateway that went down (with a public subnet first where the AZ has none).
   */
  public static FixSuggestion suggest(Layout layout, List<BrokenPair> broken) {
    Region region = layout.region();
    Map<String, TreeSet<String>> endpointAdds = new TreeMap<>();
    TreeSet<String> natAzs = new TreeSet<>();
    for (BrokenPair p : broken) {
      if (p.before() == Via.ENDPOINT) {
        endpointAdds.computeIfAbsent(p.service(), k -> new TreeSet<>()).add(p.az());
      } else if (p.before() == Via.NAT) {
        natAzs.add(p.az());
      }
    }
    List<FixSuggestion.Step> steps = new ArrayList<>();
    TreeSet<String> allAzs = new TreeSet<>();
    TreeSet<String> services = new TreeSet<>();
    int enis = 0;
    // group services by the placement (and allow list) their new endpoint line gets
    List<String> ordered = new ArrayList<>(endpointAdds.keySet());
    ordered.sort(Comparator.comparing((String s) -> layout.endpoint(s).orElseThrow().origin(),
        Origin.WRITTEN_ORDER).thenComparingInt(FailureAnalysis::bundleRank)
        .thenComparing(Comparator.naturalOrder()));
    Map<String, List<String>> groups = new LinkedHashMap<>();
    Map<String, TreeSet<String>> groupAdds = new LinkedHashMap<>();
    for (String s : ordered) {
      InterfaceEndpoint ep = layout.endpoint(s).orElseThrow();
      TreeSet<String> add = new TreeSet<>(endpointAdds.get(s));
      add.removeAll(ep.azs());
      TreeMap<String, String> places = new TreeMap<>();
      for (Eni e : ep.enis()) {
        places.put(e.az(), placeToken(layout, e.subnet()));
      }
      for (String az : add) {
        places.put(az, region.shortAz(az));
      }
      String tail = " in " + String.join(", ", places.values());
      if (ep.privateDns() && !ep.inboundOnly() && Services.GATEWAY.contains(s)
          && layout.hasGateway(s)) {
        tail += " inbound-only off"; // as written: beside a gateway endpoint AWS's default is on
      }
      if (!ep.defaultAllow()) {
        tail += " allow " + String.join(", ", ep.allow().stream().map(a -> a.label()).toList());
      }
      groups.computeIfAbsent(tail, k -> new ArrayList<>()).add(s);
      groupAdds.computeIfAbsent(tail, k -> new TreeSet<>()).addAll(add);
      enis += add.size();
      allAzs.addAll(add);
      services.add(s);
    }
    for (Map.Entry<String, List<String>> g : groups.entrySet()) {
      steps.add(new FixSuggestion.Step(FixSuggestion.Kind.ENDPOINT,
          "endpoint " + String.join(", ", g.getValue()) + g.getKey(), g.getValue(),
          List.copyOf(groupAdds.get(g.getKey()))));
    }
    List<String> publicAzs = new ArrayList<>();
    for (String az : natAzs) {
      boolean hasPublic = layout.subnets().stream().anyMatch(s -> s.az().equals(az)
          && s.isPublic());
      if (!hasPublic) {
        publicAzs.add(az);
        steps.add(new FixSuggestion.Step(FixSuggestion.Kind.PUBLIC_SUBNET,
            "az " + region.shortAz(az) + " subnet public", List.of(), List.of(az)));
      }
    }
    if (!natAzs.isEmpty()) {
      steps.add(new FixSuggestion.Step(FixSuggestion.Kind.NAT, "nat in " + String.join(", ",
          natAzs.stream().map(region::shortAz).toList()), List.of(), List.copyOf(natAzs)));
      allAzs.addAll(natAzs);
    }
    String statement = String.join("; ", steps.stream().map(FixSuggestion.Step::statement)
        .toList());
    return new FixSuggestion(statement, List.copyOf(services), List.copyOf(allAzs), enis,
        List.copyOf(natAzs), publicAzs, steps);
  }

  /**
   * How an existing ENI's subnet is written in a new endpoint line: the short AZ when that AZ
   * picks the same subnet (the first private subnet declared in the AZ, else the first one),
   * else the subnet's name.
   */
  private static String placeToken(Layout layout, Subnet subnet) {
    Subnet pick = null;
    for (Subnet s : layout.subnets()) {
      if (s.az().equals(subnet.az())) {
        if (!s.isPublic()) {
          pick = s;
          break;
        }
        if (pick == null) {
          pick = s;
        }
      }
    }
    return pick != null && pick.name().equals(subnet.name())
        ? layout.region().shortAz(subnet.az()) : subnet.name();
  }

  /** A service's place in the built-in bundles (ssm, ec2messages, ssmmessages keep that order). */
  private static int bundleRank(String service) {
    for (List<String> b : Services.BUNDLES.values()) {
      int i = b.indexOf(service);
      if (i >= 0) {
        return i;
      }
    }
    return Integer.MAX_VALUE;
  }
}
