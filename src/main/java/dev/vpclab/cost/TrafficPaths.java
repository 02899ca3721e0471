package dev.vpclab.cost;

import dev.vpclab.model.Instance;
import dev.vpclab.model.Layout;
import dev.vpclab.model.Services;
import dev.vpclab.model.Traffic;
import dev.vpclab.reach.Decision;
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
 * (subnet, destination) path is decided once, and the instances of a subnet share it, so the
 * work grows with instances + traffic lines × subnets. What pricing needs is kept at the layout's
 * own volumes: the GB per kind of path ({@link Volumes}, exact fractions: a 2/7 share stays
 * 2/7), the traffic left unpriced, and the instances that hold a public IPv4 address. Every path
 * is fixed, so the volumes at a scale are the base volumes times the scale. Pure: no I/O.
 */
public final class TrafficPaths {
  /** The kinds of path a GB can take (the cross-AZ kinds count a GB a second time). */
  public enum Flow {
    ENDPOINT, ENDPOINT_CROSS_AZ, GATEWAY, NAT, NAT_CROSS_AZ, INTERNET, IGW_SERVICE
  }

  /** GB per {@link Flow}, exact: the base volumes times a scale, multiplied when asked. */
  public static final class Volumes {
    private final Rational[] base;
    private final Rational scale;

    private Volumes(Rational[] base, Rational scale) {
      this.base = base;
      this.scale = scale;
    }

    public Rational gb(Flow f) {
      Rational b = base[f.ordinal()];
      return scale.equals(Rational.ONE) ? b : b.multiply(scale);
    }
  }

  /** How one subnet's instances reach a destination; {@code via} null when they do not. */
  record Route(Via via, boolean crossAz, String reason) {
    static Route of(PairResult p) {
      return p.reachable() && p.via() != null ? new Route(p.via(), p.crossAz(), null)
          : new Route(null, false, reason(p.reasons()));
    }

    static Route of(Decision d) {
      return d.reachable() && d.via() != null ? new Route(d.via(), d.crossAz(), null)
          : new Route(null, false, reason(d.reasons()));
    }

    private static String reason(List<Reason> reasons) {
      return reasons.isEmpty() ? Reason.NO_ROUTE.name()
          : reasons.stream().map(Enum::name).collect(Collectors.joining(","));
    }
  }

  /** Decides a path; asked once per (subnet, destination), with one instance of the subnet. */
  @FunctionalInterface
  interface Router {
    Route route(Instance sender, String destination);
  }

  /** Unpriced traffic at the base volume; an instance's share is dropped when it scales to 0. */
  private record Unpriced(String instance, String destination, Rational gb, String reason,
      boolean share) {}

  private final Layout layout;
  private final Rational[] base;
  private final List<Unpriced> unpriced;
  private final List<Instance> publicIpv4;

  private TrafficPaths(Layout layout, Rational[] base, List<Unpriced> unpriced,
      List<Instance> publicIpv4) {
    this.layout = layout;
    this.base = base;
    this.unpriced = List.copyOf(unpriced);
    this.publicIpv4 = List.copyOf(publicIpv4);
  }

  /** The paths of {@code layout} as the reachability engine decides them. */
  public static TrafficPaths of(Layout layout) {
    return of(layout, CostEngine.REACH);
  }

  static TrafficPaths of(Layout layout, CostEngine.PathFinder finder) {
    return new Builder(layout, finder.router(layout)).build();
  }

  public Layout layout() {
    return layout;
  }

  /** The GB per kind of path with every traffic volume multiplied by {@code scale}. */
  public Volumes volumes(Rational scale) {
    return new Volumes(base, scale);
  }

  /**
   * The instances (in declaration order) holding a public IPv4 address, each member of its count:
   * in a public subnet, reaching a need through the internet gateway. One that reaches everything
   * through endpoints holds none.
   */
  public List<Instance> publicIpv4() {
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

  /** One pass over the layout: instances grouped by subnet, each path decided once. */
  private static final class Builder {
    final Layout layout;
    final Router router;
    final Map<String, Map<String, Route>> routes = new HashMap<>();
    final Rational[] gb = new Rational[Flow.values().length];
    final List<Unpriced> unpriced = new ArrayList<>();

    /** The instances of one subnet: the first stands for all, {@code count} in all. */
    record Group(Instance first, long count) {}

    Builder(Layout layout, Router router) {
      this.layout = layout;
      this.router = router;
      Arrays.fill(gb, Rational.ZERO);
    }

    Route route(Instance sender, String destination) {
      return routes.computeIfAbsent(sender.subnet().name(), k -> new HashMap<>())
          .computeIfAbsent(destination, d -> router.route(sender, d));
    }

    TrafficPaths build() {
      List<Instance> ipv4 = new ArrayList<>();
      for (Instance i : layout.instances()) {
        if (reachesThroughIgw(i)) {
          ipv4.add(i);
        }
      }
      List<Group> all = groups(layout.instances());
      long allWeight = layout.instances().stream().mapToLong(Instance::count).sum();
      for (Traffic t : layout.traffic()) {
        List<Instance> senders;
        if (t.fromAll()) {
          senders = layout.instances();
        } else {
          senders = layout.instance(t.source()).map(List::of).orElse(List.of());
        }
        long weight = t.fromAll() ? allWeight
            : senders.stream().mapToLong(Instance::count).sum(); // may pass 2^31
        if (weight <= 0) {
          if (t.gb().signum() > 0) {
            unpriced.add(new Unpriced(t.sourceLabel(), t.destination(), Rational.of(t.gb()),
                "NO_INSTANCES", false));
          }
          continue;
        }
        line(t, t.fromAll() ? all : groups(senders), senders, weight);
      }
      return new TrafficPaths(layout, gb, unpriced, ipv4);
    }

    private boolean reachesThroughIgw(Instance i) {
      if (!i.subnet().isPublic()) {
        return false;
      }
      for (String need : i.needs()) {
        if (route(i, need).via() == Via.IGW) {
          return true;
        }
      }
      return false;
    }

    private static List<Group> groups(List<Instance> instances) {
      Map<String, Group> bySubnet = new LinkedHashMap<>();
      for (Instance i : instances) {
        bySubnet.merge(i.subnet().name(), new Group(i, i.count()),
            (a, b) -> new Group(a.first(), a.count() + b.count()));
      }
      return new ArrayList<>(bySubnet.values());
    }

    /** Adds a line's GB per path; the unpriced shares go per instance, in declaration order. */
    private void line(Traffic t, List<Group> groups, List<Instance> senders, long weight) {
      Rational volume = Rational.of(t.gb());
      Rational w = Rational.of(weight);
      boolean blocked = false;
      for (Group g : groups) {
        Rational share = volume.multiply(Rational.of(g.count()).divide(w));
        if (share.signum() == 0) {
          continue;
        }
        Route r = route(g.first(), t.destination());
        if (r.via() == null) {
          blocked = true;
        } else {
          add(r, Services.INTERNET.equals(t.destination()), share);
        }
      }
      if (!blocked) {
        return;
      }
      for (Instance i : senders) {
        Rational share = volume.multiply(Rational.of(i.count()).divide(w));
        if (share.signum() == 0) {
          continue;
        }
        Route r = route(i, t.destination());
        if (r.via() == null) {
          unpriced.add(new Unpriced(i.name(), t.destination(), share, r.reason(), true));
        }
      }
    }

    private void add(Route r, boolean internet, Rational share) {
      switch (r.via()) {
        case ENDPOINT -> {
          add(Flow.ENDPOINT, share);
          if (r.crossAz()) {
            add(Flow.ENDPOINT_CROSS_AZ, share);
          }
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
      }
    }

    private void add(Flow f, Rational share) {
      gb[f.ordinal()] = gb[f.ordinal()].add(share);
    }
  }
}
