package dev.vpclab.importer;

import dev.vpclab.model.Addresses;
import dev.vpclab.model.AllowRule;
import dev.vpclab.model.Cidr;
import dev.vpclab.model.Eni;
import dev.vpclab.model.GatewayEndpoint;
import dev.vpclab.model.Instance;
import dev.vpclab.model.InterfaceEndpoint;
import dev.vpclab.model.Layout;
import dev.vpclab.model.NatGateway;
import dev.vpclab.model.Origin;
import dev.vpclab.model.Peering;
import dev.vpclab.model.Region;
import dev.vpclab.model.Subnet;
import dev.vpclab.model.TransitGateway;
import dev.vpclab.model.Vpc;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A design from {@code aws ec2 describe-*} outputs (see docs/import.md): VPCs by id, each with
 * its subnets (sorted by CIDR; public when their route table, else the VPC's main one, sends
 * 0.0.0.0/0 to an internet gateway), NAT gateways, endpoints, instances grouped by Name tag,
 * transit gateway attachments and active peerings. Whatever vpclab had to choose is kept as an
 * assumption, written into the file as {@code # assumed:} lines. Names are chosen in a sorted
 * order, so the files' order does not change the result.
 */
public final class AwsImport {
  /** One input: a file's name (as messages show it) and its text. */
  public record Input(String file, String text, boolean fromFolder) {
    /** A file named on its own: one vpclab does not read is an error. */
    public Input(String file, String text) {
      this(file, text, false);
    }
  }

  /** The design and the choices made. */
  public record Result(Layout layout, List<String> assumed) {
    /**
     * The scenario text: the layout, then its cost (what a design costs needs nothing more; what
     * breaks needs what the instances need, which no import knows).
     */
    public String text() {
      return LayoutWriter.write(layout, assumed) + "\n"
          + "# add what the instances need (instance NAME ... needs ssm, s3, internet) and their\n"
          + "# traffic, then ask: check " + layout.name() + ", resilience " + layout.name() + "\n"
          + "cost " + layout.name() + "\n";
    }
  }

  private final AwsInputs in;
  private final Names names = new Names();
  private final List<String> assumed;
  private final Map<String, Json> vpcJson = new TreeMap<>();
  private final Map<String, Json> subnetJson = new LinkedHashMap<>();
  private final Map<String, String> vpcNames = new LinkedHashMap<>();
  private final Map<String, Subnet> subnets = new LinkedHashMap<>();
  private final Set<String> ipv6Only = new java.util.HashSet<>();
  private final Map<String, Json> groups = new LinkedHashMap<>();
  private final Set<String> used = new LinkedHashSet<>();
  private final Map<String, String> endpointVpcs = new LinkedHashMap<>();
  private final String regionHint;
  private Region region;
  private TgwRecords tgwRecords;
  /** The subnet a transit gateway attaches, by VPC name and AZ ({@link #attachedIn}). */
  private Map<String, Subnet> attachedByAz;

  private AwsImport(AwsInputs in, List<String> assumed, String regionHint) {
    this.in = in;
    this.assumed = new ArrayList<>(assumed);
    this.regionHint = regionHint;
  }

  public static Result read(List<Input> inputs, String layoutName) throws JsonFault {
    AwsInputs in = new AwsInputs();
    List<String> skipped = new ArrayList<>();
    for (Input i : inputs) {
      in.add(i.file(), i.text(), i.fromFolder() ? skipped : null);
    }
    return build(in, layoutName, skipped, null);
  }

  /**
   * The design of describe-shaped records, however they were read: the choices a reader made
   * already come first among the assumptions; the Region is the subnets' (else {@code
   * regionHint}, if not null, else the default).
   */
  static Result build(AwsInputs in, String layoutName, List<String> assumed, String regionHint)
      throws JsonFault {
    return new AwsImport(in, assumed, regionHint).build(layoutName);
  }

  private Result build(String layoutName) throws JsonFault {
    in.readOnce(assumed);
    tgwRecords = new TgwRecords(in.get("TransitGateways"));
    for (Json v : in.get("Vpcs")) {
      vpcJson.put(v.text("VpcId"), v);
      cidr(v, "CidrBlock");
    }
    for (Json s : in.get("Subnets")) {
      subnetJson.put(s.text("SubnetId"), s);
      vpcOf(s);
      regionOf(s);
    }
    if (region == null && regionHint != null && Region.of(regionHint).isPresent()) {
      region = Region.of(regionHint).get();
      assumed.add("no subnet names an AZ: Region " + region.code() + " of the provider");
    }
    if (region == null) {
      region = Region.defaultRegion();
      assumed.add("no subnet names an AZ: Region " + region.code());
    }
    for (Json g : in.get("SecurityGroups")) {
      groups.put(g.text("GroupId"), g);
    }
    markUsed();
    for (String id : vpcJson.keySet()) {
      Json v = vpcJson.get(id);
      if (v.flag("IsDefault", false) && !used.contains(id)) {
        assumed.add("default VPC " + id + " has nothing in it: left out");
        continue;
      }
      vpcNames.put(id, names.name(v.nameTag().orElse(null), v, id));
    }
    Public publicity = new Public(in.get("RouteTables"), in.get("InternetGateways"),
        !subnetJson.isEmpty(), assumed);
    Map<String, List<Subnet>> subnetsOf = new LinkedHashMap<>();
    vpcNames.keySet().forEach(id -> subnetsOf.put(id, new ArrayList<>()));
    List<Json> sorted = new ArrayList<>(subnetJson.values());
    sorted.sort(Comparator.comparing(AwsImport::cidrOrNull, Comparator.nullsLast(
        Comparator.naturalOrder())).thenComparing(s -> s.node().path("SubnetId").asText()));
    for (Json s : sorted) {
      String vpcId = s.text("VpcId");
      if (!vpcNames.containsKey(vpcId)) {
        continue;
      }
      String id = s.text("SubnetId");
      Optional<String> v6 = Ipv6Only.cidrs(s);
      if (v6.isPresent()) {
        ipv6Only.add(id);
        assumed.add("subnet " + s.nameTag().map(n -> n + " (" + id + ")").orElse(id)
            + " is IPv6-only (" + v6.get() + "): left out (vpclab's subnets are IPv4)");
        continue;
      }
      Subnet sub = new Subnet(vpcNames.get(vpcId), names.name(s.nameTag().orElse(null), s, id),
          s.text("AvailabilityZone"), cidr(s, "CidrBlock"), publicity.isPublic(id, vpcId),
          false, origin(s, id));
      subnets.put(id, sub);
      subnetsOf.get(vpcId).add(sub);
    }
    Endpoints eps = new Endpoints(this);
    for (Json e : in.get("VpcEndpoints")) {
      eps.add(e);
    }
    Map<String, List<NatGateway>> nats = nats();
    RouteGaps gaps = new RouteGaps(this, publicity);
    gaps.natless(nats.keySet());
    gaps.gatewayless(eps.gatewayRecords());
    Map<String, List<Instance>> instances = new InstanceGroups(this).build(in.instances());
    List<Vpc> vpcs = new ArrayList<>();
    boolean dnsUnknown = false;
    for (String id : vpcNames.keySet()) {
      Json v = vpcJson.get(id);
      String name = vpcNames.get(id);
      dnsUnknown |= !v.has("EnableDnsSupport") || !v.has("EnableDnsHostnames");
      vpcs.add(new Vpc(name, cidr(v, "CidrBlock"), v.flag("EnableDnsSupport", true),
          v.flag("EnableDnsHostnames", true), origin(v, id), subnetsOf.get(id),
          eps.interfaces(name), eps.gateways(name), nats.getOrDefault(id, List.of()),
          instances.getOrDefault(name, List.of())));
    }
    if (dnsUnknown) {
      assumed.add(0, "DNS support and DNS hostnames are not in describe-vpcs output: taken as on"
          + " (aws ec2 describe-vpc-attribute tells)");
    }
    // the addresses the builder gives, so that the written file builds the same design (the
    // language has no way to write AWS's own)
    vpcs = new ArrayList<>(Addresses.assign(vpcs));
    Layout layout = new Layout(layoutName, region, vpcs, tgws(gaps), peerings(),
        new Shares(this).build(vpcs),
        List.of(), vpcs.isEmpty() ? new Origin.AwsId("", "", "$") : vpcs.get(0).origin());
    return new Result(layout, List.copyOf(assumed));
  }

  /**
   * VPCs something is in: what keeps a default VPC in the design. What is left out (a deleted
   * NAT gateway, a terminated instance, ...) keeps nothing, and its subnet need not be given.
   */
  private void markUsed() throws JsonFault {
    for (Json e : in.get("VpcEndpoints")) {
      if (Lifecycle.endpointGone(e).isEmpty()) {
        used.add(e.text("VpcId"));
      }
    }
    for (Json n : in.get("NatGateways")) {
      if (Lifecycle.natGone(n).isEmpty()) {
        used.add(subnetVpc(n.field("SubnetId")));
      }
    }
    for (Json i : in.instances()) {
      if (i.has("SubnetId") && !Lifecycle.instanceGone(i)) {
        used.add(subnetVpc(i.field("SubnetId")));
      }
    }
    for (Json a : in.get("TransitGatewayVpcAttachments")) {
      if (tgwRecords.attachmentGone(a).isEmpty()) {
        used.add(a.text("VpcId"));
      }
    }
    for (Json p : in.get("VpcPeeringConnections")) {
      if (Lifecycle.peeringGone(p).isEmpty()) {
        used.add(p.field("RequesterVpcInfo").text("VpcId"));
        used.add(p.field("AccepterVpcInfo").text("VpcId"));
      }
    }
  }

  private String subnetVpc(Json subnetId) throws JsonFault {
    Json s = subnetJson.get(subnetId.node().asText());
    if (s == null) {
      throw subnetId.fault("subnet " + subnetId.node().asText()
          + " is in no describe-subnets output given (add aws ec2 describe-subnets)");
    }
    return s.text("VpcId");
  }

  private void vpcOf(Json s) throws JsonFault {
    String vpc = s.text("VpcId");
    if (!vpcJson.containsKey(vpc)) {
      throw s.field("VpcId").fault("VPC " + vpc
          + " is in no describe-vpcs output given (add aws ec2 describe-vpcs)");
    }
  }

  private void regionOf(Json s) throws JsonFault {
    Json az = s.field("AvailabilityZone");
    String code = Region.regionOfAz(az.node().asText()).orElse("");
    Region r = Region.of(code).orElseThrow(() -> az.fault("not an AZ of a Region vpclab knows: "
        + az.node().asText()));
    if (r.fullAz(az.node().asText()).isEmpty()) {
      throw az.fault("Region " + code + " has no AZ " + az.node().asText());
    }
    if (region != null && !region.equals(r)) {
      throw az.fault("subnets of two Regions, " + region.code() + " and " + code
          + ": import one Region at a time");
    }
    region = r;
  }

  private static Cidr cidrOrNull(Json s) {
    try {
      return Cidr.parse(s.node().path("CidrBlock").asText());
    } catch (RuntimeException e) {
      return null;
    }
  }

  static Cidr cidr(Json j, String field) throws JsonFault {
    String text = j.text(field);
    try {
      return Cidr.parse(text);
    } catch (RuntimeException e) {
      throw j.field(field).fault("not an IPv4 CIDR: " + text);
    }
  }

  /** An element's origin: the file's name (without its directories), the id and JSON path. */
  static Origin origin(Json j, String id) {
    if (j.origin() != null) {
      return j.origin();
    }
    String file = AwsInputs.name(j.file());
    return new Origin.AwsId(file, id, j.path());
  }

  Cidr vpcCidr(String vpcId) throws JsonFault {
    return cidr(vpcJson.get(vpcId), "CidrBlock");
  }

  /** The id of a subnet's VPC (the subnet was read). */
  String vpcIdOf(String subnetId) throws JsonFault {
    return subnetJson.get(subnetId).text("VpcId");
  }

  Region region() {
    return region;
  }

  List<String> assumed() {
    return assumed;
  }

  Names names() {
    return names;
  }

  Map<String, String> vpcNames() {
    return vpcNames;
  }

  /** The VPC (by name) of each interface endpoint written, by endpoint id. */
  Map<String, String> endpointVpcs() {
    return endpointVpcs;
  }

  /** The subnet of an id field; a subnet of no VPC given is a fault there. */
  Subnet subnet(Json idField) throws JsonFault {
    Subnet s = subnets.get(idField.node().asText());
    if (s == null) {
      subnetVpc(idField);
      throw idField.fault("subnet " + idField.node().asText() + " is in a VPC left out");
    }
    return s;
  }

  /**
   * The subnet of an id field where {@code what} ("NAT gateway nat-1") is placed; empty, said
   * so, when it is an IPv6-only subnet left out: {@code dropped} says that only that subnet is
   * dropped from it (an endpoint's ENI, an attachment's subnet), else it is left out whole.
   */
  Optional<Subnet> placed(Json idField, String what, boolean dropped) throws JsonFault {
    String id = idField.node().asText();
    if (ipv6Only.contains(id)) {
      assumed.add(what + " is in " + id + ", an IPv6-only subnet left out: "
          + (dropped ? "that subnet dropped from it" : "left out"));
      return Optional.empty();
    }
    return Optional.of(subnet(idField));
  }

  Map<String, Subnet> subnets() {
    return subnets;
  }

  Map<String, Json> groups() {
    return groups;
  }

  AwsInputs inputs() {
    return in;
  }

  private Map<String, List<NatGateway>> nats() throws JsonFault {
    Map<String, List<NatGateway>> out = new LinkedHashMap<>();
    List<Json> all = new ArrayList<>(in.get("NatGateways"));
    for (Json n : all) {
      String id = n.text("NatGatewayId");
      Optional<String> gone = Lifecycle.natGone(n);
      if (gone.isPresent()) {
        assumed.add("NAT gateway " + id + " is " + gone.get() + ": left out");
        continue;
      }
      if (n.optText("ConnectivityType").orElse("public").equals("private")) {
        assumed.add("NAT gateway " + id + " is private (no internet access): left out");
        continue;
      }
      Optional<Subnet> in = placed(n.field("SubnetId"), "NAT gateway " + id, false);
      if (in.isEmpty()) {
        continue;
      }
      Subnet s = in.get();
      String vpcId = subnetVpc(n.field("SubnetId"));
      List<NatGateway> list = out.computeIfAbsent(vpcId, k -> new ArrayList<>());
      if (list.stream().anyMatch(x -> x.az().equals(s.az()))) {
        assumed.add("NAT gateway " + id + " is a second one in " + s.az() + ": left out");
        continue;
      }
      list.add(new NatGateway(s, null, origin(n, id))); // addressed by Addresses.assign
    }
    out.values().forEach(l -> l.sort(Comparator.comparing(NatGateway::az)));
    return out;
  }

  private List<TransitGateway> tgws(RouteGaps gaps) throws JsonFault {
    Map<String, List<TransitGateway.Attachment>> byTgw = new TreeMap<>();
    Map<String, List<String>> vpcIds = new TreeMap<>();
    Map<String, Origin> firstOrigin = new LinkedHashMap<>();
    for (Json a : in.get("TransitGatewayVpcAttachments")) {
      String id = a.text("TransitGatewayAttachmentId");
      Optional<String> gone = tgwRecords.attachmentGone(a);
      if (gone.isPresent()) {
        assumed.add("transit gateway attachment " + id + " is " + gone.get() + ": left out");
        continue;
      }
      String vpc = vpcNames.get(a.text("VpcId"));
      if (vpc == null) {
        throw a.field("VpcId").fault("VPC " + a.text("VpcId")
            + " is in no describe-vpcs output given (add aws ec2 describe-vpcs)");
      }
      Map<String, Subnet> byAz = new TreeMap<>();
      for (Json s : a.list("SubnetIds")) {
        Optional<Subnet> in = placed(s, "transit gateway attachment " + id, true);
        if (in.isEmpty()) {
          continue;
        }
        Subnet sub = in.get();
        Subnet written = attachedIn(sub);
        if (!written.equals(sub)) {
          assumed.add("transit gateway attachment " + id + " uses " + sub.name() + " in "
              + sub.az() + "; written by its AZ, which attaches " + written.name());
        }
        byAz.putIfAbsent(sub.az(), written);
      }
      if (byAz.isEmpty()) { // none given (a link that could not be followed), or none left
        assumed.add("transit gateway attachment " + id + " has no subnet"
            + (a.list("SubnetIds").isEmpty() ? "" : " left") + ": left out");
        continue;
      }
      String tgw = a.text("TransitGatewayId");
      vpcIds.computeIfAbsent(tgw, k -> new ArrayList<>()).add(a.text("VpcId"));
      firstOrigin.putIfAbsent(tgw, origin(a, tgw));
      byTgw.computeIfAbsent(tgw, k -> new ArrayList<>())
          .add(new TransitGateway.Attachment(vpc, List.copyOf(byAz.values()), origin(a, id)));
    }
    Map<String, String> tgwNames = new TreeMap<>();
    for (String tgw : byTgw.keySet()) {
      Optional<Json> t = tgwRecords.of(tgw);
      tgwNames.put(tgw, t.isPresent() ? names.name(t.get().nameTag().orElse(null), t.get(), tgw)
          : names.name(null, new Json("", "$", null), tgw));
    }
    for (Map.Entry<String, List<String>> e : vpcIds.entrySet()) {
      String name = tgwNames.get(e.getKey());
      // the line names the gateway as the file does, and by its id where the two differ
      gaps.attached(e.getKey(), name.equals(e.getKey()) ? name : name + " (" + e.getKey() + ")",
          e.getValue().stream().sorted().toList());
    }
    List<TransitGateway> out = new ArrayList<>();
    for (Map.Entry<String, List<TransitGateway.Attachment>> e : byTgw.entrySet()) {
      List<TransitGateway.Attachment> as = e.getValue();
      as.sort(Comparator.comparing(TransitGateway.Attachment::vpc));
      out.add(new TransitGateway(tgwNames.get(e.getKey()), as, firstOrigin.get(e.getKey())));
    }
    return out;
  }

  /**
   * The subnet {@code tgw ... attach V in AZ} attaches in a subnet's AZ: the VPC's first private
   * subnet there (in the order written, by CIDR), else its first.
   */
  private Subnet attachedIn(Subnet sub) {
    if (attachedByAz == null) {
      attachedByAz = new HashMap<>();
      Map<String, Subnet> firstPublic = new HashMap<>();
      for (Subnet s : subnets.values()) {
        (s.isPublic() ? firstPublic : attachedByAz).putIfAbsent(s.vpc() + " " + s.az(), s);
      }
      firstPublic.forEach(attachedByAz::putIfAbsent);
    }
    return attachedByAz.get(sub.vpc() + " " + sub.az());
  }

  private List<Peering> peerings() throws JsonFault {
    List<Peering> out = new ArrayList<>();
    for (Json p : in.get("VpcPeeringConnections")) {
      String id = p.text("VpcPeeringConnectionId");
      Optional<String> gone = Lifecycle.peeringGone(p);
      if (gone.isPresent()) {
        assumed.add("peering " + id + " is " + gone.get() + ": left out");
        continue;
      }
      String a = vpcNames.get(p.field("RequesterVpcInfo").text("VpcId"));
      String b = vpcNames.get(p.field("AccepterVpcInfo").text("VpcId"));
      if (a == null || b == null) {
        assumed.add("peering " + id + " joins a VPC not described here (another account or"
            + " Region): left out");
        continue;
      }
      out.add(new Peering(a, b, origin(p, id)));
    }
    out.sort(Comparator.comparing(Peering::a).thenComparing(Peering::b));
    return out;
  }
}
