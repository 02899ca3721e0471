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
 * An AZ failure takes down everything placed in that AZ (subnets and their instances, endpoint
 * ENIs, NAT gateways) and nothing else; regional things (gateway endpoints, the internet gateway)
 * never go down. Every engine asks the outage, so this is the one place that decides.
 */
class OutageTest {
  final Layout l = TestLayouts.layout("us-east-1", """
      az 1a subnet public edge-a
      az 1a subnet private app-a
      az 1b subnet private app-b
      nat in 1a
      endpoint ssm in 1a, 1b
      instance web in app-a needs ssm
      instance api in app-b needs ssm
      """);

  @Test
  void everythingInTheFailedAzGoesDownAndNothingElse() {
    Outage o = Outage.of(Set.of("us-east-1a"));
    assertTrue(o.down(l.subnet("app-a").orElseThrow()));
    assertTrue(o.down(l.subnet("edge-a").orElseThrow()));
    assertFalse(o.down(l.subnet("app-b").orElseThrow()));
    assertTrue(o.down(l.instance("web").orElseThrow()));
    assertFalse(o.down(l.instance("api").orElseThrow()));
    assertTrue(o.down(l.nats().get(0)));
    var enis = l.endpoint("ssm").orElseThrow().enis();
    assertEquals(List.of(true, false), enis.stream().map(o::down).toList());
  }

  @Test
  void noOutageTakesNothingDown() {
    assertTrue(Outage.NONE.azs().isEmpty());
    assertFalse(Outage.NONE.down(l.instance("web").orElseThrow()));
    assertFalse(Outage.NONE.down(l.nats().get(0)));
  }

  @Test
  void theFailedAzsAreSortedAndDistinct() {
    assertEquals(List.of("us-east-1a", "us-east-1b"),
        Outage.of(List.of("us-east-1b", "us-east-1a", "us-east-1b")).azs());
    assertEquals(Outage.of(List.of("us-east-1b", "us-east-1a")),
        Outage.of(Set.of("us-east-1a", "us-east-1b")));
  }

  @Test
  void aReachabilityDecidesByItsOutage() {
    Reachability r = new Reachability(l, Outage.of(Set.of("us-east-1a")));
    assertEquals(List.of("us-east-1a"), r.outage().azs());
    var web = l.instance("web").orElseThrow();
    var api = l.instance("api").orElseThrow();
    assertEquals(List.of(Reason.INSTANCE_DOWN), r.decide(web.subnet(), "ssm").reasons());
    Decision d = r.decide(api.subnet(), "ssm");
    assertTrue(d.reachable());
    assertEquals("us-east-1b", d.targetAz());
    // the NAT gateway of 1a is app-b's route too (the only one): down with 1a
    assertEquals(List.of(Reason.NAT_DOWN), r.decide(api.subnet(), "internet").reasons());
  }

  @Test
  void aFailureReportNamesTheOutagesAzs() {
    FailureReport f = FailureAnalysis.fail(l, Set.of("us-east-1b", "us-east-1a"));
    assertEquals(List.of("us-east-1a", "us-east-1b"), f.failed());
    assertEquals(List.of("web", "api"), f.down());
  }
}
