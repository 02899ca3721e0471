package dev.vpclab.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vpclab.model.InterfaceEndpoint;
import dev.vpclab.model.Layout;
import dev.vpclab.model.Subnet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code aws ec2 describe-*} outputs to a design: the hand-written fixtures of aws-hand/. */
class AwsImportTest {
  static final Path HAND = Path.of("src/test/resources/dev/vpclab/importer/aws-hand");

  static List<AwsImport.Input> hand() throws IOException {
    List<AwsImport.Input> in = new ArrayList<>();
    try (Stream<Path> files = Files.list(HAND)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        in.add(new AwsImport.Input(p.getFileName().toString(),
            Files.readString(p, StandardCharsets.UTF_8)));
      }
    }
    return in;
  }

  static AwsImport.Result handResult() throws Exception {
    return AwsImport.read(hand(), "imported");
  }

  @Test
  void subnetsArePublicByTheirRouteTableElseTheMainOne() throws Exception {
    Layout l = handResult().layout();
    // public-a has its own table with 0.0.0.0/0 -> igw-0c1; app-a, app-b fall back to the main
    // table, whose 0.0.0.0/0 goes to a NAT gateway: private
    assertTrue(l.subnet("public-a").orElseThrow().isPublic());
    assertFalse(l.subnet("app-a").orElseThrow().isPublic());
    assertFalse(l.subnet("ep-a").orElseThrow().isPublic());
    assertEquals("us-east-1", l.region().code());
  }

  @Test
  void theEmptyDefaultVpcIsLeftOutAndNamesComeFromTags() throws Exception {
    AwsImport.Result r = handResult();
    assertEquals(List.of("shared-services", "app"),
        r.layout().vpcs().stream().map(v -> v.name()).toList());
    assertTrue(r.assumed().contains("default VPC vpc-0d0d0d0d has nothing in it: left out"));
  }

  @Test
  void endpointAllowComesFromTcp443IngressAndGroupMembers() throws Exception {
    InterfaceEndpoint ssm = handResult().layout().endpoint("ssm").orElseThrow();
    // 10.0.0.0/16 from IpRanges; sg-0f1 (web's group) resolved to app-a and app-b; the port 22
    // rule from 10.9.0.0/16 is not 443
    assertEquals(List.of("10.0.0.0/16", "app-a", "app-b"),
        ssm.allow().stream().map(a -> a.label()).toList());
    assertFalse(ssm.defaultAllow());
    assertFalse(ssm.privateDns());
    assertEquals(List.of("us-east-1a", "us-east-1b"), ssm.azs());
  }

  @Test
  void natsInstancesGatewaysAndAttachments() throws Exception {
    Layout l = handResult().layout();
    assertEquals(List.of("public-a"), l.nats().stream().map(n -> n.subnet().name()).toList());
    assertEquals(4, l.instance("web").orElseThrow().count());
    assertEquals(List.of("app-a", "app-b"), l.instance("web").orElseThrow().placements().stream()
        .map(p -> p.subnet().name()).toList());
    assertEquals(1, l.instance("batch").orElseThrow().count());
    assertTrue(l.instance("old").isEmpty(), "terminated instances are left out");
    assertTrue(l.vpc("app").orElseThrow().hasGateway("s3"));
    assertEquals(1, l.tgws().size());
    assertEquals(List.of("us-east-1a"), l.tgws().get(0).attachment("app").orElseThrow().azs());
    assertTrue(l.peerings().isEmpty(), "the peer VPC is not described here");
  }

  @Test
  void theFilesOrderDoesNotMatter() throws Exception {
    List<AwsImport.Input> reversed = new ArrayList<>(hand());
    Collections.reverse(reversed);
    assertEquals(handResult().text(), AwsImport.read(reversed, "imported").text());
  }

  @Test
  void theWrittenFileBuildsTheSameDesign() throws Exception {
    AwsImport.Result r = handResult();
    Layout again = DesignDump.build(r.text(), "imported");
    assertEquals(DesignDump.of(r.layout()), DesignDump.of(again), r.text());
  }

  @Test
  void anAttachmentInAnotherSubnetOfItsAzIsWrittenByItsAzAndSaidSo() throws Exception {
    List<AwsImport.Input> in = new ArrayList<>();
    for (AwsImport.Input i : hand()) {
      // the app attachment in the public subnet public-a (1a): `attach app in 1a` takes app-a
      in.add(i.file().equals("tgw-attachments.json") ? new AwsImport.Input(i.file(),
          i.text().replace("[\"subnet-0b11\"]", "[\"subnet-0b21\"]")) : i);
    }
    AwsImport.Result r = AwsImport.read(in, "imported");
    assertEquals(List.of("app-a"), r.layout().tgws().get(0).attachment("app").orElseThrow()
        .subnets().stream().map(Subnet::name).toList());
    assertTrue(r.assumed().contains("transit gateway attachment tgw-attach-0a uses public-a in"
        + " us-east-1a; written by its AZ, which attaches app-a"), r.assumed().toString());
    assertEquals(DesignDump.of(r.layout()),
        DesignDump.of(DesignDump.build(r.text(), "imported")));
  }

  @Test
  void aPrivateZoneAliasingAnEndpointIsAShare() throws Exception {
    Layout l = handResult().layout();
    assertEquals(1, l.shares().size());
    assertEquals("ssm", l.shares().get(0).service());
    assertEquals("shared-services", l.shares().get(0).from());
    assertEquals(List.of("app"), l.shares().get(0).with());
  }

  @Test
  void withoutTheRecordsTheZonesOnlyEndpointIsTakenAndSaidSo() throws Exception {
    List<AwsImport.Input> in = new ArrayList<>(hand());
    in.removeIf(i -> i.file().equals("zone-ssm-records.json"));
    AwsImport.Result r = AwsImport.read(in, "imported");
    assertEquals("shared-services", r.layout().shares().get(0).from());
    assertTrue(r.assumed().contains("zone Z0SSM123: no alias record given"
        + " (list-resource-record-sets); taken as shared-services's endpoint for ssm"),
        r.assumed().toString());
  }

  @Test
  void aFileOfAnotherKindIsAFault() {
    JsonFault f = assertThrows(JsonFault.class, () -> AwsImport.read(
        List.of(new AwsImport.Input("buckets.json", "{\"Buckets\": [], \"Owner\": {}}")), "x"));
    assertEquals("buckets.json: error: $: not a describe output vpclab reads (found Buckets,"
        + " Owner; expected one of Vpcs, Subnets, RouteTables, VpcEndpoints, NatGateways,"
        + " SecurityGroups, Reservations, InternetGateways, TransitGateways,"
        + " TransitGatewayVpcAttachments, VpcPeeringConnections, HostedZones, HostedZone,"
        + " ResourceRecordSets)\n", f.render());
  }

  @Test
  void notJsonAndTruncatedAreFaultsAtTheRoot() {
    JsonFault f = assertThrows(JsonFault.class, () -> AwsImport.read(
        List.of(new AwsImport.Input("a.json", "Vpcs: none")), "x"));
    assertTrue(f.render().startsWith("a.json: error: $: not valid JSON (line 1, column 5): "),
        f.render());
    JsonFault t = assertThrows(JsonFault.class, () -> AwsImport.read(
        List.of(new AwsImport.Input("t.json", "{\"Vpcs\": [{\"VpcId\": \"vpc-1\"")), "x"));
    assertEquals("t.json: error: $: truncated JSON (line 1, column 28): "
        + "Unexpected end-of-input: expected close marker for Object\n", t.render());
  }

  @Test
  void aResourceWithoutWhatItNeedsIsAFaultAtItsPath() throws Exception {
    List<AwsImport.Input> in = new ArrayList<>();
    for (AwsImport.Input i : hand()) {
      in.add(i.file().equals("subnets.json") ? new AwsImport.Input(i.file(),
          i.text().replace("\"CidrBlock\": \"10.1.2.0/24\",", "")) : i);
    }
    JsonFault f = assertThrows(JsonFault.class, () -> AwsImport.read(in, "x"));
    assertEquals("subnets.json: error: $.Subnets[2].CidrBlock: missing: this resource needs it\n",
        f.render());
  }

  @Test
  void aSubnetOfAnUndescribedVpcNamesWhatToAdd() {
    String subnets = "{\"Subnets\": [{\"SubnetId\": \"subnet-1\", \"VpcId\": \"vpc-9\","
        + " \"CidrBlock\": \"10.0.0.0/24\", \"AvailabilityZone\": \"eu-west-1a\"}]}";
    JsonFault f = assertThrows(JsonFault.class, () -> AwsImport.read(
        List.of(new AwsImport.Input("s.json", subnets)), "x"));
    assertEquals("s.json: error: $.Subnets[0].VpcId: VPC vpc-9 is in no describe-vpcs output"
        + " given (add aws ec2 describe-vpcs)\n", f.render());
  }

  @Test
  void whatIsLeftOutKeepsNoDefaultVpcAndNeedsNoSubnet() throws Exception {
    // a deleted NAT gateway in the default VPC's subnet, another in a subnet gone with it, a
    // deleted endpoint and a terminated instance there: the default VPC still has nothing in it
    List<AwsImport.Input> in = new ArrayList<>(hand());
    in.add(new AwsImport.Input("gone.json", "{\"NatGateways\": ["
        + "{\"NatGatewayId\": \"nat-0g1\", \"State\": \"deleted\", \"SubnetId\": \"subnet-0d01\"},"
        + "{\"NatGatewayId\": \"nat-0g2\", \"State\": \"failed\", \"SubnetId\": \"subnet-gone\"}],"
        + " \"VpcEndpoints\": [{\"VpcEndpointId\": \"vpce-0g\", \"State\": \"deleted\","
        + " \"VpcId\": \"vpc-0d0d0d0d\", \"ServiceName\": \"com.amazonaws.us-east-1.ssm\"}],"
        + " \"Reservations\": [{\"ReservationId\": \"r-0g\", \"Instances\": [{\"InstanceId\":"
        + " \"i-0g\", \"State\": {\"Name\": \"terminated\"}, \"SubnetId\": \"subnet-0d01\"}]}]}"));
    AwsImport.Result r = AwsImport.read(in, "imported");
    assertEquals(List.of("shared-services", "app"),
        r.layout().vpcs().stream().map(v -> v.name()).toList());
    assertTrue(r.assumed().contains("default VPC vpc-0d0d0d0d has nothing in it: left out"));
    assertTrue(r.assumed().contains("NAT gateway nat-0g2 is failed: left out"));
  }

  @Test
  void aResourceInTwoFilesIsReadOnceWhicheverComesFirst() throws Exception {
    List<AwsImport.Input> in = new ArrayList<>(hand());
    AwsImport.Input peering = in.stream().filter(i -> i.file().equals("peering.json"))
        .findFirst().orElseThrow();
    in.add(new AwsImport.Input("peering-seen-by-the-other-account.json",
        peering.text().replace("\"VpcPeeringConnectionId\"",
            "\"Tags\": [{\"Key\": \"Name\", \"Value\": \"b\"}], \"VpcPeeringConnectionId\"")));
    AwsImport.Result r = AwsImport.read(in, "imported");
    assertEquals(handResult().layout().peerings().size(), r.layout().peerings().size());
    Collections.reverse(in);
    assertEquals(r.text(), AwsImport.read(in, "imported").text());
    assertTrue(r.assumed().stream().anyMatch(a -> a.matches("pcx-\\S+ is described twice"
        + " \\(peering-seen-by-the-other-account.json \\$.VpcPeeringConnections\\[0\\],"
        + " peering.json \\$.VpcPeeringConnections\\[0\\]\\): read once, from the first"
        + " \\(they differ in Tags\\)")), r.assumed().toString());
  }

  @Test
  void aPrivateSubnetSendingTheDefaultRouteElsewhereThanItsNatIsSaid() throws Exception {
    // app's main table sends 0.0.0.0/0 to the transit gateway (central egress) instead of its
    // NAT gateway: vpclab would use the NAT gateway for app-a and app-b
    List<AwsImport.Input> in = new ArrayList<>();
    for (AwsImport.Input i : hand()) {
      in.add(i.file().equals("route-tables.json") ? new AwsImport.Input(i.file(), i.text()
          .replace("\"NatGatewayId\": \"nat-0n1\"", "\"TransitGatewayId\": \"tgw-0t1\""))
          : i);
    }
    AwsImport.Result r = AwsImport.read(in, "x");
    assertTrue(r.assumed().contains("subnet app-a sends 0.0.0.0/0 to tgw-0t1, not to a NAT"
        + " gateway (route table rtb-0b2main): vpclab sends a private subnet through the VPC's NAT"
        + " gateway"), r.assumed().toString());
    assertEquals(0, handResult().assumed().stream().filter(a -> a.startsWith("subnet ")).count());
  }

  @Test
  void aPrivateSubnetWhoseRouteTableLacksTheGatewayEndpointIsSaid() throws Exception {
    // vpce-0s3 on no route table: app-a and app-b (private, on app's main table rtb-0b2main,
    // whose 0.0.0.0/0 goes to nat-0n1) reach S3 through the NAT gateway in AWS; public-a (its own
    // table, to the internet gateway) reaches it through the internet gateway: no line for it
    List<AwsImport.Input> in = new ArrayList<>();
    for (AwsImport.Input i : hand()) {
      in.add(i.file().equals("vpc-endpoints.json") ? new AwsImport.Input(i.file(), i.text()
          .replace("\"RouteTableIds\": [\"rtb-0b2main\"]", "\"RouteTableIds\": []")) : i);
    }
    AwsImport.Result r = AwsImport.read(in, "x");
    List<String> said = r.assumed().stream().filter(a -> a.contains("gateway endpoint")).toList();
    assertEquals(List.of("subnet app-a: route table rtb-0b2main lacks gateway endpoint vpce-0s3"
        + " (s3): AWS sends its s3 traffic to nat-0n1 (NAT data processing); vpclab through the"
        + " gateway endpoint (free)", "subnet app-b: route table rtb-0b2main lacks gateway"
        + " endpoint vpce-0s3 (s3): AWS sends its s3 traffic to nat-0n1 (NAT data processing);"
        + " vpclab through the gateway endpoint (free)"), said);
    assertTrue(handResult().assumed().stream().noneMatch(a -> a.contains("gateway endpoint")),
        handResult().assumed().toString());
  }

  @Test
  void aPrivateSubnetWithNoWayOutAndNoGatewayEndpointRouteIsSaid() throws Exception {
    // app's main table loses its 0.0.0.0/0 and the endpoint its table: S3 is out of reach
    List<AwsImport.Input> in = new ArrayList<>();
    for (AwsImport.Input i : hand()) {
      in.add(i.file().equals("vpc-endpoints.json") ? new AwsImport.Input(i.file(), i.text()
          .replace("\"RouteTableIds\": [\"rtb-0b2main\"]", "\"RouteTableIds\": []")) : i);
    }
    in.replaceAll(i -> i.file().equals("route-tables.json") ? new AwsImport.Input(i.file(),
        i.text().replace("\"nat-0n1\", \"Origin\": \"CreateRoute\", \"State\": \"active\"",
            "\"nat-0n1\", \"Origin\": \"CreateRoute\", \"State\": \"blackhole\"")) : i);
    AwsImport.Result r = AwsImport.read(in, "x");
    assertTrue(r.assumed().contains("subnet app-a: route table rtb-0b2main lacks gateway endpoint"
        + " vpce-0s3 (s3): AWS sends its s3 traffic nowhere (no way out); vpclab through the"
        + " gateway endpoint (free)"), r.assumed().toString());
  }

  @Test
  void ipv6OnlySubnetsAreLeftOutWithWhatIsInThem() throws Exception {
    // v6-a (app, IPv6-only by Ipv6Native) holds a NAT gateway, an instance and a second subnet of
    // app's attachment; v6-s (shared-services, by its IPv6 CIDR only) an ENI of the ssm endpoint
    // and the whole shared-services attachment
    String v6a = "{\"SubnetId\": \"subnet-0v6a\", \"VpcId\": \"vpc-0b2b2b2b2b2b2b2b2\","
        + " \"AvailabilityZone\": \"us-east-1b\", \"Ipv6Native\": true,"
        + " \"Ipv6CidrBlockAssociationSet\": [{\"Ipv6CidrBlock\": \"2600:1f18:1::/64\"}],"
        + " \"Tags\": [{\"Key\": \"Name\", \"Value\": \"v6-a\"}]}, ";
    String v6s = "{\"SubnetId\": \"subnet-0v6s\", \"VpcId\": \"vpc-0a1a1a1a1a1a1a1a1\","
        + " \"AvailabilityZone\": \"us-east-1a\","
        + " \"Ipv6CidrBlockAssociationSet\": [{\"Ipv6CidrBlock\": \"2600:1f18:2::/64\"}]}, ";
    List<AwsImport.Input> in = new ArrayList<>();
    for (AwsImport.Input i : hand()) {
      String t = switch (i.file()) {
        case "subnets.json" -> i.text().replace("\"Subnets\": [", "\"Subnets\": [" + v6a + v6s);
        case "nat-gateways.json" -> i.text().replace("\"NatGateways\": [", "\"NatGateways\": ["
            + "{\"NatGatewayId\": \"nat-0v6\", \"State\": \"available\", \"SubnetId\":"
            + " \"subnet-0v6a\"}, ");
        case "instances.json" -> i.text().replace("\"Reservations\": [", "\"Reservations\": ["
            + "{\"Instances\": [{\"InstanceId\": \"i-0v6\", \"SubnetId\": \"subnet-0v6a\","
            + " \"State\": {\"Name\": \"running\"}}]}, ");
        case "vpc-endpoints.json" -> i.text().replace("[\"subnet-0a12\", \"subnet-0a11\"]",
            "[\"subnet-0a12\", \"subnet-0a11\", \"subnet-0v6s\"]");
        case "tgw-attachments.json" -> i.text().replace("[\"subnet-0b11\"]",
            "[\"subnet-0b11\", \"subnet-0v6a\"]").replace("[\"subnet-0a11\", \"subnet-0a12\"]",
            "[\"subnet-0v6s\"]");
        default -> i.text();
      };
      in.add(new AwsImport.Input(i.file(), t));
    }
    AwsImport.Result r = AwsImport.read(in, "imported");
    Layout l = r.layout();
    List<String> said = r.assumed().stream().filter(a -> a.contains("IPv6")).toList();
    assertEquals(List.of(
        "subnet v6-a (subnet-0v6a) is IPv6-only (2600:1f18:1::/64): left out (vpclab's subnets"
            + " are IPv4)",
        "subnet subnet-0v6s is IPv6-only (2600:1f18:2::/64): left out (vpclab's subnets are IPv4)",
        "NAT gateway nat-0v6 is in subnet-0v6a, an IPv6-only subnet left out: left out",
        "instance i-0v6 is in subnet-0v6a, an IPv6-only subnet left out: left out",
        "endpoint vpce-0ssm is in subnet-0v6s, an IPv6-only subnet left out: that subnet dropped"
            + " from it",
        "transit gateway attachment tgw-attach-0s is in subnet-0v6s, an IPv6-only subnet left out:"
            + " that subnet dropped from it",
        "transit gateway attachment tgw-attach-0a is in subnet-0v6a, an IPv6-only subnet left out:"
            + " that subnet dropped from it"), said, r.assumed().toString());
    assertTrue(r.assumed().contains("transit gateway attachment tgw-attach-0s has no subnet left:"
        + " left out"), r.assumed().toString());
    assertTrue(l.subnet("v6-a").isEmpty());
    assertEquals(handResult().layout().nats().size(), l.nats().size());
    assertEquals(List.of("us-east-1a", "us-east-1b"), l.endpoint("ssm").orElseThrow().azs());
    assertEquals(List.of("app"), l.tgws().get(0).attachments().stream()
        .map(a -> a.vpc()).toList());
    assertEquals(DesignDump.of(l), DesignDump.of(DesignDump.build(r.text(), "imported")));
  }

  @Test
  void anInterfaceEndpointLeftOutIsSaidOnceWhateverTheNumberOfVpcs() throws Exception {
    // the hand account's only interface endpoint, in an IPv6-only subnet alone: left out, and
    // said once (not once per VPC written: app and shared here)
    String v6s = "{\"SubnetId\": \"subnet-0v6s\", \"VpcId\": \"vpc-0a1a1a1a1a1a1a1a1\","
        + " \"AvailabilityZone\": \"us-east-1a\","
        + " \"Ipv6CidrBlockAssociationSet\": [{\"Ipv6CidrBlock\": \"2600:1f18:2::/64\"}]}, ";
    List<AwsImport.Input> in = new ArrayList<>();
    for (AwsImport.Input i : hand()) {
      String t = switch (i.file()) {
        case "subnets.json" -> i.text().replace("\"Subnets\": [", "\"Subnets\": [" + v6s);
        case "vpc-endpoints.json" -> i.text().replace("[\"subnet-0a12\", \"subnet-0a11\"]",
            "[\"subnet-0v6s\"]");
        default -> i.text();
      };
      in.add(new AwsImport.Input(i.file(), t));
    }
    AwsImport.Result r = AwsImport.read(in, "imported");
    assertTrue(r.layout().vpcs().size() >= 2, r.layout().vpcs().toString());
    assertEquals(List.of(
        "endpoint vpce-0ssm is in subnet-0v6s, an IPv6-only subnet left out: that subnet dropped"
            + " from it",
        "endpoint vpce-0ssm (ssm) has no subnet: left out"),
        r.assumed().stream().filter(a -> a.startsWith("endpoint vpce-0ssm")).toList());
    assertTrue(r.layout().endpoint("ssm").isEmpty());
  }

  @Test
  void aSubnetWithNeitherAnIpv4NorAnIpv6CidrIsAFault() throws Exception {
    List<AwsImport.Input> in = new ArrayList<>();
    for (AwsImport.Input i : hand()) {
      in.add(i.file().equals("subnets.json") ? new AwsImport.Input(i.file(),
          i.text().replace("\"CidrBlock\": \"10.1.2.0/24\",", "\"Ipv6Native\": false,")) : i);
    }
    JsonFault f = assertThrows(JsonFault.class, () -> AwsImport.read(in, "x"));
    assertEquals("subnets.json: error: $.Subnets[2].CidrBlock: missing: this resource needs it\n",
        f.render());
  }

  @Test
  void aKeywordNameTagGetsTheIdAndNotTwiceWhenTheIdBeginsWithIt() throws Exception {
    // ep-a tagged "subnet" (a keyword) is named by its id subnet-0a11, not subnet-subnet-0a11;
    // ep-b tagged "private" (a keyword) gets the id appended: private-subnet-0a12
    List<AwsImport.Input> in = new ArrayList<>();
    for (AwsImport.Input i : hand()) {
      in.add(i.file().equals("subnets.json") ? new AwsImport.Input(i.file(), i.text()
          .replace("\"Value\": \"ep-a\"", "\"Value\": \"subnet\"")
          .replace("\"Value\": \"ep-b\"", "\"Value\": \"private\"")) : i);
    }
    Layout l = AwsImport.read(in, "x").layout();
    assertEquals(List.of("subnet-0a11", "private-subnet-0a12"), l.vpc("shared-services")
        .orElseThrow().subnets().stream().map(Subnet::name).toList());
  }

  private static String moveI03(String json) throws IOException {
    com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.JsonNode root = m.readTree(json);
    ((com.fasterxml.jackson.databind.node.ObjectNode) root.at("/Reservations/1/Instances/0"))
        .put("SubnetId", "subnet-0b12");
    return m.writeValueAsString(root);
  }

  @Test
  void unevenGroupsBecomeOneGroupPerSubnet() throws Exception {
    List<AwsImport.Input> in = new ArrayList<>();
    for (AwsImport.Input i : hand()) {
      // i-03 moves from app-a to app-b: web is 1 in app-a, 3 in app-b, which `count 4` over two
      // subnets (2 and 2) cannot say
      in.add(i.file().equals("instances.json") ? new AwsImport.Input(i.file(), moveI03(i.text()))
          : i);
    }
    Layout l = AwsImport.read(in, "x").layout();
    assertEquals(1, l.instance("web-app-a").orElseThrow().count());
    assertEquals(3, l.instance("web-app-b").orElseThrow().count());
    Subnet b = l.instance("web-app-b").orElseThrow().subnet();
    assertEquals("app-b", b.name());
  }
}
