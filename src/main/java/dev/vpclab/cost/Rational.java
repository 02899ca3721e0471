package dev.vpclab.cost;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * An exact fraction of two integers, for amounts and volumes that a finite decimal cannot hold:
 * a 2/7 share of traffic, a break-even volume. Sums, products and quotients stay exact, so the
 * only rounding is the one that prints ({@link Money}). Always in lowest terms, denominator
 * positive; {@link #equals} is numeric equality.
 */
public final class Rational implements Comparable<Rational> {
  public static final Rational ZERO = new Rational(BigInteger.ZERO, BigInteger.ONE);
  public static final Rational ONE = new Rational(BigInteger.ONE, BigInteger.ONE);

  private final BigInteger num;
  private final BigInteger den;

  private Rational(BigInteger num, BigInteger den) {
    this.num = num;
    this.den = den;
  }

  private static Rational reduced(BigInteger num, BigInteger den) {
    if (den.signum() == 0) {
      throw new ArithmeticException("division by zero");
    }
    if (den.signum() < 0) {
      num = num.negate();
      den = den.negate();
    }
    BigInteger g = num.gcd(den);
    if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
      num = num.divide(g);
      den = den.divide(g);
    }
    return num.signum() == 0 ? ZERO : new Rational(num, den);
  }

  public static Rational of(BigDecimal d) {
    if (d.scale() <= 0) {
      return new Rational(d.toBigIntegerExact(), BigInteger.ONE);
    }
    return reduced(d.unscaledValue(), BigInteger.TEN.pow(d.scale()));
  }

  public static Rational of(long n) {
    return new Rational(BigInteger.valueOf(n), BigInteger.ONE);
  }

  /** "1.25", "-3", "2/7". */
  public static Rational parse(String s) {
    int slash = s.indexOf('/');
    if (slash < 0) {
      return of(new BigDecimal(s));
    }
    return of(new BigDecimal(s.substring(0, slash))).divide(of(new BigDecimal(s.substring(
        slash + 1))));
  }

  public Rational add(Rational o) {
    if (den.equals(o.den)) {
      return reduced(num.add(o.num), den);
    }
    return reduced(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
  }

  public Rational add(BigDecimal o) {
    return add(of(o));
  }

  public Rational subtract(Rational o) {
    return add(o.negate());
  }

  public Rational multiply(Rational o) {
    return reduced(num.multiply(o.num), den.multiply(o.den));
  }

  public Rational multiply(BigDecimal o) {
    return multiply(of(o));
  }

  public Rational multiply(long n) {
    return multiply(of(n));
  }

  /** @throws ArithmeticException when {@code o} is zero */
  public Rational divide(Rational o) {
    return reduced(num.multiply(o.den), den.multiply(o.num));
  }

  public Rational negate() {
    return new Rational(num.negate(), den);
  }

  public int signum() {
    return num.signum();
  }

  public Rational min(Rational o) {
    return compareTo(o) <= 0 ? this : o;
  }

  public Rational max(Rational o) {
    return compareTo(o) >= 0 ? this : o;
  }

  @Override
  public int compareTo(Rational o) {
    return num.multiply(o.den).compareTo(o.num.multiply(den));
  }

  public int compareTo(BigDecimal o) {
    return compareTo(of(o));
  }

  /** Rounded half-up to {@code scale} decimals, exactly (the rounding of printed amounts). */
  public BigDecimal round(int scale) {
    return new BigDecimal(num).divide(new BigDecimal(den), scale, RoundingMode.HALF_UP);
  }

  /** Whether it is a finite decimal (the denominator has no prime factor but 2 and 5). */
  public boolean isDecimal() {
    BigInteger d = den;
    d = d.shiftRight(d.getLowestSetBit());
    BigInteger five = BigInteger.valueOf(5);
    while (d.mod(five).signum() == 0) {
      d = d.divide(five);
    }
    return d.equals(BigInteger.ONE);
  }

  /**
   * As a decimal: exact when it is a finite decimal, else to 34 significant digits. For what needs
   * no exactness (drawing, proportions), never for a printed amount (use {@link #round}).
   */
  public BigDecimal decimal() {
    BigDecimal n = new BigDecimal(num);
    if (den.equals(BigInteger.ONE)) {
      return n;
    }
    BigDecimal d = new BigDecimal(den);
    if (isDecimal()) {
      BigDecimal r = n.divide(d).stripTrailingZeros();
      return r.scale() < 0 ? r.setScale(0) : r;
    }
    return n.divide(d, MathContext.DECIMAL128);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Rational r && num.equals(r.num) && den.equals(r.den);
  }

  @Override
  public int hashCode() {
    return num.hashCode() * 31 + den.hashCode();
  }

  /** "1.25" for a finite decimal, else "2/7". */
  @Override
  public String toString() {
    return isDecimal() ? decimal().toPlainString() : num + "/" + den;
  }
}
