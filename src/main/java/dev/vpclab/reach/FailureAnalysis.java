package dev.vpclab.reach;

import dev.vpclab.model.Eni;
import dev.vpclab.model.Instance;
import dev.vpclab.model.InterfaceEndpoint;
import dev.vpclab.model.Layout;
import dev.vpclab.model.Origin;
import dev.vpclab.model.Region;
import dev.vpclab.model.Services;
import dev.vpclab.model.Subnet;
import dev.vpclab.model.TransitGateway;
import dev.vpclab.model.Vpc;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
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
   * Every (instance placement, need) pair of a layout by number, with its decision when every AZ
   * is up ({@code base}): built once, shared by all the failures of a {@link #resilience} run.
   */
  private static final class Pairs {
    final Reachability base;
    final Layout layout;
    final int[][] subnet;
    final int[][] needs;

    Pairs(Reachability base) {
      this.base = base;
      this.layout = base.layout();
      List<Instance> instances = layout.instances();
      subnet = new int[instances.size()][];
      needs = new int[instances.size()][];
      for (int k = 0; k < instances.size(); k++) {
        Instance i = instances.get(k);
        subnet[k] = i.placements().stream().mapToInt(p -> base.subnetIndex(p.subnet()))
            .toArray();
        needs[k] = i.needs().stream().mapToInt(base::serviceIndex).toArray();
      }
    }

    /**
     * The rule: a member (placement) that is not down breaks a pair when the destination was
     * reachable with every AZ up and is not with {@code outage}. Decisions are memoised per
     * (subnet, destination), so a failure costs subnets x destinations decisions, not
     * instances x needs.
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
        for (int m = 0; m < subnet[k].length; m++) {
          Instance.Placement p = i.placements().get(m);
          if (outage.down(p)) {
            down.add(ReachEngine.label(i, p));
            instancesDown += p.count();
            continue;
          }
          for (int n = 0; n < needs[k].length; n++) {
            Decision b = base.decide(subnet[k][m], needs[k][n]);
            if (!b.reachable()) {
              continue;
            }
            Decision a = after.decide(subnet[k][m], needs[k][n]);
            if (!a.reachable()) {
              broken.add(new BrokenPair(ReachEngine.label(i, p), i.needs().get(n), p.az(),
                  b.via(), b.targetAz(), a.reasons(), i.vpc(), b.link()));
            }
          }
        }
      }
      return new FailureReport(layout.name(), outage.azs(), broken, down, instancesDown,
          broken.isEmpty() ? null : suggest(layout, broken, outage));
    }

    /** The pairs (a spread group's: per placement) unreachable with every AZ up. */
    int unreachable() {
      int count = 0;
      for (int k = 0; k < needs.length; k++) {
        for (int sn : subnet[k]) {
          for (int service : needs[k]) {
            if (!base.decide(sn, service).reachable()) {
              count++;
            }
          }
        }
      }
      return count;
    }
  }

  /** {@link #suggest(Layout, List, Outage)} with the broken pairs' own AZs as the only ones down. */
  public static FixSuggestion suggest(Layout layout, List<BrokenPair> broken) {
    return suggest(layout, broken, Outage.NONE);
  }

  /**
   * The fix for broken pairs, or null when nothing can be suggested (a pair broken because every
   * member of its destination instance is down): for every endpoint that lost all its ENIs, an
   * ENI in the broken instances' AZs (in the endpoint's VPC; where it has no subnet, its first
   * AZ that is up), one endpoint statement per placement, keeping the existing ENIs and the
   * security group's allow list; a NAT gateway in the AZs whose route tables pointed at a NAT
   * gateway that went down (with a public subnet first where the AZ has none); for paths through
   * a transit gateway, the attachment AZs the ENIs that are up (or the new ones) need.
   */
  public static FixSuggestion suggest(Layout layout, List<BrokenPair> broken, Outage outage) {
    Map<String, TreeSet<String>> endpointAdds = new TreeMap<>();
    Map<String, TreeSet<String>> natAzs = new TreeMap<>();
    Map<String, TreeSet<String>> attachAdds = new LinkedHashMap<>();
    Set<List<Object>> seen = new HashSet<>(); // pairs alike need the same statements
    for (BrokenPair p : broken) {
      if (!seen.add(Arrays.asList(p.vpc(), p.service(), p.az(), p.before(), p.link(),
          p.reasons()))) {
        continue;
      }
      Vpc w = layout.vpcNamedOrThrow(p.vpc() == null ? layout.vpcs().get(0).name() : p.vpc());
      if (p.before() == Via.ENDPOINT) {
        endpointFix(layout, w, p, outage, endpointAdds, attachAdds);
      } else if (p.before() == Via.NAT) {
        natAzs.computeIfAbsent(w.name(), k -> new TreeSet<>()).add(p.az());
      }
    }
    List<FixSuggestion.Step> steps = new ArrayList<>();
    for (Vpc v : layout.vpcs()) {
      endpointSteps(layout, v, endpointAdds, steps);
      natSteps(layout, v, natAzs.getOrDefault(v.name(), new TreeSet<>()), steps);
    }
    for (Map.Entry<String, TreeSet<String>> e : attachAdds.entrySet()) {
      String[] key = e.getKey().split("\n");
      TransitGateway t = layout.tgws().stream().filter(g -> g.name().equals(key[0])).findFirst()
          .orElseThrow();
      TreeSet<String> all = new TreeSet<>(t.attachment(key[1]).orElseThrow().azs());
      all.addAll(e.getValue());
      steps.add(new FixSuggestion.Step(FixSuggestion.Kind.ATTACHMENT, "tgw " + t.name()
          + " attach " + key[1] + " in " + String.join(", ", all.stream()
              .map(layout.region()::shortAz).toList()), List.of(), List.copyOf(e.getValue()),
          key[1], t.name(), null));
    }
    if (steps.isEmpty()) {
      return null;
    }
    TreeSet<String> allAzs = new TreeSet<>();
    TreeSet<String> services = new TreeSet<>();
    List<String> nats = new ArrayList<>();
    List<String> publicAzs = new ArrayList<>();
    int enis = 0;
    for (Map.Entry<String, TreeSet<String>> e : endpointAdds.entrySet()) {
      String[] k = e.getKey().split("\\n");
      TreeSet<String> add = new TreeSet<>(e.getValue());
      add.removeAll(layout.vpcNamedOrThrow(k[0]).endpoint(k[1]).orElseThrow().azs());
      enis += add.size();
    }
    for (FixSuggestion.Step s : steps) {
      allAzs.addAll(s.addAzs());
      switch (s.kind()) {
        case ENDPOINT -> services.addAll(s.services());
        case NAT -> nats.addAll(s.addAzs());
        case PUBLIC_SUBNET -> publicAzs.addAll(s.addAzs());
        case ATTACHMENT -> { }
      }
    }
    return new FixSuggestion(statement(steps), List.copyOf(services), List.copyOf(allAzs), enis,
        nats, publicAzs, steps);
  }

  /** Where a broken endpoint pair needs a new ENI, or its transit gateway a new attachment AZ. */
  private static void endpointFix(Layout layout, Vpc w, BrokenPair p, Outage outage,
      Map<String, TreeSet<String>> endpointAdds, Map<String, TreeSet<String>> attachAdds) {
    Resolver.Zone zone = Resolver.zone(layout, w, p.service());
    if (zone == null) {
      return;
    }
    InterfaceEndpoint ep = zone.endpoint();
    Vpc v = layout.vpcNamedOrThrow(ep.vpc());
    TransitGateway.Attachment target = null;
    TransitGateway tgw = null;
    if (p.link() != null && p.link().kind() == Link.Kind.TGW) {
      tgw = layout.tgws().stream().filter(t -> t.name().equals(p.link().name())).findFirst()
          .orElseThrow();
      target = tgw.attachment(v.name()).orElseThrow();
    }
    List<String> needAttach = new ArrayList<>();
    if (p.reasons().contains(Reason.NO_ENI_UP)) {
      String az = hasSubnetIn(v, p.az()) ? p.az() : firstUpAz(v, outage);
      if (az == null) {
        return;
      }
      endpointAdds.computeIfAbsent(v.name() + "\n" + p.service(), k -> new TreeSet<>()).add(az);
      needAttach.add(az);
    } else if (p.reasons().contains(Reason.NO_ATTACHMENT_SUBNET)) {
      for (Eni e : ep.enis()) {
        if (!outage.down(e)) {
          needAttach.add(e.az());
        }
      }
    }
    if (target != null) {
      for (String az : needAttach) {
        if (target.subnetIn(az).isEmpty()) {
          attachAdds.computeIfAbsent(tgw.name() + "\n" + v.name(), k -> new TreeSet<>()).add(az);
        }
      }
    }
  }

  private static boolean hasSubnetIn(Vpc v, String az) {
    return v.subnets().stream().anyMatch(s -> s.az().equals(az));
  }

  private static String firstUpAz(Vpc v, Outage outage) {
    return v.subnets().stream().filter(s -> !outage.down(s)).map(Subnet::az).sorted()
        .findFirst().orElse(null);
  }

  /** One endpoint statement per placement of VPC {@code v}'s endpoints that get ENIs. */
  private static void endpointSteps(Layout layout, Vpc v, Map<String, TreeSet<String>> adds,
      List<FixSuggestion.Step> steps) {
    Region region = layout.region();
    List<String> ordered = new ArrayList<>();
    for (String key : adds.keySet()) {
      String[] k = key.split("\n");
      if (k[0].equals(v.name())) {
        ordered.add(k[1]);
      }
    }
    ordered.sort(Comparator.comparing((String s) -> v.endpoint(s).orElseThrow().origin(),
        Origin.WRITTEN_ORDER).thenComparingInt(FailureAnalysis::bundleRank)
        .thenComparing(Comparator.naturalOrder()));
    Map<String, List<String>> groups = new LinkedHashMap<>();
    Map<String, TreeSet<String>> groupAdds = new LinkedHashMap<>();
    for (String s : ordered) {
      InterfaceEndpoint ep = v.endpoint(s).orElseThrow();
      TreeSet<String> add = new TreeSet<>(adds.get(v.name() + "\n" + s));
      add.removeAll(ep.azs());
      TreeMap<String, String> places = new TreeMap<>();
      for (Eni e : ep.enis()) {
        places.put(e.az(), placeToken(layout, v, e.subnet()));
      }
      for (String az : add) {
        places.put(az, region.shortAz(az));
      }
      String tail = " in " + String.join(", ", places.values());
      if (!ep.privateDns()) {
        tail += " private-dns off"; // a new endpoint line replaces private DNS too (on by default)
      }
      if (ep.privateDns() && !ep.inboundOnly() && Services.GATEWAY.contains(s)
          && v.hasGateway(s)) {
        tail += " inbound-only off"; // as written: beside a gateway endpoint AWS's default is on
      }
      if (!ep.defaultAllow()) {
        tail += " allow " + String.join(", ", ep.allow().stream().map(a -> a.label()).toList());
      }
      groups.computeIfAbsent(tail, k -> new ArrayList<>()).add(s);
      groupAdds.computeIfAbsent(tail, k -> new TreeSet<>()).addAll(add);
    }
    for (Map.Entry<String, List<String>> g : groups.entrySet()) {
      steps.add(new FixSuggestion.Step(FixSuggestion.Kind.ENDPOINT,
          "endpoint " + String.join(", ", g.getValue()) + g.getKey(), g.getValue(),
          List.copyOf(groupAdds.get(g.getKey())), v.name(), null, null));
    }
  }

  /**
   * A NAT gateway in each AZ of VPC {@code v}, after a public subnet where the AZ has none: the
   * unnamed {@code public-1b}, or named {@code VPC-public-1b} when a subnet of the layout (or an
   * earlier step) already has that name (subnet names are unique in a layout).
   */
  private static void natSteps(Layout layout, Vpc v, TreeSet<String> natAzs,
      List<FixSuggestion.Step> steps) {
    Region region = layout.region();
    for (String az : natAzs) {
      boolean hasPublic = v.subnets().stream().anyMatch(s -> s.az().equals(az) && s.isPublic());
      if (!hasPublic) {
        String name = "public-" + region.shortAz(az);
        boolean taken = layout.subnet(name).isPresent() || steps.stream()
            .anyMatch(s -> name.equals(s.subnet()));
        String named = taken ? v.name() + "-" + name : name;
        steps.add(new FixSuggestion.Step(FixSuggestion.Kind.PUBLIC_SUBNET,
            "az " + region.shortAz(az) + " subnet public" + (taken ? " " + named : ""),
            List.of(), List.of(az), v.name(), null, named));
      }
    }
    if (!natAzs.isEmpty()) {
      steps.add(new FixSuggestion.Step(FixSuggestion.Kind.NAT, "nat in " + String.join(", ",
          natAzs.stream().map(region::shortAz).toList()), List.of(), List.copyOf(natAzs),
          v.name(), null, null));
    }
  }

  /**
   * The statements joined by "; ": those of the default VPC bare, those of another VPC inside one
   * {@code vpc NAME { ... }} block per VPC, transit gateway attachments at the top level.
   */
  private static String statement(List<FixSuggestion.Step> steps) {
    Map<String, List<String>> byVpc = new LinkedHashMap<>();
    List<String> out = new ArrayList<>();
    for (FixSuggestion.Step s : steps) {
      if (s.kind() == FixSuggestion.Kind.ATTACHMENT || Vpc.DEFAULT_NAME.equals(s.vpc())) {
        out.add(s.statement());
      } else {
        if (!byVpc.containsKey(s.vpc())) {
          out.add("\0" + s.vpc());
        }
        byVpc.computeIfAbsent(s.vpc(), k -> new ArrayList<>()).add(s.statement());
      }
    }
    List<String> rendered = new ArrayList<>();
    for (String o : out) {
      rendered.add(o.startsWith("\0") ? "vpc " + o.substring(1) + " { " + String.join("; ",
          byVpc.get(o.substring(1))) + " }" : o);
    }
    return String.join("; ", rendered);
  }

  /**
   * How an existing ENI's subnet is written in a new endpoint line: the short AZ when that AZ
   * picks the same subnet (the first private subnet declared in the AZ, else the first one),
   * else the subnet's name.
   */
  private static String placeToken(Layout layout, Vpc vpc, Subnet subnet) {
    Subnet pick = null;
    for (Subnet s : vpc.subnets()) {
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
