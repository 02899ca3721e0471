package dev.vpclab.reach;

/**
 * Why a pair is unreachable: stable codes, documented in docs/json.md. A pair may have several.
 */
public enum Reason {
  /** No endpoint, gateway endpoint, NAT gateway or internet gateway leads to the service. */
  NO_ROUTE,
  /** The endpoint's security group does not admit TCP 443 from the instance's subnet. */
  SG_DENIED
}
