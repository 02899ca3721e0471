package dev.vpclab.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a describe-subnets element is an IPv6-only subnet: no {@code CidrBlock}, and
 * {@code Ipv6Native} or an IPv6 CIDR in {@code Ipv6CidrBlockAssociationSet}. vpclab's subnets are
 * IPv4, so such a subnet is left out; one with neither an IPv4 nor an IPv6 CIDR is not one (its
 * missing {@code CidrBlock} is a fault).
 */
final class Ipv6Only {
  private Ipv6Only() {}

  /** Its IPv6 CIDRs as text ("IPv6-native" when none is given), when it is IPv6-only. */
  static Optional<String> cidrs(Json s) throws JsonFault {
    if (s.has("CidrBlock")) {
      return Optional.empty();
    }
    List<String> cidrs = new ArrayList<>();
    for (Json a : s.list("Ipv6CidrBlockAssociationSet")) {
      a.optText("Ipv6CidrBlock").filter(c -> !c.isBlank()).ifPresent(cidrs::add);
    }
    if (cidrs.isEmpty() && !s.flag("Ipv6Native", false)) {
      return Optional.empty();
    }
    return Optional.of(cidrs.isEmpty() ? "IPv6-native" : String.join(", ", cidrs));
  }
}
