package dev.vpclab.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The private addresses vpclab gives NAT gateways and endpoint ENIs ({@link SubnetAddresses}: in
 * each subnet the NAT gateway takes .4, the ENIs .10, .11, ... in the order of their VPC's
 * endpoints), one rule for every design: built by {@link LayoutBuilder}, edited by a fix, or
 * imported, so that a design written as language and built again has the same addresses.
 */
public final class Addresses {
  private Addresses() {}

  /** Told of each ENI for which its subnet has no free address. */
  @FunctionalInterface
  public interface Full {
    void noFreeAddress(InterfaceEndpoint endpoint, Subnet subnet);
  }

  /**
   * These VPCs with their NAT gateways' and ENIs' addresses handed out by vpclab's rule. An ENI
   * for which its subnet has no free address keeps the address it had.
   */
  public static List<Vpc> assign(List<Vpc> vpcs) {
    return assign(vpcs, (endpoint, subnet) -> { });
  }

  /** The same, telling {@code full} of each ENI whose subnet has no free address. */
  public static List<Vpc> assign(List<Vpc> vpcs, Full full) {
    Map<String, SubnetAddresses> pools = new HashMap<>();
    List<Vpc> out = new ArrayList<>();
    for (Vpc v : vpcs) {
      List<NatGateway> nats = new ArrayList<>();
      for (NatGateway n : v.nats()) {
        nats.add(new NatGateway(n.subnet(), pool(pools, n.subnet()).nat(), n.origin()));
      }
      List<InterfaceEndpoint> endpoints = new ArrayList<>();
      for (InterfaceEndpoint e : v.endpoints()) {
        List<Eni> enis = new ArrayList<>();
        for (Eni eni : e.enis()) {
          String ip = pool(pools, eni.subnet()).eni();
          if (ip == null) {
            full.noFreeAddress(e, eni.subnet());
          }
          enis.add(new Eni(eni.subnet(), ip == null ? eni.ip() : ip, eni.origin()));
        }
        endpoints.add(new InterfaceEndpoint(e.vpc(), e.service(), enis, e.privateDns(),
            e.inboundOnly(), e.allow(), e.defaultAllow(), e.origin()));
      }
      out.add(v.withParts(v.subnets(), endpoints, v.gateways(), nats, v.instances()));
    }
    return out;
  }

  private static SubnetAddresses pool(Map<String, SubnetAddresses> pools, Subnet subnet) {
    return pools.computeIfAbsent(subnet.vpc() + "/" + subnet.name(),
        k -> new SubnetAddresses(subnet.cidr()));
  }
}
