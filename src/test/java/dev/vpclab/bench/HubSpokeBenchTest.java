package dev.vpclab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vpclab.cost.CostEngine;
import dev.vpclab.cost.CostResult;
import dev.vpclab.cost.Money;
import dev.vpclab.cost.PriceBook;
import dev.vpclab.cost.TrafficPaths;
import dev.vpclab.lang.Diagnostics;
import dev.vpclab.lang.SourceFile;
import dev.vpclab.lang.SourceParser;
import dev.vpclab.model.Layout;
import dev.vpclab.reach.Link;
import org.junit.jupiter.api.Test;

/** The hub-and-spoke benchmark's design is what it says, and priced as worked out by hand. */
class HubSpokeBenchTest {
  @Test
  void twoSpokesPricedByHand() {
    Layout l = HubSpokeBench.layout(2);
    assertEquals(3, l.vpcs().size());
    assertEquals(2 * 5 * 6, l.instanceCount());
    CostResult c = CostEngine.cost(l, PriceBook.builtIn(), 730);
    // fixed: 3 attachments x 36.50 = 109.50; 8 zones x 0.50 = 4.00; 8 endpoints x 3 AZs x 7.30
    // = 175.20: 288.70
    assertEquals("288.70", Money.format(c.fixed()));
    // variable: * -> each of 8 services 1000 GB: endpoint data 8000 x 0.01 = 80.00, into the
    // transit gateway 8000 x 0.02 = 160.00; spoke to spoke 2 x 100 GB x 0.02 = 4.00; per spoke
    // g2 -> g3 50 GB, 2/3 of it between AZs: 2 x 100/3 GB crossing x 2 x 0.01 = 1.333...
    // -> 245.33; total 534.0333... -> 534.03
    assertEquals("245.33", Money.format(c.variable()));
    assertEquals("534.03", Money.format(c.total()));
    assertTrue(c.complete(), c.notes().toString());
  }

  @Test
  void theScenarioFileReadsWithoutSyntaxErrors() {
    String src = HubSpokeBench.source(3);
    Diagnostics d = new Diagnostics();
    SourceParser.parse(new SourceFile("hub-spoke.vpc", src), d);
    assertFalse(d.hasErrors(), d.all().toString());
    assertTrue(src.contains("  tgw core attach hub, s1, s2, s3\n"), src);
    assertTrue(src.contains("  share ec2messages, ecr.api, ecr.dkr, kms, logs, ssm, ssmmessages,"
        + " sts from hub with s1, s2, s3\n"), src);
    assertTrue(src.contains("  traffic s3-g0 -> s1-g1 100 GB\n"), src);
  }

  /** How many paths pricing asks for: each (sender subnet, destination) once. */
  static int pathsAsked(int spokes) {
    Layout l = HubSpokeBench.layout(spokes);
    int[] asked = {0};
    Link core = Link.tgw("core");
    TrafficPaths.of(l, (sender, from, destination) -> {
      asked[0]++;
      if (!l.isInstance(destination)) {
        return TrafficPaths.Route.via(TrafficPaths.Kind.ENDPOINT, false, core);
      }
      return l.instance(destination).orElseThrow().vpc().equals(sender.vpc())
          ? TrafficPaths.Route.local(TrafficPaths.Kind.INSTANCE, false)
          : TrafficPaths.Route.via(TrafficPaths.Kind.INSTANCE, false, core);
    });
    return asked[0];
  }

  @Test
  void pathsGrowLinearlyWithTheSpokes() {
    // each spoke's 3 subnets send to the 8 services, the next spoke's g1 and their own g3:
    // 3 x 10 = 30 paths a spoke, however many members and lines share them
    assertEquals(60, pathsAsked(2));
    assertEquals(240, pathsAsked(8));
    assertEquals(3000, pathsAsked(100));
  }
}
