package dev.vpclab.model;

/**
 * An inbound rule of an endpoint's security group: TCP 443 from {@code cidr}. {@code label} is
 * what the user wrote: a subnet name, a CIDR, or "vpc" for the default rule.
 */
public record AllowRule(String label, Cidr cidr) {}
