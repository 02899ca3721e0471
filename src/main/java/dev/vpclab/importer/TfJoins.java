package dev.vpclab.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Transit gateway attachments, peering connections, Route 53 zones (with
 * {@code aws_route53_zone_association}s) and their alias records of a Terraform file, as
 * describe-shaped records. An attachment's subnets must be in its VPC; a peering's status is its
 * {@code accept_status} (active when not known yet). A zone's {@code vpc} blocks whose ids are
 * known only after apply, and that no reference names (a {@code dynamic} block), are chosen by
 * {@link TfZoneVpcs}.
 */
final class TfJoins {
  private final TfRecords at;
  private final List<TfZoneVpcs.Zone> unknownVpcs = new ArrayList<>();

  TfJoins(TfRecords at) {
    this.at = at;
  }

  void read() {
    for (TfResource r : at.resources.ofType("aws_ec2_transit_gateway")) {
      ObjectNode t = TfRecords.object().put("TransitGatewayId", r.id());
      t.set("Tags", TfRecords.tags(r));
      at.inputs.add("TransitGateways", TfRecords.record(r, t));
    }
    for (TfResource r : at.resources.ofType("aws_ec2_transit_gateway_vpc_attachment")) {
      attachment(r);
    }
    for (TfResource r : at.resources.ofType("aws_vpc_peering_connection")) {
      peering(r);
    }
    List<ObjectNode> zones = new ArrayList<>();
    for (TfResource r : at.resources.ofType("aws_route53_zone")) {
      zones.add(zone(r));
    }
    for (TfResource r : at.resources.ofType("aws_route53_zone_association")) {
      Optional<String> zone = at.links.one(r, "zone_id", Set.of("aws_route53_zone"), t -> true,
          "hosted zone");
      Optional<String> vpc = at.links.one(r, "vpc_id", TfRecords.VPCS, t -> true, "VPC");
      for (ObjectNode z : zones) {
        if (zone.isPresent() && vpc.isPresent()
            && z.path("HostedZone").path("Id").asText().equals(zone.get())) {
          ((ArrayNode) z.get("VPCs")).addObject().put("VPCId", vpc.get());
          ((ObjectNode) z.get("HostedZone")).putObject("Config").put("PrivateZone", true);
        }
      }
    }
    for (TfResource r : at.resources.ofType("aws_route53_record")) {
      record(r);
    }
    new TfZoneVpcs(at).choose(unknownVpcs);
  }

  private void attachment(TfResource r) {
    Optional<String> vpc = at.links.one(r, "vpc_id", TfRecords.VPCS, t -> true, "VPC");
    Optional<String> tgw = at.links.one(r, "transit_gateway_id",
        Set.of("aws_ec2_transit_gateway"), t -> true, "transit gateway");
    if (vpc.isEmpty() || tgw.isEmpty() || !at.vpcCidrs.containsKey(vpc.get())) {
      at.links.assumed().add(r.address() + ": its VPC or transit gateway is not in this file:"
          + " left out");
      return;
    }
    ObjectNode a = TfRecords.object().put("TransitGatewayAttachmentId", r.id())
        .put("TransitGatewayId", tgw.get()).put("VpcId", vpc.get()).put("State", "available");
    a.set("SubnetIds", TfRecords.texts(at.links.many(r, "subnet_ids", TfRecords.SUBNETS,
        s -> at.subnetIn(s, vpc.get()))));
    at.inputs.add("TransitGatewayVpcAttachments", TfRecords.record(r, a));
  }

  private void peering(TfResource r) {
    Optional<String> a = at.links.one(r, "vpc_id", TfRecords.VPCS, t -> true, "VPC");
    Optional<String> b = at.links.one(r, "peer_vpc_id", TfRecords.VPCS, t -> true,
        "VPC");
    ObjectNode p = TfRecords.object().put("VpcPeeringConnectionId", r.id());
    p.putObject("RequesterVpcInfo").put("VpcId", a.orElse(""));
    p.putObject("AccepterVpcInfo").put("VpcId", b.orElse(""));
    p.putObject("Status").put("Code", r.text("accept_status").orElse("active"));
    at.inputs.add("VpcPeeringConnections", TfRecords.record(r, p));
  }

  private ObjectNode zone(TfResource r) {
    ObjectNode root = TfRecords.object();
    String name = r.text("name").orElse("");
    ObjectNode zone = root.putObject("HostedZone").put("Id", r.text("zone_id").orElse(r.id()))
        .put("Name", Shares.bare(name));
    JsonNode blocks = r.value("vpc").orElse(Json.mapper().createArrayNode());
    zone.putObject("Config").put("PrivateZone", !blocks.isEmpty());
    ArrayNode vpcs = root.putArray("VPCs");
    int unknown = 0;
    for (JsonNode b : blocks) {
      if (b.path("vpc_id").isTextual() && !b.path("vpc_id").asText().isEmpty()) {
        vpcs.addObject().put("VPCId", b.path("vpc_id").asText());
      } else {
        unknown++;
      }
    }
    if (unknown > 0) {
      List<String> referenced = at.links.many(r, "vpc", TfRecords.VPCS, t -> true);
      if (referenced.size() == unknown) {
        referenced.forEach(v -> vpcs.addObject().put("VPCId", v));
      } else {
        unknownVpcs.add(new TfZoneVpcs.Zone(r, root, unknown));
      }
    }
    at.inputs.add("HostedZone", TfRecords.record(r, root));
    return root;
  }

  private void record(TfResource r) {
    JsonNode alias = r.value("alias").orElse(Json.mapper().createArrayNode()).path(0);
    if (alias.isMissingNode()) {
      return;
    }
    String target = alias.path("name").asText("");
    if (target.isEmpty()) {
      target = at.links.one(r, "alias", Set.of("aws_vpc_endpoint"), t -> true,
          "endpoint").orElse("");
    }
    String name = r.text("fqdn").orElse(r.text("name").orElse(""));
    ObjectNode rec = TfRecords.object()
        .put("Name", Shares.bare(name))
        .put("Type", r.text("type").orElse(""));
    rec.putObject("AliasTarget").put("DNSName", target);
    at.inputs.add("ResourceRecordSets", TfRecords.record(r, rec));
  }
}
