package dev.vpclab.importer;

import dev.vpclab.model.Cidr;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which subnets are public, from {@code describe-route-tables}: a subnet's own route table (its
 * explicit association), else its VPC's main route table; public when that table sends 0.0.0.0/0
 * to an internet gateway ({@code igw-...}). Without any route table, every subnet is taken as
 * private (an assumption). Also where each table sends a CIDR, for {@link RouteGaps}.
 */
final class Public {
  private final Map<String, Boolean> bySubnet = new HashMap<>();
  private final Map<String, Boolean> mainByVpc = new HashMap<>();
  private final Map<String, String> tableOfSubnet = new HashMap<>();
  private final Map<String, String> mainTableOfVpc = new HashMap<>();
  private final Map<String, List<Route>> routes = new HashMap<>();
  private final boolean none;
  private final List<String> assumed;

  Public(List<Json> tables, List<String> assumed) throws JsonFault {
    this.none = tables.isEmpty();
    this.assumed = assumed;
    for (Json t : tables) {
      boolean toIgw = false;
      String id = t.optText("RouteTableId").orElse("");
      List<Route> list = routes.computeIfAbsent(id, k -> new ArrayList<>());
      for (Json r : t.list("Routes")) {
        boolean isDefault = "0.0.0.0/0".equals(r.optText("DestinationCidrBlock").orElse(""))
            && !"blackhole".equals(r.optText("State").orElse("active"));
        toIgw |= isDefault && r.optText("GatewayId").orElse("").startsWith("igw-");
        Route.of(r).ifPresent(list::add);
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

  /** The route table of a subnet: its own, else its VPC's main one, if given. */
  Optional<String> tableOf(String subnet, String vpc) {
    return Optional.ofNullable(tableOfSubnet.getOrDefault(subnet, mainTableOfVpc.get(vpc)));
  }

  /**
   * Where a route table sends a whole CIDR: the target ({@code local}, {@code igw-...},
   * {@code tgw-...}, ...) of its most specific active route that holds it; empty if none does.
   */
  Optional<String> target(String table, Cidr to) {
    return routes.getOrDefault(table, List.of()).stream()
        .filter(r -> r.to().contains(to))
        .max(Comparator.comparingInt(r -> r.to().prefix()))
        .map(Route::target);
  }

  /** One route: its IPv4 destination and its target's id. */
  private record Route(Cidr to, String target) {
    private static final List<String> TARGETS = List.of("GatewayId", "NatGatewayId",
        "TransitGatewayId", "VpcPeeringConnectionId", "NetworkInterfaceId", "InstanceId",
        "LocalGatewayId", "CarrierGatewayId", "CoreNetworkArn");

    /** An active route with an IPv4 destination; a blackhole or prefix-list one is none. */
    static Optional<Route> of(Json r) {
      if ("blackhole".equals(r.optText("State").orElse("active"))) {
        return Optional.empty();
      }
      Cidr to;
      try {
        to = Cidr.parse(r.optText("DestinationCidrBlock").orElse(""));
      } catch (RuntimeException e) {
        return Optional.empty();
      }
      return TARGETS.stream().map(f -> r.optText(f)).flatMap(Optional::stream).findFirst()
          .map(target -> new Route(to, target));
    }
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
