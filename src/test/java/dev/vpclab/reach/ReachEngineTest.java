package dev.vpclab.reach;

import static org.junit.jupiter.api.Assertions.*;

import dev.vpclab.model.Layout;
import dev.vpclab.testing.TestLayouts;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReachEngineTest {
  static final String TOKYO = "ap-northeast-1";

  static PairResult pair(Layout l, String instance, String service, String... failed) {
    return ReachEngine.path(l, l.instance(instance).orElseThrow(), service, Set.of(failed));
  }

  static PairResult pair(String statements, String instance, String service, String... failed) {
    return pair(TestLayouts.layout(TOKYO, statements), instance, service, failed);
  }

  // ------------------------------------------------------------------ DNS

  @Test
  void privateDnsAnswersWithTheEnisOfEveryAzThatIsUp() {
    Layout l = TestLayouts.layout(TOKYO, """
        az 1a subnet private a; az 1c subnet private c; az 1d subnet private d
        endpoint ssm in 1a, 1c, 1d
        """);
    DnsAnswer all = Resolver.resolve(l, "ssm", Set.of());
    assertTrue(all.privateAnswer());
    assertEquals("ssm.ap-northeast-1.amazonaws.com", all.name());
    assertEquals(List.of("10.0.1.10", "10.0.2.10", "10.0.3.10"), all.addresses());
    DnsAnswer some = Resolver.resolve(l, "ssm", Set.of("ap-northeast-1c"));
    assertEquals(List.of("10.0.1.10", "10.0.3.10"), some.addresses());
    DnsAnswer none = Resolver.resolve(l, "ssm",
        Set.of("ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d"));
    assertTrue(none.privateAnswer());
    assertEquals(List.of(), none.addresses());
  }

  @Test
  void dnsHostnamesOffOrPrivateDnsOffGivesThePublicAnswer() {
    String base = "az 1a subnet private a; instance web in a needs ssm\n";
    Layout hostnamesOff = TestLayouts.layout(TOKYO, base + "endpoint ssm in 1a; vpc dns hostnames off");
    Layout privateOff = TestLayouts.layout(TOKYO, base + "endpoint ssm in 1a private-dns off");
    for (Layout l : List.of(hostnamesOff, privateOff)) {
      DnsAnswer a = Resolver.resolve(l, "ssm", Set.of());
      assertFalse(a.privateAnswer(), l.toString());
      assertTrue(a.addresses().isEmpty());
      PairResult p = pair(l, "web", "ssm");
      assertFalse(p.reachable());
      assertEquals(List.of(Reason.NO_ROUTE, Reason.PRIVATE_DNS_UNAVAILABLE), p.reasons());
      assertEquals(Reason.NO_ROUTE, p.reason());
    }
    assertTrue(Resolver.resolve(privateOff, "ssm", Set.of()).note().contains("private DNS is off"));
    assertTrue(Resolver.resolve(hostnamesOff, "ssm", Set.of()).note().contains("hostnames off"));
  }

  /** A VPC with every way out: NAT gateway, gateway endpoint, interface endpoint, public subnet. */
  static final String EVERY_WAY_OUT = """
      az 1a subnet public pa; az 1a subnet private a; nat in 1a
      gateway s3
      endpoint ssm in 1a
      instance w in a needs ssm, s3, sqs
      instance p in pa needs sqs
      traffic w -> internet 1 GB
      """;

  @Test
  void dnsSupportOffResolvesNoNameSoNothingIsReachable() {
    Layout l = TestLayouts.layout(TOKYO, EVERY_WAY_OUT + "vpc dns off");
    List<PairResult> pairs = ReachEngine.check(l, Set.of());
    assertEquals(5, pairs.size());
    for (PairResult p : pairs) {
      assertFalse(p.reachable(), p.toString());
      assertNull(p.via());
      assertEquals(List.of(Reason.DNS_SUPPORT_OFF), p.reasons(), p.toString());
      assertTrue(p.path().startsWith("blocked: the VPC has DNS support off (enableDnsSupport"),
          p.path());
    }
    // reach: the path stops at DNS
    PairResult s3 = pair(l, "w", "s3");
    assertEquals(List.of("dns"), s3.hops().stream().map(Hop::step).toList());
    assertFalse(s3.hops().get(0).ok());
    assertTrue(s3.hops().get(0).detail().startsWith("s3.ap-northeast-1.amazonaws.com -> no answer"),
        s3.hops().get(0).detail());
    // resolve: no answer at all, neither private nor public
    for (String service : List.of("ssm", "s3", "sqs", "internet")) {
      DnsAnswer a = Resolver.resolve(l, service, Set.of());
      assertFalse(a.answered(), service);
      assertFalse(a.privateAnswer());
      assertTrue(a.addresses().isEmpty());
      assertTrue(a.note().contains("enableDnsSupport"), a.note());
    }
    assertTrue(Resolver.resolve(TestLayouts.layout(TOKYO, EVERY_WAY_OUT), "sqs", Set.of())
        .answered());
    // one warning, naming the attribute and the fix
    List<String> w = ReachEngine.warnings(l);
    assertEquals(1, w.size(), w.toString());
    assertTrue(w.get(0).startsWith("the VPC has DNS support off (enableDnsSupport = false)"),
        w.get(0));
    assertTrue(w.get(0).endsWith("(fix: vpc dns on)"), w.get(0));
  }

  @Test
  void dnsSupportOffIsNotAnAzFailureBreak() {
    Layout l = TestLayouts.layout(TOKYO, """
        az 1a subnet private a; az 1c subnet private c
        endpoint ssm in 1c
        instance x in a needs ssm
        vpc dns off
        """);
    FailureReport f = FailureAnalysis.fail(l, Set.of("ap-northeast-1c"));
    assertTrue(f.broken().isEmpty(), f.broken().toString());
    assertNull(f.fix());
    ResilienceReport r = FailureAnalysis.resilience(l);
    assertEquals(0, r.brokenPairs());
    // with the instance's own AZ down, that is the reason
    assertEquals(List.of(Reason.INSTANCE_DOWN), pair(l, "x", "ssm", "ap-northeast-1a").reasons());
  }

  @Test
  void dnsHostnamesOffStillResolvesPublicNames() {
    Layout l = TestLayouts.layout(TOKYO, EVERY_WAY_OUT + "vpc dns hostnames off");
    assertEquals(Via.GATEWAY_ENDPOINT, pair(l, "w", "s3").via());
    assertEquals(Via.NAT, pair(l, "w", "sqs").via());
    assertEquals(Via.NAT, pair(l, "w", "ssm").via(), "private DNS unused: the public name");
    assertEquals(Via.IGW, pair(l, "p", "sqs").via());
    assertTrue(Resolver.resolve(l, "ssm", Set.of()).answered());
  }

  // ------------------------------------------------------------------ routes

  @Test
  void localRouteReachesAnEniInAnySubnetAndPrefersTheSameAz() {
    Layout l = TestLayouts.layout(TOKYO, """
        az 1a subnet private a; az 1c subnet private c; az 1d subnet private d
        endpoint logs in 1c, 1d
        instance x in a needs logs
        instance y in d needs logs
        """);
    PairResult x = pair(l, "x", "logs");
    assertEquals(Via.ENDPOINT, x.via());
    assertEquals("ap-northeast-1c", x.targetAz(), "first other AZ by name");
    assertTrue(x.crossAz());
    PairResult y = pair(l, "y", "logs");
    assertEquals("ap-northeast-1d", y.targetAz());
    assertFalse(y.crossAz());
    // 1c down: x falls back to the ENI in 1d
    assertEquals("ap-northeast-1d", pair(l, "x", "logs", "ap-northeast-1c").targetAz());
  }

  @Test
  void publicSubnetsUseTheInternetGatewayPrivateOnesTheNatOfTheirAz() {
    Layout l = TestLayouts.layout(TOKYO, """
        az 1a subnet public pa; az 1a subnet private a
        az 1c subnet public pc; az 1c subnet private c
        az 1d subnet private d
        nat in 1a, 1c
        instance p in pa; instance x in a; instance y in c; instance z in d
        traffic * -> internet 10 GB
        """);
    PairResult p = pair(l, "p", "internet");
    assertEquals(Via.IGW, p.via());
    assertNull(p.targetAz());
    PairResult x = pair(l, "x", "internet");
    assertEquals(Via.NAT, x.via());
    assertEquals("ap-northeast-1a", x.targetAz());
    assertFalse(x.crossAz());
    assertEquals("ap-northeast-1c", pair(l, "y", "internet").targetAz());
    PairResult z = pair(l, "z", "internet");
    assertEquals(Via.NAT, z.via());
    assertEquals("ap-northeast-1a", z.targetAz(), "no NAT in 1d: the first by AZ name");
    assertTrue(z.crossAz());
  }

  @Test
  void noEndpointNoNatIsNoRoute() {
    PairResult p = pair("az 1a subnet private a; instance w in a needs sqs", "w", "sqs");
    assertFalse(p.reachable());
    assertNull(p.via());
    assertEquals(List.of(Reason.NO_ROUTE), p.reasons());
    assertTrue(p.path().startsWith("blocked: no route to sqs"), p.path());
  }

  @Test
  void gatewayEndpointServesEverySubnetAndWinsOverNatButNotForInternet() {
    Layout l = TestLayouts.layout(TOKYO, """
        az 1a subnet public pa; az 1a subnet private a; nat in 1a
        gateway s3
        instance w in a needs s3, dynamodb; instance p in pa needs s3
        traffic w -> internet 1 GB
        """);
    assertEquals(Via.GATEWAY_ENDPOINT, pair(l, "w", "s3").via());
    assertEquals(Via.GATEWAY_ENDPOINT, pair(l, "p", "s3").via());
    assertNull(pair(l, "w", "s3").targetAz());
    assertEquals(Via.NAT, pair(l, "w", "dynamodb").via());
    assertEquals(Via.NAT, pair(l, "w", "internet").via());
    Layout noNat = TestLayouts.layout(TOKYO, "az 1a subnet private a; gateway s3, dynamodb\n"
        + "instance w in a needs s3\ntraffic w -> internet 1 GB");
    assertTrue(pair(noNat, "w", "s3").reachable());
    assertEquals(List.of(Reason.NO_ROUTE), pair(noNat, "w", "internet").reasons());
  }

  @Test
  void interfaceEndpointWithPrivateDnsForAllResolversWinsOverTheGatewayEndpoint() {
    Layout l = TestLayouts.layout(TOKYO, """
        az 1a subnet private a; gateway s3; endpoint s3 in 1a inbound-only off
        instance w in a needs s3
        """);
    assertFalse(l.endpoint("s3").orElseThrow().inboundOnly());
    assertEquals(Via.ENDPOINT, pair(l, "w", "s3").via());
    Layout off = TestLayouts.layout(TOKYO, """
        az 1a subnet private a; gateway s3; endpoint s3 in 1a private-dns off
        instance w in a needs s3
        """);
    assertEquals(Via.GATEWAY_ENDPOINT, pair(off, "w", "s3").via());
  }

  @Test
  void s3InterfaceEndpointBesideAGatewayEndpointIsInboundOnlyByDefault() {
    // AWS: with private DNS on, "private DNS only for inbound endpoints" is selected by default
    // (console), PrivateDnsOnlyForInboundResolverEndpoint defaults to true (CLI); it needs a
    // gateway endpoint for the service in the VPC
    for (String service : List.of("s3", "dynamodb")) {
      Layout l = TestLayouts.layout(TOKYO, "az 1a subnet private a; az 1c subnet private b\n"
          + "gateway " + service + "; endpoint " + service + " in 1c\ninstance w in a needs "
          + service);
      assertTrue(l.endpoint(service).orElseThrow().inboundOnly(), service);
      PairResult p = pair(l, "w", service);
      assertEquals(Via.GATEWAY_ENDPOINT, p.via(), service);
      DnsAnswer a = Resolver.resolve(l, service, Set.of());
      assertFalse(a.privateAnswer());
      assertTrue(a.note().contains("private DNS only for inbound endpoints"), a.note());
      assertEquals(p, pair(TestLayouts.layout(TOKYO, "az 1a subnet private a; az 1c subnet"
          + " private b\ngateway " + service + "; endpoint " + service + " in 1c inbound-only\n"
          + "instance w in a needs " + service), "w", service), "written as the default");
    }
    // without a gateway endpoint the option cannot be set: private DNS for every resolver
    Layout alone = TestLayouts.layout(TOKYO, """
        az 1a subnet private a; endpoint s3 in 1a; instance w in a needs s3
        """);
    assertFalse(alone.endpoint("s3").orElseThrow().inboundOnly());
    assertEquals(Via.ENDPOINT, pair(alone, "w", "s3").via());
  }

  @Test
  void anAzFailureOfAnInboundOnlyEndpointBreaksNothingInTheVpc() {
    String text = """
        az 1a subnet private a; az 1c subnet private b
        gateway s3
        endpoint s3 in 1c inbound-only
        instance w in a needs s3
        """;
    Layout l = TestLayouts.layout(TOKYO, text);
    assertTrue(pair(l, "w", "s3", "ap-northeast-1c").reachable());
    assertTrue(FailureAnalysis.fail(l, Set.of("ap-northeast-1c")).broken().isEmpty());
    assertTrue(FailureAnalysis.resilience(l).survivesAzFailure());
    // for every resolver, the ENI in 1c is the only way: its AZ failing breaks the pair, and the
    // fix keeps the option as written
    Layout all = TestLayouts.layout(TOKYO, text.replace("inbound-only", "inbound-only off"));
    PairResult p = pair(all, "w", "s3", "ap-northeast-1c");
    assertEquals(List.of(Reason.NO_ENI_UP), p.reasons());
    FailureReport f = FailureAnalysis.fail(all, Set.of("ap-northeast-1c"));
    assertEquals("endpoint s3 in 1a, 1c inbound-only off", f.fix().statement());
    Layout fixed = TestLayouts.layout(TOKYO, text.replace("inbound-only", "inbound-only off")
        + f.fix().statement());
    assertFalse(fixed.endpoint("s3").orElseThrow().inboundOnly());
    assertTrue(FailureAnalysis.resilience(fixed).survivesAzFailure());
  }

  // ------------------------------------------------------------------ security group

  @Test
  void securityGroupMustAdmitTheInstancesSubnet() {
    Layout l = TestLayouts.layout(TOKYO, """
        az 1a subnet private app; az 1a subnet private other; az 1c subnet private ep
        endpoint logs in 1c allow app, 10.0.9.0/24
        instance ok in app needs logs
        instance denied in other needs logs
        """);
    assertTrue(pair(l, "ok", "logs").reachable());
    PairResult no = pair(l, "denied", "logs");
    assertFalse(no.reachable());
    assertEquals(List.of(Reason.SG_DENIED), no.reasons());
    Hop sg = no.hops().stream().filter(h -> h.step().equals("security-group")).findFirst()
        .orElseThrow();
    assertFalse(sg.ok());
    assertTrue(sg.detail().contains("not from other 10.0.2.0/24"), sg.detail());
  }

  @Test
  void everyCauseIsListed() {
    Layout l = TestLayouts.layout(TOKYO, """
        az 1a subnet private app; az 1c subnet private ep
        endpoint logs in 1c allow ep
        instance w in app needs logs
        """);
    assertEquals(List.of(Reason.SG_DENIED), pair(l, "w", "logs").reasons());
    assertEquals(List.of(Reason.SG_DENIED, Reason.NO_ENI_UP),
        pair(l, "w", "logs", "ap-northeast-1c").reasons());
  }

  // ------------------------------------------------------------------ failures

  @Test
  void routeTablesDoNotFailOverToAnotherAzsNat() {
    Layout l = TestLayouts.layout(TOKYO, """
        az 1a subnet public pa; az 1c subnet public pc; az 1d subnet private d; az 1c subnet private c
        nat in 1a, 1c
        instance z in d; instance y in c
        traffic * -> internet 1 GB
        """);
    PairResult z = pair(l, "z", "internet", "ap-northeast-1a");
    assertFalse(z.reachable());
    assertEquals(List.of(Reason.NAT_DOWN), z.reasons());
    assertTrue(pair(l, "y", "internet", "ap-northeast-1a").reachable());
    assertEquals(List.of(Reason.INSTANCE_DOWN), pair(l, "y", "internet", "ap-northeast-1c")
        .reasons());
  }

  @Test
  void natFixAddsAPublicSubnetWhereTheAzHasNone() {
    Layout l = TestLayouts.layout(TOKYO, """
        az 1a subnet public pa; az 1c subnet public pc; az 1c subnet private c; az 1d subnet private d
        nat in 1a
        instance y in c; instance z in d
        traffic * -> internet 1 GB
        """);
    FailureReport f = FailureAnalysis.fail(l, Set.of("ap-northeast-1a"));
    assertEquals(2, f.broken().size());
    assertEquals("az 1d subnet public; nat in 1c, 1d", f.fix().statement());
    assertEquals(List.of("ap-northeast-1c", "ap-northeast-1d"), f.fix().natAzs());
    assertEquals(List.of("ap-northeast-1d"), f.fix().publicSubnetAzs());
    assertEquals(0, f.fix().addedEnis());
    Layout fixed = TestLayouts.layout(TOKYO, """
        az 1a subnet public pa; az 1c subnet public pc; az 1c subnet private c; az 1d subnet private d
        nat in 1a
        instance y in c; instance z in d
        traffic * -> internet 1 GB
        """ + f.fix().statement());
    assertTrue(FailureAnalysis.fail(fixed, Set.of("ap-northeast-1a")).broken().isEmpty());
  }

  @Test
  void endpointFixKeepsSubnetNamesAndTheAllowList() {
    String text = """
        az 1a subnet private app; az 1c subnet private first; az 1c subnet private second
        endpoint logs in second allow app
        instance w in app needs logs
        """;
    FailureReport f = FailureAnalysis.fail(TestLayouts.layout(TOKYO, text),
        Set.of("ap-northeast-1c"));
    assertEquals("endpoint logs in 1a, second allow app", f.fix().statement());
    Layout fixed = TestLayouts.layout(TOKYO, text + f.fix().statement());
    assertEquals("second", fixed.endpoint("logs").orElseThrow().enis().get(1).subnet().name());
    assertTrue(FailureAnalysis.resilience(fixed).survivesAzFailure());
  }

  @Test
  void brokenPairsOnlyCountInstancesInHealthyAzsThatReachedBefore() {
    Layout l = TestLayouts.layout(TOKYO, """
        az 1a subnet private a; az 1c subnet private c
        endpoint ssm in 1c
        instance x in a needs ssm, sqs
        instance y in c needs ssm
        """);
    FailureReport f = FailureAnalysis.fail(l, Set.of("ap-northeast-1c"));
    assertEquals(List.of("x"), f.broken().stream().map(BrokenPair::instance).toList());
    assertEquals(List.of("ssm"), f.broken().stream().map(BrokenPair::service).toList());
    assertEquals(List.of("y"), f.down());
  }

  // ------------------------------------------------------------------ hops

  @Test
  void hopsShowDnsRouteSecurityGroupAndTarget() {
    PairResult p = pair(SeedTest.single(), "web", "ssm");
    assertEquals(List.of("dns", "route", "security-group", "target"),
        p.hops().stream().map(Hop::step).toList());
    assertTrue(p.hops().stream().allMatch(Hop::ok));
    assertEquals("ssm.ap-northeast-1.amazonaws.com -> 10.0.2.11 (private DNS of endpoint ssm)",
        p.hops().get(0).detail());
    assertTrue(p.hops().get(1).detail().startsWith("local 10.0.0.0/16"));
    assertEquals("sg of endpoint ssm allows 443 from 10.0.0.0/16 (vpc)", p.hops().get(2).detail());
    assertTrue(p.hops().get(3).detail().startsWith("ENI 10.0.2.11 in ap-northeast-1c"));
    assertTrue(p.hops().get(3).detail().contains("(cross-AZ)"));

    Layout nat = TestLayouts.layout(TOKYO, "az 1a subnet public pa; az 1c subnet private c\n"
        + "nat in 1a; instance w in c; traffic w -> internet 1 GB");
    PairResult n = pair(nat, "w", "internet");
    assertEquals("0.0.0.0/0 -> nat-1a 10.0.1.4 in ap-northeast-1a (route table of c)",
        n.hops().get(1).detail());
    PairResult down = pair(nat, "w", "internet", "ap-northeast-1a");
    assertFalse(down.hops().get(1).ok());
  }

  // ------------------------------------------------------------------ warnings

  @Test
  void theDnsWarningNamesTheAttributeToTurnOn() {
    Layout hostnamesOff = TestLayouts.layout(TOKYO,
        "vpc dns hostnames off\naz 1a subnet private app\nendpoint ssm in 1a");
    assertTrue(ReachEngine.warnings(hostnamesOff).get(0).endsWith("(fix: vpc dns hostnames on)"),
        ReachEngine.warnings(hostnamesOff).toString());
    Layout supportOff = TestLayouts.layout(TOKYO,
        "vpc dns off\naz 1a subnet private app\nendpoint ssm in 1a");
    assertTrue(ReachEngine.warnings(supportOff).get(0).endsWith("(fix: vpc dns on)"),
        ReachEngine.warnings(supportOff).toString());
    assertTrue(ReachEngine.warnings(supportOff).get(0).contains("enableDnsSupport"),
        ReachEngine.warnings(supportOff).toString());
    Layout bothOff = TestLayouts.layout(TOKYO,
        "vpc dns off; vpc dns hostnames off\naz 1a subnet private app\nendpoint ssm in 1a");
    assertTrue(ReachEngine.warnings(bothOff).get(0).endsWith(
        "(fix: vpc dns on; vpc dns hostnames on)"), ReachEngine.warnings(bothOff).toString());
  }

  @Test
  void warningsForDnsOffNatDespiteEndpointAndTheQuota() {
    assertEquals(List.of(), ReachEngine.warnings(SeedTest.single()));
    Layout dnsOff = TestLayouts.layout(TOKYO, """
        az 1a subnet public pa; az 1a subnet private a; nat in 1a
        vpc dns hostnames off
        endpoint ssm in 1a
        endpoint logs in 1a private-dns off
        instance w in a needs ssm, logs
        """);
    List<String> w = ReachEngine.warnings(dnsOff);
    assertEquals(3, w.size(), w.toString());
    assertTrue(w.get(0).startsWith("endpoint ssm: private DNS cannot work because the VPC has "
        + "DNS hostnames off"), w.get(0));
    assertTrue(w.get(1).startsWith("logs is reached through a NAT gateway by w although endpoint"
        + " logs exists (its private DNS is off)"), w.get(1));
    assertTrue(w.get(2).startsWith("ssm is reached through a NAT gateway"), w.get(2));

    StringBuilder many = new StringBuilder("az 1a subnet private a cidr 10.0.0.0/20\n");
    List<String> services = dev.vpclab.model.Services.KNOWN.stream().sorted().limit(51).toList();
    many.append("endpoint ").append(String.join(", ", services)).append(" in 1a\n");
    List<String> q = ReachEngine.warnings(TestLayouts.layout(TOKYO, many.toString()));
    assertEquals(1, q.size(), q.toString());
    assertTrue(q.get(0).startsWith("51 interface endpoints"), q.get(0));
  }
}
