package dev.vpclab.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vpclab.cost.TrafficPaths.Flow;
import dev.vpclab.model.Layout;
import dev.vpclab.testing.TestLayouts;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrafficPathsTest {
  /**
   * iso (private, no NAT gateway) does not reach the internet; web (public) does, through the
   * internet gateway. traffic * of 700 GB splits 1:4:2 between a (iso), w (web) and b (iso): the
   * instances of iso share one path, but their unpriced shares stay per instance, in declaration
   * order: a 100 GB, b 200 GB; w's 400 GB go out through the internet gateway.
   */
  final Layout layout = TestLayouts.layout("split", "us-east-1", """
      az 1a subnet public web
      az 1a subnet private iso
      instance a in iso
      instance w in web count 4 needs internet
      instance b in iso count 2
      traffic * -> internet 700 GB
      """);

  @Test
  void blockedSharesStayPerInstanceInOrder() {
    TrafficPaths p = TrafficPaths.of(layout);
    assertEquals(Rational.of(400), p.volumes(Rational.ONE).gb(Flow.INTERNET));
    assertEquals(Rational.ZERO, p.volumes(Rational.ONE).gb(Flow.NAT));
    List<UnpricedTraffic> u = p.unpriced(Rational.ONE);
    assertEquals(List.of(new UnpricedTraffic("a", "internet", Rational.of(100), "NO_ROUTE"),
        new UnpricedTraffic("b", "internet", Rational.of(200), "NO_ROUTE")), u);
    // at a third of the volume: 100/3 and 200/3 GB, exactly
    assertEquals(Rational.parse("100/3"), p.unpriced(Rational.parse("1/3")).get(0).gb());
    assertEquals(List.of("w"), p.publicIpv4().stream().map(a -> a.instance().name()).toList());
    assertEquals(4, p.publicIpv4().get(0).count());
  }

  @Test
  void atZeroVolumeNoShareIsLeftUnpriced() {
    TrafficPaths p = TrafficPaths.of(layout);
    assertTrue(p.anyUnpriced(Rational.ONE));
    assertFalse(p.anyUnpriced(Rational.ZERO));
    assertEquals(List.of(), p.unpriced(Rational.ZERO));
    Bill bill = new Bill(p, PriceBook.builtIn(), java.math.BigDecimal.valueOf(730));
    assertTrue(bill.total(Rational.ZERO).complete());
    assertFalse(bill.total(Rational.ONE).complete());
    // 4 public IPv4 addresses x 730 h x 0.005 = 14.60; internet 400 x 0.09 = 36.00
    assertEquals("50.60", Money.format(bill.total(Rational.ONE).total()));
    assertEquals(bill.at(Rational.ONE).total(), bill.total(Rational.ONE).total());
  }
}
