package dev.vpclab.model;

/**
 * A subnet: the name of its VPC, its name, full AZ name, CIDR, and whether it is public (its route
 * table sends 0.0.0.0/0 to the internet gateway). Every route table has the local route for its
 * VPC's CIDR. {@code autoCidr}: vpclab chose the CIDR. {@code origin}: where the subnet comes from.
 */
public record Subnet(String vpc, String name, String az, Cidr cidr, boolean isPublic,
    boolean autoCidr, Origin origin) {
  /** A subnet of the layout's default VPC. */
  public Subnet(String name, String az, Cidr cidr, boolean isPublic, boolean autoCidr,
      Origin origin) {
    this(Vpc.DEFAULT_NAME, name, az, cidr, isPublic, autoCidr, origin);
  }
}
