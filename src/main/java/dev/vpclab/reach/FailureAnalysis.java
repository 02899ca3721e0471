package dev.vpclab.reach;

import dev.vpclab.model.Eni;
import dev.vpclab.model.Instance;
import dev.vpclab.model.InterfaceEndpoint;
import dev.vpclab.model.Layout;
import dev.vpclab.model.Region;
import dev.vpclab.model.Services;
import dev.vpclab.model.Subnet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * AZ failures: what breaks when AZs go down, the fix, and every single-AZ failure of a layout.
 * An AZ failure removes that AZ's ENIs, NAT gateways and instances. Pure: no I/O.
 */
public final class FailureAnalysis {
  private FailureAnalysis() {}

  /** What breaks when {@code failedAzs} (full names) go down. */
  public static FailureReport fail(Layout layout, Set<String> failedAzs) {
    return fail(new Reachability(layout, Set.of()), failedAzs);
  }

  /**
   * Every single-AZ failure of {@link Layout#azs()}, one report each. One pass over the pairs: a
   * pair breaks when one AZ fails exactly when that AZ is its {@link Reachability#criticalAz}
   * and not its instance's own AZ; the result equals {@link #fail} for each AZ.
   */
  public static ResilienceReport resilience(Layout layout) {
    Reachability base = new Reachability(layout, Set.of());
    List<String> azs = layout.azs();
    Map<String, List<BrokenPair>> broken = new HashMap<>();
    Map<String, List<String>> down = new HashMap<>();
    Map<String, Long> instancesDown = new HashMap<>();
    Map<String, Reachability> after = new HashMap<>();
    for (String az : azs) {
      broken.put(az, new ArrayList<>());
      down.put(az, new ArrayList<>());
      instancesDown.put(az, 0L);
    }
    int unreachable = 0;
    for (Instance i : layout.instances()) {
      down.get(i.az()).add(i.name());
      instancesDown.merge(i.az(), (long) i.count(), Long::sum);
      for (String s : i.needs()) {
        if (!base.decide(i.subnet(), s).reachable()) {
          unreachable++;
          continue;
        }
        String az = base.criticalAz(i.subnet(), s);
        if (az == null || az.equals(i.az())) {
          continue;
        }
        Decision b = base.decide(i.subnet(), s);
        Decision a = after.computeIfAbsent(az, x -> new Reachability(layout, Set.of(x)))
            .decide(i.subnet(), s);
        broken.computeIfAbsent(az, x -> new ArrayList<>()).add(
            new BrokenPair(i.name(), s, i.az(), b.via(), b.targetAz(), a.reasons()));
      }
    }
    List<FailureReport> rows = new ArrayList<>();
    for (String az : azs) {
      List<BrokenPair> list = broken.get(az);
      rows.add(new FailureReport(layout.name(), List.of(az), list, down.get(az),
          instancesDown.get(az), list.isEmpty() ? null : suggest(layout, list)));
    }
    return new ResilienceReport(layout.name(), rows, unreachable);
  }

  /** {@code base} is the layout with nothing failed (shared by the rows of a resilience run). */
  static FailureReport fail(Reachability base, Set<String> failedAzs) {
    Layout layout = base.layout();
    Reachability after = new Reachability(layout, failedAzs);
    List<BrokenPair> broken = new ArrayList<>();
    List<String> down = new ArrayList<>();
    long instancesDown = 0;
    for (Instance i : layout.instances()) {
      if (failedAzs.contains(i.az())) {
        down.add(i.name());
        instancesDown += i.count();
        continue;
      }
      for (String s : i.needs()) {
        Decision b = base.decide(i.subnet(), s);
        if (!b.reachable()) {
          continue;
        }
        Decision a = after.decide(i.subnet(), s);
        if (!a.reachable()) {
          broken.add(new BrokenPair(i.name(), s, i.az(), b.via(), b.targetAz(), a.reasons()));
        }
      }
    }
    return new FailureReport(layout.name(), new ArrayList<>(new TreeSet<>(failedAzs)), broken,
        down, instancesDown, broken.isEmpty() ? null : suggest(layout, broken));
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
    ordered.sort(Comparator.comparingInt((String s) -> layout.endpoint(s).orElseThrow().span()
        .offset()).thenComparingInt(FailureAnalysis::bundleRank)
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
