package dev.vpclab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vpclab.model.Region;
import dev.vpclab.testing.Cli;
import dev.vpclab.testing.Cli.Result;
import org.junit.jupiter.api.Test;

/** {@code vpclab prices --region R} for every Region vpclab knows, and for one it does not. */
class PricesRegionsTest {
  @Test
  void everyKnownRegionHasAPriceTable() {
    for (String code : Region.codes()) {
      Result r = Cli.run("prices", "--region", code);
      assertEquals(0, r.status(), code + ": " + r.err());
      assertTrue(r.out().startsWith("prices, version "), r.out());
      for (String item : new String[] {"endpoint.hour", "endpoint.gb", "nat.hour", "nat.gb",
          "crossaz.gb", "internet.gb", "ipv4.hour", "tgw.attachment.hour", "tgw.gb",
          "phz.month"}) {
        assertTrue(r.out().contains("\n" + code + "  " + item + " "), code + " " + item);
      }
      assertTrue(r.out().lines().skip(2).allMatch(l -> l.startsWith(code + "  ")), r.out());
    }
  }

  @Test
  void anUnknownRegionIsUsageErrorNamingTheKnownOnes() {
    Result r = Cli.run("prices", "--region", "ap-south-3");
    assertEquals(2, r.status());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("vpclab: no prices for Region 'ap-south-3': did you mean"
        + " 'ap-south-1'? (prices for: af-south-1, "), r.err());
    for (String code : Region.codes()) {
      assertTrue(r.err().contains(code), code);
    }
  }
}
