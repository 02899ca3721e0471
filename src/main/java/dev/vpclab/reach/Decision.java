package dev.vpclab.reach;

import dev.vpclab.model.Eni;
import dev.vpclab.model.NatGateway;
import java.util.List;

/**
 * The decision for one (subnet, service): it holds for every instance of the subnet. {@code eni}
 * is the ENI used (via endpoint), {@code nat} the NAT gateway of the subnet's route table (via nat,
 * or the one that is down for {@link Reason#NAT_DOWN}); both null otherwise.
 */
public record Decision(boolean reachable, Via via, String targetAz, boolean crossAz,
    List<Reason> reasons, Eni eni, NatGateway nat) {
  public Decision {
    reasons = List.copyOf(reasons);
  }
}
