package dev.vpclab.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Formatting of amounts and quantities: locale-free, rounding only here. */
public final class Money {
  private Money() {}

  /** Rounded half-up to cents: 30.66. */
  public static BigDecimal cents(BigDecimal usd) {
    return usd.setScale(2, RoundingMode.HALF_UP);
  }

  /** Rounded half-up to cents, exactly: 2/7 is 0.29, 483.625 is 483.63. */
  public static BigDecimal cents(Rational usd) {
    return usd.round(2);
  }

  /** "30.66". */
  public static String format(BigDecimal usd) {
    return cents(usd).toPlainString();
  }

  /** "30.66". */
  public static String format(Rational usd) {
    return cents(usd).toPlainString();
  }

  /** "+3.50", "-1.20", "0.00". */
  public static String signed(BigDecimal usd) {
    BigDecimal c = cents(usd);
    return (c.signum() > 0 ? "+" : "") + c.toPlainString();
  }

  /** "+3.50", "-1.20", "0.00". */
  public static String signed(Rational usd) {
    return signed(cents(usd));
  }

  /** A quantity without trailing zeros, at most 6 decimals: "730", "333.333333". */
  public static BigDecimal quantity(BigDecimal q) {
    BigDecimal r = q.scale() > 6 ? q.setScale(6, RoundingMode.HALF_UP) : q;
    r = r.stripTrailingZeros();
    return r.scale() < 0 ? r.setScale(0) : r;
  }

  /** A quantity rounded half-up to at most 6 decimals, without trailing zeros: "28.571429". */
  public static BigDecimal quantity(Rational q) {
    return quantity(q.round(6));
  }

  /** A unit price as written in the table: "0.014". */
  public static String price(BigDecimal usd) {
    return usd.signum() == 0 ? "0" : usd.stripTrailingZeros().toPlainString();
  }
}
