package dev.vpclab.reach;

import dev.vpclab.model.Eni;
import dev.vpclab.model.NatGateway;
import java.util.List;

/**
 * The decision for one (subnet, destination): it holds for every instance of the subnet. {@code eni}
 * is the ENI used (via endpoint), {@code nat} the NAT gateway of the subnet's route table (via nat,
 * or the one that is down for {@link Reason#NAT_DOWN}); both null otherwise. {@code link} is the
 * peering connection or transit gateway the path takes into another VPC (to a shared endpoint, or
 * to an instance of another VPC), null for paths within the subnet's own VPC and for blocked pairs.
 */
public record Decision(boolean reachable, Via via, String targetAz, boolean crossAz,
    List<Reason> reasons, Eni eni, NatGateway nat, Link link) {
  public Decision {
    reasons = List.copyOf(reasons);
  }

  /** A decision within the subnet's own VPC (no link). */
  public Decision(boolean reachable, Via via, String targetAz, boolean crossAz,
      List<Reason> reasons, Eni eni, NatGateway nat) {
    this(reachable, via, targetAz, crossAz, reasons, eni, nat, null);
  }

  /** Unreachable, for these reasons. */
  static Decision blocked(List<Reason> reasons) {
    return new Decision(false, null, null, false, reasons, null, null, null);
  }
}
