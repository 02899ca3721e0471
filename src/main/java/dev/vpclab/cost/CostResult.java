package dev.vpclab.cost;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A layout's monthly bill: lines (in a stable order: endpoint hours by service, NAT hours, public
 * IPv4, then the per-GB parts), notes for the reader (unconfirmed prices, unpriced traffic,
 * missing prices, free paths), the traffic left unpriced, and exact subtotals (fractions):
 * {@code fixed} (hourly items), {@code variable} (per-GB items) and {@code total}.
 */
public record CostResult(String layout, String region, BigDecimal hours, List<CostLine> lines,
    List<String> notes, List<UnpricedTraffic> unpriced, List<String> missingPrices,
    Rational fixed, Rational variable, Rational total) {
  public CostResult {
    lines = List.copyOf(lines);
    notes = List.copyOf(notes);
    unpriced = List.copyOf(unpriced);
    missingPrices = List.copyOf(missingPrices);
  }

  /** Exact amount per part, every part present (0 when absent), in {@link CostPart} order. */
  public Map<CostPart, Rational> byPart() {
    Map<CostPart, Rational> out = new EnumMap<>(CostPart.class);
    for (CostPart p : CostPart.values()) {
      out.put(p, Rational.ZERO);
    }
    for (CostLine l : lines) {
      out.merge(l.part(), l.monthly(), Rational::add);
    }
    return out;
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
