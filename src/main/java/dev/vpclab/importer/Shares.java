package dev.vpclab.importer;

import dev.vpclab.model.Services;
import dev.vpclab.model.Share;
import dev.vpclab.model.Vpc;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code share} lines from Route 53: a private hosted zone named {@code S.<region>.amazonaws.com}
 * ({@code get-hosted-zone}, which lists its VPCs) whose alias record
 * ({@code list-resource-record-sets}, matched to the zone by name) points at an interface
 * endpoint ({@code vpce-...}) of one VPC read: that VPC shares S with the zone's other VPCs.
 * Without the record, the one VPC among the zone's that has an endpoint for S is taken (an
 * assumption). {@code list-hosted-zones} alone names no VPC: its zones give nothing.
 */
final class Shares {
  private final AwsImport at;

  Shares(AwsImport at) {
    this.at = at;
  }

  List<Share> build(List<Vpc> vpcs) throws JsonFault {
    List<Share> out = new ArrayList<>();
    for (Json root : at.inputs().get("HostedZone")) {
      Json zone = root.field("HostedZone");
      String name = zone.text("Name");
      String id = zone.text("Id").replace("/hostedzone/", "");
      String bare = bare(name);
      String suffix = "." + at.region().code() + ".amazonaws.com";
      if (!zone.has("Config") || !zone.field("Config").flag("PrivateZone", false)
          || !bare.endsWith(suffix)) {
        continue;
      }
      String service = bare.substring(0, bare.length() - suffix.length());
      if (!Services.isKnown(service)) {
        continue;
      }
      List<String> zoneVpcs = new ArrayList<>();
      for (Json v : root.list("VPCs")) {
        String vpc = at.vpcNames().get(v.text("VPCId"));
        if (vpc != null) {
          zoneVpcs.add(vpc);
        }
      }
      Optional<String> from = aliasTarget(name, service, vpcs, zoneVpcs, id);
      if (from.isEmpty()) {
        continue;
      }
      List<String> with = new ArrayList<>(zoneVpcs);
      with.remove(from.get());
      if (with.isEmpty()) {
        continue;
      }
      with.sort(null);
      out.add(new Share(service, from.get(), with, AwsImport.origin(zone, id)));
    }
    return out;
  }

  /** A DNS name without its root's dot ({@code s3.us-east-1.amazonaws.com.}). */
  static String bare(String name) {
    return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
  }

  private Optional<String> aliasTarget(String zoneName, String service, List<Vpc> vpcs,
      List<String> zoneVpcs, String zoneId) throws JsonFault {
    for (Json r : at.inputs().get("ResourceRecordSets")) {
      if (!zoneName.equalsIgnoreCase(r.optText("Name").orElse("")) || !r.has("AliasTarget")) {
        continue;
      }
      String dns = r.field("AliasTarget").text("DNSName").toLowerCase(Locale.ROOT);
      for (Map.Entry<String, String> e : at.endpointVpcs().entrySet()) {
        String id = e.getKey().toLowerCase(Locale.ROOT);
        if (dns.equals(id) || dns.startsWith(id + "-")) {
          return Optional.of(e.getValue());
        }
      }
      String[] parts = dns.split("-", 3);
      if (parts.length < 3 || !parts[0].equals("vpce")) {
        continue;
      }
      String endpointId = parts[0] + "-" + parts[1];
      at.assumed().add("zone " + zoneId + " aliases " + endpointId
          + ", an endpoint not read: no share");
      return Optional.empty();
    }
    List<String> owners = new ArrayList<>();
    for (Vpc v : vpcs) {
      if (zoneVpcs.contains(v.name()) && v.endpoint(service).isPresent()) {
        owners.add(v.name());
      }
    }
    if (owners.size() == 1) {
      at.assumed().add("zone " + zoneId + ": no alias record given (list-resource-record-sets);"
          + " taken as " + owners.get(0) + "'s endpoint for " + service);
      return Optional.of(owners.get(0));
    }
    at.assumed().add("zone " + zoneId + ": no alias record given and " + owners.size()
        + " of its VPCs have an endpoint for " + service + ": no share");
    return Optional.empty();
  }
}
