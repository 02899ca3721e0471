package dev.vpclab.model;

import java.util.List;

/**
 * An interface endpoint (PrivateLink) of a VPC (its name) for one service: one ENI per chosen
 * subnet of that VPC (at most one per AZ), private DNS on or off, and its security group's inbound
 * rules. {@code defaultAllow} is true
 * when no allow list was given, so the group admits the whole VPC CIDR. {@code inboundOnly}: AWS's
 * "private DNS only for inbound endpoints" (s3, dynamodb, with private DNS on and a gateway
 * endpoint): only queries arriving through a Route 53 Resolver inbound endpoint (on-premises) get
 * the private answer; clients inside the VPC resolve the public name and use the gateway endpoint.
 */
public record InterfaceEndpoint(String vpc, String service, List<Eni> enis, boolean privateDns,
    boolean inboundOnly, List<AllowRule> allow, boolean defaultAllow, Origin origin) {
  public InterfaceEndpoint {
    enis = List.copyOf(enis);
    allow = List.copyOf(allow);
  }

  /** An interface endpoint of the layout's default VPC. */
  public InterfaceEndpoint(String service, List<Eni> enis, boolean privateDns,
      boolean inboundOnly, List<AllowRule> allow, boolean defaultAllow, Origin origin) {
    this(Vpc.DEFAULT_NAME, service, enis, privateDns, inboundOnly, allow, defaultAllow, origin);
  }

  /** The AZs the ENIs sit in, in order. */
  public List<String> azs() {
    return enis.stream().map(Eni::az).toList();
  }

  /** Whether the security group admits TCP 443 from every address of {@code source}. */
  public boolean admits(Cidr source) {
    for (AllowRule rule : allow) {
      if (rule.cidr().contains(source)) {
        return true;
      }
    }
    return false;
  }
}
