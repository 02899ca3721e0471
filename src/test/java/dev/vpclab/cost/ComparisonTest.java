package dev.vpclab.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vpclab.model.Layout;
import dev.vpclab.reach.FailureAnalysis;
import dev.vpclab.reach.ResilienceReport;
import dev.vpclab.testing.TestLayouts;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTest {
  final Layout single = TestLayouts.seedSingle();
  final Layout perAz = TestLayouts.seedPerAz();

  /** compare's resilience column of one layout. */
  static ResilienceReport resilience(Layout l) {
    return Comparison.compare(List.of(l), PriceBook.builtIn(), 730, FakePaths::path).get(0)
        .resilience();
  }

  @Test
  void compareShowsTheVerdictOfTheOneAzFailureAnalysis() {
    // one algorithm decides AZ failure: compare shows resilience's own report, row for row
    for (Layout l : List.of(single, perAz)) {
      assertEquals(FailureAnalysis.resilience(l), resilience(l));
    }
  }

  @Test
  void seedResilience() {
    ResilienceReport s = resilience(single);
    assertFalse(s.survivesAzFailure());
    assertEquals(List.of("ap-northeast-1c"), s.failingAzs());
    assertEquals(0, s.unreachablePairs());
    ResilienceReport p = resilience(perAz);
    assertTrue(p.survivesAzFailure());
    assertEquals(List.of(), p.failingAzs());
  }

  @Test
  void instancesInTheFailedAzDoNotCount() {
    // the instance and an ENI in 1a, another ENI in 1b: losing 1a takes the instance down with
    // it, losing 1b breaks nothing
    Layout l = TestLayouts.layout("two", "us-east-1", "az 1a subnet private app\n"
        + "az 1b subnet private other\n"
        + "endpoint ssm in 1a, 1b\ninstance web in app needs ssm");
    ResilienceReport s = resilience(l);
    assertTrue(s.survivesAzFailure());
    assertFalse(s.singleAz());
    assertEquals(List.of(), s.failingAzs());
  }

  @Test
  void aLayoutInOneAzDoesNotSurviveTheLossOfIt() {
    // everything in 1a: no pair "breaks" (the instances go down with it), yet nothing survives
    Layout l = TestLayouts.layout("one", "us-east-1", "az 1a subnet private app\n"
        + "endpoint ssm in 1a\ninstance web in app count 4 needs ssm");
    ResilienceReport s = resilience(l);
    assertFalse(s.survivesAzFailure());
    assertTrue(s.singleAz());
    assertEquals(List.of("us-east-1a"), s.failingAzs());
    assertEquals(0, s.unreachablePairs());
  }

  @Test
  void unreachablePairsCountsPairsUnreachableWithEveryAzUp() {
    Layout l = TestLayouts.layout("broken", "us-east-1", "az 1a subnet private app\n"
        + "az 1b subnet private other\n"
        + "endpoint ssm in 1a, 1b\ninstance web in app needs ssm, logs, sts");
    ResilienceReport s = resilience(l);
    assertEquals(2, s.unreachablePairs());
    // logs and sts never worked, so no AZ loss breaks them: the layout survives, with 2 pairs
    // unreachable anyway (the text says so)
    assertTrue(s.survivesAzFailure());
  }

  @Test
  void compareSeed() {
    List<Comparison.Row> rows = Comparison.compare(List.of(single, perAz), PriceBook.builtIn(),
        730, FakePaths::path);
    assertEquals("30.66", Money.format(rows.get(0).cost().total()));
    assertEquals("0.00", Money.format(rows.get(0).delta()));
    assertEquals("61.32", Money.format(rows.get(1).cost().total()));
    assertEquals("30.66", Money.format(rows.get(1).delta()));
    assertEquals(3, rows.get(0).enis());
    assertEquals(6, rows.get(1).enis());
    assertFalse(rows.get(0).resilience().survivesAzFailure());
    assertTrue(rows.get(1).resilience().survivesAzFailure());
  }
}
