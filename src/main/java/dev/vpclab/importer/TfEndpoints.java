package dev.vpclab.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Security groups (inline {@code ingress}, {@code aws_security_group_rule} of type ingress,
 * {@code aws_vpc_security_group_ingress_rule}), VPC endpoints (with
 * {@code aws_vpc_endpoint_subnet_association}s) and instances of a Terraform file, as
 * describe-shaped records. An endpoint without {@code vpc_endpoint_type} is left without a type:
 * the builder takes it as Gateway, the provider's default.
 */
final class TfEndpoints {
  private final TfRecords at;
  private final Map<String, ArrayNode> permissions = new HashMap<>();
  private final Map<String, ArrayNode> endpointSubnets = new HashMap<>();
  private final Map<String, ArrayNode> endpointTables = new HashMap<>();

  TfEndpoints(TfRecords at) {
    this.at = at;
  }

  void read() throws JsonFault {
    for (TfResource r : at.resources.ofType("aws_security_group", "aws_default_security_group")) {
      group(r);
    }
    for (TfResource r : at.resources.ofType("aws_security_group_rule")) {
      if (r.text("type").orElse("").equals("ingress")) {
        rule(r, "protocol", "cidr_blocks", "source_security_group_id");
      }
    }
    for (TfResource r : at.resources.ofType("aws_vpc_security_group_ingress_rule")) {
      rule(r, "ip_protocol", "cidr_ipv4", "referenced_security_group_id");
    }
    for (TfResource r : at.resources.ofType("aws_vpc_endpoint")) {
      endpoint(r);
    }
    associations("aws_vpc_endpoint_subnet_association", "subnet_id", TfRecords.SUBNETS,
        "subnet", endpointSubnets);
    associations("aws_vpc_endpoint_route_table_association", "route_table_id",
        TfRecords.TABLES, "route table", endpointTables);
    for (TfResource r : at.resources.ofType("aws_instance")) {
      instance(r);
    }
  }

  /**
   * An endpoint's association resources of one type: each adds the id its {@code attribute}
   * names to the endpoint's list in {@code lists} (an endpoint not read gets nothing).
   */
  private void associations(String type, String attribute, Set<String> types, String what,
      Map<String, ArrayNode> lists) {
    for (TfResource r : at.resources.ofType(type)) {
      Optional<String> e = at.links.one(r, "vpc_endpoint_id", Set.of("aws_vpc_endpoint"),
          t -> true, "endpoint");
      Optional<String> x = at.links.one(r, attribute, types, t -> true, what);
      if (e.isPresent() && x.isPresent() && lists.containsKey(e.get())) {
        lists.get(e.get()).add(x.get());
      }
    }
  }

  private void group(TfResource r) throws JsonFault {
    ObjectNode g = TfRecords.object().put("GroupId", r.id());
    ArrayNode perms = g.putArray("IpPermissions");
    JsonNode ingress = r.value("ingress").filter(JsonNode::isArray)
        .orElse(Json.mapper().createArrayNode());
    for (int k = 0; k < ingress.size(); k++) {
      JsonNode i = ingress.get(k);
      ObjectNode p = permission(perms, i.path("protocol").asText(""), i.path("from_port"),
          i.path("to_port"));
      ranges(p, i.path("cidr_blocks"), r, ".ingress[" + k + "].cidr_blocks");
      List<String> sources = i.path("security_groups").isArray() ? texts(i.path("security_groups"))
          : at.links.many(r, "ingress", TfRecords.GROUPS, t -> true);
      sources.forEach(s -> ((ArrayNode) p.get("UserIdGroupPairs")).addObject().put("GroupId", s));
      if (i.path("self").asBoolean(false)) {
        ((ArrayNode) p.get("UserIdGroupPairs")).addObject().put("GroupId", r.id());
      }
    }
    permissions.put(r.id(), perms);
    at.inputs.add("SecurityGroups", TfRecords.record(r, g));
  }

  private static List<String> texts(JsonNode list) {
    List<String> out = new java.util.ArrayList<>();
    list.forEach(v -> out.add(v.asText()));
    return out;
  }

  private static ObjectNode permission(ArrayNode perms, String protocol, JsonNode from,
      JsonNode to) {
    ObjectNode p = perms.addObject().put("IpProtocol", protocol.equals("all") ? "-1" : protocol);
    if (from.isNumber()) {
      p.put("FromPort", from.asInt());
    }
    if (to.isNumber()) {
      p.put("ToPort", to.asInt());
    }
    p.putArray("IpRanges");
    p.putArray("UserIdGroupPairs");
    return p;
  }

  /** Adds the IPv4 CIDRs of a list (or one) to a permission: each must be one. */
  private static void ranges(ObjectNode permission, JsonNode cidrs, TfResource r, String at)
      throws JsonFault {
    if (cidrs.isMissingNode() || cidrs.isNull()) {
      return;
    }
    JsonNode list = cidrs.isArray() ? cidrs : Json.mapper().createArrayNode().add(cidrs);
    for (int j = 0; j < list.size(); j++) {
      String text = list.get(j).asText();
      TfRecords.cidr(r, at + (cidrs.isArray() ? "[" + j + "]" : ""), text);
      ((ArrayNode) permission.get("IpRanges")).addObject().put("CidrIp", text);
    }
  }

  private void rule(TfResource r, String protocol, String cidrs, String source)
      throws JsonFault {
    Optional<String> group = at.links.one(r, "security_group_id", TfRecords.GROUPS, t -> true,
        "security group");
    if (group.isEmpty() || !permissions.containsKey(group.get())) {
      return;
    }
    ObjectNode p = permission(permissions.get(group.get()), r.text(protocol).orElse(""),
        r.value("from_port").orElse(Json.mapper().nullNode()),
        r.value("to_port").orElse(Json.mapper().nullNode()));
    ranges(p, r.value(cidrs).orElse(Json.mapper().createArrayNode()), r, "." + cidrs);
    at.links.one(r, source, TfRecords.GROUPS, t -> true, "security group").ifPresent(
        s -> ((ArrayNode) p.get("UserIdGroupPairs")).addObject().put("GroupId", s));
    if (r.flag("self", false)) {
      ((ArrayNode) p.get("UserIdGroupPairs")).addObject().put("GroupId", group.get());
    }
  }

  private void endpoint(TfResource r) throws JsonFault {
    String service = r.require("service_name");
    Optional<String> vpc = at.links.one(r, "vpc_id", TfRecords.VPCS, t -> true, "VPC");
    if (vpc.isEmpty() || !at.vpcCidrs.containsKey(vpc.get())) {
      at.links.assumed().add(r.address() + ": its VPC is not in this file: left out");
      return;
    }
    ObjectNode e = TfRecords.object().put("VpcEndpointId", r.id()).put("VpcId", vpc.get())
        .put("State", r.text("state").orElse("available"))
        .put("ServiceName", service)
        .put("PrivateDnsEnabled", r.flag("private_dns_enabled", false));
    r.text("vpc_endpoint_type").ifPresent(t -> e.put("VpcEndpointType", t));
    ArrayNode subnets = TfRecords.texts(at.links.many(r, "subnet_ids", TfRecords.SUBNETS,
        s -> at.subnetIn(s, vpc.get())));
    e.set("SubnetIds", subnets);
    if (r.text("vpc_endpoint_type").orElse("Gateway").equalsIgnoreCase("Gateway")) {
      // the tables Terraform puts its route on: route_table_ids and its associations
      // a VPC's main table (aws_vpc.x.default_route_table_id or main_route_table_id) is its
      // aws_default_route_table, else the one taken for it
      Set<String> types = new java.util.HashSet<>(TfRecords.TABLES);
      types.addAll(TfRecords.VPCS);
      ArrayNode tables = TfRecords.texts(at.links.many(r, "route_table_ids", types,
          t -> vpc.get().equals(at.tableVpc(t.id())) || t.id().equals(vpc.get())
              && (at.unmanagedMains.containsValue(t.id())
                  || at.defaultTables.containsKey(t.id()))).stream()
          .map(at::mainTable).distinct().toList());
      e.set("RouteTableIds", tables);
      endpointTables.put(r.id(), tables);
    }
    endpointSubnets.put(r.id(), subnets);
    ArrayNode groups = e.putArray("Groups");
    at.links.many(r, "security_group_ids", TfRecords.GROUPS, t -> true)
        .forEach(g -> groups.addObject().put("GroupId", g));
    JsonNode dns = r.value("dns_options").orElse(Json.mapper().createArrayNode()).path(0)
        .path("private_dns_only_for_inbound_resolver_endpoint");
    if (dns.isBoolean()) {
      e.putObject("DnsOptions").put("PrivateDnsOnlyForInboundResolverEndpoint", dns.asBoolean());
    }
    e.set("Tags", TfRecords.tags(r));
    at.inputs.add("VpcEndpoints", TfRecords.record(r, e));
  }

  private void instance(TfResource r) {
    Optional<String> subnet = at.subnetOf(r);
    if (subnet.isEmpty()) {
      return;
    }
    ObjectNode i = TfRecords.object().put("InstanceId", r.id()).put("SubnetId", subnet.get());
    i.putObject("State").put("Name", r.text("instance_state").orElse("running"));
    i.set("Tags", TfRecords.tags(r));
    ArrayNode groups = i.putArray("SecurityGroups");
    at.links.many(r, "vpc_security_group_ids", TfRecords.GROUPS, t -> true)
        .forEach(g -> groups.addObject().put("GroupId", g));
    ObjectNode reservation = TfRecords.object();
    reservation.putArray("Instances").add(i);
    at.inputs.add("Reservations", TfRecords.record(r, reservation));
  }
}
