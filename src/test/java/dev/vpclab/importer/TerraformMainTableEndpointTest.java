package dev.vpclab.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.vpclab.model.GatewayEndpoint;
import dev.vpclab.model.Layout;
import dev.vpclab.model.Subnet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A gateway endpoint on a VPC's main route table named through the VPC
 * ({@code route_table_ids = [aws_vpc.main.default_route_table_id]}, or its
 * {@code main_route_table_id}) while {@code aws_default_route_table} manages that table
 * (main-table-endpoint-plan.json and -state.json: VPC edge, public-a with its own table to the
 * internet gateway, app-a and data-b on the main table, whose 0.0.0.0/0 goes to the NAT
 * gateway; s3 through default_route_table_id, dynamodb through main_route_table_id).
 */
class TerraformMainTableEndpointTest {
  static final String PLAN = "main-table-endpoint-plan.json";
  static final String STATE = "main-table-endpoint-state.json";

  private static String text(String file) throws Exception {
    return Files.readString(TerraformImportTest.HAND.resolve(file), StandardCharsets.UTF_8);
  }

  private static void theMainTableHasBothEndpoints(AwsImport.Result r) {
    Layout l = r.layout();
    assertEquals(List.of("dynamodb", "s3"), l.vpc("edge").orElseThrow().gateways().stream()
        .map(GatewayEndpoint::service).toList(), r.text());
    assertEquals(List.of(true, false, false), l.vpc("edge").orElseThrow().subnets().stream()
        .map(Subnet::isPublic).toList(), r.text());
    // app-a and data-b use the main table, which has both endpoints' routes: nothing is said
    assertEquals(List.of(), r.assumed(), r.text());
  }

  @Test
  void thePlansEndpointsAreOnTheManagedMainTable() throws Exception {
    theMainTableHasBothEndpoints(TerraformImportTest.hand(PLAN));
  }

  @Test
  void theStateGivesTheSameDesign() throws Exception {
    AwsImport.Result state = TerraformImportTest.hand(STATE);
    theMainTableHasBothEndpoints(state);
    assertEquals(TerraformImportTest.hand(PLAN).text().replace(PLAN, STATE), state.text());
  }

  @Test
  void anEndpointOnTheOtherTableOnlyIsStillSaidToBeLacking() throws Exception {
    // the s3 endpoint on the public table instead: app-a and data-b lack it (the check is live)
    for (String file : List.of(PLAN, STATE)) {
      ObjectMapper m = new ObjectMapper();
      JsonNode root = m.readTree(text(file));
      String at = file.equals(PLAN) ? "/configuration/root_module/resources"
          : "/values/root_module/resources";
      int moved = 0;
      for (JsonNode r : root.at(at)) {
        if (r.path("address").asText().equals("aws_vpc_endpoint.s3")) {
          ArrayNode tables = file.equals(PLAN) ? (ArrayNode) r.at("/expressions/route_table_ids"
              + "/references") : (ArrayNode) r.at("/values/route_table_ids");
          tables.removeAll();
          if (file.equals(PLAN)) {
            tables.add("aws_route_table.public.id").add("aws_route_table.public");
          } else {
            tables.add("rtb-0pub");
          }
          moved++;
        }
      }
      assertEquals(1, moved);
      AwsImport.Result r = TerraformImport.read(file, m.writeValueAsString(root), "imported");
      assertTrue(r.assumed().stream().anyMatch(a -> a.startsWith("subnet app-a: route table ")
          && a.contains(" lacks gateway endpoint ") && a.contains("(s3)")), r.assumed().toString());
      assertTrue(r.assumed().stream().anyMatch(a -> a.startsWith("subnet data-b: route table ")
          && a.contains("(s3)")), r.assumed().toString());
      assertTrue(r.assumed().stream().noneMatch(a -> a.contains("(dynamodb)")),
          r.assumed().toString());
    }
  }
}
