package dev.vpclab.importer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The VPCs of a private hosted zone whose {@code vpc} blocks are known only after apply and named
 * by no reference (a {@code dynamic} block): when the zone is {@code SERVICE.REGION.amazonaws.com}
 * and its alias record names an interface endpoint, they are taken as the VPCs joined to that
 * endpoint's VPC (a transit gateway both attach to, or a peering) that have no endpoint of their
 * own for the service, if there are as many as the zone has blocks. Either way an assumption says
 * what was done.
 */
final class TfZoneVpcs {
  /** A zone, its record, and how many of its VPCs are unknown. */
  record Zone(TfResource resource, ObjectNode record, int unknown) {}

  private final TfRecords at;

  TfZoneVpcs(TfRecords at) {
    this.at = at;
  }

  void choose(List<Zone> zones) {
    for (Zone z : zones) {
      String name = z.record().path("HostedZone").path("Name").asText().toLowerCase(Locale.ROOT);
      String service = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
      String endpoint = aliased(name);
      String home = endpoint == null ? null : field("VpcEndpoints", "VpcEndpointId", endpoint,
          "VpcId");
      List<String> chosen = new ArrayList<>();
      if (home != null) {
        for (String v : joined(home)) {
          if (!hasEndpoint(v, service)) {
            chosen.add(v);
          }
        }
      }
      String what = z.resource().address() + ".vpc: " + z.unknown() + " VPC"
          + (z.unknown() == 1 ? "" : "s") + " known only after apply, named by no reference";
      if (home == null || chosen.size() != z.unknown()) {
        at.links.assumed().add(what + ": left out");
        continue;
      }
      ArrayNode vpcs = (ArrayNode) z.record().get("VPCs");
      chosen.forEach(v -> vpcs.addObject().put("VPCId", v));
      at.links.assumed().add(what + ": taken as the VPCs joined to the " + service
          + " endpoint's VPC without an endpoint of their own (" + names(chosen) + ")");
    }
  }

  /** The endpoint id the zone's alias record names, or null. */
  private String aliased(String zoneName) {
    for (Json r : at.inputs.get("ResourceRecordSets")) {
      if (r.node().path("Name").asText().equalsIgnoreCase(zoneName)) {
        String dns = r.node().path("AliasTarget").path("DNSName").asText();
        for (Json e : at.inputs.get("VpcEndpoints")) {
          String id = e.node().path("VpcEndpointId").asText();
          if (dns.equalsIgnoreCase(id) || dns.toLowerCase(Locale.ROOT)
              .startsWith(id.toLowerCase(Locale.ROOT) + "-")) {
            return id;
          }
        }
      }
    }
    return null;
  }

  private String field(String kind, String key, String value, String field) {
    for (Json j : at.inputs.get(kind)) {
      if (j.node().path(key).asText().equals(value)) {
        return j.node().path(field).asText();
      }
    }
    return null;
  }

  /** The VPCs a transit gateway or a peering joins to a VPC. */
  private Set<String> joined(String vpc) {
    Set<String> out = new LinkedHashSet<>();
    List<Json> attachments = at.inputs.get("TransitGatewayVpcAttachments");
    for (Json a : attachments) {
      if (a.node().path("VpcId").asText().equals(vpc)) {
        String tgw = a.node().path("TransitGatewayId").asText();
        attachments.stream().filter(b -> b.node().path("TransitGatewayId").asText().equals(tgw))
            .forEach(b -> out.add(b.node().path("VpcId").asText()));
      }
    }
    for (Json p : at.inputs.get("VpcPeeringConnections")) {
      String a = p.node().path("RequesterVpcInfo").path("VpcId").asText();
      String b = p.node().path("AccepterVpcInfo").path("VpcId").asText();
      if (a.equals(vpc)) {
        out.add(b);
      } else if (b.equals(vpc)) {
        out.add(a);
      }
    }
    out.remove(vpc);
    return out;
  }

  private boolean hasEndpoint(String vpc, String service) {
    for (Json e : at.inputs.get("VpcEndpoints")) {
      if (e.node().path("VpcId").asText().equals(vpc)
          && e.node().path("ServiceName").asText().endsWith("." + service)) {
        return true;
      }
    }
    return false;
  }

  private String names(List<String> vpcIds) {
    List<String> out = new ArrayList<>();
    for (String id : vpcIds) {
      String name = id;
      for (TfResource r : at.resources.ofType("aws_vpc", "aws_default_vpc")) {
        if (r.id().equals(id)) {
          name = r.address();
        }
      }
      out.add(name);
    }
    return String.join(", ", out);
  }
}
