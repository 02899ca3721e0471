package dev.vpclab.cost;

import java.util.ArrayList;
import java.util.List;

/**
 * What part of the bill a cost line belongs to (charts stack by it). {@link #key()} is the value
 * of "part" in JSON. Fixed parts are billed by the hour (private hosted zones by the month),
 * variable ones by the GB. The parts of designs of several VPCs (transit gateways, private hosted
 * zones) are shown only for such designs ({@link #shown}), so a single VPC's outputs keep theirs.
 */
public enum CostPart {
  ENDPOINT_HOURS("endpoint-hours", true),
  ENDPOINT_DATA("endpoint-data", false),
  NAT_HOURS("nat-hours", true),
  NAT_DATA("nat-data", false),
  CROSS_AZ("cross-az", false),
  INTERNET_OUT("internet-out", false),
  IPV4("ipv4", true),
  TGW_ATTACHMENTS("tgw-attachments", true, true),
  PRIVATE_ZONES("private-zones", true, true),
  TGW_DATA("tgw-data", false, true);

  private final String key;
  private final boolean fixed;
  private final boolean severalVpcs;

  CostPart(String key, boolean fixed) {
    this(key, fixed, false);
  }

  CostPart(String key, boolean fixed, boolean severalVpcs) {
    this.key = key;
    this.fixed = fixed;
    this.severalVpcs = severalVpcs;
  }

  /**
   * The parts an output shows, in this order: every part of a single VPC's bill, and those of
   * designs of several VPCs when {@code severalVpcs} (some layout shown is such a design).
   */
  public static List<CostPart> shown(boolean severalVpcs) {
    List<CostPart> out = new ArrayList<>();
    for (CostPart p : values()) {
      if (severalVpcs || !p.severalVpcs) {
        out.add(p);
      }
    }
    return List.copyOf(out);
  }

  public String key() {
    return key;
  }

  /** Billed by the hour (true) or by the GB (false). */
  public boolean fixed() {
    return fixed;
  }
}
