package dev.vpclab.reach;

import static org.junit.jupiter.api.Assertions.*;

import dev.vpclab.model.Layout;
import dev.vpclab.testing.TestLayouts;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The seed of LANGUAGE.md must come out right. */
class SeedTest {
  static Layout single() {
    return TestLayouts.seedSingle();
  }

  static Layout perAz() {
    return TestLayouts.seedPerAz();
  }

  @Test
  void webReachesTheThreeServicesThroughTheEniIn1cCrossAz() {
    List<PairResult> pairs = ReachEngine.check(single(), Set.of());
    assertEquals(List.of("ec2messages", "ssm", "ssmmessages"),
        pairs.stream().map(PairResult::service).toList());
    for (PairResult p : pairs) {
      assertEquals("web", p.instance());
      assertTrue(p.reachable(), p.toString());
      assertEquals(Via.ENDPOINT, p.via());
      assertEquals("ap-northeast-1c", p.targetAz());
      assertTrue(p.crossAz());
      assertEquals(List.of(), p.reasons());
    }
    assertEquals("ENI 10.0.2.11 in ap-northeast-1c (cross-AZ)", pairs.get(1).path());
  }

  @Test
  void failing1cBreaksTheThreePairsAndSuggestsAddingThemIn1a() {
    FailureReport f = FailureAnalysis.fail(single(), Set.of("ap-northeast-1c"));
    assertEquals(List.of("ap-northeast-1c"), f.failed());
    assertEquals(List.of("ec2messages", "ssm", "ssmmessages"),
        f.broken().stream().map(BrokenPair::service).toList());
    for (BrokenPair b : f.broken()) {
      assertEquals("web", b.instance());
      assertEquals(List.of(Reason.NO_ENI_UP), b.reasons());
      assertEquals(Via.ENDPOINT, b.before());
    }
    assertEquals("endpoint ssm, ec2messages, ssmmessages in 1a, 1c", f.fix().statement());
    assertEquals(List.of("ap-northeast-1a"), f.fix().azs());
    assertEquals(3, f.fix().addedEnis());
    assertEquals(List.of("ec2messages", "ssm", "ssmmessages"), f.fix().services());
  }

  @Test
  void failing1aTakesWebDownAndBreaksNothing() {
    FailureReport f = FailureAnalysis.fail(single(), Set.of("ap-northeast-1a"));
    assertTrue(f.broken().isEmpty());
    assertEquals(List.of("web"), f.down());
    assertNull(f.fix());
  }

  @Test
  void singleDoesNotSurviveButPerAzDoes() {
    ResilienceReport s = FailureAnalysis.resilience(single());
    assertFalse(s.survivesAzFailure());
    assertEquals(List.of(0, 3), s.rows().stream().map(r -> r.broken().size()).toList());
    ResilienceReport p = FailureAnalysis.resilience(perAz());
    assertTrue(p.survivesAzFailure());
    assertEquals(List.of("ap-northeast-1a", "ap-northeast-1c"),
        p.rows().stream().map(r -> r.failed().get(0)).toList());
    // and per-az goes same-AZ
    for (PairResult r : ReachEngine.check(perAz(), Set.of())) {
      assertEquals("ap-northeast-1a", r.targetAz());
      assertFalse(r.crossAz());
    }
  }

  @Test
  void pastingTheFixMakesTheLayoutSurvive() {
    FailureReport f = FailureAnalysis.fail(single(), Set.of("ap-northeast-1c"));
    Layout fixed = TestLayouts.layout("fixed", "ap-northeast-1",
        TestLayouts.SEED_SINGLE + f.fix().statement() + "\n");
    assertTrue(FailureAnalysis.resilience(fixed).survivesAzFailure());
  }
}
