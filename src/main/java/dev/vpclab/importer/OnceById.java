package dev.vpclab.importer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One record per resource. The same id in several records (each account of a shared transit
 * gateway or a peering lists it, with its own tags; a file given twice) is one resource, read
 * once: from the copy first by file name and JSON path, so that the files' order does not
 * matter. An assumption line names the copies, and the fields in which they differ.
 */
final class OnceById {
  /** The id field of each kind's records; kinds not named here are kept as they are. */
  static final Map<String, String> ID = Map.ofEntries(Map.entry("Vpcs", "VpcId"),
      Map.entry("Subnets", "SubnetId"), Map.entry("RouteTables", "RouteTableId"),
      Map.entry("VpcEndpoints", "VpcEndpointId"), Map.entry("NatGateways", "NatGatewayId"),
      Map.entry("SecurityGroups", "GroupId"), Map.entry("Reservations", "ReservationId"),
      Map.entry("InternetGateways", "InternetGatewayId"),
      Map.entry("TransitGateways", "TransitGatewayId"),
      Map.entry("TransitGatewayVpcAttachments", "TransitGatewayAttachmentId"),
      Map.entry("VpcPeeringConnections", "VpcPeeringConnectionId"));

  private static final Comparator<Json> FIRST = Comparator.comparing(Json::file)
      .thenComparing(Json::path);

  private OnceById() {}

  /** The records with each id once, in their order; records without the id are kept. */
  static List<Json> of(String kind, List<Json> records, List<String> assumed) {
    String idField = ID.get(kind);
    if (idField == null) {
      return records;
    }
    Map<String, List<Json>> byId = new LinkedHashMap<>();
    for (Json r : records) {
      byId.computeIfAbsent(r.optText(idField).orElse(""), k -> new ArrayList<>()).add(r);
    }
    List<Json> kept = new ArrayList<>();
    for (Json r : records) {
      List<Json> copies = byId.get(r.optText(idField).orElse(""));
      if (r.optText(idField).isEmpty() || copies.size() == 1) {
        kept.add(r);
      } else if (r == copies.stream().min(FIRST).orElseThrow()) {
        kept.add(r);
        assumed.add(said(r.optText(idField).get(), copies));
      }
    }
    return kept;
  }

  private static String said(String id, List<Json> copies) {
    List<Json> sorted = new ArrayList<>(copies);
    sorted.sort(FIRST);
    List<String> where = sorted.stream().map(c -> c.file() + " " + c.path()).toList();
    Set<String> differ = new TreeSet<>();
    JsonNode first = sorted.get(0).node();
    for (Json c : sorted.subList(1, sorted.size())) {
      first.fieldNames().forEachRemaining(f -> {
        if (!first.get(f).equals(c.node().get(f))) {
          differ.add(f);
        }
      });
      c.node().fieldNames().forEachRemaining(f -> {
        if (!first.has(f)) {
          differ.add(f);
        }
      });
    }
    return id + " is described " + (copies.size() == 2 ? "twice" : copies.size() + " times")
        + " (" + String.join(", ", where) + "): read once, from the first"
        + (differ.isEmpty() ? "" : " (they differ in " + String.join(", ", differ) + ")");
  }
}
