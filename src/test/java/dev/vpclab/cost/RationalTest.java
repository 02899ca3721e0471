package dev.vpclab.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RationalTest {
  static Rational r(String s) {
    return Rational.parse(s);
  }

  @Test
  void seventhsAddUpExactly() {
    Rational two = r("15").multiply(r("2/7"));
    Rational five = r("15").multiply(r("5/7"));
    assertEquals(r("15"), two.add(five));
    assertEquals("30/7", two.toString());
    assertEquals("15", two.add(five).toString());
  }

  @Test
  void roundsHalfUpOnceAndExactly() {
    assertEquals("483.63", Money.format(r("483.625")));
    // 447.125 / 0.042 x 0.042 is 447.125 again, not 447.1249...
    assertEquals(r("447.125"), r("447.125").divide(r("0.042")).multiply(r("0.042")));
    assertEquals("0.29", Money.format(r("2/7")));
    assertEquals("-0.01", Money.format(r("-0.005")));
    assertEquals(new BigDecimal("28.571429"), Money.quantity(r("200/7")));
    assertEquals(new BigDecimal("730"), Money.quantity(r("730")));
  }

  @Test
  void decimalsAndComparison() {
    assertTrue(r("0.045").isDecimal());
    assertFalse(r("1/3").isDecimal());
    assertEquals(new BigDecimal("1.5"), r("3/2").decimal());
    assertEquals(0, r("1/3").compareTo(r("2/6")));
    assertTrue(r("1/3").compareTo(new BigDecimal("0.3333333333")) > 0);
    assertEquals(r("1/3"), r("1/3").min(r("1/2")));
    assertEquals(r("-1/3"), r("1/-3"));
    assertThrows(ArithmeticException.class, () -> r("1").divide(Rational.ZERO));
  }
}
