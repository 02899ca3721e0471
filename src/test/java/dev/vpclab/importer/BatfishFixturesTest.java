package dev.vpclab.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vpclab.model.InterfaceEndpoint;
import dev.vpclab.model.Layout;
import dev.vpclab.model.Subnet;
import dev.vpclab.model.TransitGateway;
import dev.vpclab.reach.FailureAnalysis;
import dev.vpclab.reach.PairResult;
import dev.vpclab.reach.ReachEngine;
import dev.vpclab.reach.Reason;
import dev.vpclab.reach.Via;
import dev.vpclab.testing.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real account snapshots from Batfish's test resources (batfish/README.md says where each comes
 * from and what its design is, worked out by hand from the JSON): what {@code vpclab import aws}
 * makes of them, what that costs by PRICING.md, how it reaches, and that the file runs.
 */
class BatfishFixturesTest {
  static final Path ROOT = Path.of("src/test/resources/dev/vpclab/importer/batfish");
  /** The files of the kinds vpclab reads; Batfish's snapshots hold many other kinds. */
  static final Pattern READ = Pattern.compile("(Vpcs|Subnets|RouteTables|VpcEndpoints|NatGateways"
      + "|SecurityGroups|Reservations|InternetGateways|TransitGatewayVpcAttachments"
      + "|VpcPeeringConnections)\\.json");

  @TempDir Path dir;

  /** The files under these folders (or these files) of the kinds vpclab reads, by path. */
  static List<Path> files(String... under) throws IOException {
    List<Path> out = new ArrayList<>();
    for (String u : under) {
      try (Stream<Path> s = Files.walk(ROOT.resolve(u))) {
        s.filter(p -> READ.matcher(p.getFileName().toString()).matches()
            || u.endsWith(".json")).forEach(out::add);
      }
    }
    Collections.sort(out);
    return out;
  }

  static AwsImport.Result imported(List<Path> files) throws Exception {
    List<AwsImport.Input> in = new ArrayList<>();
    for (Path p : files) {
      in.add(new AwsImport.Input(ROOT.relativize(p).toString().replace('\\', '/'),
          Files.readString(p, StandardCharsets.UTF_8)));
    }
    return AwsImport.read(in, "imported");
  }

  static AwsImport.Result imported(String... under) throws Exception {
    return imported(files(under));
  }

  static PairResult reach(Layout l, String instance, String to) {
    return ReachEngine.path(l, l.instance(instance).orElseThrow(), to, Set.of());
  }

  static List<String> names(List<Subnet> subnets, boolean isPublic) {
    return subnets.stream().filter(s -> s.isPublic() == isPublic).map(Subnet::name).toList();
  }

  /** The file imports with the CLI, runs with it, and costs {@code total} by its own expects. */
  void runsWithTheCli(List<Path> files, String total) throws IOException {
    Path out = dir.resolve("imported.vpc");
    List<String> args = new ArrayList<>(List.of("import", "aws"));
    files.forEach(f -> args.add(f.toString()));
    args.addAll(List.of("--out", out.toString()));
    Cli.Result imp = Cli.run(args.toArray(String[]::new));
    assertEquals(0, imp.status(), imp.err());
    Path run = dir.resolve("run.vpc");
    Files.writeString(run, Files.readString(out, StandardCharsets.UTF_8)
        + "cost imported\nexpect cost imported < " + cents(total, 1) + " USD\n"
        + (total.equals("0.00") ? "" : "expect cost imported > " + cents(total, -1) + " USD\n"),
        StandardCharsets.UTF_8);
    Cli.Result r = Cli.run("run", run.toString());
    assertEquals(0, r.status(), r.out() + r.err());
    assertEquals("", r.err());
    assertTrue(r.out().contains(total), r.out());
  }

  /**
   * The file written is the one kept beside the snapshot ({@code SNAPSHOT.vpc}; remade with
   * {@code -Dgolden.update=true}, then read before committing).
   */
  static void sameAsGolden(String snapshot, AwsImport.Result r) throws IOException {
    Path golden = ROOT.resolve(snapshot + ".vpc");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(golden, r.text(), StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(golden, StandardCharsets.UTF_8), r.text());
  }

  private static String cents(String total, int by) {
    return new java.math.BigDecimal(total).add(new java.math.BigDecimal(by).movePointLeft(2))
        .toPlainString();
  }

  // ------------------------------------------------------------------ whole snapshots

  @Test
  void natGatewaySnapshotIsOnePublicAndTwoPrivateSubnetsAndANat() throws Exception {
    AwsImport.Result r = imported("test-nat-gateway");
    Layout l = r.layout();
    assertEquals("us-east-2", l.region().code());
    assertEquals(List.of("vpc_a"), l.vpcs().stream().map(v -> v.name()).toList());
    assertEquals(List.of("Subnet-1", "Subnet-20"), names(l.subnets(), false));
    assertEquals(List.of("Public-Subnet"), names(l.subnets(), true));
    assertTrue(l.subnets().stream().allMatch(s -> s.az().equals("us-east-2b")));
    assertEquals(1, l.nats().size());
    assertEquals("Public-Subnet", l.nats().get(0).subnet().name());
    assertEquals(0, l.eniCount());
    assertEquals(List.of("Jump-Host", "test1", "test20"),
        l.instances().stream().map(i -> i.name()).toList());
    // Subnet 20 is on the main route table, which has only the local route: in AWS it reaches
    // nothing outside the VPC, but vpclab's private subnets use the VPC's NAT gateway; the file
    // says so
    assertTrue(r.assumed().contains("subnet Subnet-20 sends 0.0.0.0/0 nowhere, not to a NAT"
        + " gateway (route table rtb-0e169c4a1e0b27b55): vpclab sends a private subnet through the"
        + " VPC's NAT gateway"), r.assumed().toString());
    assertEquals(Via.NAT, reach(l, "test1", "ssm").via());
    assertEquals(Via.IGW, reach(l, "Jump-Host", "ssm").via());
    // NAT gateway 0.045 x 730 = 32.85, its Elastic IP 0.005 x 730 = 3.65 (us-east-2): 36.50
    costsAndIsWritten("test-nat-gateway", r, "36.50");
  }

  @Test
  void theWholeNatSnapshotFolderStopsAtTheFirstKindVpclabDoesNotRead() throws Exception {
    List<Path> all;
    try (Stream<Path> s = Files.walk(ROOT.resolve("test-nat-gateway/aws_configs"))) {
      all = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    JsonFault f = assertThrows(JsonFault.class, () -> imported(all));
    assertEquals("test-nat-gateway/aws_configs/NetworkAcls.json: error: $: not a describe output"
        + " vpclab reads (found NetworkAcls; expected one of " + String.join(", ", AwsInputs.KINDS)
        + ")\n", f.render());
  }

  @Test
  void interfaceEndpointSnapshotIsCloudtrailInOneAzOpenTo443FromAnywhere() throws Exception {
    AwsImport.Result r = imported("test-vpc-endpoint-interface");
    Layout l = r.layout();
    assertEquals("us-east-1", l.region().code());
    // both subnets are associated with the table whose 0.0.0.0/0 goes to the internet gateway,
    // whatever their instances are called
    assertEquals(List.of("testing_10.1.1.0-24", "testing_10.1.101.0-24"), names(l.subnets(), true));
    assertEquals(List.of(), l.nats());
    assertEquals(1, l.eniCount());
    InterfaceEndpoint e = l.endpoint("cloudtrail").orElseThrow();
    assertTrue(e.privateDns());
    assertEquals("testing_10.1.101.0-24", e.enis().get(0).subnet().name());
    assertEquals(List.of("0.0.0.0/0"), e.allow().stream().map(a -> a.cidr().toString()).toList());
    assertEquals(List.of("private-web01", "public-web01"),
        l.instances().stream().map(i -> i.name()).toList());
    PairResult p = reach(l, "public-web01", "cloudtrail");
    assertEquals(Via.ENDPOINT, p.via());
    assertFalse(p.crossAz());
    // one AZ only: losing us-east-1a loses the endpoint and every instance with it
    Layout probe = DesignDump.build(r.text() + "layout probe extends imported {\n"
        + "  traffic public-web01 -> cloudtrail 10 GB\n}\n", "probe");
    assertFalse(FailureAnalysis.resilience(probe).survivesAzFailure());
    // cloudtrail in 1 AZ: 0.01 x 730 = 7.30
    costsAndIsWritten("test-vpc-endpoint-interface", r, "7.30");
  }

  @Test
  void gatewayEndpointSnapshotServesS3FreeToBothSubnets() throws Exception {
    AwsImport.Result r = imported("test-vpc-endpoint-gateway");
    Layout l = r.layout();
    assertEquals(List.of("testing_10.1.1.0-24"), names(l.subnets(), true));
    assertEquals(List.of("testing_10.1.101.0-24"), names(l.subnets(), false));
    assertTrue(l.vpcs().get(0).hasGateway("s3"));
    assertEquals(0, l.eniCount());
    assertEquals(List.of(), l.nats());
    // the endpoint is on both subnets' route tables (rtb-04f71fc2caa8d94cf, rtb-0efde4139784b75b0)
    assertEquals(Via.GATEWAY_ENDPOINT, reach(l, "private-web01", "s3").via());
    assertEquals(Via.GATEWAY_ENDPOINT, reach(l, "public-web01", "s3").via());
    // the private subnet has no NAT gateway and no 0.0.0.0/0 route: nothing else
    assertEquals(List.of(Reason.NO_ROUTE), reach(l, "private-web01", "ssm").reasons());
    assertEquals(Via.IGW, reach(l, "public-web01", "ssm").via());
    // a gateway endpoint costs nothing, and nothing else is billed by the hour: 0.00
    costsAndIsWritten("test-vpc-endpoint-gateway", r, "0.00");
  }

  @Test
  void transitGatewaySnapshotAttachesVpcAOnlyInUsEast2c() throws Exception {
    AwsImport.Result r = imported("test-transit-gateway");
    Layout l = r.layout();
    assertEquals("us-east-2", l.region().code());
    assertEquals(List.of("VPC-A", "VPC-B"), l.vpcs().stream().map(v -> v.name()).sorted()
        .toList());
    assertEquals(List.of("subnet-A", "subnet-A2"), names(l.subnets(), false));
    assertEquals(List.of("subnet-B"), names(l.subnets(), true));
    assertEquals(1, l.tgws().size());
    TransitGateway t = l.tgws().get(0);
    assertEquals("tgw-044be4464fcc69aff", t.name());
    assertEquals(List.of("us-east-2c"), t.attachment("VPC-A").orElseThrow().azs());
    assertEquals(List.of("us-east-2b"), t.attachment("VPC-B").orElseThrow().azs());
    assertEquals(3, l.instances().size(), "the terminated instance is left out");
    // i-06ba... in subnet A (2c) reaches VPC B's instance through the transit gateway;
    // i-075e... in subnet-A2 (2a) cannot: VPC A's attachment has no subnet in 2a
    assertEquals(Via.TGW, reach(l, "i-06ba034d88c84ef07", "i-0b14080af811fda3d").via());
    assertFalse(reach(l, "i-075e846ed41670385", "i-0b14080af811fda3d").reachable());
    // VPC A has neither NAT nor internet gateway
    assertEquals(List.of(Reason.NO_ROUTE), reach(l, "i-06ba034d88c84ef07", "ssm").reasons());
    // two attachments 2 x 0.05 x 730 = 73.00 (us-east-2)
    costsAndIsWritten("test-transit-gateway", r, "73.00");
  }

  @Test
  void aTransitGatewaySharedByTwoAccountsIsAttachedOncePerVpc() throws Exception {
    AwsImport.Result r = imported("test-transit-gateway-multi-account");
    Layout l = r.layout();
    assertEquals(List.of("bat", "fish"), l.vpcs().stream().map(v -> v.name()).sorted().toList());
    assertEquals(List.of(), names(l.subnets(), false));
    assertEquals(4, l.subnets().size());
    assertEquals(1, l.tgws().size());
    // both accounts list fish's attachment: one attachment, not two
    assertEquals(List.of("bat", "fish"), l.tgws().get(0).attachments().stream()
        .map(TransitGateway.Attachment::vpc).toList());
    assertEquals(1, r.text().split("attach fish", -1).length - 1, r.text());
    assertTrue(r.assumed().stream().anyMatch(a -> a.startsWith(
        "tgw-attach-0f8397dbb9b9bce0d is described twice")), r.assumed().toString());
    assertEquals(List.of("bat-web01", "fish-web01"),
        l.instances().stream().map(i -> i.name()).sorted().toList());
    List<Path> reversed = new ArrayList<>(files("test-transit-gateway-multi-account"));
    Collections.reverse(reversed);
    assertEquals(r.text(), imported(reversed).text(), "the accounts' order does not matter");
    assertEquals(Via.TGW, reach(l, "bat-web01", "fish-web01").via());
    // two attachments 2 x 0.05 x 730 = 73.00 (us-east-1), not three
    costsAndIsWritten("test-transit-gateway-multi-account", r, "73.00");
  }

  @Test
  void aPeeringSeenFromBothAccountsIsOnePeering() throws Exception {
    AwsImport.Result r = imported("test-vpc-peering-multi-account");
    Layout l = r.layout();
    assertEquals(List.of("bat", "fish"), l.vpcs().stream().map(v -> v.name()).sorted().toList());
    assertEquals(List.of("bat_10.1.1.0-24", "fish_10.2.1.0-24"),
        names(l.subnets(), true).stream().sorted().toList());
    assertEquals(1, l.peerings().size());
    assertEquals(1, r.text().split("\n  peering ", -1).length - 1, r.text());
    // the two deleted peerings are said once each
    assertEquals(1, r.assumed().stream()
        .filter(a -> a.equals("peering pcx-00eeab4f3bd2a40da is deleted: left out")).count());
    assertTrue(r.assumed().contains("peering pcx-07d8d712b329b9337 is deleted: left out"));
    assertEquals(Via.PEERING, reach(l, "bat-web01", "fish-web01").via());
    // peering has no hourly charge, nothing else costs by the hour: 0.00
    costsAndIsWritten("test-vpc-peering-multi-account", r, "0.00");
  }

  @Test
  void aSnapshotOfTwoRegionsIsImportedOneRegionAtATime() throws Exception {
    JsonFault f = assertThrows(JsonFault.class, () -> imported("test-transit-gateway-peering"));
    assertEquals("test-transit-gateway-peering/aws_configs/accounts/804819755326/us-west-1/"
        + "Subnets.json: error: $.Subnets[0].AvailabilityZone: subnets of two Regions, us-east-1"
        + " and us-west-1: import one Region at a time\n", f.render());
    List<Path> east = files("test-transit-gateway-peering");
    east.removeIf(p -> !p.toString().contains("us-east-1"));
    AwsImport.Result r = imported(east);
    Layout l = r.layout();
    assertEquals("us-east-1", l.region().code());
    assertEquals(List.of("bat", "bat2"), l.vpcs().stream().map(v -> v.name()).sorted().toList());
    assertEquals(2, l.tgws().get(0).attachments().size());
    // bat and bat2 route only fish's 192.168.0.0/16 (in us-west-1, over the transit gateways'
    // peering) to their transit gateway, not each other's CIDR: in AWS they do not reach each
    // other through it, where vpclab's transit gateway routes every attached VPC to the others.
    // The file says so, for each route table
    assertTrue(r.assumed().contains("route table rtb-0c5050231125a42c1 of bat sends"
        + " 10.20.0.0/16 (bat2) to igw-0016cdb81a5917009, not to tgw-0e20010ebf43d07a2: vpclab"
        + " routes every VPC attached to a transit gateway to the others through it"),
        r.assumed().toString());
    assertEquals(2, r.assumed().stream().filter(a -> a.startsWith("route table ")).count(),
        r.assumed().toString());
    // two attachments 2 x 0.05 x 730 = 73.00 (us-east-1); the peering attachment to us-west-1
    // is in describe-transit-gateway-attachments, which vpclab does not read
    assertEquals("73.00", AwsMotoFixturesTest.total(l));
    sameAsGolden("test-transit-gateway-peering-us-east-1", r);
    runsWithTheCli(east, "73.00");
  }

  // ------------------------------------------------------------------ single-kind files

  @Test
  void theEndpointFileAloneNamesTheVpcToDescribe() {
    JsonFault f = assertThrows(JsonFault.class, () -> imported("single/VpcEndpointTest.json"));
    assertEquals("single/VpcEndpointTest.json: error: $.VpcEndpoints[0].VpcId: VPC"
        + " vpc-05575381cd519fdef is in no describe-vpcs output given (add aws ec2"
        + " describe-vpcs)\n", f.render());
  }

  @Test
  void theNatFileAloneSkipsTheDeletedNatAndNamesTheLiveOnesSubnet() {
    // $.NatGateways[0] is deleted (its subnet may be gone with it): left out before its subnet
    // is looked for; $.NatGateways[1] is available and needs its subnet
    JsonFault f = assertThrows(JsonFault.class, () -> imported("single/NatGatewayTest.json"));
    assertEquals("single/NatGatewayTest.json: error: $.NatGateways[1].SubnetId: subnet"
        + " subnet-847e4dc2 is in no describe-subnets output given (add aws ec2"
        + " describe-subnets)\n", f.render());
  }

  @Test
  void theAttachmentFileWithItsSnapshotAttachesVpcAInTwoAzs() throws Exception {
    // the same VPCs as test-transit-gateway, but VPC A's attachment has a subnet in 2a and 2c,
    // and VPC B's is pending (kept: it is coming up)
    List<Path> files = new ArrayList<>(files("test-transit-gateway"));
    files.removeIf(p -> p.getFileName().toString().equals("TransitGatewayVpcAttachments.json"));
    files.addAll(files("single/TransitGatewayVpcAttachmentTest.json"));
    AwsImport.Result r = imported(files);
    Layout l = r.layout();
    TransitGateway t = l.tgws().get(0);
    assertEquals(List.of("us-east-2a", "us-east-2c"), t.attachment("VPC-A").orElseThrow().azs());
    assertEquals(List.of("us-east-2b"), t.attachment("VPC-B").orElseThrow().azs());
    assertEquals(Via.TGW, reach(l, "i-075e846ed41670385", "i-0b14080af811fda3d").via());
    // two attachments 2 x 0.05 x 730 = 73.00 (us-east-2): per attachment, not per AZ
    assertEquals("73.00", AwsMotoFixturesTest.total(l));
    runsWithTheCli(files, "73.00");
  }

  @Test
  void thePeeringFilesAloneAreAnEmptyDesignThatSaysWhatItLeftOut() throws Exception {
    AwsImport.Result r = imported("single/VpcPeeringConnectionsTestIgnoreNonActive.json");
    assertEquals(List.of(), r.layout().vpcs());
    // no subnet, so nothing to say about subnets without route tables
    assertEquals(List.of("no subnet names an AZ: Region us-east-1",
        "peering pcx-f754069e joins a VPC not described here (another account or Region):"
            + " left out",
        "peering pcx-4ee8b427 is deleted: left out",
        "peering pcx-0ff752226f8e366f2 is failed: left out"), r.assumed());
    runsWithTheCli(files("single/VpcPeeringConnectionsTest.json"), "0.00");
  }

  /**
   * What every whole snapshot must give: the design's monthly total (worked out by hand in each
   * test), a file that builds the same design, the golden kept beside the snapshot, and a run of
   * that file through the CLI that confirms the total.
   */
  private void costsAndIsWritten(String snapshot, AwsImport.Result r, String total)
      throws Exception {
    Layout l = r.layout();
    assertEquals(total, AwsMotoFixturesTest.total(l));
    assertEquals(DesignDump.of(l), DesignDump.of(DesignDump.build(r.text(), "imported")));
    sameAsGolden(snapshot, r);
    runsWithTheCli(files(snapshot), total);
  }
}
