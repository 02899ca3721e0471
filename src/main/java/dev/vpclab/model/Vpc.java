package dev.vpclab.model;

/**
 * The VPC itself: its CIDR, its DNS attributes (enableDnsSupport, enableDnsHostnames) and its
 * origin (from source, the layout's declaration: the layout block is the VPC).
 */
public record Vpc(Cidr cidr, boolean dnsSupport, boolean dnsHostnames, Origin origin) {
  public static final Cidr DEFAULT_CIDR = new Cidr(10L << 24, 16);

  /** Private DNS of interface endpoints works only with both attributes on. */
  public boolean privateDnsWorks() {
    return dnsSupport && dnsHostnames;
  }

  /** The statements that make private DNS work again, one per attribute that is off. */
  public String privateDnsFix() {
    if (!dnsSupport && !dnsHostnames) {
      return "vpc dns on; vpc dns hostnames on";
    }
    return dnsSupport ? "vpc dns hostnames on" : "vpc dns on";
  }
}
