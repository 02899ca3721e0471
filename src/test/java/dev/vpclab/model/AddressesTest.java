package dev.vpclab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vpclab.testing.TestLayouts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The addresses {@link Addresses#assign} hands out, and what it tells of a full subnet. */
class AddressesTest {
  @Test
  void anEniWithoutAFreeAddressIsToldOnceAndKeepsTheAddressItHad() {
    // a /28's eleven usable addresses (.4 .. .14) taken by eleven ENIs; a twelfth has none
    Layout eleven = TestLayouts.layout("az 1a subnet private ep cidr 10.0.1.0/28\n"
        + "endpoint ec2, ec2messages, ecr.api, ecr.dkr, kms, logs, monitoring, sns, sqs, ssm,"
        + " ssmmessages in ep\n");
    Vpc v = eleven.vpcs().get(0);
    Subnet ep = v.subnets().get(0);
    InterfaceEndpoint ssm = v.endpoint("ssm").orElseThrow();
    InterfaceEndpoint sts = new InterfaceEndpoint(v.name(), "sts",
        List.of(new Eni(ep, "as it was", ssm.origin())), true, false, ssm.allow(), true,
        ssm.origin());
    List<InterfaceEndpoint> twelve = new ArrayList<>(v.endpoints());
    twelve.add(sts);
    List<String> told = new ArrayList<>();
    List<Vpc> out = Addresses.assign(List.of(v.withParts(v.subnets(), twelve, v.gateways(),
        v.nats(), v.instances())), (e, s) -> told.add(e.service() + " in " + s.name()));
    assertEquals(List.of("sts in ep"), told);
    Vpc addressed = out.get(0);
    assertEquals("as it was", addressed.endpoint("sts").orElseThrow().enis().get(0).ip());
    assertEquals(v.endpoints(), addressed.endpoints().subList(0, 11));
  }
}
