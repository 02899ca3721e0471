package dev.vpclab.model;

/**
 * A subnet: its name, full AZ name, CIDR, and whether it is public (its route table sends
 * 0.0.0.0/0 to the internet gateway). Every route table has the local route for the VPC CIDR.
 * {@code autoCidr}: vpclab chose the CIDR. {@code origin}: where the subnet comes from.
 */
public record Subnet(String name, String az, Cidr cidr, boolean isPublic, boolean autoCidr,
    Origin origin) {}
