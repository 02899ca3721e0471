package dev.vpclab.reach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vpclab.cost.CostEngine;
import dev.vpclab.cost.CostResult;
import dev.vpclab.cost.Money;
import dev.vpclab.cost.PriceBook;
import dev.vpclab.model.AllowRule;
import dev.vpclab.model.Cidr;
import dev.vpclab.model.Eni;
import dev.vpclab.model.Instance;
import dev.vpclab.model.InterfaceEndpoint;
import dev.vpclab.model.Layout;
import dev.vpclab.model.NatGateway;
import dev.vpclab.model.Origin;
import dev.vpclab.model.Region;
import dev.vpclab.model.Subnet;
import dev.vpclab.model.Vpc;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A layout the way an importer builds it, with no parser: elements carry Terraform addresses and
 * AWS ids as their origins, the engines run on it, and a message about an element names its origin.
 */
class ImportedOriginTest {
  static final Origin VPC = new Origin.AwsId("vpcs.json", "vpc-0f00", "$.Vpcs[0]");
  static final Origin APP = new Origin.AwsId("subnets.json", "subnet-0abc", "$.Subnets[2]");
  static final Origin SSM = new Origin.TerraformAddress("main.tf", "aws_vpc_endpoint.ssm");
  static final Origin WEB = new Origin.TerraformAddress("main.tf", "aws_instance.web[0]");

  static final Origin EDGE = new Origin.AwsId("subnets.json", "subnet-0def", "$.Subnets[0]");
  static final Origin NAT = new Origin.TerraformAddress("main.tf", "aws_nat_gateway.edge");

  /**
   * us-east-1, DNS support on and DNS hostnames off, one ssm endpoint with private DNS on; with a
   * NAT gateway, a public subnet holds it.
   */
  static Layout imported(boolean nat) {
    Region region = Region.of("us-east-1").orElseThrow();
    Cidr vpcCidr = Cidr.parse("10.0.0.0/16");
    Vpc vpc = new Vpc(vpcCidr, true, false, VPC);
    Subnet app = new Subnet("app", "us-east-1a", Cidr.parse("10.0.1.0/24"), false, false, APP);
    InterfaceEndpoint ssm = new InterfaceEndpoint("ssm", List.of(new Eni(app, "10.0.1.10", SSM)),
        true, false, List.of(new AllowRule("vpc", vpcCidr)), true, SSM);
    Instance web = new Instance("web", app, 1, List.of("ssm"), WEB);
    Subnet edge = new Subnet("edge", "us-east-1a", Cidr.parse("10.0.0.0/24"), true, false, EDGE);
    List<Subnet> subnets = nat ? List.of(edge, app) : List.of(app);
    List<NatGateway> nats = nat ? List.of(new NatGateway(edge, "10.0.0.4", NAT)) : List.of();
    return new Layout("imported", region, vpc, subnets, List.of(ssm), List.of(), nats,
        List.of(web), List.of(), VPC);
  }

  static Layout imported() {
    return imported(false);
  }

  @Test
  void originsDescribeThemselves() {
    assertEquals("subnets.json: subnet-0abc ($.Subnets[2])", APP.describe());
    assertEquals("main.tf: aws_vpc_endpoint.ssm", SSM.describe());
    assertEquals(" (main.tf: aws_vpc_endpoint.ssm)", SSM.aside());
    assertEquals(" (subnets.json: subnet-0abc, $.Subnets[2])", APP.aside());
  }

  @Test
  void theReviewerWarningAboutAnEndpointNamesItsOrigin() {
    Layout l = imported();
    PairResult web = ReachEngine.path(l, l.instance("web").orElseThrow(), "ssm", Set.of());
    assertFalse(web.reachable()); // private DNS off in effect, no NAT gateway: no path
    List<String> warnings = ReachEngine.warnings(l);
    assertEquals(1, warnings.size());
    assertTrue(warnings.get(0).startsWith("endpoint ssm (main.tf: aws_vpc_endpoint.ssm): private"
        + " DNS cannot work because "), warnings.get(0));
  }

  @Test
  void theNatWarningNamesTheEndpointsOrigin() {
    Layout l = imported(true);
    PairResult web = ReachEngine.path(l, l.instance("web").orElseThrow(), "ssm", Set.of());
    assertEquals(Via.NAT, web.via());
    List<String> warnings = ReachEngine.warnings(l);
    assertEquals(2, warnings.size(), warnings.toString());
    assertTrue(warnings.get(1).startsWith("ssm is reached through a NAT gateway by web although"
        + " endpoint ssm (main.tf: aws_vpc_endpoint.ssm) exists ("), warnings.get(1));
  }

  @Test
  void theCostEngineRunsOnAnImportedLayout() {
    // one interface endpoint in one AZ, us-east-1: 1 ENI x 730 h x $0.01 = $7.30; nothing else
    CostResult c = CostEngine.cost(imported(), PriceBook.builtIn(), 730);
    assertEquals("7.30", Money.format(c.total()));
    // with the NAT gateway: 730 h x $0.045 = $32.85, its Elastic IP 730 h x $0.005 = $3.65;
    // 7.30 + 32.85 + 3.65 = $43.80 (no traffic lines, so no data processing)
    CostResult withNat = CostEngine.cost(imported(true), PriceBook.builtIn(), 730);
    assertEquals("43.80", Money.format(withNat.total()));
  }
}
