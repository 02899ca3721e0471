package dev.vpclab.importer;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which subnets are public, from {@code describe-route-tables}: a subnet's own route table (its
 * explicit association), else its VPC's main route table; public when that table sends 0.0.0.0/0
 * to an internet gateway ({@code igw-...}). Without any route table, every subnet is taken as
 * private (an assumption). Also which tables send 0.0.0.0/0 nowhere.
 */
final class Public {
  private final Map<String, Boolean> bySubnet = new HashMap<>();
  private final Map<String, Boolean> mainByVpc = new HashMap<>();
  private final Map<String, String> tableOfSubnet = new HashMap<>();
  private final Map<String, String> mainTableOfVpc = new HashMap<>();
  private final Set<String> withDefaultRoute = new HashSet<>();
  private final boolean none;
  private final List<String> assumed;

  Public(List<Json> tables, List<String> assumed) throws JsonFault {
    this.none = tables.isEmpty();
    this.assumed = assumed;
    for (Json t : tables) {
      boolean toIgw = false;
      String id = t.optText("RouteTableId").orElse("");
      for (Json r : t.list("Routes")) {
        boolean isDefault = "0.0.0.0/0".equals(r.optText("DestinationCidrBlock").orElse(""))
            && !"blackhole".equals(r.optText("State").orElse("active"));
        toIgw |= isDefault && r.optText("GatewayId").orElse("").startsWith("igw-");
        if (isDefault) {
          withDefaultRoute.add(id);
        }
      }
      for (Json a : t.list("Associations")) {
        if (a.flag("Main", false)) {
          mainByVpc.put(t.text("VpcId"), toIgw);
          mainTableOfVpc.put(t.text("VpcId"), id);
        } else if (a.has("SubnetId")) {
          bySubnet.put(a.text("SubnetId"), toIgw);
          tableOfSubnet.put(a.text("SubnetId"), id);
        }
      }
    }
    if (none) {
      assumed.add("no describe-route-tables output: every subnet taken as private");
    }
  }

  /**
   * The route table of a subnet (its own, else its VPC's main one) when that table has no
   * 0.0.0.0/0 route at all: AWS sends such a subnet nowhere outside the VPC, where a vpclab
   * private subnet uses its VPC's NAT gateway.
   */
  Optional<String> withoutDefaultRoute(String subnet, String vpc) {
    String table = tableOfSubnet.getOrDefault(subnet, mainTableOfVpc.get(vpc));
    return table == null || withDefaultRoute.contains(table) ? Optional.empty()
        : Optional.of(table);
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
