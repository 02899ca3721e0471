package dev.vpclab.importer;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which subnets are public, from {@code describe-route-tables}: a subnet's own route table (its
 * explicit association), else its VPC's main route table; public when that table sends 0.0.0.0/0
 * to an internet gateway ({@code igw-...}, or one of the internet gateways given). Without any
 * route table, every subnet is taken as private (an assumption, when there is any subnet).
 */
final class Public {
  private final Map<String, Boolean> bySubnet = new HashMap<>();
  private final Map<String, Boolean> mainByVpc = new HashMap<>();
  private final boolean none;
  private final List<String> assumed;

  Public(List<Json> tables, List<Json> gateways, boolean anySubnet, List<String> assumed)
      throws JsonFault {
    this.none = tables.isEmpty();
    this.assumed = assumed;
    Set<String> igws = new HashSet<>();
    for (Json g : gateways) {
      g.optText("InternetGatewayId").ifPresent(igws::add);
    }
    for (Json t : tables) {
      boolean toIgw = false;
      for (Json r : t.list("Routes")) {
        toIgw |= "0.0.0.0/0".equals(r.optText("DestinationCidrBlock").orElse(""))
            && isIgw(r.optText("GatewayId").orElse(""), igws)
            && !"blackhole".equals(r.optText("State").orElse("active"));
      }
      for (Json a : t.list("Associations")) {
        if (a.flag("Main", false)) {
          mainByVpc.put(t.text("VpcId"), toIgw);
        } else if (a.has("SubnetId")) {
          bySubnet.put(a.text("SubnetId"), toIgw);
        }
      }
    }
    if (none && anySubnet) {
      assumed.add("no describe-route-tables output: every subnet taken as private");
    }
  }

  private static boolean isIgw(String id, Set<String> igws) {
    return id.startsWith("igw-") || igws.contains(id);
  }

  boolean isPublic(String subnet, String vpc) {
    Boolean own = bySubnet.get(subnet);
    if (own != null) {
      return own;
    }
    Boolean main = mainByVpc.get(vpc);
    if (main == null && !none) {
      assumed.add("subnet " + subnet + " has no route table and VPC " + vpc
          + " no main one given: taken as private");
    }
    return main != null && main;
  }
}
