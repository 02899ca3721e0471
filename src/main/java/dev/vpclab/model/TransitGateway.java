package dev.vpclab.model;

import java.util.List;
import java.util.Optional;

/**
 * A transit gateway of a design: one route table with propagation on, so every attached VPC
 * routes every other attached VPC's CIDR to it. One {@link Attachment} per VPC, in the order the
 * VPCs were attached.
 */
public record TransitGateway(String name, List<Attachment> attachments, Origin origin) {
  /**
   * A VPC attachment: the VPC's name and one subnet per AZ it uses (sorted by AZ). Resources in an
   * AZ of the VPC without an attachment subnet cannot send to (or answer through) the transit
   * gateway. One attachment is billed per hour, whatever its AZs.
   */
  public record Attachment(String vpc, List<Subnet> subnets, Origin origin) {
    public Attachment {
      subnets = List.copyOf(subnets);
      for (Subnet s : subnets) {
        if (!s.vpc().equals(vpc)) {
          throw new IllegalArgumentException("attachment subnet " + s.name() + " is in VPC "
              + s.vpc() + ", not in VPC " + vpc);
        }
      }
    }

    /** The attachment's subnet in an AZ (full name), if it has one there. */
    public Optional<Subnet> subnetIn(String az) {
      for (Subnet s : subnets) {
        if (s.az().equals(az)) {
          return Optional.of(s);
        }
      }
      return Optional.empty();
    }

    /** The AZs of its subnets, in order. */
    public List<String> azs() {
      return subnets.stream().map(Subnet::az).toList();
    }
  }

  public TransitGateway {
    attachments = List.copyOf(attachments);
  }

  /** The attachment of a VPC, if it is attached. */
  public Optional<Attachment> attachment(String vpc) {
    for (Attachment a : attachments) {
      if (a.vpc().equals(vpc)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
