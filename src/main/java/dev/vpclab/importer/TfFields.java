package dev.vpclab.importer;

import java.util.Map;

/**
 * The Terraform attribute a field of a describe-shaped record stands for ({@code CidrBlock} is a
 * subnet's {@code cidr_block}), so that a fault about a record made from a Terraform resource
 * points at the attribute in the Terraform file.
 */
final class TfFields {
  private static final Map<String, String> ATTRIBUTES = Map.ofEntries(
      Map.entry("VpcId", "vpc_id"), Map.entry("SubnetId", "subnet_id"),
      Map.entry("CidrBlock", "cidr_block"), Map.entry("AvailabilityZone", "availability_zone"),
      Map.entry("SubnetIds", "subnet_ids"), Map.entry("ServiceName", "service_name"),
      Map.entry("VpcEndpointType", "vpc_endpoint_type"), Map.entry("Groups", "security_group_ids"),
      Map.entry("TransitGatewayId", "transit_gateway_id"), Map.entry("Tags", "tags"),
      Map.entry("IpPermissions", "ingress"),
      Map.entry("SecurityGroups", "vpc_security_group_ids"));

  private TfFields() {}

  static String attribute(String field) {
    return ATTRIBUTES.getOrDefault(field, field);
  }
}
