package dev.vpclab.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpclab.model.InterfaceEndpoint;
import dev.vpclab.model.Layout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Terraform's JSON to a design: the rules the fixtures do not show, on small hand-made files. */
class TerraformImportTest {
  static final Path HAND = Path.of("src/test/resources/dev/vpclab/importer/terraform-hand");
  static final Path THREE_AZ_PLAN = Path.of(
      "src/test/resources/dev/vpclab/importer/three-az/terraform/plan.json");

  static AwsImport.Result hand(String file) throws Exception {
    return TerraformImport.read(file, Files.readString(HAND.resolve(file),
        StandardCharsets.UTF_8), "imported");
  }

  /** three-az's state.json, to change a copy of it. */
  private static JsonNode threeAzState(ObjectMapper m) throws java.io.IOException {
    return m.readTree(Files.readString(THREE_AZ_PLAN.resolveSibling("state.json"),
        StandardCharsets.UTF_8));
  }

  /** The root module's resources of a state. */
  private static ArrayNode resources(JsonNode state) {
    return (ArrayNode) state.path("values").path("root_module").path("resources");
  }

  @Test
  void anEndpointWithoutATypeIsAGatewayEndpointAsTheProviderHasIt() throws Exception {
    ObjectMapper m = new ObjectMapper();
    JsonNode plan = m.readTree(Files.readString(THREE_AZ_PLAN, StandardCharsets.UTF_8));
    int removed = 0;
    for (JsonNode r : plan.path("planned_values").path("root_module").path("resources")) {
      if (r.path("address").asText().equals("aws_vpc_endpoint.s3")) {
        assertEquals("Gateway", r.path("values").path("vpc_endpoint_type").asText());
        ((ObjectNode) r.path("values")).remove("vpc_endpoint_type");
        removed++;
      }
    }
    for (JsonNode c : plan.path("resource_changes")) {
      if (c.path("address").asText().equals("aws_vpc_endpoint.s3")) {
        ((ObjectNode) c.path("change").path("after")).remove("vpc_endpoint_type");
        removed++;
      }
    }
    assertEquals(2, removed);
    AwsImport.Result r = TerraformImport.read("plan.json", m.writeValueAsString(plan),
        "imported");
    Layout l = r.layout();
    assertTrue(l.vpcs().get(0).hasGateway("s3"));
    assertTrue(l.endpoint("s3").isEmpty(), "not an interface endpoint");
    assertTrue(r.text().contains("    gateway s3  # plan.json: aws_vpc_endpoint.s3\n"), r.text());
  }

  @Test
  void aPrivateTableSendingTheDefaultRouteToATransitGatewayIsSaidByItsTargetsKind()
      throws Exception {
    // state.json of three-az with private-a's 0.0.0.0/0 sent to a transit gateway instead of its
    // NAT gateway: Terraform writes every other target as "", so the target is the field set
    ObjectMapper m = new ObjectMapper();
    JsonNode state = threeAzState(m);
    int changed = 0;
    for (JsonNode r : state.path("values").path("root_module").path("resources")) {
      if (r.path("address").asText().equals("aws_route_table.private[0]")) {
        ObjectNode route = (ObjectNode) r.path("values").path("route").get(0);
        route.put("nat_gateway_id", "").put("transit_gateway_id", "tgw-0elsewhere");
        changed++;
      }
    }
    assertEquals(1, changed);
    AwsImport.Result r = TerraformImport.read("state.json", m.writeValueAsString(state),
        "imported");
    List<String> said = r.assumed().stream().filter(a -> a.contains("0.0.0.0/0")).toList();
    assertEquals(1, said.size(), r.assumed().toString());
    assertTrue(said.get(0).startsWith("subnet private-a sends 0.0.0.0/0 to tgw-0elsewhere, not to"
        + " a NAT gateway"), said.get(0));
  }

  @Test
  void aPrivateTableWithoutTheGatewayEndpointIsSaidFromTheState() throws Exception {
    // three-az's state with private[0]'s table taken off the S3 endpoint's route_table_ids:
    // private-a's S3 traffic goes to its NAT gateway in AWS. The public table never had it
    // (public subnets reach S3 through the internet gateway): no line for them
    ObjectMapper m = new ObjectMapper();
    JsonNode state = threeAzState(m);
    String table = null;
    String nat = null;
    for (JsonNode r : state.path("values").path("root_module").path("resources")) {
      if (r.path("address").asText().equals("aws_route_table.private[0]")) {
        table = r.path("values").path("id").asText();
        nat = r.path("values").path("route").get(0).path("nat_gateway_id").asText();
      }
    }
    int changed = 0;
    for (JsonNode r : state.path("values").path("root_module").path("resources")) {
      if (r.path("address").asText().equals("aws_vpc_endpoint.s3")) {
        com.fasterxml.jackson.databind.node.ArrayNode ids =
            (com.fasterxml.jackson.databind.node.ArrayNode) r.path("values").path("route_table_ids");
        for (int i = ids.size() - 1; i >= 0; i--) {
          if (ids.get(i).asText().equals(table)) {
            ids.remove(i);
            changed++;
          }
        }
      }
    }
    assertEquals(1, changed);
    AwsImport.Result r = TerraformImport.read("state.json", m.writeValueAsString(state),
        "imported");
    List<String> said = r.assumed().stream().filter(a -> a.contains("gateway endpoint")).toList();
    assertEquals(List.of("subnet private-a: route table " + table + " lacks gateway endpoint"
        + " vpce-866c64156fb66df52 (s3): AWS sends its s3 traffic to " + nat + " (NAT data"
        + " processing); vpclab through the gateway endpoint (free)"), said);
    assertTrue(TerraformImport.read("state.json", Files.readString(THREE_AZ_PLAN.resolveSibling(
        "state.json"), StandardCharsets.UTF_8), "imported").assumed().isEmpty());
  }

  @Test
  void aGatewayEndpointOnAnUnmanagedMainTableIsOnTheTableTakenForIt() throws Exception {
    // three-az's state with private-a's association gone (it uses the VPC's main table, which
    // no resource manages) and the S3 endpoint also on that main table (its AWS id, the VPC's
    // main_route_table_id): private-a has the endpoint's route, so no gateway endpoint line
    ObjectMapper m = new ObjectMapper();
    JsonNode state = threeAzState(m);
    ArrayNode resources = resources(state);
    String main = null;
    for (JsonNode r : resources) {
      if (r.path("address").asText().equals("aws_vpc.main")) {
        main = r.path("values").path("main_route_table_id").asText();
      }
    }
    for (int i = resources.size() - 1; i >= 0; i--) {
      JsonNode r = resources.get(i);
      if (r.path("address").asText().equals("aws_route_table_association.private[0]")) {
        resources.remove(i);
      } else if (r.path("address").asText().equals("aws_vpc_endpoint.s3")) {
        ((com.fasterxml.jackson.databind.node.ArrayNode) r.path("values")
            .path("route_table_ids")).add(main);
      }
    }
    AwsImport.Result r = TerraformImport.read("state.json", m.writeValueAsString(state),
        "imported");
    assertTrue(r.assumed().stream().anyMatch(a -> a.startsWith("subnet private-a sends 0.0.0.0/0"
        + " nowhere")), r.assumed().toString());
    assertTrue(r.assumed().stream().noneMatch(a -> a.contains("gateway endpoint")),
        r.assumed().toString());
  }

  @Test
  void aGatewayEndpointsTablesFromItsPlanReferencesAndAssociations() throws Exception {
    // three-az's plan: route_table_ids = aws_route_table.private[*].id, known only after apply:
    // the three private tables, so no line; with the attribute's references gone, an
    // aws_vpc_endpoint_route_table_association of private[1] alone leaves private-a and -c out
    ObjectMapper m = new ObjectMapper();
    assertTrue(TerraformImport.read("plan.json", Files.readString(THREE_AZ_PLAN,
        StandardCharsets.UTF_8), "imported").assumed().stream()
        .noneMatch(a -> a.contains("gateway endpoint")));
    JsonNode plan = m.readTree(Files.readString(THREE_AZ_PLAN, StandardCharsets.UTF_8));
    ObjectNode conf = null;
    for (JsonNode r : plan.path("configuration").path("root_module").path("resources")) {
      if (r.path("address").asText().equals("aws_vpc_endpoint.s3")) {
        conf = (ObjectNode) r;
        ((ObjectNode) r.path("expressions")).remove("route_table_ids");
      }
    }
    ObjectNode assoc = ((com.fasterxml.jackson.databind.node.ArrayNode) plan.path("configuration")
        .path("root_module").path("resources")).addObject();
    assoc.put("address", "aws_vpc_endpoint_route_table_association.s3").put("mode", "managed")
        .put("type", "aws_vpc_endpoint_route_table_association").put("name", "s3");
    assoc.putObject("expressions").set("route_table_id", m.readTree(
        "{\"references\": [\"aws_route_table.private[1].id\", \"aws_route_table.private[1]\"]}"));
    ((ObjectNode) assoc.path("expressions")).set("vpc_endpoint_id", m.readTree(
        "{\"references\": [\"aws_vpc_endpoint.s3.id\", \"aws_vpc_endpoint.s3\"]}"));
    ObjectNode planned = ((com.fasterxml.jackson.databind.node.ArrayNode) plan
        .path("planned_values").path("root_module").path("resources")).addObject();
    planned.put("address", "aws_vpc_endpoint_route_table_association.s3").put("mode", "managed")
        .put("type", "aws_vpc_endpoint_route_table_association").put("name", "s3");
    planned.putObject("values");
    ObjectNode change = ((com.fasterxml.jackson.databind.node.ArrayNode) plan
        .path("resource_changes")).addObject();
    change.put("address", "aws_vpc_endpoint_route_table_association.s3");
    change.putObject("change").set("after_unknown", m.readTree(
        "{\"id\": true, \"route_table_id\": true, \"vpc_endpoint_id\": true}"));
    ((ObjectNode) change.path("change")).set("actions", m.readTree("[\"create\"]"));
    assertTrue(conf != null);
    AwsImport.Result r = TerraformImport.read("plan.json", m.writeValueAsString(plan),
        "imported");
    List<String> said = r.assumed().stream().filter(a -> a.contains("gateway endpoint")).toList();
    assertEquals(List.of("subnet private-a: route table aws_route_table.private[0] lacks gateway"
        + " endpoint aws_vpc_endpoint.s3 (s3): AWS sends its s3 traffic to aws_nat_gateway.nat[0]"
        + " (NAT data processing); vpclab through the gateway endpoint (free)",
        "subnet private-c: route table aws_route_table.private[2] lacks gateway"
        + " endpoint aws_vpc_endpoint.s3 (s3): AWS sends its s3 traffic to aws_nat_gateway.nat[2]"
        + " (NAT data processing); vpclab through the gateway endpoint (free)"), said,
        r.assumed().toString());
  }

  @Test
  void anIpv6OnlySubnetIsLeftOutWithTheInstanceInIt() throws Exception {
    // three-az's state with an IPv6-only subnet (ipv6_native, cidr_block "") and app-b moved
    // into it: both left out, said so; the rest as before
    ObjectMapper m = new ObjectMapper();
    JsonNode state = threeAzState(m);
    ArrayNode resources = resources(state);
    String vpc = null;
    for (JsonNode r : resources) {
      if (r.path("address").asText().equals("aws_vpc.main")) {
        vpc = r.path("values").path("id").asText();
      }
      if (r.path("address").asText().equals("aws_instance.app[\"b\"]")) {
        ((ObjectNode) r.path("values")).put("subnet_id", "subnet-0v6");
      }
    }
    ObjectNode v6 = resources.addObject().put("address", "aws_subnet.v6").put("mode", "managed")
        .put("type", "aws_subnet").put("name", "v6");
    v6.putObject("values").put("id", "subnet-0v6").put("vpc_id", vpc).put("cidr_block", "")
        .put("ipv6_native", true).put("ipv6_cidr_block", "2600:1f18:1::/64")
        .put("availability_zone", "us-east-1b");
    AwsImport.Result r = TerraformImport.read("state.json", m.writeValueAsString(state),
        "imported");
    assertEquals(List.of("subnet v6 (subnet-0v6) is IPv6-only (2600:1f18:1::/64): left out"
        + " (vpclab's subnets are IPv4)", "instance i-dd371573f927d9cd8 is in subnet-0v6, an"
        + " IPv6-only subnet left out: left out"), r.assumed());
    assertTrue(r.layout().instance("app-b").isEmpty());
    assertTrue(r.layout().subnet("v6").isEmpty());
    assertEquals(6, r.layout().subnets().size());
  }

  @Test
  void aKeywordNameTagGetsTheResourcesNameNotItsIdSoPlanAndStateAgree() throws Exception {
    // hub-spoke's transit gateway aws_ec2_transit_gateway.tgw is tagged Name = "tgw", a keyword:
    // the tag and the resource's name, the same from the plan (id: the address) and the state
    Path hubSpoke = Path.of("src/test/resources/dev/vpclab/importer/hub-spoke/terraform");
    for (String file : List.of("plan.json", "state.json")) {
      AwsImport.Result r = TerraformImport.read(file, Files.readString(hubSpoke.resolve(file),
          StandardCharsets.UTF_8), "imported");
      assertEquals("tgw-tgw", r.layout().tgws().get(0).name(), file);
    }
  }

  @Test
  void keywordOrTakenNameTagsGetTheAddresssNameAndKey() throws Exception {
    // three-az's state with the three private subnets tagged Name = "private" (a keyword): each
    // is named by its address's name and key, which begins with the tag: private-0, -1, -2
    ObjectMapper m = new ObjectMapper();
    JsonNode state = threeAzState(m);
    for (JsonNode r : state.path("values").path("root_module").path("resources")) {
      if (r.path("address").asText().startsWith("aws_subnet.private[")) {
        ((ObjectNode) r.path("values").path("tags")).put("Name", "private");
      }
    }
    AwsImport.Result r = TerraformImport.read("state.json", m.writeValueAsString(state),
        "imported");
    assertEquals(List.of("public-a", "public-b", "public-c", "private-0", "private-1",
        "private-2"), r.layout().subnets().stream().map(x -> x.name()).toList());
    assertEquals(DesignDump.of(r.layout()), DesignDump.of(DesignDump.build(r.text(),
        "imported")));
  }

  @Test
  void aModuleVariableIsFollowedToItsModuleCall() throws Exception {
    AwsImport.Result r = hand("module-plan.json");
    assertEquals("main", r.layout().subnet("app-0").orElseThrow().vpc());
    assertFalse(r.assumed().stream().anyMatch(a -> a.contains("vpc_id")), r.assumed().toString());
    assertTrue(r.text().contains("    az 1a subnet private app-0 cidr 10.0.1.0/24  #"
        + " module-plan.json: module.net.aws_subnet.app[0]\n"), r.text());
  }

  @Test
  void aVariableThatCannotBeFollowedIsAnAssumptionSayingWhatWasChosen() throws Exception {
    // the module call gives var.vpc_id of the root module: a value (vpc-0f00) the plan has, but
    // of no resource here; the subnet is put in the one VPC whose CIDR holds it, and said so
    AwsImport.Result r = hand("module-var-plan.json");
    assertEquals("main", r.layout().subnet("app-0").orElseThrow().vpc());
    assertEquals("module.net.aws_subnet.app[0].vpc_id: var.vpc_id cannot be followed: taken as"
        + " aws_vpc.main (the only VPC whose CIDR holds 10.0.1.0/24)", r.assumed().get(0));
    assertTrue(r.text().contains("  # assumed: module.net.aws_subnet.app[0].vpc_id: var.vpc_id"
        + " cannot be followed: taken as aws_vpc.main (the only VPC whose CIDR holds"
        + " 10.0.1.0/24)\n"), r.text());
  }

  @Test
  void anAwsVpcHasDnsHostnamesOffUnlessSetAsTheProviderHasIt() throws Exception {
    AwsImport.Result r = hand("module-plan.json");
    assertTrue(r.layout().vpcs().get(0).dnsSupport());
    assertFalse(r.layout().vpcs().get(0).dnsHostnames());
    assertTrue(r.text().contains("    vpc dns hostnames off  # module-plan.json: aws_vpc.main\n"),
        r.text());
    assertFalse(r.assumed().stream().anyMatch(a -> a.contains("DNS")), r.assumed().toString());
  }

  @Test
  void thePriorStateComesFirstAndWhatThePlanDeletesIsLeftOut() throws Exception {
    AwsImport.Result r = hand("prior-plan.json");
    Layout l = r.layout();
    // aws_subnet.app is renamed by the plan: the prior state's tag is taken; aws_subnet.old is
    // deleted; aws_subnet.new links to the prior state's VPC through the configuration
    assertEquals(List.of("app", "new"), l.subnets().stream().map(s -> s.name()).toList());
    assertTrue(l.subnet("old").isEmpty());
    assertEquals("main", l.subnet("new").orElseThrow().vpc());
  }

  @Test
  void withoutSubnetsTheRegionIsTheProvidersAndSaidSo() throws Exception {
    AwsImport.Result r = hand("vpc-only-plan.json");
    assertEquals("eu-west-1", r.layout().region().code());
    assertEquals(List.of("no subnet names an AZ: Region eu-west-1 of the provider"), r.assumed());
    assertFalse(r.layout().vpcs().get(0).dnsSupport());
  }

  @Test
  void resourcesTheFixturesDoNotUse() throws Exception {
    AwsImport.Result r = hand("more-resources-state.json");
    Layout l = r.layout();
    // aws_default_route_table: the main table sends 0.0.0.0/0 to igw-1, so web (no
    // association) is public; app-a and app-b are associated with a table with aws_route only
    assertTrue(l.subnet("web").orElseThrow().isPublic());
    assertFalse(l.subnet("app-a").orElseThrow().isPublic());
    assertFalse(l.subnet("app-b").orElseThrow().isPublic());
    // aws_vpc_endpoint_subnet_association adds app-b; aws_security_group_rule gives
    // 10.0.9.0/24 (its port 22 rule nothing) and aws_vpc_security_group_ingress_rule the
    // subnet of the instance in sg-app
    InterfaceEndpoint ssm = l.endpoint("ssm").orElseThrow();
    assertEquals(List.of("app-a", "app-b"), ssm.enis().stream().map(e -> e.subnet().name())
        .toList());
    assertEquals(List.of("10.0.9.0/24", "app-a"), ssm.allow().stream().map(a -> a.label())
        .toList());
    assertEquals(List.of("main other"), l.peerings().stream().map(p -> p.a() + " " + p.b())
        .toList());
    // the zone's vpc block names other, aws_route53_zone_association adds third
    assertEquals(List.of("ssm from main with [other, third]"), l.shares().stream()
        .map(s -> s.service() + " from " + s.from() + " with " + s.with()).toList());
    // aws_main_route_table_association makes other's table with 0.0.0.0/0 to igw-2 its main one
    assertTrue(l.subnet("other-a").orElseThrow().isPublic());
    assertEquals(List.of(), r.assumed());
    assertEquals(DesignDump.of(l), DesignDump.of(DesignDump.build(r.text(), "imported")));
  }

  @Test
  void aSecurityGroupsCidrThatIsNoneIsAFaultAtItsPlace() throws Exception {
    ObjectMapper m = new ObjectMapper();
    Path state = THREE_AZ_PLAN.resolveSibling("state.json");
    JsonNode root = m.readTree(Files.readString(state, StandardCharsets.UTF_8));
    JsonNode resources = root.path("values").path("root_module").path("resources");
    int at = -1;
    for (int i = 0; i < resources.size(); i++) {
      if (resources.get(i).path("address").asText().equals("aws_security_group.endpoints")) {
        at = i;
        ((com.fasterxml.jackson.databind.node.ArrayNode) resources.get(i).path("values")
            .path("ingress").get(0).path("cidr_blocks")).set(0, "10.0.0.0/33");
      }
    }
    String text = m.writeValueAsString(root);
    JsonFault f = org.junit.jupiter.api.Assertions.assertThrows(JsonFault.class,
        () -> TerraformImport.read("state.json", text, "imported"));
    assertEquals("$.values.root_module.resources[" + at + "].values.ingress[0].cidr_blocks[0]",
        f.path());
    assertEquals("not an IPv4 CIDR: 10.0.0.0/33", f.getMessage());
  }

  @Test
  void aFaultIsLocatedAtTheAttributeInTheTerraformFile() {
    JsonFault f = org.junit.jupiter.api.Assertions.assertThrows(JsonFault.class,
        () -> hand("no-cidr-plan.json"));
    assertEquals("no-cidr-plan.json", f.file());
    assertEquals("$.planned_values.root_module.resources[1].values.cidr_block", f.path());
  }
}
