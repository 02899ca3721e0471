package dev.vpclab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vpclab.testing.TestLayouts;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.List;
import org.junit.jupiter.api.Test;

class OriginTest {
  @Test
  void theBuilderGivesEveryElementTheSourceOriginOfItsStatement() {
    Layout l = TestLayouts.layout("""
        az 1a subnet public edge
        az 1b subnet private app
        endpoint ssm in 1b
        gateway s3
        nat in 1a
        instance web in app
        traffic web -> s3 5 GB
        """);
    assertEquals("test.vpc:1:1", l.subnet("edge").orElseThrow().origin().describe());
    assertEquals("test.vpc:2:1", l.subnet("app").orElseThrow().origin().describe());
    Origin ssm = l.endpoint("ssm").orElseThrow().origin();
    assertEquals("test.vpc:3:1", ssm.describe());
    assertEquals(ssm, l.endpoint("ssm").orElseThrow().enis().get(0).origin());
    assertEquals("test.vpc:4:1", l.gateways().get(0).origin().describe());
    assertEquals("test.vpc:5:1", l.nats().get(0).origin().describe());
    assertEquals("test.vpc:6:1", l.instance("web").orElseThrow().origin().describe());
    assertEquals("test.vpc:7:1", l.traffic().get(0).origin().describe());
    // the layout (and its VPC) come from its declaration: here, its first statement
    assertEquals("test.vpc:1:1", l.origin().describe());
    assertEquals(l.origin(), l.vpc().origin());
    assertEquals("", ssm.aside());
  }

  @Test
  void writtenOrderPutsSourceFirstByOffsetThenImportedByResource() {
    Layout l = TestLayouts.layout("az 1a subnet private a\naz 1b subnet private b");
    Origin a = l.subnet("a").orElseThrow().origin();
    Origin b = l.subnet("b").orElseThrow().origin();
    Origin tf = new Origin.TerraformAddress("main.tf", "aws_subnet.app[0]");
    Origin aws = new Origin.AwsId("subnets.json", "subnet-0abc", "$.Subnets[2]");
    List<Origin> sorted = new java.util.ArrayList<>(List.of(aws, tf, b, a));
    sorted.sort(Origin.WRITTEN_ORDER);
    assertEquals(List.of(a, b, tf, aws), sorted);
    assertEquals("main.tf: aws_subnet.app[0]", tf.describe());
  }

  /**
   * A layout is a design, not syntax: none of its parts holds a statement, or anything of lang's
   * but the file and span of a source origin.
   */
  @Test
  void noPartOfALayoutHoldsSyntax() {
    List<Class<?>> parts = List.of(Layout.class, Vpc.class, Subnet.class, InterfaceEndpoint.class,
        Eni.class, AllowRule.class, GatewayEndpoint.class, NatGateway.class, Instance.class,
        Traffic.class, Origin.TerraformAddress.class, Origin.AwsId.class);
    for (Class<?> c : parts) {
      for (Field f : c.getDeclaredFields()) {
        String type = f.getGenericType().getTypeName();
        assertTrue(!type.contains("dev.vpclab.lang"), c.getSimpleName() + "." + f.getName()
            + " is " + type);
      }
    }
    for (RecordComponent rc : Origin.Source.class.getRecordComponents()) {
      assertTrue(List.of("file", "span").contains(rc.getName()), rc.getName());
    }
  }
}
