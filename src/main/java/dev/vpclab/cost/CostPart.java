package dev.vpclab.cost;

/**
 * What part of the bill a cost line belongs to (charts stack by it). {@link #key()} is the value
 * of "part" in JSON. Fixed parts are billed by the hour, variable ones by the GB.
 */
public enum CostPart {
  ENDPOINT_HOURS("endpoint-hours", true),
  ENDPOINT_DATA("endpoint-data", false),
  NAT_HOURS("nat-hours", true),
  NAT_DATA("nat-data", false),
  CROSS_AZ("cross-az", false),
  INTERNET_OUT("internet-out", false),
  IPV4("ipv4", true);

  private final String key;
  private final boolean fixed;

  CostPart(String key, boolean fixed) {
    this.key = key;
    this.fixed = fixed;
  }

  public String key() {
    return key;
  }

  /** Billed by the hour (true) or by the GB (false). */
  public boolean fixed() {
    return fixed;
  }
}
