package dev.vpclab.reach;

/** How a pair reaches its service. {@link #json()} is the value of "via" in JSON output. */
public enum Via {
  ENDPOINT("endpoint"),
  GATEWAY_ENDPOINT("gateway-endpoint"),
  NAT("nat"),
  IGW("igw");

  private final String json;

  Via(String json) {
    this.json = json;
  }

  public String json() {
    return json;
  }
}
