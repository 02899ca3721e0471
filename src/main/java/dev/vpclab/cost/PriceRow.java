package dev.vpclab.cost;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One row of a price table: the price of one item in one Region for one GB tier ({@code
 * [tierFromGb, tierToGb)}, {@code tierToGb} null for "and above"; hourly items have a single tier
 * from 0). {@code confidence} is free text such as {@code high} or {@code medium}; the value
 * {@code unconfirmed} (and {@code low}) marks a price a cost must flag when it uses it.
 */
public record PriceRow(String region, PriceItem item, BigDecimal tierFromGb, BigDecimal tierToGb,
    String unit, BigDecimal usd, String source, String asOf, String confidence) {
  public static final String UNCONFIRMED = "unconfirmed";
  public static final String LOW = "low";

  /** The columns of vpclab's price table format, in order. */
  public static final List<String> COLUMNS = List.of("region", "item", "tier_from_gb",
      "tier_to_gb", "unit", "usd", "source", "as_of", "confidence");

  public PriceRow {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(usd, "usd");
    tierFromGb = tierFromGb == null ? BigDecimal.ZERO : tierFromGb;
    unit = unit == null || unit.isBlank() ? item.unit() : unit;
    source = source == null ? "" : source;
    asOf = asOf == null ? "" : asOf;
    confidence = confidence == null ? "" : confidence;
  }

  /**
   * Whether a cost must flag this price: marked {@code unconfirmed}, or of {@code low} confidence
   * (a general statement rather than a figure for the Region).
   */
  public boolean unconfirmed() {
    String c = confidence.toLowerCase(Locale.ROOT);
    return c.contains(UNCONFIRMED) || c.equals(LOW);
  }

  /** The same row with another price (and where it came from). */
  public PriceRow withUsd(BigDecimal newUsd, String newSource, String newConfidence) {
    return new PriceRow(region, item, tierFromGb, tierToGb, unit, newUsd, newSource, asOf,
        newConfidence);
  }

  /**
   * "0-1048576 GB", "5242880+ GB", "0-25 zones" (the bounds count the item's unit) or "" for an
   * untiered row.
   */
  public String tierLabel() {
    String range = tierRange();
    return range.isEmpty() ? "" : range + " " + (unit.equals("GB") ? unit : unit + "s");
  }

  /** The tier's bounds without their unit: "0-1048576", "5242880+", or "" untiered. */
  public String tierRange() {
    if (tierFromGb.signum() == 0 && tierToGb == null) {
      return "";
    }
    String from = tierFromGb.stripTrailingZeros().toPlainString();
    return tierToGb == null ? from + "+"
        : from + "-" + tierToGb.stripTrailingZeros().toPlainString();
  }
}
