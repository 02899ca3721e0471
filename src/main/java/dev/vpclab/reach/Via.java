package dev.vpclab.reach;

/** How a pair reaches its destination (a service, or an instance: local, peering, tgw). {@link #json()} is the value of "via" in JSON output. */
public enum Via {
  ENDPOINT("endpoint"),
  GATEWAY_ENDPOINT("gateway-endpoint"),
  NAT("nat"),
  IGW("igw"),
  /** To an instance of the same VPC, by the local route. */
  LOCAL("local"),
  /** To an instance of another VPC, over a VPC peering connection. */
  PEERING("peering"),
  /** To an instance of another VPC, through a transit gateway. */
  TGW("tgw");

  private final String json;

  Via(String json) {
    this.json = json;
  }

  public String json() {
    return json;
  }
}
