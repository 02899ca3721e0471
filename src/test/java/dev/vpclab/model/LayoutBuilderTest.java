package dev.vpclab.model;

import static org.junit.jupiter.api.Assertions.*;

import dev.vpclab.lang.Diagnostic;
import dev.vpclab.lang.Diagnostics;
import dev.vpclab.testing.TestLayouts;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayoutBuilderTest {
  @Test
  void seedLayoutGetsAutomaticNamesCidrsAndAddresses() {
    Layout l = TestLayouts.layout("ap-northeast-1", """
        az 1a subnet private app
        az 1c subnet private ep
        endpoint ssm, ec2messages, ssmmessages in 1c
        instance web in app needs session-manager
        """);
    assertEquals(List.of("app", "ep"), l.subnets().stream().map(Subnet::name).toList());
    assertEquals("10.0.1.0/24", l.subnet("app").orElseThrow().cidr().toString());
    assertEquals("10.0.2.0/24", l.subnet("ep").orElseThrow().cidr().toString());
    assertEquals("ap-northeast-1c", l.endpoint("ssm").orElseThrow().enis().get(0).az());
    // ENIs take .10, .11, ... in service order within a subnet
    assertEquals("10.0.2.10", l.endpoint("ec2messages").orElseThrow().enis().get(0).ip());
    assertEquals("10.0.2.11", l.endpoint("ssm").orElseThrow().enis().get(0).ip());
    assertEquals("10.0.2.12", l.endpoint("ssmmessages").orElseThrow().enis().get(0).ip());
    assertEquals(List.of("ec2messages", "ssm", "ssmmessages"),
        l.instance("web").orElseThrow().needs());
    assertEquals(3, l.eniCount());
  }

  @Test
  void unnamedSubnetsAreNamedAfterKindAndAz() {
    Layout l = TestLayouts.layout("az 1a subnet private; az 1b subnet public; nat in 1b");
    assertTrue(l.subnet("private-1a").isPresent());
    assertTrue(l.subnet("public-1b").isPresent());
    assertEquals("10.0.2.4", l.nats().get(0).ip());
  }

  @Test
  void laterEndpointReplacesAndNoEndpointRemoves() {
    Layout l = TestLayouts.layout("""
        az 1a subnet private; az 1b subnet private
        endpoint ssm in 1a
        endpoint ssm in 1a, 1b private-dns off
        endpoint logs in 1a
        no endpoint logs
        """);
    assertEquals(1, l.endpoints().size());
    assertEquals(2, l.endpoint("ssm").orElseThrow().enis().size());
    assertFalse(l.endpoint("ssm").orElseThrow().privateDns());
  }

  @Test
  void trafficMakesNeedsAndBinaryUnits() {
    Layout l = TestLayouts.layout("""
        az 1a subnet private app
        instance web in app
        traffic web -> internet 1.5 TB
        traffic * -> s3 500 MB
        """);
    assertEquals(List.of("internet", "s3"), l.instance("web").orElseThrow().needs());
    assertEquals(0, new BigDecimal("1536").compareTo(l.traffic().get(0).gb()));
    assertEquals(0, new BigDecimal("0.48828125").compareTo(l.traffic().get(1).gb()));
  }

  @Test
  void errorsAreLocatedWithHints() {
    Diagnostics d = TestLayouts.diagnostics("us-east-1", """
        az 1a subnet private app cidr 10.0.1.0/24
        az 1b subnet private db cidr 10.0.1.128/25
        endpoint ssm in 1c
        nat in 1a
        instance web in ap
        """);
    List<Diagnostic> errors = d.errors();
    assertEquals(4, errors.size(), TestLayouts.render(d));
    assertEquals(2, errors.get(0).line());
    assertTrue(errors.get(0).message().contains("overlaps"));
    assertEquals("add: az 1c subnet private", errors.get(1).hint());
    assertTrue(errors.get(2).message().contains("no public subnet"));
    assertEquals("did you mean 'app'?", errors.get(3).hint());
  }

  // ------------------------------------------------------------------ addresses in small subnets

  /** Eleven services, sorted: the first {@code n} get an ENI each. */
  private static String endpoints(int n) {
    List<String> services = List.of("ec2", "ec2messages", "ecr.api", "ecr.dkr", "kms", "logs",
        "monitoring", "sns", "sqs", "ssm", "ssmmessages", "sts").subList(0, n);
    return "endpoint " + String.join(", ", services) + " in ep\n";
  }

  @Test
  void aSlash28HoldsElevenEnisKeepingTenToFourteenFirst() {
    // a /28 has 16 addresses; AWS reserves .0 (network), .1 (router), .2 (DNS), .3 (future) and
    // .15 (broadcast): .4 .. .14 are usable, 11 in all
    Layout six = TestLayouts.layout("az 1a subnet private ep cidr 10.0.1.0/28\n" + endpoints(6));
    assertEquals(List.of("10.0.1.10", "10.0.1.11", "10.0.1.12", "10.0.1.13", "10.0.1.14",
        "10.0.1.4"), six.endpoints().stream().map(e -> e.enis().get(0).ip()).toList());
    Layout eleven = TestLayouts.layout("az 1a subnet private ep cidr 10.0.1.0/28\n"
        + endpoints(11));
    assertEquals(List.of("10.0.1.10", "10.0.1.11", "10.0.1.12", "10.0.1.13", "10.0.1.14",
        "10.0.1.4", "10.0.1.5", "10.0.1.6", "10.0.1.7", "10.0.1.8", "10.0.1.9"),
        eleven.endpoints().stream().map(e -> e.enis().get(0).ip()).toList());
    assertEquals(11, eleven.eniCount());
  }

  @Test
  void aNatGatewayKeepsDotFourAndTheEnisTakeTheRest() {
    Layout l = TestLayouts.layout("az 1a subnet public ep cidr 10.0.1.0/28; nat in 1a\n"
        + endpoints(10));
    assertEquals("10.0.1.4", l.nats().get(0).ip());
    assertEquals(List.of("10.0.1.10", "10.0.1.11", "10.0.1.12", "10.0.1.13", "10.0.1.14",
        "10.0.1.5", "10.0.1.6", "10.0.1.7", "10.0.1.8", "10.0.1.9"),
        l.endpoints().stream().map(e -> e.enis().get(0).ip()).toList());
    Diagnostics d = TestLayouts.diagnostics("us-east-1",
        "az 1a subnet public ep cidr 10.0.1.0/28; nat in 1a\n" + endpoints(11));
    assertEquals(1, d.errors().size(), TestLayouts.render(d));
    assertTrue(d.errors().get(0).message().contains("no free address for the ENI of endpoint ssmmessages"),
        d.errors().get(0).message());
  }

  @Test
  void theTwelfthEniInASlash28IsALocatedErrorWithAHint() {
    Diagnostics d = TestLayouts.diagnostics("us-east-1",
        "az 1a subnet private ep cidr 10.0.1.0/28\n" + endpoints(12));
    List<Diagnostic> errors = d.errors();
    assertEquals(1, errors.size(), TestLayouts.render(d));
    Diagnostic e = errors.get(0);
    assertEquals(2, e.line());
    assertEquals("subnet ep (10.0.1.0/28) has no free address for the ENI of endpoint sts:"
        + " its 11 usable addresses are taken", e.message());
    assertEquals("AWS reserves the first four and the last address of a subnet; give ep a"
        + " larger CIDR (a /27 holds 27 addresses) or place sts in another subnet", e.hint());
  }

  @Test
  void addressesInLargeSubnetsStayAsTheyWere() {
    Layout l = TestLayouts.layout("az 1a subnet public pub; nat in 1a\n"
        + "az 1a subnet private ep\n" + endpoints(12).replace(" in ep", " in ep"));
    assertEquals("10.0.1.4", l.nats().get(0).ip());
    assertEquals("10.0.2.10", l.endpoints().get(0).enis().get(0).ip());
    assertEquals("10.0.2.21", l.endpoints().get(11).enis().get(0).ip());
  }

  @Test
  void dnsSupportOffIsAWarningAtItsStatementNamingTheAttribute() {
    Diagnostics d = TestLayouts.diagnostics("us-east-1", """
        az 1a subnet private app
        endpoint ssm in 1a
        vpc dns off
        instance web in app needs ssm
        """);
    List<Diagnostic> w = d.warnings();
    assertEquals(1, w.size(), TestLayouts.render(d));
    assertEquals(3, w.get(0).line());
    assertEquals("the VPC has DNS support off (enableDnsSupport = false): the Amazon resolver"
        + " answers no name, so no instance reaches an AWS service or the internet by name",
        w.get(0).message());
    assertEquals("turn it on with: vpc dns on", w.get(0).hint());
    Diagnostics both = TestLayouts.diagnostics("us-east-1",
        "az 1a subnet private app\nendpoint ssm in 1a\nvpc dns off; vpc dns hostnames off");
    assertEquals(1, both.warnings().size(), TestLayouts.render(both));
    assertEquals("turn it on with: vpc dns on; vpc dns hostnames on", both.warnings().get(0).hint());
    // hostnames off: the endpoint's private DNS, as before
    Diagnostics h = TestLayouts.diagnostics("us-east-1",
        "az 1a subnet private app\nendpoint ssm in 1a\nvpc dns hostnames off");
    assertEquals(1, h.warnings().size(), TestLayouts.render(h));
    assertEquals(2, h.warnings().get(0).line());
    assertEquals("turn it on with: vpc dns hostnames on", h.warnings().get(0).hint());
  }

  // ------------------------------------------------------------------ inbound-only

  @Test
  void inboundOnlyIsForS3AndDynamodbWithAGatewayEndpointAndPrivateDns() {
    Diagnostics other = TestLayouts.diagnostics("us-east-1", """
        az 1a subnet private app
        endpoint s3, ssm in 1a inbound-only
        gateway s3
        """);
    assertEquals(1, other.errors().size(), TestLayouts.render(other));
    Diagnostic e = other.errors().get(0);
    assertEquals(2, e.line());
    assertEquals(24, e.column(), "at the option");
    assertEquals("inbound-only is for s3 and dynamodb, not ssm: AWS offers private DNS only for"
        + " inbound endpoints for the services that also have a gateway endpoint", e.message());
    assertEquals("write s3 on a line of its own: endpoint s3 in 1a inbound-only", e.hint());

    Diagnostics noGateway = TestLayouts.diagnostics("us-east-1", """
        az 1a subnet private app
        endpoint s3 in 1a inbound-only
        """);
    assertEquals(1, noGateway.errors().size(), TestLayouts.render(noGateway));
    assertEquals("endpoint s3 is inbound-only, which AWS allows only when the VPC has a gateway"
        + " endpoint for s3 (its clients inside the VPC use it)",
        noGateway.errors().get(0).message());
    assertEquals("add: gateway s3", noGateway.errors().get(0).hint());

    Diagnostics dnsOff = TestLayouts.diagnostics("us-east-1", """
        az 1a subnet private app
        gateway s3
        endpoint s3 in 1a private-dns off inbound-only
        """);
    assertEquals(1, dnsOff.errors().size(), TestLayouts.render(dnsOff));
    assertEquals("inbound-only needs private DNS on: it chooses which resolvers get the private"
        + " answer", dnsOff.errors().get(0).message());
    assertEquals("remove private-dns off, or inbound-only", dnsOff.errors().get(0).hint());

    // the option off is accepted for s3 anywhere, even without a gateway endpoint
    Layout l = TestLayouts.layout("az 1a subnet private app\nendpoint s3 in 1a inbound-only off");
    assertFalse(l.endpoint("s3").orElseThrow().inboundOnly());
  }
}
