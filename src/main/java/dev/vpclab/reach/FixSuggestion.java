package dev.vpclab.reach;

import java.util.List;

/**
 * The cheapest change that mends what an AZ failure broke, as statements the user can paste
 * ({@code statement}, several joined by "; "; statements for a VPC other than the default one
 * inside {@code vpc NAME { ... }}), and what it adds, so a price can be attached:
 * {@code services} the endpoint services that get new ENIs, {@code azs} every AZ (full names) that
 * gets something new, {@code addedEnis} new endpoint ENIs (billed per hour each), {@code natAzs}
 * AZs that get a NAT gateway, {@code publicSubnetAzs} AZs that need a public subnet first. The
 * change itself is {@link #apply}: the fixed design, whose cost less the design's is the fix's.
 */
public record FixSuggestion(String statement, List<String> services, List<String> azs,
    int addedEnis, List<String> natAzs, List<String> publicSubnetAzs, List<Step> steps) {
  public FixSuggestion {
    services = List.copyOf(services);
    azs = List.copyOf(azs);
    natAzs = List.copyOf(natAzs);
    publicSubnetAzs = List.copyOf(publicSubnetAzs);
    steps = List.copyOf(steps);
  }

  public int addedNats() {
    return natAzs.size();
  }

  /** The attachment AZs the fix adds (full names, in step order), each step one attachment. */
  public List<String> addedAttachmentAzs() {
    return steps.stream().filter(s -> s.kind() == Kind.ATTACHMENT)
        .flatMap(s -> s.addAzs().stream()).toList();
  }

  /** The design with this fix made: see {@link FixEdit}. */
  public dev.vpclab.model.Layout apply(dev.vpclab.model.Layout layout) {
    return FixEdit.apply(layout, this);
  }

  /**
   * One statement of the fix, in VPC {@code vpc} (for {@link Kind#ATTACHMENT}: the attached
   * VPC, and {@code tgw} the transit gateway). {@code addAzs} are the AZs (full) it adds: the
   * services' new ENIs, the public subnet, the NAT gateways, the attachment's new subnets.
   */
  public record Step(Kind kind, String statement, List<String> services, List<String> addAzs,
      String vpc, String tgw) {
    public Step {
      services = List.copyOf(services);
      addAzs = List.copyOf(addAzs);
    }
  }

  public enum Kind { ENDPOINT, PUBLIC_SUBNET, NAT, ATTACHMENT }
}
