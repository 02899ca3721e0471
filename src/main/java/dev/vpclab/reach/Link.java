package dev.vpclab.reach;

/**
 * The connection a path takes into another VPC: a VPC peering connection (named {@code a-b} after
 * the VPCs it joins, as written) or a transit gateway (its name). Paths within one VPC have none.
 */
public record Link(Kind kind, String name) {
  /** How two VPCs are joined. */
  public enum Kind {
    PEERING("peering"),
    TGW("tgw");

    private final String json;

    Kind(String json) {
      this.json = json;
    }

    /** The value of {@code "kind"} in JSON output. */
    public String json() {
      return json;
    }
  }

  public static Link peering(String name) {
    return new Link(Kind.PEERING, name);
  }

  public static Link tgw(String name) {
    return new Link(Kind.TGW, name);
  }

  /** How a route table names it: {@code pcx app-data}, {@code tgw hub}. */
  public String routeTarget() {
    return (kind == Kind.PEERING ? "pcx " : "tgw ") + name;
  }
}
