package dev.vpclab.lang;

import static org.junit.jupiter.api.Assertions.*;

import dev.vpclab.lang.Ast.*;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every form of LANGUAGE.md parses into the AST it means. */
class ParserTest {
  static Program parse(String text) {
    Diagnostics d = new Diagnostics();
    Program p = SourceParser.parse(new SourceFile("t.vpc", text), d);
    assertFalse(d.hasErrors(), () -> d.all().stream().map(Diagnostic::render)
        .collect(Collectors.joining()));
    return p;
  }

  static Item one(String text) {
    Program p = parse(text);
    assertEquals(1, p.items().size(), "items of: " + text);
    return p.items().get(0);
  }

  static List<String> names(List<Name> names) {
    return names.stream().map(Name::text).toList();
  }

  static Diagnostics errors(String text) {
    Diagnostics d = new Diagnostics();
    SourceParser.parse(new SourceFile("t.vpc", text), d);
    return d;
  }

  @Test
  void topLevelSettings() {
    assertEquals("ap-northeast-1", ((RegionSet) one("region ap-northeast-1")).region().text());
    assertEquals(new BigDecimal("730"), ((HoursSet) one("hours 730")).hours().value());
    PriceSet p = (PriceSet) one("price endpoint.hour 0.014");
    assertEquals("endpoint.hour", p.item().text());
    assertEquals(new BigDecimal("0.014"), p.value().usd());
    assertEquals("my-prices.csv", ((PricesLoad) one("prices \"my-prices.csv\"")).path());
    assertEquals(new BigDecimal("0.02"), ((PriceSet) one("price nat.gb $0.02")).value().usd());
    assertEquals(new BigDecimal("0.02"), ((PriceSet) one("price nat.gb 0.02 USD")).value().usd());
  }

  @Test
  void layoutsExtendsAndUse() {
    Program p = parse("""
        layout single { az 1a subnet private }
        layout ha extends single {
          az 1c subnet private; endpoint ssm in 1a, 1c
        }
        layout empty {}
        use ha
        """);
    assertEquals(4, p.items().size());
    LayoutDecl single = (LayoutDecl) p.items().get(0);
    assertEquals("single", single.name().text());
    assertNull(single.parent());
    assertEquals(1, single.body().size());
    LayoutDecl ha = (LayoutDecl) p.items().get(1);
    assertEquals("single", ha.parent().text());
    assertEquals(2, ha.body().size());
    assertEquals(0, ((LayoutDecl) p.items().get(2)).body().size());
    assertEquals("ha", ((Use) p.items().get(3)).layout().text());
  }

  @Test
  void bareStatementsSeparatedBySemicolons() {
    Program p = parse("az 1a subnet private; az 1c subnet private; endpoint ssm in 1c");
    assertEquals(3, p.items().size());
    assertTrue(p.items().stream().allMatch(i -> i instanceof Stmt));
  }

  @Test
  void vpcStatements() {
    assertEquals("10.0.0.0/16", ((VpcCidr) one("vpc cidr 10.0.0.0/16")).cidr().text());
    VpcDns h = (VpcDns) one("vpc dns hostnames off");
    assertTrue(h.hostnames());
    assertFalse(h.on());
    VpcDns d = (VpcDns) one("vpc dns off");
    assertFalse(d.hostnames());
    assertFalse(d.on());
  }

  @Test
  void subnets() {
    SubnetDecl a = (SubnetDecl) one("az 1a subnet private");
    assertEquals("1a", a.az().text());
    assertFalse(a.isPublic());
    assertNull(a.name());
    SubnetDecl b = (SubnetDecl) one("az 1a subnet private app cidr 10.0.1.0/24");
    assertEquals("app", b.name().text());
    assertEquals("10.0.1.0/24", b.cidr().text());
    SubnetDecl c = (SubnetDecl) one("az ap-northeast-1a subnet public web-pub");
    assertTrue(c.isPublic());
    assertEquals("ap-northeast-1a", c.az().text());
  }

  @Test
  void endpoints() {
    EndpointDecl e = (EndpointDecl) one("endpoint ssm, ec2messages, ssmmessages in 1c");
    assertEquals(List.of("ssm", "ec2messages", "ssmmessages"), names(e.services()));
    assertEquals(List.of("1c"), names(e.places()));
    assertNull(e.privateDns());
    assertNull(e.inboundOnly());
    assertNull(e.allow());
    EndpointDecl in = (EndpointDecl) one("endpoint s3 in 1b inbound-only allow app");
    assertTrue(in.inboundOnly().on());
    assertEquals(19, in.inboundOnly().span().column());
    assertEquals("app", in.allow().get(0).subnet().text());
    assertFalse(((EndpointDecl) one("endpoint s3 in 1b private-dns on inbound-only off"))
        .inboundOnly().on());
    EndpointDecl f = (EndpointDecl) one("endpoint ssm in 1a, 1c private-dns off");
    assertEquals(List.of("1a", "1c"), names(f.places()));
    assertEquals(Boolean.FALSE, f.privateDns());
    EndpointDecl g = (EndpointDecl) one("endpoint logs in 1a allow app, 10.0.9.0/24");
    assertEquals("app", g.allow().get(0).subnet().text());
    assertEquals("10.0.9.0/24", g.allow().get(1).cidr().text());
    EndpointDecl h = (EndpointDecl) one("endpoint ssm in app");
    assertEquals(List.of("app"), names(h.places()));
    EndpointDecl dotted = (EndpointDecl) one("endpoint ecr.api, ecr.dkr in 1a private-dns on");
    assertEquals(List.of("ecr.api", "ecr.dkr"), names(dotted.services()));
    assertEquals(Boolean.TRUE, dotted.privateDns());
    assertEquals(List.of("ssm"), names(((NoEndpoint) one("no endpoint ssm")).services()));
  }

  @Test
  void gatewaysNatInstancesTraffic() {
    assertEquals(List.of("s3"), names(((GatewayDecl) one("gateway s3")).services()));
    assertEquals(List.of("s3", "dynamodb"),
        names(((GatewayDecl) one("gateway s3, dynamodb")).services()));
    assertEquals(List.of("1a"), names(((NatDecl) one("nat in 1a")).azs()));
    InstanceDecl web = (InstanceDecl) one("instance web in app");
    assertEquals("web", web.name().text());
    assertEquals("app", web.subnet().text());
    assertNull(web.count());
    InstanceDecl batch = (InstanceDecl) one(
        "instance batch in private-1c count 4 needs session-manager, logs");
    assertEquals("private-1c", batch.subnet().text());
    assertEquals(new BigDecimal("4"), batch.count().value());
    assertEquals(List.of("session-manager", "logs"), names(batch.needs()));
    TrafficDecl t = (TrafficDecl) one("traffic web -> ssm 20 GB");
    assertEquals("web", t.source().text());
    assertEquals("ssm", t.dest().text());
    assertEquals(0, new BigDecimal("20").compareTo(t.volume().gb()));
    TrafficDecl all = (TrafficDecl) one("traffic * -> s3 2 TB");
    assertTrue(all.fromAll());
    assertEquals(0, new BigDecimal("2048").compareTo(all.volume().gb()));
    TrafficDecl net = (TrafficDecl) one("traffic web -> internet 500 GB");
    assertEquals("internet", net.dest().text());
  }

  @Test
  void unitsAreBinary() {
    assertEquals(0, new BigDecimal("1536").compareTo(gb("1.5 TB")));
    assertEquals(0, new BigDecimal("0.48828125").compareTo(gb("500 MB")));
    assertEquals(0, new BigDecimal("2097152").compareTo(gb("2 PB")));
    assertEquals(0, new BigDecimal("20").compareTo(gb("20")));
  }

  private static BigDecimal gb(String q) {
    return ((TrafficDecl) one("traffic web -> ssm " + q)).volume().gb();
  }

  @Test
  void queries() {
    assertNull(((Check) one("check")).layout());
    assertEquals("single", ((Check) one("check single")).layout().text());
    Reach r = (Reach) one("reach web -> ssm in ha");
    assertEquals("web", r.instance().text());
    assertEquals("ssm", r.service().text());
    assertEquals("ha", r.layout().text());
    assertNull(((Reach) one("reach web -> internet")).layout());
    Resolve res = (Resolve) one("resolve ssm from web in ha");
    assertEquals("web", res.from().text());
    assertEquals("ha", res.layout().text());
    Resolve res2 = (Resolve) one("resolve ssm in ha");
    assertNull(res2.from());
    assertEquals("ha", res2.layout().text());
    Fail f = (Fail) one("fail az 1c, 1a in single");
    assertEquals(List.of("1c", "1a"), names(f.azs()));
    assertEquals("single", f.layout().text());
    assertNull(((Resilience) one("resilience")).layout());
    assertEquals("ha", ((CostQuery) one("cost ha")).layout().text());
    assertEquals(List.of("single", "ha", "nat-only"),
        names(((Compare) one("compare single, ha, nat-only")).layouts()));
    Chart c = (Chart) one("chart cost single, ha to \"cost.png\"");
    assertEquals(ChartKind.COST, c.what());
    assertEquals("cost.png", c.file());
    assertEquals(ChartKind.RESILIENCE, ((Chart) one("chart resilience a, b")).what());
    Sweep s = (Sweep) one(
        "sweep traffic 0 .. 10 TB step 100 GB over single, nat-only to \"sweep.svg\"");
    assertEquals(0, BigDecimal.ZERO.compareTo(s.from().gb()));
    assertEquals(0, new BigDecimal("10240").compareTo(s.to().gb()));
    assertEquals(0, new BigDecimal("100").compareTo(s.step().gb()));
    assertEquals("sweep.svg", s.file());
    Sweep s2 = (Sweep) one("sweep traffic 1 .. 10 TB over a");
    assertEquals(0, new BigDecimal("1024").compareTo(s2.from().gb()));
    assertNull(s2.step());
  }

  @Test
  void expectations() {
    ExpectReaches all = (ExpectReaches) one("expect single reaches");
    assertEquals("single", all.subject().text());
    assertNull(all.service());
    ExpectReaches one = (ExpectReaches) one("expect web reaches ssm in single");
    assertEquals("ssm", one.service().text());
    assertEquals("single", one.layout().text());
    assertEquals("ha", ((ExpectSurvives) one("expect ha survives az failure")).layout().text());
    ExpectCost lim = (ExpectCost) one("expect cost single < 40 USD");
    assertEquals(Cmp.LT, lim.cmp());
    assertEquals(new BigDecimal("40"), lim.limit().usd());
    ExpectCost dollars = (ExpectCost) one("expect cost single <= $40");
    assertEquals(Cmp.LE, dollars.cmp());
    ExpectCost vs = (ExpectCost) one("expect cost ha < cost nat-only");
    assertEquals("nat-only", vs.other().layout().text());
    assertNull(vs.limit());
  }

  @Test
  void commentsNewlinesAndContinuation() {
    Program p = parse("""
        # a comment line
        region us-east-1   # trailing comment

        endpoint ssm,      # continued after a comma
                 ec2messages,
                 ssmmessages in 1a
        """);
    assertEquals(2, p.items().size());
    assertEquals(3, ((EndpointDecl) p.items().get(1)).services().size());
  }

  @Test
  void queryTextIsKeptForCells() {
    Check c = (Check) one("check single   # trailing");
    assertEquals("check single", c.text());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "az 1a subnet privat", "endpont ssm in 1a", "traffic web -> ssm 20 gb", "instance nat in a",
      "check single extra", "{", "}", "az 1a subnet private\u0000", "\"unterminated",
      "layout x {", "layout { }", "expect cost single < ", "sweep traffic .. 10 TB over a",
      "hours", "region", "price endpoint.hour", "fail 1a"})
  void mistakesAreLocatedErrors(String text) {
    Diagnostics d = errors(text);
    assertTrue(d.hasErrors(), "no error for: " + text);
    for (Diagnostic e : d.errors()) {
      assertTrue(e.line() >= 1 && e.column() >= 1, e.render());
      assertTrue(e.render().startsWith("t.vpc:" + e.line() + ":" + e.column() + ": error: "));
    }
  }

  @Test
  void everyBrokenStatementIsReportedOnce() {
    Diagnostics d = errors("""
        az 1a subnet privat app
        endpont ssm in 1a
        traffic web -> ssm 20 gb
        layout a {
          az 1a subnet pubic
          nat on 1a
        }
        """);
    assertEquals(5, d.errorCount(), () -> d.all().stream().map(Diagnostic::render)
        .collect(Collectors.joining()));
    assertEquals(List.of(1, 2, 3, 5, 6), d.errors().stream().map(Diagnostic::line).toList());
  }

  @Test
  void hintsForCommonMistakes() {
    assertEquals("did you mean 'endpoint'?", errors("endpont ssm in 1a").errors().get(0).hint());
    assertEquals("units are upper case: GB",
        errors("traffic web -> ssm 20 gb").errors().get(0).hint());
    assertEquals("did you mean 'private'?",
        errors("az 1a subnet privat").errors().get(0).hint());
    Diagnostic kw = errors("instance nat in app").errors().get(0);
    assertEquals("'nat' is a keyword and cannot be used as a name", kw.message());
  }

  @Test
  void garbageStopsAtTheLimit() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      sb.append("@@@ ").append('\n');
    }
    Diagnostics d = errors(sb.toString());
    assertEquals(Diagnostics.LIMIT, d.all().size());
  }

  @Test
  void deepBracesDoNotRecurse() {
    Diagnostics d = errors("{".repeat(10_000) + "\n" + "}".repeat(10_000));
    assertTrue(d.hasErrors());
  }

  @Test
  void completenessForTheRepl() {
    assertTrue(Completeness.isComplete("az 1a subnet private"));
    assertFalse(Completeness.isComplete("layout a {\n az 1a subnet private"));
    assertTrue(Completeness.isComplete("layout a {\n az 1a subnet private\n}"));
    assertFalse(Completeness.isComplete("endpoint ssm,"));
    assertFalse(Completeness.isComplete("endpoint ssm,   # more below"));
    assertTrue(Completeness.isComplete("# only a comment"));
  }
}
