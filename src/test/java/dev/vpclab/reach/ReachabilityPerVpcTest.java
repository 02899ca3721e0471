package dev.vpclab.reach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vpclab.model.AllowRule;
import dev.vpclab.model.Cidr;
import dev.vpclab.model.Eni;
import dev.vpclab.model.InterfaceEndpoint;
import dev.vpclab.model.Layout;
import dev.vpclab.model.Origin;
import dev.vpclab.model.Region;
import dev.vpclab.model.Subnet;
import dev.vpclab.model.Vpc;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A subnet's decision reads the DNS attributes of its own VPC, and an endpoint's private DNS those
 * of the endpoint's VPC, not the first VPC of the design (built with no parser).
 */
class ReachabilityPerVpcTest {
  static final Origin O = new Origin.TerraformAddress("main.tf", "aws_vpc.x");

  /** VPC off first (DNS support off, a public subnet), then VPC on (DNS on, ssm with private DNS). */
  static Layout design() {
    Subnet pa = new Subnet("off", "pa", "us-east-1a", Cidr.parse("10.0.0.0/24"), true, false, O);
    Vpc off = new Vpc("off", Cidr.parse("10.0.0.0/16"), false, true, O, List.of(pa), List.of(),
        List.of(), List.of(), List.of());
    Subnet pb = new Subnet("on", "pb", "us-east-1a", Cidr.parse("10.1.1.0/24"), false, false, O);
    InterfaceEndpoint ssm = new InterfaceEndpoint("on", "ssm",
        List.of(new Eni(pb, "10.1.1.10", O)), true, false,
        List.of(new AllowRule("vpc", Cidr.parse("10.1.0.0/16"))), true, O);
    Vpc on = new Vpc("on", Cidr.parse("10.1.0.0/16"), true, true, O, List.of(pb), List.of(ssm),
        List.of(), List.of(), List.of());
    return new Layout("two", Region.of("us-east-1").orElseThrow(), List.of(off, on), List.of(),
        O);
  }

  @Test
  void aSubnetInAVpcWithDnsSupportOffResolvesNothing() {
    Layout l = design();
    Decision d = new Reachability(l, Set.of()).decide(l.subnet("pa").orElseThrow(), "internet");
    assertEquals(List.of(Reason.DNS_SUPPORT_OFF), d.reasons());
  }

  @Test
  void aSubnetInAVpcWithDnsOnUsesItsEndpointsPrivateDns() {
    Layout l = design();
    Decision d = new Reachability(l, Set.of()).decide(l.subnet("pb").orElseThrow(), "ssm");
    assertTrue(d.reachable(), d.toString());
    assertEquals(Via.ENDPOINT, d.via());
    assertEquals("10.1.1.10", d.eni().ip());
  }
}
