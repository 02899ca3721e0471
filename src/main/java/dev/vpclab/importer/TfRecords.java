package dev.vpclab.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpclab.model.Cidr;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the Terraform readers share: the resources and links of one file, the describe-shaped
 * records made so far (by kind, in {@link AwsInputs}), and what is known of the VPCs and subnets
 * for the links that must fit them.
 */
final class TfRecords {
  static final Set<String> VPCS = Set.of("aws_vpc", "aws_default_vpc");
  static final Set<String> SUBNETS = Set.of("aws_subnet", "aws_default_subnet");
  static final Set<String> TABLES = Set.of("aws_route_table", "aws_default_route_table");
  static final Set<String> GROUPS = Set.of("aws_security_group", "aws_default_security_group");

  final TfResources resources;
  final TfLinks links;
  final AwsInputs inputs = new AwsInputs();
  final Map<String, Cidr> vpcCidrs = new HashMap<>();
  final Map<String, String> subnetVpcs = new HashMap<>();
  final Map<String, ObjectNode> tables = new HashMap<>();
  /**
   * The VPCs (by id) whose main route table no resource manages, by that table's id as the state
   * has it ({@code main_route_table_id}); the table taken for it has the VPC's id.
   */
  final Map<String, String> unmanagedMains = new HashMap<>();
  /**
   * The {@code aws_default_route_table} (by id) that manages a VPC's default route table, by the
   * VPC's id: what {@code aws_vpc.X.default_route_table_id} (or {@code main_route_table_id})
   * names.
   */
  final Map<String, String> defaultTables = new HashMap<>();

  /**
   * The route table an id in an endpoint's {@code route_table_ids} stands for: a VPC (named
   * through its {@code default_route_table_id} or {@code main_route_table_id}) or its unmanaged
   * main table's AWS id is the VPC's main table: its {@code aws_default_route_table}, else the
   * table taken for it (which has the VPC's id).
   */
  String mainTable(String id) {
    String vpc = unmanagedMains.getOrDefault(id, id);
    return defaultTables.getOrDefault(vpc, vpc);
  }

  TfRecords(TfResources resources, TfLinks links) {
    this.resources = resources;
    this.links = links;
  }

  static ObjectNode object() {
    return Json.mapper().createObjectNode();
  }

  /** A record of a resource: located at its values, with its address as origin. */
  static Json record(TfResource r, ObjectNode node) {
    return new Json(r.values().file(), r.values().path(), node, r.origin());
  }

  /** A resource's {@code tags} as the AWS CLI prints them; no Name tag: its address's name. */
  static ArrayNode tags(TfResource r) {
    ArrayNode out = Json.mapper().createArrayNode();
    JsonNode tags = r.value("tags").filter(JsonNode::isObject).orElse(object());
    String name = tags.path("Name").asText("");
    if (name.isBlank()) {
      name = r.name() + (r.key().isEmpty() ? "" : "-" + r.key());
    }
    out.addObject().put("Key", "Name").put("Value", name);
    return out;
  }

  static ArrayNode texts(Collection<String> values) {
    ArrayNode out = Json.mapper().createArrayNode();
    values.forEach(out::add);
    return out;
  }

  /** An IPv4 CIDR an attribute of a resource holds ({@code at} its path there), else a fault. */
  static Cidr cidr(TfResource r, String at, String text) throws JsonFault {
    try {
      return Cidr.parse(text);
    } catch (RuntimeException e) {
      throw new JsonFault(r.values().file(), r.values().path() + at, "not an IPv4 CIDR: " + text);
    }
  }

  /** The VPC (by id) of a route table read, by its id; null for one not read. */
  String tableVpc(String id) {
    ObjectNode t = tables.get(id);
    return t == null ? null : t.path("VpcId").asText();
  }

  /** Whether a VPC's CIDR holds a CIDR (what AWS requires of a subnet's VPC). */
  boolean vpcHolds(TfResource vpc, Cidr c) {
    Cidr v = vpcCidrs.get(vpc.id());
    return v != null && c != null && v.contains(c);
  }

  /**
   * The subnet (by id) a resource's {@code subnet_id} names, when it is in this file; else empty,
   * and the resource is said to be left out.
   */
  Optional<String> subnetOf(TfResource r) {
    Optional<String> subnet = links.one(r, "subnet_id", SUBNETS, s -> true, "subnet");
    if (subnet.isEmpty() || !subnetVpcs.containsKey(subnet.get())) {
      links.assumed().add(r.address() + ": its subnet is not in this file: left out");
      return Optional.empty();
    }
    return subnet;
  }

  boolean subnetIn(TfResource subnet, String vpcId) {
    return vpcId != null && vpcId.equals(subnetVpcs.get(subnet.id()));
  }
}
