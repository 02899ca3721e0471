package dev.vpclab.cost;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A layout's monthly bill: lines (in a stable order: endpoint hours by service, NAT hours, public
 * IPv4, then the per-GB parts), notes for the reader (unconfirmed prices, unpriced traffic,
 * missing prices, free paths), the traffic left unpriced, and exact subtotals (fractions):
 * {@code fixed} (hourly items), {@code variable} (per-GB items) and {@code total}. {@code
 * severalVpcs}: the layout is a design of several VPCs ({@link Bill#severalVpcs}), whose outputs
 * show the parts of such designs.
 */
public record CostResult(String layout, String region, BigDecimal hours, List<CostLine> lines,
    List<String> notes, List<UnpricedTraffic> unpriced, List<String> missingPrices,
    Rational fixed, Rational variable, Rational total, boolean severalVpcs) {
  public CostResult {
    lines = List.copyOf(lines);
    notes = List.copyOf(notes);
    unpriced = List.copyOf(unpriced);
    missingPrices = List.copyOf(missingPrices);
  }

  /**
   * Exact amount per part, in {@link CostPart} order: every part this layout's outputs show
   * ({@link CostPart#shown}), 0 when it has no line.
   */
  public Map<CostPart, Rational> byPart() {
    Map<CostPart, Rational> out = new EnumMap<>(CostPart.class);
    for (CostPart p : CostPart.shown(severalVpcs)) {
      out.put(p, part(p));
    }
    return out;
  }

  /** The exact amount of one part (0 when it has no line). */
  public Rational part(CostPart p) {
    Rational sum = Rational.ZERO;
    for (CostLine l : lines) {
      if (l.part() == p) {
        sum = sum.add(l.monthly());
      }
    }
    return sum;
  }

  /** Whether any line uses an unconfirmed price. */
  public boolean unconfirmed() {
    return lines.stream().anyMatch(CostLine::unconfirmed);
  }

  /** Whether everything was priced: no unreachable traffic and no missing price. */
  public boolean complete() {
    return unpriced.isEmpty() && missingPrices.isEmpty();
  }

  /** The GB of traffic left unpriced (exact). */
  public Rational unpricedGb() {
    Rational gb = Rational.ZERO;
    for (UnpricedTraffic u : unpriced) {
      gb = gb.add(u.gb());
    }
    return gb;
  }

  /**
   * Why the total is incomplete, "" when it is complete: "20 GB of traffic not priced; no price
   * for internet.gb".
   */
  public String shortfall() {
    StringBuilder sb = new StringBuilder();
    if (!unpriced.isEmpty()) {
      sb.append(Money.quantity(unpricedGb()).toPlainString()).append(" GB of traffic not priced");
    }
    if (!missingPrices.isEmpty()) {
      sb.append(sb.length() == 0 ? "" : "; ").append("no price for ")
          .append(String.join(", ", missingPrices));
    }
    return sb.toString();
  }
}
