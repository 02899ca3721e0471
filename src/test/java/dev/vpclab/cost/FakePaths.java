package dev.vpclab.cost;

import dev.vpclab.model.Instance;
import dev.vpclab.model.InterfaceEndpoint;
import dev.vpclab.model.Layout;
import dev.vpclab.model.NatGateway;
import dev.vpclab.model.Services;
import dev.vpclab.reach.PairResult;
import dev.vpclab.reach.Reason;
import dev.vpclab.reach.Via;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A small path finder following LANGUAGE.md's reachability rules for the cases the cost tests
 * use, so they hold whether or not the real ReachEngine has landed.
 */
final class FakePaths {
  private FakePaths() {}

  static PairResult path(Layout l, Instance i, String svc, Set<String> failed) {
    String az = i.az();
    if (failed.contains(az)) {
      return no(i, svc, Reason.NO_ROUTE);
    }
    if (!Services.INTERNET.equals(svc)) {
      Optional<InterfaceEndpoint> e = l.endpoint(svc);
      if (e.isPresent() && e.get().privateDns() && l.vpc().privateDnsWorks()) {
        List<String> azs = new ArrayList<>(e.get().azs());
        azs.removeAll(failed);
        if (!azs.isEmpty()) {
          if (!e.get().admits(i.subnet().cidr())) {
            return no(i, svc, Reason.SG_DENIED);
          }
          String target = azs.contains(az) ? az : azs.get(0);
          return new PairResult(i.name(), svc, true, Via.ENDPOINT, target, !target.equals(az),
              List.of(), List.of());
        }
      }
      if (l.hasGateway(svc)) {
        return new PairResult(i.name(), svc, true, Via.GATEWAY_ENDPOINT, null, false, List.of(),
            List.of());
      }
    }
    if (i.subnet().isPublic()) {
      return new PairResult(i.name(), svc, true, Via.IGW, null, false, List.of(), List.of());
    }
    NatGateway chosen = null;
    for (NatGateway n : l.nats()) {
      if (failed.contains(n.az())) {
        continue;
      }
      if (chosen == null || n.az().equals(az)) {
        chosen = n;
      }
    }
    if (chosen != null) {
      return new PairResult(i.name(), svc, true, Via.NAT, chosen.az(), !chosen.az().equals(az),
          List.of(), List.of());
    }
    return no(i, svc, Reason.NO_ROUTE);
  }

  private static PairResult no(Instance i, String svc, Reason r) {
    return new PairResult(i.name(), svc, false, null, null, false, List.of(r), List.of());
  }
}
