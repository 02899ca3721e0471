package dev.vpclab.cost;

import dev.vpclab.cost.TrafficPaths.Flow;
import dev.vpclab.cost.TrafficPaths.Volumes;
import dev.vpclab.model.Instance;
import dev.vpclab.model.InterfaceEndpoint;
import dev.vpclab.model.Layout;
import dev.vpclab.model.NatGateway;
import dev.vpclab.model.TransitGateway;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A layout's monthly bill, ready to be priced at any traffic volume: its paths are decided once
 * ({@link TrafficPaths}) and its hourly lines priced once; {@link #at} adds the per-GB lines for
 * the volumes times a scale. So a sweep prices every corner of its cost function from the same
 * paths, each for a few tier look-ups ({@link #total}). The billing rules are in
 * docs/pricing.md. Pure: no I/O.
 */
public final class Bill {
  private final TrafficPaths paths;
  private final PriceBook prices;
  private final String region;
  private final BigDecimal hours;
  private final Tally fixed;
  private final Rational fixedTotal;
  private final Map<PriceItem, List<Tier>> tiers = new EnumMap<>(PriceItem.class);

  /** A tier of a per-GB price, its bounds and price as fractions (converted once). */
  private record Tier(PriceRow row, Rational from, Rational to, Rational usd) {}

  /** A total and whether everything in it was priced. */
  public record Total(Rational total, boolean complete) {}

  public Layout layout() {
    return paths.layout();
  }

  PriceBook prices() {
    return prices;
  }

  /** A fractional number of hours bills as the next whole hour. */
  public Bill(TrafficPaths paths, PriceBook prices, BigDecimal hours) {
    this.paths = paths;
    this.prices = prices;
    this.region = paths.layout().region().code();
    this.hours = billedHours(hours);
    for (PriceItem item : PriceItem.values()) {
      tiers.put(item, tiers(prices, region, item));
    }
    this.fixed = new Tally(true);
    if (!prices.hasRegion(region)) {
      fixed.notes.add("no prices for Region " + region + ": load a price table (prices \"FILE\")"
          + " or set prices (price endpoint.hour VALUE)");
    }
    hourly(paths.layout());
    this.fixedTotal = fixed.sum;
  }

  /** The hours billed: whole hours, rounded up. */
  static BigDecimal billedHours(BigDecimal hours) {
    if (hours == null || hours.signum() < 0) {
      throw new IllegalArgumentException("hours must not be negative: " + hours);
    }
    return hours.setScale(0, RoundingMode.CEILING);
  }

  /** The whole bill with every traffic volume multiplied by {@code scale}. */
  public CostResult at(Rational scale) {
    Tally t = new Tally(fixed);
    Volumes v = paths.volumes(scale);
    perGb(t, v);
    Rational internetGb = v.gb(Flow.INTERNET);
    Rational endpointCrossAzGb = v.gb(Flow.ENDPOINT_CROSS_AZ);
    Rational gatewayGb = v.gb(Flow.GATEWAY);
    Rational igwServiceGb = v.gb(Flow.IGW_SERVICE);
    if (internetGb.signum() > 0) {
      t.notes.add("the 100 GB a month free tier of data transfer out is not deducted");
    }
    if (endpointCrossAzGb.signum() > 0) {
      t.notes.add(gb(endpointCrossAzGb) + " GB reach an endpoint ENI in another AZ: no data"
          + " transfer charge since 2022-04-01, only endpoint data processing");
    }
    if (gatewayGb.signum() > 0) {
      t.notes.add(gb(gatewayGb) + " GB through gateway endpoints: free");
    }
    if (igwServiceGb.signum() > 0) {
      t.notes.add(gb(igwServiceGb) + " GB to AWS services through the internet gateway:"
          + " no charge within the Region");
    }
    severalVpcsNotes(t, v);
    for (CostLine l : t.lines) {
      if (l.unconfirmed()) {
        t.notes.add("price " + l.priceItem().key() + " in " + region + " ("
            + Money.price(l.unitPrice()) + " USD/" + l.unit() + ") is unconfirmed");
      }
    }
    List<UnpricedTraffic> unpriced = paths.unpriced(scale);
    for (UnpricedTraffic u : unpriced) {
      t.notes.add("traffic " + u.instance() + " -> " + u.destination() + " " + gb(u.gb())
          + " GB not priced: " + (u.reason().equals("NO_INSTANCES") ? "no instance sends it"
              : u.instance() + " does not reach " + u.destination() + " (" + u.reason() + ")"));
    }
    Rational variable = Rational.ZERO;
    for (CostLine l : t.lines) {
      if (!l.part().fixed()) {
        variable = variable.add(l.monthly());
      }
    }
    return new CostResult(paths.layout().name(), region, hours, t.lines, List.copyOf(t.notes),
        unpriced, t.missing, fixedTotal, variable, fixedTotal.add(variable),
        severalVpcs(paths.layout()));
  }

  /**
   * Whether a layout is a design of several VPCs for its outputs: several VPCs, or any transit
   * gateway, peering, share or spread group (a single VPC's outputs keep their parts).
   */
  public static boolean severalVpcs(Layout layout) {
    return layout.severalVpcs() || !layout.tgws().isEmpty() || !layout.peerings().isEmpty()
        || !layout.shares().isEmpty() || layout.instances().stream().anyMatch(Instance::spread);
  }

  private void severalVpcsNotes(Tally t, Volumes v) {
    Rational tgwCrossAz = v.gb(Flow.TGW_CROSS_AZ);
    Rational peeringSameAz = v.gb(Flow.PEERING_SAME_AZ);
    if (tgwCrossAz.signum() > 0) {
      t.notes.add(gb(tgwCrossAz) + " GB change AZ through a transit gateway: no data transfer"
          + " charge since 2022-04-01, only transit gateway data processing");
    }
    if (peeringSameAz.signum() > 0) {
      t.notes.add(gb(peeringSameAz) + " GB over peering within one AZ: free since 2021-05-01");
    }
    if (v.gb(Flow.SPREAD).signum() > 0) {
      t.notes.add("traffic to and from spread groups is shared out over their members in"
          + " proportion to their counts, with no AZ affinity");
    }
  }

  /**
   * The total of {@link #at} and whether it is complete, from the per-GB lines alone (the hourly
   * lines are summed once): what a sweep needs at each point.
   */
  public Total total(Rational scale) {
    Tally t = new Tally(false);
    perGb(t, paths.volumes(scale));
    return new Total(fixedTotal.add(t.sum), fixed.missing.isEmpty() && t.missing.isEmpty()
        && !paths.anyUnpriced(scale));
  }

  private void hourly(Layout layout) {
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
    for (TrafficPaths.PublicAddresses a : paths.publicIpv4()) {
      hourLine(CostPart.IPV4, "public IPv4 of instance " + a.instance().name()
          + (a.count() == 1 ? "" : ", " + a.count() + " addresses"), PriceItem.IPV4_HOUR,
          hours.multiply(BigDecimal.valueOf(a.count())));
    }
    for (TransitGateway tgw : layout.tgws()) {
      for (TransitGateway.Attachment a : tgw.attachments()) {
        hourLine(CostPart.TGW_ATTACHMENTS, "transit gateway " + tgw.name() + " attachment "
            + a.vpc(), PriceItem.TGW_ATTACHMENT_HOUR, hours);
      }
    }
    int zones = layout.shares().size();
    if (zones > 0) {
      // a zone is billed a month whatever the hours; its tiers count zones
      tiered(fixed, CostPart.PRIVATE_ZONES, "private hosted zones", PriceItem.PHZ_MONTH,
          Rational.ZERO, Rational.of(zones));
      fixed.notes.add(zones + " private hosted zone" + (zones == 1 ? "" : "s") + " (one per"
          + " share) priced as the account's only zones: Route 53's first 25 zones count every"
          + " zone of the account; queries to their alias records are free, other query charges"
          + " are not priced");
    }
  }

  private void hourLine(CostPart part, String label, PriceItem item, BigDecimal hoursBilled) {
    if (hoursBilled.signum() == 0) {
      return;
    }
    Rational quantity = Rational.of(hoursBilled);
    Optional<PriceRow> price = prices.price(region, item);
    if (price.isEmpty()) {
      missing(fixed, item, label, quantity);
      return;
    }
    PriceRow p = price.get();
    fixed.add(new CostLine(label, quantity, item.unit(), p.usd(), quantity.multiply(p.usd()),
        part, item, p.unconfirmed()));
  }

  /**
   * The per-GB lines, in their order on the bill. Lines of one price item follow each other on
   * its tiers (the second cross-AZ line starts where the first ends), as AWS adds up an item's
   * usage before tiering it.
   */
  private void perGb(Tally t, Volumes v) {
    tiered(t, CostPart.ENDPOINT_DATA, "endpoint data processing", PriceItem.ENDPOINT_GB,
        Rational.ZERO, v.gb(Flow.ENDPOINT));
    tiered(t, CostPart.NAT_DATA, "NAT data processing", PriceItem.NAT_GB, Rational.ZERO,
        v.gb(Flow.NAT));
    // 0.01 USD/GB in each direction: a GB crossing is billed twice
    Rational crossAz = tiered(t, CostPart.CROSS_AZ, "cross-AZ transfer to NAT (both directions)",
        PriceItem.CROSSAZ_GB, Rational.ZERO, v.gb(Flow.NAT_CROSS_AZ).multiply(2));
    crossAz = tiered(t, CostPart.CROSS_AZ, "cross-AZ transfer between instances (both"
        + " directions)", PriceItem.CROSSAZ_GB, crossAz, v.gb(Flow.LOCAL_CROSS_AZ).multiply(2));
    tiered(t, CostPart.CROSS_AZ, "cross-AZ transfer over peering (both directions)",
        PriceItem.CROSSAZ_GB, crossAz, v.gb(Flow.PEERING_CROSS_AZ).multiply(2));
    Rational tgw = Rational.ZERO;
    for (Map.Entry<String, Rational> e : v.tgw().entrySet()) {
      tgw = tiered(t, CostPart.TGW_DATA, "transit gateway " + e.getKey() + " data processing",
          PriceItem.TGW_GB, tgw, e.getValue());
    }
    tiered(t, CostPart.INTERNET_OUT, "data transfer out to internet", PriceItem.INTERNET_GB,
        Rational.ZERO, v.gb(Flow.INTERNET));
  }

  /**
   * One line per tier that the usage from {@code start} to {@code start + quantity} reaches (only
   * their sum when {@code t} keeps no lines); returns where the usage ends.
   */
  private Rational tiered(Tally t, CostPart part, String label, PriceItem item, Rational start,
      Rational quantity) {
    Rational end = start.add(quantity);
    if (quantity.signum() == 0) {
      return end;
    }
    List<Tier> tiers = tiers(item);
    if (tiers.isEmpty()) {
      missing(t, item, label, quantity);
      return end;
    }
    Rational covered = start;
    for (Tier r : tiers) {
      Rational upper = r.to() == null ? end : r.to().min(end);
      Rational portion = upper.subtract(r.from().max(start));
      if (portion.signum() <= 0) {
        continue;
      }
      covered = covered.max(upper);
      Rational monthly = portion.multiply(r.usd());
      if (t.keep) {
        String name = tiers.size() > 1 ? label + ", tier " + r.row().tierLabel() : label;
        t.add(new CostLine(name, portion, item.unit(), r.row().usd(), monthly, part, item,
            r.row().unconfirmed()));
      } else {
        t.sum = t.sum.add(monthly);
      }
    }
    if (covered.compareTo(end) < 0) {
      missing(t, item, label + " above " + gb(covered) + " " + item.unit(),
          end.subtract(covered), "load a table with the higher tiers: prices \"FILE\"");
    }
    return end;
  }

  private List<Tier> tiers(PriceItem item) {
    return tiers.get(item);
  }

  private static List<Tier> tiers(PriceBook prices, String region, PriceItem item) {
    List<Tier> out = new ArrayList<>();
    for (PriceRow r : prices.tiers(region, item)) {
      out.add(new Tier(r, Rational.of(r.tierFromGb()),
          r.tierToGb() == null ? null : Rational.of(r.tierToGb()), Rational.of(r.usd())));
    }
    return List.copyOf(out);
  }

  private void missing(Tally t, PriceItem item, String label, Rational quantity) {
    missing(t, item, label, quantity, "set one with: price " + item.key() + " VALUE");
  }

  private void missing(Tally t, PriceItem item, String label, Rational quantity, String fix) {
    if (!t.missing.contains(item.key())) {
      t.missing.add(item.key());
    }
    if (!t.keep) {
      return;
    }
    t.notes.add("no price for " + item.key() + " in " + region + ": " + label + " ("
        + gb(quantity) + " " + item.unit() + ") not priced; " + fix);
  }

  static String gb(Rational q) {
    return Money.quantity(q).toPlainString();
  }

  /**
   * Lines, notes and missing price keys, in the order they are found, and the sum of the lines;
   * one that does not {@code keep} them has only the sum and the missing keys (a sweep's point).
   */
  private static final class Tally {
    final boolean keep;
    final List<CostLine> lines;
    final Set<String> notes;
    final List<String> missing;
    Rational sum;

    Tally(boolean keep) {
      this.keep = keep;
      lines = new ArrayList<>();
      notes = new LinkedHashSet<>();
      missing = new ArrayList<>();
      sum = Rational.ZERO;
    }

    Tally(Tally from) {
      keep = true;
      lines = new ArrayList<>(from.lines);
      notes = new LinkedHashSet<>(from.notes);
      missing = new ArrayList<>(from.missing);
      sum = from.sum;
    }

    void add(CostLine l) {
      lines.add(l);
      sum = sum.add(l.monthly());
    }
  }
}
