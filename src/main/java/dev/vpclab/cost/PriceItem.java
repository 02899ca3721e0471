package dev.vpclab.cost;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The items of the price table: the names {@code price ITEM VALUE} and the CSV's {@code item}
 * column use. Documented in docs/pricing.md.
 */
public enum PriceItem {
  ENDPOINT_HOUR("endpoint.hour", "hour", false, "interface endpoint, per ENI (per AZ) per hour"),
  ENDPOINT_GB("endpoint.gb", "GB", true,
      "interface endpoint data processing, per GB, all endpoints of the Region together, tiered"),
  NAT_HOUR("nat.hour", "hour", false, "NAT gateway, per hour"),
  NAT_GB("nat.gb", "GB", false, "NAT gateway data processing, per GB"),
  CROSSAZ_GB("crossaz.gb", "GB", false,
      "cross-AZ EC2 data transfer, per GB in each direction (1 GB crossing pays it twice)"),
  INTERNET_GB("internet.gb", "GB", true, "data transfer out to the internet, per GB, tiered"),
  IPV4_HOUR("ipv4.hour", "hour", false, "public IPv4 address (a NAT gateway's Elastic IP), per hour"),
  GWLBE_HOUR("gwlbe.hour", "hour", false, "Gateway Load Balancer endpoint, per hour (not used yet)"),
  GWLBE_GB("gwlbe.gb", "GB", false, "Gateway Load Balancer endpoint data processing, per GB (not used yet)"),
  TGW_ATTACHMENT_HOUR("tgw.attachment.hour", "hour", false,
      "transit gateway VPC attachment, per attachment-hour (whatever its AZs)"),
  TGW_GB("tgw.gb", "GB", false,
      "transit gateway data processing, per GB sent from a VPC into the transit gateway"),
  PHZ_MONTH("phz.month", "zone", true,
      "Route 53 private hosted zone, per zone a month (not per hour), tiered by zone count");

  private final String key;
  private final String unit;
  private final boolean tiered;
  private final String description;

  PriceItem(String key, String unit, boolean tiered, String description) {
    this.key = key;
    this.unit = unit;
    this.tiered = tiered;
    this.description = description;
  }

  /** The name written in the language and the CSV: {@code endpoint.hour}. */
  public String key() {
    return key;
  }

  /** {@code hour} or {@code GB}. */
  public String unit() {
    return unit;
  }

  /** Whether the built-in table prices it in several GB tiers. */
  public boolean tiered() {
    return tiered;
  }

  public String description() {
    return description;
  }

  public static Optional<PriceItem> of(String key) {
    for (PriceItem i : values()) {
      if (i.key.equals(key)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  /** Every item name, in declaration order. */
  public static List<String> keys() {
    List<String> out = new ArrayList<>();
    for (PriceItem i : values()) {
      out.add(i.key);
    }
    return out;
  }
}
