package dev.vpclab.cost;

import dev.vpclab.model.Instance;
import dev.vpclab.model.Layout;
import dev.vpclab.model.Subnet;
import dev.vpclab.reach.PairResult;
import dev.vpclab.reach.ReachEngine;
import dev.vpclab.reach.Reachability;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * Prices a layout for one month, following PRICING.md (see docs/pricing.md for every rule). Pure:
 * no I/O, no printing; money is exact throughout: {@link BigDecimal} prices, {@link Rational}
 * quantities and amounts (a traffic share of 2/7 stays 2/7), rounded only when printed. The
 * paths are decided once per layout ({@link TrafficPaths}) and priced by a {@link Bill}.
 */
public final class CostEngine {
  /** The AWS Pricing Calculator's month: 365 × 24 / 12 hours. */
  public static final int DEFAULT_HOURS = 730;

  /** How the engine learns a pair's path; {@link ReachEngine#path} outside tests. */
  @FunctionalInterface
  interface PathFinder {
    PairResult path(Layout layout, Instance instance, String service, Set<String> failedAzs);

    /**
     * The paths of one layout with no AZ down, asked once per (subnet, destination): a path
     * depends on the sender's subnet only (its AZ, route table and CIDR). A spread group asks
     * for its members in that subnet alone.
     */
    default TrafficPaths.Router router(Layout layout) {
      return (i, from, s) -> TrafficPaths.Route.of(path(layout, in(i, from), s, Set.of()));
    }
  }

  /** The reachability engine, one {@link Reachability} (memoised) per layout. */
  static final PathFinder REACH = new PathFinder() {
    @Override
    public PairResult path(Layout layout, Instance instance, String service,
        Set<String> failedAzs) {
      return ReachEngine.path(layout, instance, service, failedAzs);
    }

    @Override
    public TrafficPaths.Router router(Layout layout) {
      Reachability r = new Reachability(layout, Set.of());
      return (i, from, s) -> TrafficPaths.Route.of(r.decide(from, s));
    }
  };

  /** The members of {@code i} in subnet {@code from}, as an instance of that subnet alone. */
  static Instance in(Instance i, Subnet from) {
    if (!i.spread()) {
      return i;
    }
    for (Instance.Placement p : i.placements()) {
      if (p.subnet().equals(from)) {
        return new Instance(i.name(), List.of(p), i.needs(), i.origin());
      }
    }
    throw new IllegalArgumentException("instance " + i.name() + " has no member in subnet "
        + from.name());
  }

  private CostEngine() {}

  /** The monthly cost of a layout with {@code hours} hours in the month. */
  public static CostResult cost(Layout layout, PriceBook prices, int hours) {
    return cost(layout, prices, BigDecimal.valueOf(hours));
  }

  /** The monthly cost; a fractional number of hours bills as the next whole hour. */
  public static CostResult cost(Layout layout, PriceBook prices, BigDecimal hours) {
    return cost(layout, prices, hours, REACH);
  }

  static CostResult cost(Layout layout, PriceBook prices, BigDecimal hours, PathFinder finder) {
    return cost(layout, prices, hours, Rational.ONE, finder);
  }

  /**
   * The monthly cost with every traffic volume multiplied by {@code scale} (exactly: a sweep
   * prices X GB as the layout's own volumes times X / their total, without dividing first).
   */
  public static CostResult cost(Layout layout, PriceBook prices, int hours, Rational scale) {
    return cost(layout, prices, BigDecimal.valueOf(hours), scale, REACH);
  }

  static CostResult cost(Layout layout, PriceBook prices, BigDecimal hours, Rational scale,
      PathFinder finder) {
    Bill.billedHours(hours); // refuses negative hours before any path is decided
    return new Bill(TrafficPaths.of(layout, finder), prices, hours).at(scale);
  }
}
