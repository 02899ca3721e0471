package dev.vpclab.importer;

import dev.vpclab.model.Cidr;
import dev.vpclab.model.Subnet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the route tables read differ from what the language assumes, each said in an assumption
 * line: vpclab's private subnets reach public addresses through their VPC's NAT gateway, and a
 * transit gateway routes every VPC attached to it to the others. A private subnet whose route
 * table sends 0.0.0.0/0 nowhere or elsewhere than to a NAT gateway, or a VPC whose route tables
 * send another attached VPC's CIDR elsewhere than to the transit gateway (a route to a peering
 * between the two is what vpclab does too), is not what vpclab decides for it. Without route
 * tables nothing is said (nothing is known).
 */
final class RouteGaps {
  private static final Cidr ANYWHERE = Cidr.parse("0.0.0.0/0");

  private final AwsImport at;
  private final Public routes;
  /** The subnets written, by VPC id, in their order; made on first need. */
  private Map<String, List<String>> subnetsOf;
  /** The two VPCs (by id) of each active peering, by its id; made on first need. */
  private Map<String, Set<String>> peerings;

  RouteGaps(AwsImport at, Public routes) {
    this.at = at;
    this.routes = routes;
  }

  /**
   * Private subnets routing 0.0.0.0/0 nowhere or elsewhere than to a NAT gateway (a transit
   * gateway, a NAT instance) in the VPCs (by id) that have a NAT gateway.
   */
  void natless(Set<String> vpcsWithNat) throws JsonFault {
    for (Map.Entry<String, Subnet> e : at.subnets().entrySet()) {
      String vpc = at.vpcIdOf(e.getKey());
      if (e.getValue().isPublic() || !vpcsWithNat.contains(vpc)) {
        continue;
      }
      Optional<String> table = routes.tableOf(e.getKey(), vpc);
      Public.Target target = table.flatMap(t -> routes.target(t, ANYWHERE)).orElse(null);
      if (table.isPresent() && (target == null || !target.is("NatGatewayId"))) {
        at.assumed().add("subnet " + e.getValue().name() + " sends 0.0.0.0/0 "
            + (target == null ? "nowhere" : "to " + target.id()) + ", not to a NAT gateway (route table "
            + table.get() + "): vpclab sends a private subnet through the VPC's NAT gateway");
      }
    }
  }

  /**
   * The route tables of a transit gateway's VPCs (by id) that send another's CIDR elsewhere than
   * to it, or to an active peering between the two (a peering wins over a transit gateway in
   * vpclab too).
   */
  void attached(String tgw, String label, List<String> vpcs) throws JsonFault {
    if (peerings == null) {
      peerings = new HashMap<>();
      for (Json p : at.inputs().get("VpcPeeringConnections")) {
        if (Lifecycle.peeringGone(p).isEmpty()) {
          peerings.put(p.text("VpcPeeringConnectionId"), new HashSet<>(List.of(
              p.field("RequesterVpcInfo").text("VpcId"),
              p.field("AccepterVpcInfo").text("VpcId"))));
        }
      }
    }
    Map<String, Cidr> cidrs = new HashMap<>();
    for (String vpc : vpcs) {
      cidrs.put(vpc, at.vpcCidr(vpc));
    }
    for (String vpc : vpcs) {
      for (String table : tablesOf(vpc)) {
        for (String other : vpcs) {
          if (other.equals(vpc)) {
            continue;
          }
          Cidr cidr = cidrs.get(other);
          Public.Target to = routes.target(table, cidr).orElse(null);
          String target = to == null ? null : to.id();
          boolean toTgw = to != null && to.is("TransitGatewayId") && tgw.equals(target);
          boolean toPeering = to != null && to.is("VpcPeeringConnectionId")
              && peerings.getOrDefault(target, Set.of()).equals(Set.of(vpc, other));
          if (!toTgw && !toPeering) {
            at.assumed().add("route table " + table + " of " + at.vpcNames().get(vpc)
                + " sends " + cidr + " (" + at.vpcNames().get(other) + ") "
                + (target == null ? "nowhere" : "to " + target) + ", not to " + label
                + ": vpclab routes every VPC attached to a transit gateway to the others"
                + " through it");
          }
        }
      }
    }
  }

  /**
   * Private subnets whose route table (their own, else the main one) is not among a gateway
   * endpoint's {@code RouteTableIds} in its VPC: AWS sends their traffic to the service where
   * their 0.0.0.0/0 goes (a NAT gateway, charged per GB, or nowhere), vpclab through the gateway
   * endpoint of the VPC. A public subnet reaches the service through its internet gateway, free
   * either way: nothing said. An endpoint without {@code RouteTableIds} says nothing.
   */
  void gatewayless(List<Json> read) throws JsonFault {
    List<Json> gateways = new ArrayList<>(read);
    gateways.sort(java.util.Comparator.comparing(g -> g.node().path("VpcEndpointId").asText()));
    Map<String, List<Json>> byVpc = new HashMap<>();
    for (Json g : gateways) {
      byVpc.computeIfAbsent(g.text("VpcId"), k -> new ArrayList<>()).add(g);
    }
    for (Map.Entry<String, Subnet> e : at.subnets().entrySet()) {
      String vpc = at.vpcIdOf(e.getKey());
      Optional<String> table = routes.tableOf(e.getKey(), vpc);
      if (e.getValue().isPublic() || table.isEmpty()) {
        continue;
      }
      for (Json g : byVpc.getOrDefault(vpc, List.of())) {
        if (!g.has("RouteTableIds")
            || g.texts("RouteTableIds").contains(table.get())) {
          continue;
        }
        String service = g.text("ServiceName");
        service = service.substring(service.lastIndexOf('.') + 1);
        Public.Target target = routes.target(table.get(), ANYWHERE).orElse(null);
        at.assumed().add("subnet " + e.getValue().name() + ": route table " + table.get()
            + " lacks gateway endpoint " + g.text("VpcEndpointId") + " (" + service + "): AWS"
            + " sends its " + service + " traffic " + (target == null ? "nowhere (no way out)"
                : "to " + target.id() + (target.is("NatGatewayId") ? " (NAT data processing)"
                    : ""))
            + "; vpclab through the gateway endpoint (free)");
      }
    }
  }

  /** The route tables a VPC's subnets use, in the subnets' order. */
  private Set<String> tablesOf(String vpc) throws JsonFault {
    if (subnetsOf == null) {
      subnetsOf = new HashMap<>();
      for (String subnet : at.subnets().keySet()) {
        subnetsOf.computeIfAbsent(at.vpcIdOf(subnet), k -> new ArrayList<>()).add(subnet);
      }
    }
    Set<String> out = new LinkedHashSet<>();
    for (String subnet : subnetsOf.getOrDefault(vpc, List.of())) {
      routes.tableOf(subnet, vpc).ifPresent(out::add);
    }
    return out;
  }
}
