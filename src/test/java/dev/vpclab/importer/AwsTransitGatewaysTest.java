package dev.vpclab.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vpclab.model.TransitGateway;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code aws ec2 describe-transit-gateways} beside aws-hand/: a transit gateway is named after its
 * Name tag, and a deleted one's attachments are left out.
 */
class AwsTransitGatewaysTest {
  static final Path TGWS = Path.of(
      "src/test/resources/dev/vpclab/importer/aws-tgw/describe-transit-gateways.json");

  private static List<AwsImport.Input> handWith(String tgws) throws Exception {
    List<AwsImport.Input> in = new ArrayList<>(AwsImportTest.hand());
    in.add(new AwsImport.Input("describe-transit-gateways.json", tgws));
    return in;
  }

  private static String tgws() throws Exception {
    return Files.readString(TGWS, StandardCharsets.UTF_8);
  }

  private static List<String> tgwNames(AwsImport.Result r) {
    return r.layout().tgws().stream().map(TransitGateway::name).toList();
  }

  @Test
  void aTransitGatewayIsNamedAfterItsNameTag() throws Exception {
    AwsImport.Result r = AwsImport.read(handWith(tgws()), "imported");
    // tgw-0t1 is tagged "core network"; tgw-0t9 ("spare") has no attachment: not written
    assertEquals(List.of("core-network"), tgwNames(r));
    assertTrue(r.text().contains("  tgw core-network attach app in 1a  # tgw-attachments.json:"
        + " tgw-attach-0a ($.TransitGatewayVpcAttachments[1])\n"), r.text());
    List<AwsImport.Input> reversed = new ArrayList<>(handWith(tgws()));
    Collections.reverse(reversed);
    assertEquals(r.text(), AwsImport.read(reversed, "imported").text());
  }

  @Test
  void aRouteLineNamesTheGatewayAsTheFileWritesItAndByItsId() throws Exception {
    // app's public table sends shared-services' CIDR to the internet gateway (aws-hand.vpc):
    // the line names the gateway as the tgw lines do, with its id beside
    List<String> lines = AwsImport.read(handWith(tgws()), "imported").assumed().stream()
        .filter(a -> a.startsWith("route table ")).toList();
    assertEquals(1, lines.size(), lines.toString());
    assertTrue(lines.get(0).contains(", not to core-network (tgw-0t1): "), lines.get(0));
    // without the file the name is the id, said once
    List<String> plain = AwsImportTest.handResult().assumed().stream()
        .filter(a -> a.startsWith("route table ")).toList();
    assertTrue(plain.get(0).contains(", not to tgw-0t1: "), plain.get(0));
  }

  @Test
  void withoutTheFileTheNameIsTheId() throws Exception {
    assertEquals(List.of("tgw-0t1"), tgwNames(AwsImportTest.handResult()));
  }

  @Test
  void aKeywordNameTagGetsTheIdAsTheNamesRuleSays() throws Exception {
    // "tgw" on tgw-0t1: the id alone (it begins with the tag and a -); "attach" on tgw-0t1:
    // the id appended; "default": the id appended
    assertEquals(List.of("tgw-0t1"), tgwNames(AwsImport.read(handWith(tgws()
        .replace("\"Value\": \"core network\"", "\"Value\": \"tgw\"")), "x")));
    assertEquals(List.of("attach-tgw-0t1"), tgwNames(AwsImport.read(handWith(tgws()
        .replace("\"Value\": \"core network\"", "\"Value\": \"attach\"")), "x")));
    assertEquals(List.of("default-tgw-0t1"), tgwNames(AwsImport.read(handWith(tgws()
        .replace("\"Value\": \"core network\"", "\"Value\": \"default\"")), "x")));
  }

  @Test
  void aDeletedTransitGatewaysAttachmentsAreLeftOut() throws Exception {
    AwsImport.Result r = AwsImport.read(handWith(tgws()
        .replaceFirst("\"State\": \"available\"", "\"State\": \"deleted\"")), "imported");
    assertEquals(List.of(), tgwNames(r));
    assertTrue(r.assumed().contains("transit gateway attachment tgw-attach-0s is on transit"
        + " gateway tgw-0t1, which is deleted: left out"), r.assumed().toString());
    assertTrue(r.assumed().contains("transit gateway attachment tgw-attach-0a is on transit"
        + " gateway tgw-0t1, which is deleted: left out"), r.assumed().toString());
    // nothing is said of routes to a transit gateway left out
    assertTrue(r.assumed().stream().noneMatch(a -> a.contains("not to tgw-0t1")),
        r.assumed().toString());
    assertFalse(r.text().contains("tgw "), r.text());
  }

  @Test
  void aDeletingTransitGatewayIsGoneTooAndAPendingOneIsNot() throws Exception {
    assertEquals(List.of(), tgwNames(AwsImport.read(handWith(tgws()
        .replaceFirst("\"State\": \"available\"", "\"State\": \"deleting\"")), "x")));
    assertEquals(List.of("core-network"), tgwNames(AwsImport.read(handWith(tgws()
        .replaceFirst("\"State\": \"available\"", "\"State\": \"pending\"")), "x")));
  }

  @Test
  void aTransitGatewayListedByTwoAccountsIsReadOnceFromTheFirstFile() throws Exception {
    // a shared transit gateway: the owner's describe output and the other account's, each with
    // its own tags; read from the first by file name, said so
    List<AwsImport.Input> in = handWith(tgws());
    in.add(new AwsImport.Input("other-account-transit-gateways.json", tgws()
        .replace("\"Value\": \"core network\"", "\"Value\": \"shared core\"")));
    AwsImport.Result r = AwsImport.read(in, "imported");
    assertEquals(List.of("core-network"), tgwNames(r));
    assertTrue(r.assumed().contains("tgw-0t1 is described twice (describe-transit-gateways.json"
        + " $.TransitGateways[0], other-account-transit-gateways.json $.TransitGateways[0]):"
        + " read once, from the first (they differ in Tags)"), r.assumed().toString());
  }

  @Test
  void terraformSaysADescribeTransitGatewaysFileIsForImportAws() throws Exception {
    JsonFault f = org.junit.jupiter.api.Assertions.assertThrows(JsonFault.class,
        () -> TerraformImport.read("describe-transit-gateways.json", tgws(), "x"));
    assertEquals("describe-transit-gateways.json: error: $: this is AWS CLI describe output"
        + " (TransitGateways), not terraform show -json output: use vpclab import aws\n",
        f.render());
  }
}
