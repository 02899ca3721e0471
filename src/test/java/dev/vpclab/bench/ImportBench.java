package dev.vpclab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A large account for {@code vpclab import aws} and {@code vpclab import terraform} (a
 * benchmark's input, not a test), us-east-1: N VPCs (10.V.0.0/16), each over 3 AZs with 4
 * subnets per AZ (public, app, data, tgw), an internet gateway, a public route table (0.0.0.0/0
 * to the gateway, 10.0.0.0/8 to the transit gateway) and a private one per AZ (0.0.0.0/0 to the
 * NAT gateway of its AZ, 10.0.0.0/8 to the transit gateway, the S3 gateway endpoint), a NAT
 * gateway per AZ, 5 interface endpoints in the app subnets whose security group admits the VPC's
 * app group by id, an S3 gateway endpoint, and 50 instances in 5 Name-tagged groups; VPC 1 also
 * holds sts, ecr.api and ecr.dkr endpoints (private DNS off) shared with every other VPC through
 * Route 53 private hosted zones; one transit gateway attaches every VPC (in its tgw subnets);
 * VPC V peers with V+1 for V = 1, 11, 21, .... The same design is written twice: as the AWS CLI
 * prints it ({@code aws/describe-*.json}, Route 53's zone and record files) and as {@code
 * terraform show -json} of its state ({@code terraform/state.json}). Each record is a copy of a
 * record of the fixtures made against moto (src/test/resources/dev/vpclab/importer/three-az and
 * hub-spoke), with its ids, links, CIDRs and tags replaced: the shapes are the tools' own.
 * Past 1,000 instances describe-instances is written in pages ({@link #PAGE}).
 * {@code gen OUT_DIR [VPCS]} (default 60).
 */
public final class ImportBench {
  static final String[] AZS = {"a", "b", "c"};
  static final String[] TIERS = {"public", "app", "data", "tgw"};
  static final List<String> SERVICES = List.of("ssm", "ec2messages", "ssmmessages", "logs", "kms");
  static final List<String> SHARED = List.of("sts", "ecr.api", "ecr.dkr");
  static final String[] GROUPS = {"web", "api", "worker", "db", "cache"};
  static final int MEMBERS = 10;
  /**
   * Reservations per describe-instances file: past it the output is written in pages, as {@code
   * aws ec2 describe-instances --max-items 1000 [--starting-token T]} prints them (1,000
   * instances each, with a NextToken), since vpclab reads files of up to 16 MB.
   */
  static final int PAGE = 1000 / MEMBERS;
  static final String REGION = "us-east-1";
  private static final ObjectMapper M = new ObjectMapper();
  private static final String FIX = "/dev/vpclab/importer/";

  private final int vpcs;
  private long serial;
  private final Map<String, List<JsonNode>> aws = new LinkedHashMap<>();
  private final ArrayNode tf = M.createArrayNode();
  private final Map<String, JsonNode> zones = new LinkedHashMap<>();
  private final Map<String, JsonNode> records = new LinkedHashMap<>();

  private ImportBench(int vpcs) {
    this.vpcs = vpcs;
  }

  /** The VPC's Name tag. */
  static String vpcName(int v) {
    return v == 1 ? "shared" : String.format(Locale.ROOT, "spoke-%03d", v);
  }

  /** Writes the AWS CLI files under {@code dir/aws} and the state as {@code dir/terraform}. */
  public static void write(Path dir, int vpcs) throws IOException {
    ImportBench b = new ImportBench(vpcs);
    b.build();
    Path a = dir.resolve("aws");
    Files.createDirectories(a);
    Files.createDirectories(dir.resolve("terraform"));
    for (Map.Entry<String, String> f : b.awsFiles().entrySet()) {
      Files.writeString(a.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
    }
    Files.writeString(dir.resolve("terraform/state.json"), b.state(), StandardCharsets.UTF_8);
  }

  /** The AWS CLI files by name, as {@code aws --output json} prints them. */
  static Map<String, String> awsFiles(int vpcs) {
    ImportBench b = new ImportBench(vpcs);
    b.build();
    return b.awsFiles();
  }

  /** The state as {@code terraform show -json} prints it (on one line). */
  static String state(int vpcs) {
    ImportBench b = new ImportBench(vpcs);
    b.build();
    return b.state();
  }

  private Map<String, String> awsFiles() {
    Map<String, String> out = new LinkedHashMap<>();
    String[][] files = {{"describe-vpcs", "Vpcs"}, {"describe-subnets", "Subnets"},
        {"describe-route-tables", "RouteTables"}, {"describe-internet-gateways",
        "InternetGateways"}, {"describe-nat-gateways", "NatGateways"},
        {"describe-security-groups", "SecurityGroups"}, {"describe-vpc-endpoints",
        "VpcEndpoints"}, {"describe-instances", "Reservations"},
        {"describe-transit-gateway-vpc-attachments", "TransitGatewayVpcAttachments"},
        {"describe-vpc-peering-connections", "VpcPeeringConnections"}};
    for (String[] f : files) {
      List<JsonNode> all = aws.getOrDefault(f[1], List.of());
      if (f[1].equals("Reservations") && all.size() > PAGE) {
        for (int p = 0; p * PAGE < all.size(); p++) {
          ObjectNode root = M.createObjectNode();
          root.putArray(f[1]).addAll(all.subList(p * PAGE, Math.min(all.size(), (p + 1) * PAGE)));
          if ((p + 1) * PAGE < all.size()) {
            root.put("NextToken", "eyJOZXh0VG9rZW4iOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiA"
                + (p + 1) * PAGE + "fQ==");
          }
          out.put(String.format(Locale.ROOT, "%s-%02d.json", f[0], p + 1), pretty(root));
        }
        continue;
      }
      ObjectNode root = M.createObjectNode();
      root.putArray(f[1]).addAll(all);
      out.put(f[0] + ".json", pretty(root));
    }
    ObjectNode list = M.createObjectNode();
    ArrayNode hz = list.putArray("HostedZones");
    for (Map.Entry<String, JsonNode> z : zones.entrySet()) {
      hz.add(z.getValue().get("HostedZone").deepCopy());
      out.put("get-hosted-zone-" + z.getKey() + ".json", pretty(z.getValue()));
      out.put("list-resource-record-sets-" + z.getKey() + ".json",
          pretty(records.get(z.getKey())));
    }
    out.put("list-hosted-zones.json", pretty(list));
    return out;
  }

  private String state() {
    ObjectNode root = M.createObjectNode();
    root.put("format_version", "1.0");
    root.put("terraform_version", "1.11.4");
    root.putObject("values").putObject("root_module").set("resources", tf);
    try {
      return M.writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String pretty(JsonNode n) {
    try {
      return M.writerWithDefaultPrettyPrinter().writeValueAsString(n) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String id(String prefix) {
    serial++;
    return prefix + "-" + String.format(Locale.ROOT, "%017x", serial * 0x9e3779b1L & 0xfffffffffffffL);
  }

  private static final Map<String, JsonNode> FIXTURES = new java.util.HashMap<>();

  private static JsonNode read(String path) {
    return FIXTURES.computeIfAbsent(path, ImportBench::load);
  }

  private static JsonNode load(String path) {
    try (InputStream in = ImportBench.class.getResourceAsStream(FIX + path)) {
      return M.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- templates: one record of each kind from the fixtures

  private ObjectNode awsT(String fixture, String file, String list, int index) {
    return (ObjectNode) read(fixture + "/aws/" + file).get(list).get(index).deepCopy();
  }

  private final Map<String, ObjectNode> tfByType = new LinkedHashMap<>();

  private ObjectNode tfT(String type) {
    if (tfByType.isEmpty()) {
      for (String f : new String[] {"hub-spoke", "three-az"}) {
        for (JsonNode r : read(f + "/terraform/state.json").path("values").path("root_module")
            .path("resources")) {
          tfByType.put(r.get("type").asText(), (ObjectNode) r);
        }
      }
    }
    return tfByType.get(type).deepCopy();
  }

  private void add(String kind, JsonNode n) {
    aws.computeIfAbsent(kind, k -> new ArrayList<>()).add(n);
  }

  private ObjectNode tfAdd(String type, String name, Object key, ObjectNode values) {
    ObjectNode r = tfT(type);
    r.put("name", name);
    String k = key == null ? "" : key instanceof Integer ? "[" + key + "]" : "[\"" + key + "\"]";
    r.put("address", type + "." + name + k);
    r.remove("index");
    if (key instanceof Integer i) {
      r.put("index", i);
    } else if (key != null) {
      r.put("index", key.toString());
    }
    ObjectNode v = (ObjectNode) r.get("values");
    v.setAll(values);
    tf.add(r);
    return v;
  }

  private static ArrayNode tags(String name) {
    ArrayNode a = M.createArrayNode();
    a.addObject().put("Key", "Name").put("Value", name);
    return a;
  }

  private static ObjectNode tfTags(ObjectNode v, String name) {
    v.putObject("tags").put("Name", name);
    v.putObject("tags_all").put("Name", name);
    return v;
  }

  private static ArrayNode strings(List<String> l) {
    ArrayNode a = M.createArrayNode();
    l.forEach(a::add);
    return a;
  }

  // ---- the design

  private String tgwId;
  private final Map<Integer, String> vpcIds = new LinkedHashMap<>();

  private void build() {
    tgwId = id("tgw");
    ObjectNode tgw = tfAdd("aws_ec2_transit_gateway", "core", null, M.createObjectNode());
    tgw.put("id", tgwId);
    tgw.put("arn", "arn:aws:ec2:us-east-1:123456789012:transit-gateway/" + tgwId);
    tfTags(tgw, "core");
    Map<String, String> sharedDns = new LinkedHashMap<>();
    for (int v = 1; v <= vpcs; v++) {
      vpc(v, sharedDns);
    }
    for (int v = 1; v <= vpcs; v += 10) {
      if (v + 1 <= vpcs) {
        peering(v, v + 1);
      }
    }
    for (String s : SHARED) {
      zone(s, sharedDns.get(s));
    }
  }

  private void vpc(int v, Map<String, String> sharedDns) {
    String name = vpcName(v);
    String vpcId = id("vpc");
    vpcIds.put(v, vpcId);
    String cidr = "10." + v + ".0.0/16";
    ObjectNode vj = awsT("three-az", "describe-vpcs.json", "Vpcs", 1);
    vj.put("VpcId", vpcId).put("CidrBlock", cidr).put("IsDefault", false).set("Tags", tags(name));
    ((ObjectNode) vj.get("CidrBlockAssociationSet").get(0)).put("CidrBlock", cidr)
        .put("AssociationId", id("vpc-cidr-assoc"));
    add("Vpcs", vj);
    String mainRtb = id("rtb");
    ObjectNode tv = tfTags(tfAdd("aws_vpc", "spoke", name, M.createObjectNode()), name);
    tv.put("id", vpcId).put("cidr_block", cidr).put("enable_dns_hostnames", true)
        .put("enable_dns_support", true).put("main_route_table_id", mainRtb)
        .put("default_route_table_id", mainRtb);
    // subnets by tier and AZ
    String[][] sub = new String[TIERS.length][AZS.length];
    for (int t = 0; t < TIERS.length; t++) {
      for (int a = 0; a < AZS.length; a++) {
        String sn = name + "-" + TIERS[t] + "-" + AZS[a];
        String sid = id("subnet");
        sub[t][a] = sid;
        String c = "10." + v + "." + (t * 10 + a) + ".0/" + (t == 3 ? 28 : 24);
        ObjectNode s = awsT("three-az", "describe-subnets.json", "Subnets", 0);
        s.put("SubnetId", sid).put("VpcId", vpcId).put("CidrBlock", c)
            .put("AvailabilityZone", REGION + AZS[a]).put("DefaultForAz", false)
            .put("MapPublicIpOnLaunch", t == 0).set("Tags", tags(sn));
        s.put("SubnetArn", "arn:aws:ec2:us-east-1:123456789012:subnet/" + sid);
        add("Subnets", s);
        ObjectNode ts = tfTags(tfAdd("aws_subnet", TIERS[t], name + "-" + AZS[a],
            M.createObjectNode()), sn);
        ts.put("id", sid).put("vpc_id", vpcId).put("cidr_block", c)
            .put("availability_zone", REGION + AZS[a]).put("map_public_ip_on_launch", t == 0);
      }
    }
    String igw = id("igw");
    ObjectNode ig = awsT("three-az", "describe-internet-gateways.json", "InternetGateways", 0);
    ig.put("InternetGatewayId", igw).set("Tags", tags(name + "-igw"));
    ((ObjectNode) ig.get("Attachments").get(0)).put("VpcId", vpcId);
    add("InternetGateways", ig);
    tfTags(tfAdd("aws_internet_gateway", "igw", name, M.createObjectNode()), name + "-igw")
        .put("id", igw).put("vpc_id", vpcId);
    String[] nats = new String[AZS.length];
    for (int a = 0; a < AZS.length; a++) {
      nats[a] = id("nat");
      ObjectNode n = awsT("three-az", "describe-nat-gateways.json", "NatGateways", 0);
      n.put("NatGatewayId", nats[a]).put("SubnetId", sub[0][a]).put("VpcId", vpcId)
          .set("Tags", tags(name + "-nat-" + AZS[a]));
      add("NatGateways", n);
      tfTags(tfAdd("aws_nat_gateway", "nat", name + "-" + AZS[a], M.createObjectNode()),
          name + "-nat-" + AZS[a]).put("id", nats[a]).put("subnet_id", sub[0][a]);
    }
    // route tables: main (local only), public, private per AZ
    routeTable(v, mainRtb, null, vpcId, cidr, List.of(), null, null, -1);
    String pub = id("rtb");
    routeTable(v, pub, name + "-public", vpcId, cidr,
        List.of(sub[0][0], sub[0][1], sub[0][2]), igw, null, -1);
    String[] priv = new String[AZS.length];
    for (int a = 0; a < AZS.length; a++) {
      priv[a] = id("rtb");
      routeTable(v, priv[a], name + "-private-" + AZS[a], vpcId, cidr,
          List.of(sub[1][a], sub[2][a], sub[3][a]), null, nats[a], a);
    }
    // security groups: the app group (the instances'), the endpoints' (admits the app group)
    String appSg = id("sg");
    String epSg = id("sg");
    securityGroup(name + "-app", appSg, vpcId, null, null);
    securityGroup(name + "-endpoints", epSg, vpcId, appSg, v == 1 ? "10.0.0.0/8" : cidr);
    List<String> eps = new ArrayList<>(SERVICES);
    if (v == 1) {
      eps.addAll(SHARED);
    }
    for (String s : eps) {
      boolean shared = SHARED.contains(s);
      String dns = endpoint(name, s, vpcId, List.of(sub[1][0], sub[1][1], sub[1][2]), epSg,
          !shared, null);
      if (shared) {
        sharedDns.put(s, dns);
      }
    }
    endpoint(name, "s3", vpcId, List.of(), null, false, List.of(priv[0], priv[1], priv[2]));
    instances(v, name, vpcId, new String[][] {sub[1], sub[1], sub[1], sub[2], sub[2]}, appSg);
    String att = id("tgw-attach");
    ObjectNode at = awsT("hub-spoke", "describe-transit-gateway-vpc-attachments.json",
        "TransitGatewayVpcAttachments", 0);
    at.put("TransitGatewayAttachmentId", att).put("TransitGatewayId", tgwId).put("VpcId", vpcId)
        .set("SubnetIds", strings(List.of(sub[3])));
    add("TransitGatewayVpcAttachments", at);
    tfAdd("aws_ec2_transit_gateway_vpc_attachment", "spoke", name, M.createObjectNode())
        .put("id", att).put("transit_gateway_id", tgwId).put("vpc_id", vpcId)
        .set("subnet_ids", strings(List.of(sub[3])));
  }

  private void routeTable(int v, String rtb, String name, String vpcId, String cidr,
      List<String> subnets, String igw, String nat, int az) {
    ObjectNode r = awsT("three-az", "describe-route-tables.json", "RouteTables", 1);
    r.put("RouteTableId", rtb).put("VpcId", vpcId).set("Tags", name == null
        ? M.createArrayNode() : tags(name));
    ArrayNode as = r.putArray("Associations");
    if (name == null) {
      as.addObject().put("Main", true).put("RouteTableAssociationId", id("rtbassoc"))
          .put("RouteTableId", rtb).putObject("AssociationState").put("State", "associated");
    }
    for (String s : subnets) {
      as.addObject().put("Main", false).put("RouteTableAssociationId", id("rtbassoc"))
          .put("RouteTableId", rtb).put("SubnetId", s)
          .putObject("AssociationState").put("State", "associated");
    }
    ArrayNode routes = r.putArray("Routes");
    routes.addObject().put("DestinationCidrBlock", cidr).put("GatewayId", "local")
        .put("Origin", "CreateRouteTable").put("State", "active");
    if (name == null) {
      add("RouteTables", r);
      return;
    }
    routes.addObject().put("DestinationCidrBlock", "10.0.0.0/8").put("TransitGatewayId", tgwId)
        .put("Origin", "CreateRoute").put("State", "active");
    routes.addObject().put("DestinationCidrBlock", "0.0.0.0/0")
        .put(igw != null ? "GatewayId" : "NatGatewayId", igw != null ? igw : nat)
        .put("Origin", "CreateRoute").put("State", "active");
    add("RouteTables", r);
    String key = vpcName(v) + (az < 0 ? "" : "-" + AZS[az]);
    ObjectNode t = tfTags(tfAdd("aws_route_table", az < 0 ? "public" : "private", key,
        M.createObjectNode()), name);
    t.put("id", rtb).put("vpc_id", vpcId);
    ObjectNode template = (ObjectNode) t.get("route").get(0);
    ArrayNode tr = t.putArray("route");
    ObjectNode toTgw = template.deepCopy();
    toTgw.put("cidr_block", "10.0.0.0/8").put("nat_gateway_id", "").put("gateway_id", "")
        .put("transit_gateway_id", tgwId);
    ObjectNode def = template.deepCopy();
    def.put("cidr_block", "0.0.0.0/0").put("nat_gateway_id", nat == null ? "" : nat)
        .put("gateway_id", igw == null ? "" : igw).put("transit_gateway_id", "");
    tr.add(toTgw).add(def);
    for (int i = 0; i < subnets.size(); i++) {
      tfAdd("aws_route_table_association", az < 0 ? "public" : "private",
          key + "-" + i, M.createObjectNode()).put("id", id("rtbassoc")).put("route_table_id", rtb)
          .put("subnet_id", subnets.get(i));
    }
  }

  private void securityGroup(String name, String sg, String vpcId, String admits, String cidr) {
    ObjectNode g = awsT("three-az", "describe-security-groups.json", "SecurityGroups", 2);
    g.put("GroupId", sg).put("VpcId", vpcId).put("GroupName", name).set("Tags", tags(name));
    g.put("SecurityGroupArn", "arn:aws:ec2:us-east-1:123456789012:security-group/" + sg);
    ObjectNode tv = tfTags(tfAdd("aws_security_group", name.endsWith("-app") ? "app"
        : "endpoints", name.substring(0, name.lastIndexOf('-')), M.createObjectNode()), name);
    tv.put("id", sg).put("vpc_id", vpcId).put("name", name);
    ArrayNode ingress = tv.putArray("ingress");
    ArrayNode perms = g.putArray("IpPermissions");
    if (admits == null) {
      return;
    }
    ObjectNode p = perms.addObject().put("IpProtocol", "tcp").put("FromPort", 443)
        .put("ToPort", 443);
    p.putArray("UserIdGroupPairs").addObject().put("GroupId", admits)
        .put("UserId", "123456789012");
    p.putArray("IpRanges").addObject().put("Description", "HTTPS").put("CidrIp", cidr);
    p.putArray("Ipv6Ranges");
    p.putArray("PrefixListIds");
    ObjectNode i = ingress.addObject();
    i.putArray("cidr_blocks").add(cidr);
    i.put("description", "HTTPS").put("from_port", 443).putArray("ipv6_cidr_blocks");
    i.putArray("prefix_list_ids");
    i.put("protocol", "tcp").putArray("security_groups").add(admits);
    i.put("self", false).put("to_port", 443);
    add("SecurityGroups", g);
  }

  /** An endpoint (gateway when {@code tables} is given); returns its first DNS name. */
  private String endpoint(String vpc, String service, String vpcId, List<String> subnets,
      String sg, boolean privateDns, List<String> tables) {
    boolean gateway = tables != null;
    String id = id("vpce");
    String dns = id + "-" + Long.toHexString(serial * 7919L & 0xffffffffL) + "."
        + service + "." + REGION + ".vpce.amazonaws.com";
    ObjectNode e = awsT("three-az", "describe-vpc-endpoints.json", "VpcEndpoints", 0);
    e.put("VpcEndpointId", id).put("VpcEndpointType", gateway ? "Gateway" : "Interface")
        .put("VpcId", vpcId).put("ServiceName", "com.amazonaws." + REGION + "." + service)
        .put("PrivateDnsEnabled", privateDns).set("Tags", tags(vpc + "-" + service));
    e.set("RouteTableIds", strings(gateway ? tables : List.of()));
    e.set("SubnetIds", strings(subnets));
    ArrayNode groups = e.putArray("Groups");
    ArrayNode enis = e.putArray("NetworkInterfaceIds");
    ArrayNode entries = e.putArray("DnsEntries");
    if (!gateway) {
      groups.addObject().put("GroupId", sg).put("GroupName", vpc + "-endpoints");
      subnets.forEach(s -> enis.add(id("eni")));
      entries.addObject().put("DnsName", dns).put("HostedZoneId", "Z7HUB22UULQXV");
    }
    add("VpcEndpoints", e);
    ObjectNode t = tfTags(tfAdd("aws_vpc_endpoint", gateway ? "s3" : "interface",
        gateway ? vpc : vpc + "-" + service, M.createObjectNode()), vpc + "-" + service);
    t.put("id", id).put("vpc_id", vpcId).put("service_name", "com.amazonaws." + REGION + "."
        + service).put("vpc_endpoint_type", gateway ? "Gateway" : "Interface")
        .put("private_dns_enabled", privateDns);
    t.set("subnet_ids", strings(subnets));
    t.set("route_table_ids", strings(gateway ? tables : List.of()));
    t.set("security_group_ids", strings(gateway ? List.of() : List.of(sg)));
    t.set("network_interface_ids", enis.deepCopy());
    ArrayNode te = t.putArray("dns_entry");
    if (!gateway) {
      te.addObject().put("dns_name", dns).put("hosted_zone_id", "Z7HUB22UULQXV");
    }
    return dns;
  }

  private int instanceIndex;

  private void instances(int v, String vpc, String vpcId, String[][] subnets, String sg) {
    for (int g = 0; g < GROUPS.length; g++) {
      String name = vpc + "-" + GROUPS[g];
      ObjectNode res = (ObjectNode) read("three-az/aws/describe-instances.json")
          .get("Reservations").get(0).deepCopy();
      res.put("ReservationId", id("r"));
      ArrayNode list = res.putArray("Instances");
      ObjectNode template = (ObjectNode) read("three-az/aws/describe-instances.json")
          .get("Reservations").get(0).get("Instances").get(0);
      for (int m = 0; m < MEMBERS; m++) {
        int a = m % AZS.length;
        String iid = id("i");
        ObjectNode i = template.deepCopy();
        i.put("InstanceId", iid).put("SubnetId", subnets[g][a]).put("VpcId", vpcId)
            .put("AmiLaunchIndex", m).set("Tags", tags(name));
        ArrayNode gs = i.putArray("SecurityGroups");
        gs.addObject().put("GroupId", sg).put("GroupName", vpc + "-app");
        ObjectNode eni = (ObjectNode) i.get("NetworkInterfaces").get(0);
        eni.put("SubnetId", subnets[g][a]).put("VpcId", vpcId).put("NetworkInterfaceId", id("eni"));
        eni.set("Groups", gs.deepCopy());
        ((ObjectNode) i.get("Placement")).put("AvailabilityZone", REGION + AZS[a]);
        list.add(i);
        ObjectNode t = tfTags(tfAdd("aws_instance", "app", instanceIndex++, M.createObjectNode()),
            name);
        t.put("id", iid).put("subnet_id", subnets[g][a]).put("availability_zone", REGION + AZS[a]);
        t.set("vpc_security_group_ids", strings(List.of(sg)));
      }
      add("Reservations", res);
    }
  }

  private void peering(int a, int b) {
    String id = id("pcx");
    String name = vpcName(a) + "-to-" + vpcName(b);
    ObjectNode p = awsT("hub-spoke", "describe-vpc-peering-connections.json",
        "VpcPeeringConnections", 0);
    p.put("VpcPeeringConnectionId", id).set("Tags", tags(name));
    ((ObjectNode) p.get("RequesterVpcInfo")).put("VpcId", vpcIds.get(a))
        .put("CidrBlock", "10." + a + ".0.0/16");
    ((ObjectNode) p.get("AccepterVpcInfo")).put("VpcId", vpcIds.get(b))
        .put("CidrBlock", "10." + b + ".0.0/16");
    add("VpcPeeringConnections", p);
    tfTags(tfAdd("aws_vpc_peering_connection", "pair", vpcName(a), M.createObjectNode()), name)
        .put("id", id).put("vpc_id", vpcIds.get(a)).put("peer_vpc_id", vpcIds.get(b))
        .put("accept_status", "active");
  }

  private void zone(String service, String dns) {
    String zid = "Z" + id("z").substring(2).toUpperCase(Locale.ROOT);
    String zname = service + "." + REGION + ".amazonaws.com";
    JsonNode hzFile = read("hub-spoke/aws/get-hosted-zone-1FN41ONL559B06EZHWLJFS.json");
    ObjectNode hz = hzFile.deepCopy();
    ((ObjectNode) hz.get("HostedZone")).put("Id", "/hostedzone/" + zid).put("Name", zname + ".")
        .put("Comment", service + " through the shared services VPC's endpoint");
    ArrayNode vs = hz.putArray("VPCs");
    ObjectNode tz = tfAdd("aws_route53_zone", "service", service, M.createObjectNode());
    tz.put("id", zid).put("zone_id", zid).put("name", zname)
        .put("arn", "arn:aws:route53:::hostedzone/" + zid);
    ArrayNode tv = tz.putArray("vpc");
    for (int v = 2; v <= vpcs; v++) {
      vs.addObject().put("VPCRegion", REGION).put("VPCId", vpcIds.get(v));
      tv.addObject().put("vpc_id", vpcIds.get(v)).put("vpc_region", REGION);
    }
    zones.put(zid, hz);
    ObjectNode rs = read("hub-spoke/aws/list-resource-record-sets-1FN41ONL559B06EZHWLJFS.json")
        .deepCopy();
    for (JsonNode r : rs.get("ResourceRecordSets")) {
      ((ObjectNode) r).put("Name", zname + ".");
      if (r.has("AliasTarget")) {
        ((ObjectNode) r.get("AliasTarget")).put("DNSName", dns);
      }
    }
    records.put(zid, rs);
    ObjectNode tr = tfAdd("aws_route53_record", "service", service, M.createObjectNode());
    tr.put("id", zid + "_" + zname + "_A").put("zone_id", zid).put("name", zname)
        .put("fqdn", zname);
    ((ObjectNode) tr.get("alias").get(0)).put("name", dns);
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 2 || !args[0].equals("gen")) {
      System.err.println("usage: ImportBench gen OUT_DIR [VPCS]");
      System.exit(2);
    }
    int n = args.length > 2 ? Integer.parseInt(args[2]) : 60;
    if (n < 1 || n > 250) {
      System.err.println("VPCS: 1 to 250 (10.V.0.0/16)");
      System.exit(2);
    }
    write(Path.of(args[1]), n);
  }
}
