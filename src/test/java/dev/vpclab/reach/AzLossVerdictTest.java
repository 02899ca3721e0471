package dev.vpclab.reach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vpclab.model.Layout;
import dev.vpclab.testing.TestLayouts;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * "Survives AZ failure" is never vacuous: a layout in one AZ does not survive the loss of it,
 * pairs unreachable with every AZ up are counted apart from pairs an AZ loss breaks, and the
 * instances that go down with an AZ are counted with their {@code count}.
 */
class AzLossVerdictTest {
  static final String REGION = "us-east-1";

  @Test
  void aLayoutInOneAzDoesNotSurviveTheLossOfIt() {
    Layout l = TestLayouts.layout(REGION, """
        az 1a subnet private app
        endpoint ssm in 1a
        instance batch in app count 4 needs ssm
        """);
    ResilienceReport r = FailureAnalysis.resilience(l);
    assertTrue(r.singleAz());
    assertFalse(r.survivesAzFailure());
    // nothing "breaks" (the instances go down with their AZ), and the verdict is still no
    assertEquals(0, r.brokenPairs());
    assertEquals(0, r.unreachablePairs());
    assertEquals(1, r.rows().size());
    assertEquals(4, r.rows().get(0).instancesDown());
  }

  @Test
  void aLayoutWithoutSubnetsDoesNotSurviveEither() {
    ResilienceReport r = FailureAnalysis.resilience(
        TestLayouts.layout(REGION, "vpc dns hostnames on"));
    assertFalse(r.singleAz());
    assertFalse(r.survivesAzFailure());
    assertEquals(List.of(), r.rows());
  }

  @Test
  void pairsUnreachableWithEveryAzUpAreCountedApart() {
    // sqs: no endpoint, no NAT gateway: NO_ROUTE with every AZ up; ssm has an ENI in both AZs
    Layout l = TestLayouts.layout(REGION, """
        az 1a subnet private a; az 1c subnet private c
        endpoint ssm in 1a, 1c
        instance x in a needs ssm, sqs
        instance y in c needs ssm
        """);
    ResilienceReport r = FailureAnalysis.resilience(l);
    assertFalse(r.singleAz());
    assertTrue(r.survivesAzFailure());
    assertEquals(1, r.unreachablePairs());
    assertEquals(0, r.brokenPairs());
  }

  @Test
  void unreachablePairsAndBrokenPairsAreDisjoint() {
    // seed-like: ssm only in 1c breaks for x when 1c fails; sqs never worked
    Layout l = TestLayouts.layout(REGION, """
        az 1a subnet private a; az 1c subnet private c
        endpoint ssm in 1c
        instance x in a needs ssm, sqs
        """);
    ResilienceReport r = FailureAnalysis.resilience(l);
    assertFalse(r.survivesAzFailure());
    assertEquals(1, r.unreachablePairs());
    assertEquals(1, r.brokenPairs());
  }

  @Test
  void instancesDownCountEveryCopy() {
    Layout l = TestLayouts.layout(REGION, """
        az 1a subnet private a; az 1c subnet private c
        endpoint ssm in 1a, 1c
        instance batch in a count 4 needs ssm
        instance web in a needs ssm
        instance api in c count 2 needs ssm
        """);
    ResilienceReport r = FailureAnalysis.resilience(l);
    assertEquals(List.of(5L, 2L), r.rows().stream().map(FailureReport::instancesDown).toList());
    FailureReport f = FailureAnalysis.fail(l, Set.of("us-east-1a"));
    assertEquals(List.of("batch", "web"), f.down());
    assertEquals(5, f.instancesDown());
  }
}
