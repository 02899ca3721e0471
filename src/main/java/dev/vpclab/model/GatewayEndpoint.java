package dev.vpclab.model;

/**
 * A gateway endpoint (s3 or dynamodb) of a VPC (its name): a prefix-list route in every route
 * table of that VPC; free.
 */
public record GatewayEndpoint(String vpc, String service, Origin origin) {
  /** A gateway endpoint of the layout's default VPC. */
  public GatewayEndpoint(String service, Origin origin) {
    this(Vpc.DEFAULT_NAME, service, origin);
  }
}
