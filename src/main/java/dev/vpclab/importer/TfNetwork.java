package dev.vpclab.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpclab.model.Cidr;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * VPCs, subnets, internet gateways, route tables (with their inline {@code route} blocks,
 * {@code aws_route}s and associations) and NAT gateways of a Terraform file, as describe-shaped
 * records. A VPC's DNS attributes are its {@code enable_dns_support} (default on) and
 * {@code enable_dns_hostnames} (default off for {@code aws_vpc}, as the provider has it).
 */
final class TfNetwork {
  /** A route's target attribute, the describe field it becomes, and the resources it names. */
  private record Target(String attribute, String field, Set<String> types, String what) {}

  private static final List<Target> TARGETS = List.of(
      new Target("gateway_id", "GatewayId", Set.of("aws_internet_gateway"), "internet gateway"),
      new Target("nat_gateway_id", "NatGatewayId", Set.of("aws_nat_gateway"), "NAT gateway"),
      new Target("transit_gateway_id", "TransitGatewayId", Set.of("aws_ec2_transit_gateway"),
          "transit gateway"),
      new Target("vpc_peering_connection_id", "VpcPeeringConnectionId",
          Set.of("aws_vpc_peering_connection"), "peering connection"),
      new Target("network_interface_id", "NetworkInterfaceId", Set.of("aws_network_interface"),
          "network interface"));
  private final TfRecords at;
  private final Set<String> associated = new HashSet<>();
  private final Set<String> mainManaged = new HashSet<>();
  private final Set<String> ipv6Only = new HashSet<>();

  TfNetwork(TfRecords at) {
    this.at = at;
  }

  void read() throws JsonFault {
    for (TfResource r : at.resources.ofType("aws_vpc", "aws_default_vpc")) {
      vpc(r);
    }
    for (TfResource r : at.resources.ofType("aws_subnet", "aws_default_subnet")) {
      subnet(r);
    }
    for (TfResource r : at.resources.ofType("aws_internet_gateway")) {
      at.inputs.add("InternetGateways", TfRecords.record(r,
          TfRecords.object().put("InternetGatewayId", r.id())));
    }
    for (TfResource r : at.resources.ofType("aws_route_table", "aws_default_route_table")) {
      table(r);
    }
    for (TfResource r : at.resources.ofType("aws_route")) {
      route(r);
    }
    for (TfResource r : at.resources.ofType("aws_route_table_association")) {
      association(r);
    }
    for (TfResource r : at.resources.ofType("aws_main_route_table_association")) {
      at.links.one(r, "route_table_id", TfRecords.TABLES, t -> true, "route table")
          .map(at.tables::get).ifPresent(t -> {
            ((ArrayNode) t.get("Associations")).addObject().put("Main", true);
            mainManaged.add(t.path("VpcId").asText());
          });
    }
    for (TfResource r : at.resources.ofType("aws_nat_gateway")) {
      nat(r);
    }
    mainTables();
  }

  /**
   * A VPC whose main route table no resource manages: Terraform made it with the local route
   * only, and that is what its subnets without an association use (private), said so.
   */
  private void mainTables() {
    for (TfResource v : at.resources.ofType("aws_vpc", "aws_default_vpc")) {
      if (mainManaged.contains(v.id()) || !at.vpcCidrs.containsKey(v.id())) {
        continue;
      }
      at.unmanagedMains.put(v.text("main_route_table_id").orElse(v.id()), v.id());
      v.text("default_route_table_id").ifPresent(id -> at.unmanagedMains.put(id, v.id()));
      ObjectNode t = TfRecords.object().put("RouteTableId", v.id()).put("VpcId", v.id());
      t.putArray("Routes");
      t.putArray("Associations").addObject().put("Main", true);
      at.inputs.add("RouteTables", TfRecords.record(v, t));
      boolean loose = at.subnetVpcs.entrySet().stream().anyMatch(
          e -> e.getValue().equals(v.id()) && !associated.contains(e.getKey())
              && !ipv6Only.contains(e.getKey()));
      if (loose) {
        at.links.assumed().add(v.address() + ": its main route table is not managed here:"
            + " taken as holding the local route only (its subnets without an association are"
            + " private)");
      }
    }
  }

  private void vpc(TfResource r) throws JsonFault {
    boolean isDefault = r.type().equals("aws_default_vpc");
    if (isDefault && r.text("cidr_block").isEmpty()) {
      at.links.assumed().add(r.address() + ": the default VPC's CIDR is known only after apply:"
          + " left out");
      return;
    }
    Cidr c = cidr(r);
    at.vpcCidrs.put(r.id(), c);
    ObjectNode v = TfRecords.object().put("VpcId", r.id()).put("CidrBlock", c.toString())
        .put("IsDefault", isDefault)
        .put("EnableDnsSupport", r.flag("enable_dns_support", true))
        .put("EnableDnsHostnames", r.flag("enable_dns_hostnames", isDefault));
    v.set("Tags", TfRecords.tags(r));
    at.inputs.add("Vpcs", TfRecords.record(r, v));
  }

  private void subnet(TfResource r) throws JsonFault {
    boolean v6 = r.text("cidr_block").isEmpty() && (r.flag("ipv6_native", false)
        || r.text("ipv6_cidr_block").isPresent());
    Cidr c = v6 ? null : cidr(r);
    String az = r.require("availability_zone");
    Optional<String> vpc = at.links.one(r, "vpc_id", TfRecords.VPCS,
        v -> v6 || at.vpcHolds(v, c), v6 ? "VPC" : "VPC whose CIDR holds " + c);
    if (vpc.isEmpty() || !at.vpcCidrs.containsKey(vpc.get())) {
      at.links.assumed().add(r.address() + ": its VPC " + vpc.orElse("") + " is not in this"
          + " file: left out");
      return;
    }
    at.subnetVpcs.put(r.id(), vpc.get());
    ObjectNode s = TfRecords.object().put("SubnetId", r.id()).put("VpcId", vpc.get())
        .put("AvailabilityZone", az);
    if (v6) {
      ipv6Only.add(r.id());
      // IPv6-only: the builder leaves it out, as it does such a describe-subnets element
      s.put("Ipv6Native", r.flag("ipv6_native", false));
      r.text("ipv6_cidr_block").ifPresent(v -> s.putArray("Ipv6CidrBlockAssociationSet")
          .addObject().put("Ipv6CidrBlock", v));
    } else {
      s.put("CidrBlock", c.toString());
    }
    s.set("Tags", TfRecords.tags(r));
    at.inputs.add("Subnets", TfRecords.record(r, s));
  }

  private static Cidr cidr(TfResource r) throws JsonFault {
    return TfRecords.cidr(r, ".cidr_block", r.require("cidr_block"));
  }

  private void table(TfResource r) {
    boolean isDefault = r.type().equals("aws_default_route_table");
    Optional<String> vpc = isDefault
        ? Optional.ofNullable(r.text("vpc_id").orElseGet(() -> defaultTableVpc(r)))
        : at.links.one(r, "vpc_id", TfRecords.VPCS, v -> true, "VPC");
    if (vpc.isEmpty()) {
      return;
    }
    ObjectNode t = TfRecords.object().put("RouteTableId", r.id()).put("VpcId", vpc.get());
    ArrayNode routes = t.putArray("Routes");
    JsonNode blocks = r.value("route").orElse(Json.mapper().createArrayNode());
    for (int i = 0; i < blocks.size(); i++) {
      JsonNode b = blocks.get(i);
      ObjectNode route = routes.addObject()
          .put("DestinationCidrBlock", b.path("cidr_block").asText(""));
      JsonNode unknown = r.unknown() == null ? null : r.unknown().path("route").path(i);
      for (Target target : TARGETS) {
        String id = b.path(target.attribute()).asText("");
        if (id.isEmpty() && unknown != null
            && unknown.path(target.attribute()).asBoolean(false)) {
          id = at.links.one(r, "route", target.types(), g -> true, target.what()).orElse("");
        }
        route.put(target.field(), id);
      }
    }
    ArrayNode associations = t.putArray("Associations");
    if (isDefault) {
      associations.addObject().put("Main", true);
      mainManaged.add(vpc.get());
      at.defaultTables.putIfAbsent(vpc.get(), r.id());
    }
    at.tables.put(r.id(), t);
    at.inputs.add("RouteTables", TfRecords.record(r, t));
  }

  /** The VPC whose {@code default_route_table_id} an {@code aws_default_route_table} names. */
  private String defaultTableVpc(TfResource r) {
    return at.links.one(r, "default_route_table_id", TfRecords.VPCS, v -> true, "VPC")
        .orElse(null);
  }

  private void route(TfResource r) {
    Optional<String> table = at.links.one(r, "route_table_id", TfRecords.TABLES, t -> true,
        "route table");
    String destination = r.text("destination_cidr_block").orElse("");
    if (table.isEmpty() || !at.tables.containsKey(table.get()) || destination.isEmpty()) {
      return;
    }
    ObjectNode route = ((ArrayNode) at.tables.get(table.get()).get("Routes")).addObject()
        .put("DestinationCidrBlock", destination);
    for (Target target : TARGETS) {
      String id = r.text(target.attribute()).orElse("");
      if (id.isEmpty() && r.isUnknown(target.attribute())) {
        id = at.links.one(r, target.attribute(), target.types(), g -> true, target.what())
            .orElse("");
      }
      route.put(target.field(), id);
    }
  }

  private void association(TfResource r) {
    Optional<String> subnet = at.links.one(r, "subnet_id", TfRecords.SUBNETS, s -> true,
        "subnet");
    if (subnet.isEmpty()) {
      return; // a gateway's association (edge association): not a subnet's table
    }
    String vpc = at.subnetVpcs.get(subnet.get());
    Optional<String> table = at.links.one(r, "route_table_id", TfRecords.TABLES,
        t -> vpc != null && vpc.equals(at.tableVpc(t.id())),
        "route table in its subnet's VPC");
    if (table.isPresent() && at.tables.containsKey(table.get())) {
      associated.add(subnet.get());
      ((ArrayNode) at.tables.get(table.get()).get("Associations")).addObject()
          .put("SubnetId", subnet.get());
    }
  }

  private void nat(TfResource r) {
    Optional<String> subnet = at.subnetOf(r);
    if (subnet.isEmpty()) {
      return;
    }
    ObjectNode n = TfRecords.object().put("NatGatewayId", r.id()).put("SubnetId", subnet.get())
        .put("ConnectivityType", r.text("connectivity_type").orElse("public"));
    at.inputs.add("NatGateways", TfRecords.record(r, n));
  }
}
