package dev.vpclab.importer;

import dev.vpclab.model.Cidr;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which subnets are public, from {@code describe-route-tables}: a subnet's own route table (its
 * explicit association), else its VPC's main route table; public when that table sends 0.0.0.0/0
 * to an internet gateway ({@code igw-...}, or one of the internet gateways given). Without any
 * route table, every subnet is taken as private (an assumption, when there is any subnet). Also
 * where each table sends a CIDR, for {@link RouteGaps}.
 */
final class Public {
  private final Map<String, Boolean> bySubnet = new HashMap<>();
  private final Map<String, Boolean> mainByVpc = new HashMap<>();
  private final Map<String, String> tableOfSubnet = new HashMap<>();
  private final Map<String, String> mainTableOfVpc = new HashMap<>();
  private final Map<String, List<Route>> routes = new HashMap<>();
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
      String id = t.optText("RouteTableId").orElse("");
      List<Route> list = routes.computeIfAbsent(id, k -> new ArrayList<>());
      for (Json r : t.list("Routes")) {
        boolean isDefault = "0.0.0.0/0".equals(r.optText("DestinationCidrBlock").orElse(""))
            && !"blackhole".equals(r.optText("State").orElse("active"));
        toIgw |= isDefault && isIgw(r.optText("GatewayId").orElse(""), igws);
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
    if (none && anySubnet) {
      assumed.add("no describe-route-tables output: every subnet taken as private");
    }
  }

  private static boolean isIgw(String id, Set<String> igws) {
    return id.startsWith("igw-") || igws.contains(id);
  }

  /** The route table of a subnet: its own, else its VPC's main one, if given. */
  Optional<String> tableOf(String subnet, String vpc) {
    return Optional.ofNullable(tableOfSubnet.getOrDefault(subnet, mainTableOfVpc.get(vpc)));
  }

  /**
   * Where a route table sends a whole CIDR: the target ({@code local}, {@code igw-...},
   * {@code tgw-...}, ...) of its most specific active route that holds it; empty if none does.
   */
  Optional<Target> target(String table, Cidr to) {
    return routes.getOrDefault(table, List.of()).stream()
        .filter(r -> r.to().contains(to))
        .max(Comparator.comparingInt(r -> r.to().prefix()))
        .map(Route::target);
  }

  /**
   * A route's target: the field that names it ({@code NatGatewayId}, {@code TransitGatewayId},
   * ...) and its id; what kind of target it is comes from the field, as ids made from a
   * Terraform plan are addresses, not {@code nat-...}.
   */
  record Target(String field, String id) {
    boolean is(String kind) {
      return field.equals(kind);
    }
  }

  /** One route: its IPv4 destination and its target. */
  private record Route(Cidr to, Target target) {
    private static final List<String> TARGETS = List.of("GatewayId", "NatGatewayId",
        "TransitGatewayId", "VpcPeeringConnectionId", "NetworkInterfaceId", "InstanceId",
        "LocalGatewayId", "CarrierGatewayId", "CoreNetworkArn");

    /**
     * An active route with an IPv4 destination; a blackhole or prefix-list one is none. Its
     * target is the first target field that is not blank (Terraform writes every other one as
     * an empty string).
     */
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
      return TARGETS.stream()
          .flatMap(f -> r.optText(f).filter(v -> !v.isBlank()).map(v -> new Target(f, v))
              .stream())
          .findFirst().map(t -> new Route(to, t));
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
