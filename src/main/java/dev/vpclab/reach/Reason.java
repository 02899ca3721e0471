package dev.vpclab.reach;

/**
 * Why a pair is unreachable: stable codes, documented in docs/reach.md. A pair may have several:
 * like AWS's blocked-path analysis, every cause that blocks it is listed, in this enum's order.
 */
public enum Reason {
  /** No endpoint, gateway endpoint, NAT gateway or internet gateway leads to the service. */
  NO_ROUTE,
  /** The endpoint's security group does not admit TCP 443 from the instance's subnet. */
  SG_DENIED,
  /**
   * The service's private DNS name answers with no address: every ENI of its interface endpoint
   * is in a failed AZ.
   */
  NO_ENI_UP,
  /**
   * The subnet's route table sends 0.0.0.0/0 to a NAT gateway in a failed AZ (a blackhole route:
   * route tables do not fail over to another AZ's NAT gateway).
   */
  NAT_DOWN,
  /**
   * An interface endpoint for the service exists but is not used: its private DNS is off, or the
   * VPC has DNS hostnames off, so the name resolves to the public address. Listed only next to
   * another cause, when the public path is blocked too.
   */
  PRIVATE_DNS_UNAVAILABLE,
  /** The instance's own AZ failed: the instance is down. */
  INSTANCE_DOWN,
  /**
   * The VPC has DNS support off ({@code enableDnsSupport = false}): the Amazon resolver answers no
   * name, so neither the service's private nor its public name resolves, and no interface
   * endpoint, gateway endpoint, NAT gateway or internet gateway helps. Always the only reason (an
   * instance whose AZ failed is {@link #INSTANCE_DOWN} instead).
   */
  DNS_SUPPORT_OFF,
  /**
   * The path needs a transit gateway, and an attachment has no subnet where it must: the source
   * VPC's attachment in the instance's AZ (resources in an AZ without an attachment subnet cannot
   * send to the transit gateway), or the destination VPC's attachment in the AZ of every target
   * that is up (replies cannot reach the transit gateway from there).
   */
  NO_ATTACHMENT_SUBNET,
  /** The destination is an instance, and every member of it is in a failed AZ. */
  TARGET_DOWN
}
