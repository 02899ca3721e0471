package dev.vpclab.cost;

import dev.vpclab.model.Instance;
import dev.vpclab.model.InterfaceEndpoint;
import dev.vpclab.model.Layout;
import dev.vpclab.model.NatGateway;
import dev.vpclab.model.Services;
import dev.vpclab.model.Traffic;
import dev.vpclab.reach.PairResult;
import dev.vpclab.reach.ReachEngine;
import dev.vpclab.reach.Reason;
import dev.vpclab.reach.Via;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Prices a layout for one month, following PRICING.md (see docs/pricing.md for every rule). Pure:
 * no I/O, no printing; money is exact throughout: {@link BigDecimal} prices, {@link Rational}
 * quantities and amounts (a traffic share of 2/7 stays 2/7), rounded only when printed.
 */
public final class CostEngine {
  /** The AWS Pricing Calculator's month: 365 × 24 / 12 hours. */
  public static final int DEFAULT_HOURS = 730;

  /** How the engine learns a pair's path; {@link ReachEngine#path} outside tests. */
  @FunctionalInterface
  interface PathFinder {
    PairResult path(Layout layout, Instance instance, String service, Set<String> failedAzs);
  }

  static final PathFinder REACH = ReachEngine::path;

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
    return new Run(layout, prices, hours, scale, finder).run();
  }

  /** One computation: accumulates GB per kind of path, then lines. */
  private static final class Run {
    final Layout layout;
    final PriceBook prices;
    final BigDecimal hours;
    final Rational scale;
    final PathFinder finder;
    final String region;
    final List<CostLine> lines = new ArrayList<>();
    final Set<String> notes = new LinkedHashSet<>();
    final List<String> missing = new ArrayList<>();
    final List<UnpricedTraffic> unpriced = new ArrayList<>();
    Rational endpointGb = Rational.ZERO;
    Rational endpointCrossAzGb = Rational.ZERO;
    Rational gatewayGb = Rational.ZERO;
    Rational natGb = Rational.ZERO;
    Rational crossAzGb = Rational.ZERO;
    Rational internetGb = Rational.ZERO;
    Rational igwServiceGb = Rational.ZERO;

    Run(Layout layout, PriceBook prices, BigDecimal hours, Rational scale, PathFinder finder) {
      if (hours == null || hours.signum() < 0) {
        throw new IllegalArgumentException("hours must not be negative: " + hours);
      }
      this.layout = layout;
      this.prices = prices;
      this.hours = hours.setScale(0, RoundingMode.CEILING);
      this.scale = scale;
      this.finder = finder;
      this.region = layout.region().code();
    }

    CostResult run() {
      if (!prices.hasRegion(region)) {
        notes.add("no prices for Region " + region + ": load a price table (prices \"FILE\") or"
            + " set prices (price endpoint.hour VALUE)");
      }
      hourly();
      traffic();
      tiered(CostPart.ENDPOINT_DATA, "endpoint data processing", PriceItem.ENDPOINT_GB,
          endpointGb);
      tiered(CostPart.NAT_DATA, "NAT data processing", PriceItem.NAT_GB, natGb);
      // 0.01 USD/GB in each direction: a GB crossing is billed twice
      tiered(CostPart.CROSS_AZ, "cross-AZ transfer to NAT (both directions)", PriceItem.CROSSAZ_GB,
          crossAzGb.multiply(2));
      tiered(CostPart.INTERNET_OUT, "data transfer out to internet", PriceItem.INTERNET_GB,
          internetGb);
      if (internetGb.signum() > 0) {
        notes.add("the 100 GB a month free tier of data transfer out is not deducted");
      }
      if (endpointCrossAzGb.signum() > 0) {
        notes.add(gb(endpointCrossAzGb) + " GB reach an endpoint ENI in another AZ: no data"
            + " transfer charge since 2022-04-01, only endpoint data processing");
      }
      if (gatewayGb.signum() > 0) {
        notes.add(gb(gatewayGb) + " GB through gateway endpoints: free");
      }
      if (igwServiceGb.signum() > 0) {
        notes.add(gb(igwServiceGb) + " GB to AWS services through the internet gateway:"
            + " no charge within the Region");
      }
      for (CostLine l : lines) {
        if (l.unconfirmed()) {
          notes.add("price " + l.priceItem().key() + " in " + region + " ("
              + Money.price(l.unitPrice()) + " USD/" + l.unit() + ") is unconfirmed");
        }
      }
      for (UnpricedTraffic u : unpriced) {
        notes.add("traffic " + u.instance() + " -> " + u.destination() + " " + gb(u.gb())
            + " GB not priced: " + (u.reason().equals("NO_INSTANCES") ? "no instance sends it"
                : u.instance() + " does not reach " + u.destination() + " (" + u.reason() + ")"));
      }
      Rational fixed = Rational.ZERO;
      Rational variable = Rational.ZERO;
      for (CostLine l : lines) {
        if (l.part().fixed()) {
          fixed = fixed.add(l.monthly());
        } else {
          variable = variable.add(l.monthly());
        }
      }
      return new CostResult(layout.name(), region, hours, lines, List.copyOf(notes), unpriced,
          missing, fixed, variable, fixed.add(variable));
    }

    void hourly() {
      for (InterfaceEndpoint e : layout.endpoints()) {
        int n = e.enis().size();
        hourLine(CostPart.ENDPOINT_HOURS, "endpoint " + e.service() + ", " + n + " AZ"
            + (n == 1 ? "" : "s"), PriceItem.ENDPOINT_HOUR, hours.multiply(BigDecimal.valueOf(n)));
      }
      for (NatGateway nat : layout.nats()) {
        hourLine(CostPart.NAT_HOURS, "NAT gateway " + nat.az(), PriceItem.NAT_HOUR, hours);
      }
      for (NatGateway nat : layout.nats()) {
        hourLine(CostPart.IPV4, "public IPv4 (Elastic IP) of NAT gateway " + nat.az(),
            PriceItem.IPV4_HOUR, hours);
      }
      for (Instance i : layout.instances()) {
        if (reachesThroughIgw(i)) {
          hourLine(CostPart.IPV4, "public IPv4 of instance " + i.name()
              + (i.count() == 1 ? "" : ", " + i.count() + " addresses"), PriceItem.IPV4_HOUR,
              hours.multiply(BigDecimal.valueOf(i.count())));
        }
      }
    }

    /**
     * Whether the instance holds a public IPv4 address (each member of its count): it sits in a
     * public subnet and reaches something (a need or a traffic destination) through the internet
     * gateway. One that reaches everything through endpoints holds none.
     */
    boolean reachesThroughIgw(Instance i) {
      if (!i.subnet().isPublic()) {
        return false;
      }
      for (String need : i.needs()) {
        PairResult p = finder.path(layout, i, need, Set.of());
        if (p.reachable() && p.via() == Via.IGW) {
          return true;
        }
      }
      return false;
    }

    void hourLine(CostPart part, String label, PriceItem item, BigDecimal hoursBilled) {
      if (hoursBilled.signum() == 0) {
        return;
      }
      Rational quantity = Rational.of(hoursBilled);
      Optional<PriceRow> price = prices.price(region, item);
      if (price.isEmpty()) {
        missing(item, label, quantity);
        return;
      }
      PriceRow p = price.get();
      lines.add(new CostLine(label, quantity, item.unit(), p.usd(), quantity.multiply(p.usd()),
          part, item, p.unconfirmed()));
    }

    void missing(PriceItem item, String label, Rational quantity) {
      missing(item, label, quantity, "set one with: price " + item.key() + " VALUE");
    }

    void missing(PriceItem item, String label, Rational quantity, String fix) {
      if (!missing.contains(item.key())) {
        missing.add(item.key());
      }
      notes.add("no price for " + item.key() + " in " + region + ": " + label + " ("
          + gb(quantity) + " " + item.unit() + ") not priced; " + fix);
    }

    /** One line per tier the quantity reaches. */
    void tiered(CostPart part, String label, PriceItem item, Rational quantity) {
      if (quantity.signum() == 0) {
        return;
      }
      List<PriceRow> tiers = prices.tiers(region, item);
      if (tiers.isEmpty()) {
        missing(item, label, quantity);
        return;
      }
      Rational covered = Rational.ZERO;
      for (PriceRow t : tiers) {
        Rational upper = t.tierToGb() == null ? quantity : Rational.of(t.tierToGb()).min(quantity);
        Rational portion = upper.subtract(Rational.of(t.tierFromGb()));
        if (portion.signum() <= 0) {
          continue;
        }
        covered = covered.max(upper);
        String name = tiers.size() > 1 ? label + ", tier " + t.tierLabel() : label;
        lines.add(new CostLine(name, portion, item.unit(), t.usd(), portion.multiply(t.usd()),
            part, item, t.unconfirmed()));
      }
      if (covered.compareTo(quantity) < 0) {
        missing(item, label + " above " + gb(covered) + " GB", quantity.subtract(covered),
            "load a table with the higher tiers: prices \"FILE\"");
      }
    }

    void traffic() {
      for (Traffic t : layout.traffic()) {
        List<Instance> senders;
        if (t.fromAll()) {
          senders = layout.instances();
        } else {
          senders = layout.instance(t.source()).map(List::of).orElse(List.of());
        }
        long weight = senders.stream().mapToLong(Instance::count).sum(); // may pass 2^31
        if (weight <= 0) {
          if (t.gb().signum() > 0) {
            unpriced.add(new UnpricedTraffic(t.sourceLabel(), t.destination(),
                scale.multiply(t.gb()), "NO_INSTANCES"));
          }
          continue;
        }
        Rational volume = scale.multiply(t.gb());
        for (Instance i : senders) {
          // exact: a 2/7 share stays 2/7 (rounding happens only when printed)
          Rational share = volume.multiply(Rational.of(i.count()).divide(Rational.of(weight)));
          if (share.signum() == 0) {
            continue;
          }
          route(i, t.destination(), share);
        }
      }
    }

    void route(Instance i, String destination, Rational share) {
      PairResult p = finder.path(layout, i, destination, Set.of());
      if (!p.reachable() || p.via() == null) {
        String reason = p.reasons().isEmpty() ? Reason.NO_ROUTE.name()
            : p.reasons().stream().map(Enum::name).collect(Collectors.joining(","));
        unpriced.add(new UnpricedTraffic(i.name(), destination, share, reason));
        return;
      }
      boolean internet = Services.INTERNET.equals(destination);
      switch (p.via()) {
        case ENDPOINT -> {
          endpointGb = endpointGb.add(share);
          if (p.crossAz()) {
            endpointCrossAzGb = endpointCrossAzGb.add(share);
          }
        }
        case GATEWAY_ENDPOINT -> gatewayGb = gatewayGb.add(share);
        case NAT -> {
          natGb = natGb.add(share);
          if (p.crossAz()) {
            crossAzGb = crossAzGb.add(share);
          }
          if (internet) {
            internetGb = internetGb.add(share);
          }
        }
        case IGW -> {
          if (internet) {
            internetGb = internetGb.add(share);
          } else {
            igwServiceGb = igwServiceGb.add(share);
          }
        }
      }
    }

    static String gb(Rational q) {
      return Money.quantity(q).toPlainString();
    }
  }
}
