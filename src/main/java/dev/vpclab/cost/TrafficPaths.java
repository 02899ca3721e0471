package dev.vpclab.cost;

import dev.vpclab.model.Instance;
import dev.vpclab.model.Layout;
import dev.vpclab.model.Services;
import dev.vpclab.model.Subnet;
import dev.vpclab.model.Traffic;
import dev.vpclab.model.TransitGateway;
import dev.vpclab.reach.Decision;
import dev.vpclab.reach.Link;
import dev.vpclab.reach.PairResult;
import dev.vpclab.reach.Reason;
import dev.vpclab.reach.Via;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The paths of a layout's traffic, decided once (no AZ down) and priced at any volume: each
 * (sender subnet, destination) path is decided once, and the members of a subnet (of one
 * instance or several, or the placements of spread groups there) share it, so the work grows with
 * instances + traffic lines × subnets (× the destination's placements for traffic to an
 * instance). What pricing needs is kept at the layout's own volumes: the GB per kind of path
 * ({@link Volumes}, exact fractions: a 2/7 share stays 2/7), the GB into each transit gateway, the
 * traffic left unpriced, and the instances that hold public IPv4 addresses. Every path is fixed,
 * so the volumes at a scale are the base volumes times the scale. Pure: no I/O.
 *
 * <p>A line's GB go to its senders' placements in proportion to their members ({@code *}: every
 * instance but the destination); a destination instance's share goes to its placements in
 * proportion to their members, with no AZ affinity. Each (sender placement, destination
 * placement) share is then priced by its path: in one VPC or over a peering, cross-AZ when the
 * AZs differ; through a transit gateway, once into it and never cross-AZ.
 */
public final class TrafficPaths {
  /** The kinds of path a GB can take (the cross-AZ kinds count a GB a second time). */
  public enum Flow {
    ENDPOINT, ENDPOINT_CROSS_AZ, GATEWAY, NAT, NAT_CROSS_AZ, INTERNET, IGW_SERVICE,
    /** Between instances of one VPC in different AZs. */
    LOCAL_CROSS_AZ,
    /** Between instances over a peering, in different AZs / in one AZ. */
    PEERING_CROSS_AZ, PEERING_SAME_AZ,
    /** Between instances through a transit gateway, changing AZ (free of transfer, noted). */
    TGW_CROSS_AZ,
    /** Of traffic lines to or from spread groups (noted: shared out with no AZ affinity). */
    SPREAD
  }

  /** GB per {@link Flow} and per transit gateway, exact: the base volumes times a scale. */
  public static final class Volumes {
    private final Rational[] base;
    private final Map<String, Rational> tgwBase;
    private final Rational scale;

    private Volumes(Rational[] base, Map<String, Rational> tgwBase, Rational scale) {
      this.base = base;
      this.tgwBase = tgwBase;
      this.scale = scale;
    }

    public Rational gb(Flow f) {
      return scaled(base[f.ordinal()]);
    }

    /**
     * The GB sent from VPCs into each transit gateway (once per GB, whatever it crosses), by
     * name, in the order of the layout's transit gateways.
     */
    public Map<String, Rational> tgw() {
      Map<String, Rational> out = new LinkedHashMap<>();
      tgwBase.forEach((name, gb) -> out.put(name, scaled(gb)));
      return out;
    }

    private Rational scaled(Rational b) {
      return scale.equals(Rational.ONE) ? b : b.multiply(scale);
    }
  }

  /** What a path reaches: an AWS service by one of four ways, or an instance. */
  public enum Kind {
    ENDPOINT, GATEWAY_ENDPOINT, NAT, IGW, INSTANCE
  }

  /**
   * How one subnet's members reach a destination: {@code kind} null (and a reason code) when they
   * do not; {@code link} null within the sender's VPC; {@code crossAz} for a service, whether the
   * ENI or NAT gateway used is in another AZ (for an instance the AZs of its placements decide).
   */
  public record Route(Kind kind, boolean crossAz, Link link, String reason) {
    public static Route local(Kind kind, boolean crossAz) {
      return new Route(kind, crossAz, null, null);
    }

    public static Route via(Kind kind, boolean crossAz, Link link) {
      return new Route(kind, crossAz, link, null);
    }

    public static Route blocked(String reason) {
      return new Route(null, false, null, reason);
    }

    static Route of(PairResult p) {
      return p.reachable() && p.via() != null ? via(kind(p.via()), p.crossAz(), p.link())
          : blocked(reason(p.reasons()));
    }

    static Route of(Decision d) {
      return d.reachable() && d.via() != null ? via(kind(d.via()), d.crossAz(), d.link())
          : blocked(reason(d.reasons()));
    }

    private static Kind kind(Via via) {
      return switch (via) {
        case ENDPOINT -> Kind.ENDPOINT;
        case GATEWAY_ENDPOINT -> Kind.GATEWAY_ENDPOINT;
        case NAT -> Kind.NAT;
        case IGW -> Kind.IGW;
        case LOCAL, PEERING, TGW -> Kind.INSTANCE;
      };
    }

    private static String reason(List<Reason> reasons) {
      return reasons.isEmpty() ? Reason.NO_ROUTE.name()
          : reasons.stream().map(Enum::name).collect(Collectors.joining(","));
    }
  }

  /**
   * Decides a path; asked once per (sender subnet, destination), with one instance that has
   * members there ({@code from} is one of its placements' subnets).
   */
  @FunctionalInterface
  public interface Router {
    Route route(Instance sender, Subnet from, String destination);
  }

  /** Members of an instance holding public IPv4 addresses (those in public subnets that need them). */
  public record PublicAddresses(Instance instance, int count) {}

  /** Unpriced traffic at the base volume; an instance's share is dropped when it scales to 0. */
  private record Unpriced(String instance, String destination, Rational gb, String reason,
      boolean share) {}

  private final Layout layout;
  private final Rational[] base;
  private final Map<String, Rational> tgwBase;
  private final List<Unpriced> unpriced;
  private final List<PublicAddresses> publicIpv4;

  private TrafficPaths(Layout layout, Rational[] base, Map<String, Rational> tgwBase,
      List<Unpriced> unpriced, List<PublicAddresses> publicIpv4) {
    this.layout = layout;
    this.base = base;
    this.tgwBase = tgwBase;
    this.unpriced = List.copyOf(unpriced);
    this.publicIpv4 = List.copyOf(publicIpv4);
  }

  /** The paths of {@code layout} as the reachability engine decides them. */
  public static TrafficPaths of(Layout layout) {
    return of(layout, CostEngine.REACH);
  }

  static TrafficPaths of(Layout layout, CostEngine.PathFinder finder) {
    return of(layout, finder.router(layout));
  }

  /** The paths of {@code layout} as {@code router} decides them. */
  public static TrafficPaths of(Layout layout, Router router) {
    return new Builder(layout, router).build();
  }

  public Layout layout() {
    return layout;
  }

  /** The GB per kind of path with every traffic volume multiplied by {@code scale}. */
  public Volumes volumes(Rational scale) {
    return new Volumes(base, tgwBase, scale);
  }

  /**
   * The instances (in declaration order) holding public IPv4 addresses, one per member in a
   * public subnet that reaches a need through the internet gateway. One that reaches everything
   * through endpoints holds none.
   */
  public List<PublicAddresses> publicIpv4() {
    return publicIpv4;
  }

  /** The traffic left unpriced at {@code scale}, in the order of the lines and their senders. */
  public List<UnpricedTraffic> unpriced(Rational scale) {
    List<UnpricedTraffic> out = new ArrayList<>();
    for (Unpriced u : unpriced) {
      Rational gb = scale.multiply(u.gb());
      if (!u.share() || gb.signum() != 0) {
        out.add(new UnpricedTraffic(u.instance(), u.destination(), gb, u.reason()));
      }
    }
    return out;
  }

  /** Whether {@link #unpriced} is not empty at {@code scale} (without building it). */
  public boolean anyUnpriced(Rational scale) {
    for (Unpriced u : unpriced) {
      if (!u.share() || scale.signum() != 0) {
        return true;
      }
    }
    return false;
  }

  /** One pass over the layout: members grouped by subnet, each path decided once. */
  private static final class Builder {
    final Layout layout;
    final Router router;
    final Map<String, Map<String, Route>> routes = new HashMap<>();
    final Rational[] gb = new Rational[Flow.values().length];
    final Map<String, Rational> tgw = new LinkedHashMap<>();
    final List<Unpriced> unpriced = new ArrayList<>();

    /** The members in one subnet: {@code first} (an instance with members there) stands for all. */
    record Group(Instance first, Subnet subnet, long count) {}

    Builder(Layout layout, Router router) {
      this.layout = layout;
      this.router = router;
      Arrays.fill(gb, Rational.ZERO);
      for (TransitGateway t : layout.tgws()) {
        tgw.put(t.name(), Rational.ZERO);
      }
    }

    Route route(Instance sender, Subnet from, String destination) {
      return routes.computeIfAbsent(from.name(), k -> new HashMap<>())
          .computeIfAbsent(destination, d -> router.route(sender, from, d));
    }

    TrafficPaths build() {
      List<PublicAddresses> ipv4 = new ArrayList<>();
      for (Instance i : layout.instances()) {
        int n = publicAddresses(i);
        if (n > 0) {
          ipv4.add(new PublicAddresses(i, n));
        }
      }
      List<Group> all = groups(layout.instances());
      for (Traffic t : layout.traffic()) {
        Instance target = layout.instance(t.destination()).orElse(null);
        List<Instance> senders;
        List<Group> groups;
        if (t.fromAll()) {
          senders = target == null ? layout.instances() : layout.instances().stream()
              .filter(i -> i != target).toList();
          groups = target == null ? all : groups(senders);
        } else {
          senders = layout.instance(t.source()).map(List::of).orElse(List.of());
          groups = groups(senders);
        }
        long weight = senders.stream().mapToLong(Instance::count).sum(); // may pass 2^31
        if (weight <= 0) {
          if (t.gb().signum() > 0) {
            unpriced.add(new Unpriced(t.sourceLabel(), t.destination(), Rational.of(t.gb()),
                "NO_INSTANCES", false));
          }
          continue;
        }
        if (target != null && target.spread() || senders.stream().anyMatch(Instance::spread)) {
          add(Flow.SPREAD, Rational.of(t.gb()));
        }
        line(t, groups, senders, weight, target);
      }
      return new TrafficPaths(layout, gb, tgw, unpriced, ipv4);
    }

    /** The members of {@code i} in public subnets that reach a need through the internet gateway. */
    private int publicAddresses(Instance i) {
      int n = 0;
      for (Instance.Placement p : i.placements()) {
        if (p.subnet().isPublic() && reachesThroughIgw(i, p.subnet())) {
          n += p.count();
        }
      }
      return n;
    }

    private boolean reachesThroughIgw(Instance i, Subnet from) {
      for (String need : i.needs()) {
        if (route(i, from, need).kind() == Kind.IGW) {
          return true;
        }
      }
      return false;
    }

    private static List<Group> groups(List<Instance> instances) {
      Map<String, Group> bySubnet = new LinkedHashMap<>();
      for (Instance i : instances) {
        for (Instance.Placement p : i.placements()) {
          bySubnet.merge(p.subnet().name(), new Group(i, p.subnet(), p.count()),
              (a, b) -> new Group(a.first(), a.subnet(), a.count() + b.count()));
        }
      }
      return new ArrayList<>(bySubnet.values());
    }

    /**
     * Adds a line's GB per path; the unpriced shares go per instance (per placement of a spread
     * group, written {@code web@app-a}), in declaration order.
     */
    private void line(Traffic t, List<Group> groups, List<Instance> senders, long weight,
        Instance target) {
      Rational volume = Rational.of(t.gb());
      Rational w = Rational.of(weight);
      boolean blocked = false;
      for (Group g : groups) {
        Rational share = volume.multiply(Rational.of(g.count()).divide(w));
        if (share.signum() == 0) {
          continue;
        }
        Route r = route(g.first(), g.subnet(), t.destination());
        if (r.kind() == null) {
          blocked = true;
        } else {
          add(r, Services.INTERNET.equals(t.destination()), g.subnet(), share, target);
        }
      }
      if (!blocked) {
        return;
      }
      for (Instance i : senders) {
        for (Instance.Placement p : i.placements()) {
          Rational share = volume.multiply(Rational.of(p.count()).divide(w));
          if (share.signum() == 0) {
            continue;
          }
          Route r = route(i, p.subnet(), t.destination());
          if (r.kind() == null) {
            String who = i.spread() ? i.name() + "@" + p.subnet().name() : i.name();
            unpriced.add(new Unpriced(who, t.destination(), share, r.reason(), true));
          }
        }
      }
    }

    private void add(Route r, boolean internet, Subnet from, Rational share, Instance target) {
      switch (r.kind()) {
        case ENDPOINT -> {
          // PrivateLink: processing only, never cross-AZ transfer (noted)
          add(Flow.ENDPOINT, share);
          if (r.crossAz()) {
            add(Flow.ENDPOINT_CROSS_AZ, share);
          }
          intoTgw(r.link(), share);
        }
        case GATEWAY_ENDPOINT -> add(Flow.GATEWAY, share);
        case NAT -> {
          add(Flow.NAT, share);
          if (r.crossAz()) {
            add(Flow.NAT_CROSS_AZ, share);
          }
          if (internet) {
            add(Flow.INTERNET, share);
          }
        }
        case IGW -> add(internet ? Flow.INTERNET : Flow.IGW_SERVICE, share);
        case INSTANCE -> {
          if (target == null) {
            throw new IllegalStateException("a path to an instance for a destination that is"
                + " not one");
          }
          toInstance(r.link(), from, share, target);
        }
      }
    }

    /** A sender subnet's share to an instance, split over its placements by their members. */
    private void toInstance(Link link, Subnet from, Rational share, Instance target) {
      Rational members = Rational.of(target.count());
      for (Instance.Placement p : target.placements()) {
        Rational g = share.multiply(Rational.of(p.count()).divide(members));
        boolean crossAz = !p.az().equals(from.az());
        if (link == null) {
          if (crossAz) {
            add(Flow.LOCAL_CROSS_AZ, g);
          }
        } else if (link.kind() == Link.Kind.TGW) {
          intoTgw(link, g);
          if (crossAz) {
            add(Flow.TGW_CROSS_AZ, g);
          }
        } else {
          add(crossAz ? Flow.PEERING_CROSS_AZ : Flow.PEERING_SAME_AZ, g);
        }
      }
    }

    private void intoTgw(Link link, Rational g) {
      if (link != null && link.kind() == Link.Kind.TGW) {
        tgw.merge(link.name(), g, Rational::add);
      }
    }

    private void add(Flow f, Rational share) {
      gb[f.ordinal()] = gb[f.ordinal()].add(share);
    }
  }
}
