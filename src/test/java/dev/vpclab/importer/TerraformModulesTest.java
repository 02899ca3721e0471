package dev.vpclab.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpclab.model.Subnet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Links through modules that the {@code modules} fixture's plan does not show, on copies of it
 * whose configuration is written another way: what Terraform prints of
 * {@code module.vpc[each.key].vpc_id} (no output name), and references that go round in circles.
 */
class TerraformModulesTest {
  static final Path PLAN = AwsMotoFixturesTest.ROOT.resolve("modules/terraform/plan.json");
  private final ObjectMapper m = new ObjectMapper();

  private ObjectNode plan() throws Exception {
    return (ObjectNode) m.readTree(Files.readString(PLAN, StandardCharsets.UTF_8));
  }

  private static ObjectNode rootResource(JsonNode plan, String address) {
    for (JsonNode r : plan.path("configuration").path("root_module").path("resources")) {
      if (r.path("address").asText().equals(address)) {
        return (ObjectNode) r;
      }
    }
    throw new AssertionError(address);
  }

  private ObjectNode refs(String... refs) {
    ObjectNode e = m.createObjectNode();
    List.of(refs).forEach(e.putArray("references")::add);
    return e;
  }

  private AwsImport.Result read(JsonNode plan) throws Exception {
    return TerraformImport.read("plan.json", m.writeValueAsString(plan), "imported");
  }

  @Test
  void aModuleInstanceNamedWithoutItsOutputIsFollowedWhereEveryOutputAgrees() throws Exception {
    // for_each = toset(["app", "shared"]); vpc_id = module.vpc[each.key].vpc_id, subnet_ids =
    // module.vpc[each.key].private_subnet_ids: Terraform prints both as module.vpc and each.key
    ObjectNode plan = plan();
    ObjectNode a = rootResource(plan, "aws_ec2_transit_gateway_vpc_attachment.vpc");
    a.remove("for_each_expression");
    ((ObjectNode) a.path("expressions")).set("vpc_id", refs("module.vpc", "each.key"));
    ((ObjectNode) a.path("expressions")).set("subnet_ids", refs("module.vpc", "each.key"));
    AwsImport.Result r = read(plan);
    // every output of module.vpc["app"] that leads to a VPC leads to aws_vpc.this: followed
    assertTrue(r.assumed().stream().noneMatch(x -> x.contains(".vpc_id")), r.assumed().toString());
    // its subnets: public_subnet_ids and private_subnet_ids differ, so nothing is chosen
    assertEquals(List.of("aws_ec2_transit_gateway_vpc_attachment.vpc[\"app\"].subnet_ids:"
        + " module.vpc (Terraform names no output after a computed index) cannot be followed:"
        + " left out", "aws_ec2_transit_gateway_vpc_attachment.vpc[\"shared\"].subnet_ids:"
        + " module.vpc (Terraform names no output after a computed index) cannot be followed:"
        + " left out"), r.assumed().subList(0, 2));
    assertEquals(List.of(), r.layout().tgws(), "an attachment with no subnet is left out");
    assertTrue(r.assumed().contains("transit gateway attachment"
        + " aws_ec2_transit_gateway_vpc_attachment.vpc[\"app\"] has no subnet: left out"),
        r.assumed().toString());
    assertEquals(DesignDump.of(r.layout()), DesignDump.of(DesignDump.build(r.text(),
        "imported")));
  }

  @Test
  void aModuleVariableGivenAnotherModulesOutputByEachKeyIsFollowed() throws Exception {
    // module "endpoints" { for_each = module.vpc; vpc_id = module.vpc[each.key].vpc_id, printed
    // as module.vpc and each.key: followed to module.vpc["app"], whose outputs agree on its VPC
    ObjectNode plan = plan();
    ObjectNode call = (ObjectNode) plan.path("configuration").path("root_module")
        .path("module_calls").path("endpoints");
    ((ObjectNode) call.path("expressions")).set("vpc_id", refs("module.vpc", "each.key"));
    AwsImport.Result r = read(plan);
    assertTrue(r.assumed().stream().noneMatch(x -> x.contains(".vpc_id")), r.assumed().toString());
    assertEquals(List.of("app-private-a", "app-private-b"), r.layout().vpc("app").orElseThrow()
        .endpoint("ssm").orElseThrow().enis().stream().map(e -> e.subnet().name()).toList());
    assertEquals(List.of("shared-private-a", "shared-private-b"), r.layout().vpc("shared")
        .orElseThrow().endpoint("ssm").orElseThrow().enis().stream()
        .map(e -> e.subnet().name()).toList());
  }

  @Test
  void referencesGoingRoundInCirclesEndAsAnAssumptionNotACrash() throws Exception {
    // module.vpc's output vpc_id made of var.cidr, and the call's cidr of that very output
    ObjectNode plan = plan();
    ObjectNode call = (ObjectNode) plan.path("configuration").path("root_module")
        .path("module_calls").path("vpc");
    ((ObjectNode) call.path("module").path("outputs").path("vpc_id")).set("expression",
        refs("var.cidr"));
    ((ObjectNode) call.path("expressions")).set("cidr", refs("module.vpc[\"app\"].vpc_id"));
    AwsImport.Result r = read(plan);
    assertTrue(r.assumed().contains("module.endpoints[\"app\"].aws_vpc_endpoint.s3.vpc_id:"
        + " var.cidr cannot be followed: taken as module.vpc[\"app\"].aws_vpc.this (the first"
        + " of 2)"), r.assumed().toString());
    assertEquals(2, r.layout().vpcs().size());
  }

  @Test
  void aListIndexPicksTheModulesInstancesInTerraformsOrder() throws Exception {
    // aws_instance.tools: module.vpc["shared"].private_subnet_ids[1] is us-east-1b's
    ObjectNode plan = plan();
    ObjectNode tools = rootResource(plan, "aws_instance.tools");
    ((ObjectNode) tools.path("expressions")).set("subnet_id", refs(
        "module.vpc[\"shared\"].private_subnet_ids[1]", "module.vpc[\"shared\"].private_subnet_ids",
        "module.vpc[\"shared\"]"));
    AwsImport.Result r = read(plan);
    assertEquals(List.of(), r.assumed());
    assertEquals(List.of("shared-private-b"), r.layout().instances().stream()
        .filter(i -> i.name().equals("tools")).map(i -> i.placements().get(0).subnet())
        .map(Subnet::name).toList());
  }
  @Test
  void anOutputMadeOfAChildModulesOutputIsFollowedDownToItsResource() throws Exception {
    // aws_subnet.app's vpc_id = module.net.vpc_id, which is module.vpc["main"].vpc_id inside
    // module.net, which is aws_vpc.this there: module.net.module.vpc["main"].aws_vpc.this (both
    // VPCs hold the subnet's CIDR, so only the references can tell)
    AwsImport.Result r = TerraformImportTest.hand("nested-module-plan.json");
    assertEquals(List.of(), r.assumed().stream().filter(x -> x.contains("vpc_id")).toList());
    assertEquals("main", r.layout().subnet("app-0").orElseThrow().vpc());
  }
}
