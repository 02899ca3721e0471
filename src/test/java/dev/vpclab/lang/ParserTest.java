package dev.vpclab.lang;

import static org.junit.jupiter.api.Assertions.*;

import dev.vpclab.lang.Ast.*;
import dev.vpclab.testing.TestLayouts;
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

  /** The example of "Designs of several VPCs" in LANGUAGE.md, as written there. */
  static final String SEVERAL_VPCS = TestLayouts.SEVERAL_VPCS;

  @Test
  void severalVpcsExampleParses() {
    Program p = parse(SEVERAL_VPCS);
    assertEquals(3, p.items().size());
    LayoutDecl central = (LayoutDecl) p.items().get(1);
    assertEquals("central", central.name().text());
    assertEquals("""
        VpcBlock(shared, 10.0.0.0/16, [SubnetDecl(1a, false, ep-a, null), \
        SubnetDecl(1b, false, ep-b, null), EndpointDecl([ssm, ec2messages, ssmmessages], [1a, 1b], \
        false, null, [AllowEntry(null, 10.0.0.0/8)])])
        VpcBlock(app, 10.1.0.0/16, [SubnetDecl(1a, false, app-a, null), \
        SubnetDecl(1b, false, app-b, null), \
        InstanceDecl(web, [app-a, app-b], 4, [session-manager, db])])
        VpcBlock(data, 10.2.0.0/16, [SubnetDecl(1a, false, db-a, null), \
        InstanceDecl(db, [db-a], null, [])])
        TgwAttach(hub, [shared, app], [])
        TgwAttach(hub, [data], [1a])
        Share([ssm, ec2messages, ssmmessages], shared, [app, data])
        TrafficDecl(web, db, 2 TB)
        TrafficDecl(web, ssm, 50 GB)""", AstText.lines(central.body()));
    LayoutDecl direct = (LayoutDecl) p.items().get(2);
    assertEquals("central", direct.parent().text());
    assertEquals("NoTgw(hub)\nPeering(app, data)", AstText.lines(direct.body()));
    // a vpc block spans from 'vpc' to its '}'; its statements keep their own places
    VpcBlock app = (VpcBlock) central.body().get(1);
    assertEquals(8, app.span().line());
    assertEquals(3, app.span().column());
    assertEquals("vpc app cidr 10.1.0.0/16 {", p.source().text(app.span()).lines().findFirst()
        .orElseThrow());
    assertTrue(p.source().text(app.span()).endsWith("}"));
    InstanceDecl web = (InstanceDecl) app.body().get(2);
    assertEquals(11, web.span().line());
    assertEquals(5, web.span().column());
    assertTrue(web.spread());
    assertEquals("app-a", web.subnet().text());
  }

  @Test
  void theDocumentedExampleOfSeveralVpcsParses() throws java.io.IOException {
    String doc = java.nio.file.Files.readString(java.nio.file.Path.of("docs/language.md"));
    String section = doc.substring(doc.indexOf("### Designs of several VPCs"));
    int start = section.indexOf("```\n") + 4;
    String example = section.substring(start, section.indexOf("\n```", start));
    Program p = parse(example);
    assertEquals(3, p.items().size());
    assertEquals(7, ((LayoutDecl) p.items().get(0)).body().size());
    assertEquals("NoTgw(hub)\nPeering(app, data)",
        AstText.lines(((LayoutDecl) p.items().get(1)).body()));
    assertEquals("NoVpc(data)\nNoShare([ssm], shared)",
        AstText.lines(((LayoutDecl) p.items().get(2)).body()));
  }

  @Test
  void severalVpcsForms() {
    assertEquals("VpcBlock(x, null, [])", AstText.of(one("vpc x {}")));
    assertEquals("VpcBlock(x, null, [SubnetDecl(1a, false, null, null), "
        + "InstanceDecl(web, [private-1a], null, [])])",
        AstText.of(one("vpc x { az 1a subnet private; instance web in private-1a }")));
    assertEquals("VpcBlock(x, 10.9.0.0/16, [VpcCidr(10.8.0.0/16), VpcDns(true, false), "
        + "GatewayDecl([s3]), NatDecl([1a]), NoInstance([web]), NoTraffic(web, ssm)])",
        AstText.of(one("""
            vpc x cidr 10.9.0.0/16 {
              vpc cidr 10.8.0.0/16
              vpc dns hostnames off
              gateway s3; nat in 1a
              no instance web; no traffic web -> ssm
            }""")));
    assertEquals("NoVpc(data)", AstText.of(one("no vpc data")));
    assertEquals("TgwAttach(hub, [a, b, c], [1a, us-east-1c])",
        AstText.of(one("tgw hub attach a, b,\n c in 1a, us-east-1c")));
    assertEquals("NoTgw(hub)", AstText.of(one("no tgw hub")));
    assertEquals("Peering(app, data)", AstText.of(one("peering app, data")));
    assertEquals("NoPeering(app, data)", AstText.of(one("no peering app, data")));
    assertEquals("Share([ssm], shared, [app])", AstText.of(one("share ssm from shared with app")));
    assertEquals("NoShare([ssm, logs], shared)", AstText.of(one("no share ssm, logs from shared")));
    assertEquals("NoShare([ssm], shared)", AstText.of(one("no share ssm from shared")));
    // a spread group; an AZ where a subnet is meant is read as a name (for the model's hint)
    assertEquals("InstanceDecl(web, [app-a, 1b], null, [])",
        AstText.of(one("instance web in app-a, 1b")));
    // needs and traffic may name an instance: syntactically a name like a service's
    assertEquals("InstanceDecl(web, [app], null, [db, ssm])",
        AstText.of(one("instance web in app needs db, ssm")));
    assertEquals("TrafficDecl(web, db, 2 TB)", AstText.of(one("traffic web -> db 2 TB")));
    assertEquals("NoTraffic(web, db)", AstText.of(one("no traffic web -> db")));
  }

  @Test
  void vpcBlocksInLayoutsAndAsBareStatements() {
    Program p = parse("""
        layout a { vpc x { az 1a subnet private } }
        layout b {
          vpc y {
          }; peering x, y
          az 1a subnet private
        }
        vpc z { instance web in app }
        check b
        """);
    assertEquals("LayoutDecl(a, null, [VpcBlock(x, null, [SubnetDecl(1a, false, null, null)])])",
        AstText.of(p.items().get(0)));
    assertEquals("LayoutDecl(b, null, [VpcBlock(y, null, []), Peering(x, y), "
        + "SubnetDecl(1a, false, null, null)])", AstText.of(p.items().get(1)));
    assertEquals("VpcBlock(z, null, [InstanceDecl(web, [app], null, [])])",
        AstText.of(p.items().get(2)));
    assertEquals(4, p.items().size());
  }

  @Test
  void severalVpcsMistakesAreReportedOncePerStatement() {
    Diagnostics d = errors("""
        layout a {
          vpc x {
            az 1a subnet pubic
            nat on 1a
            tgw hub attach x
          }
          tgw hub atach x
          peering x
          share ssm from x to y
          vpc y cidr 10.1.0.0 {
            instance web in app neds ssm
          }
        }
        """);
    assertEquals(List.of(
        "3:18 expected 'private' or 'public', found 'pubic'",
        "4:9 expected 'in', found 'on'",
        "5:5 a 'tgw' line stands in the layout, not inside vpc x",
        "7:11 expected 'attach', found 'atach'",
        "8:12 expected ',', found the end of the statement",
        "9:20 expected 'with', found 'to'",
        "10:14 expected a CIDR such as 10.0.1.0/24, found '10.1'",
        "11:25 expected the end of the statement, found 'neds'"),
        d.errors().stream().map(e -> e.line() + ":" + e.column() + " " + e.message()).toList());
    assertEquals("move it after the '}' of vpc x", d.errors().get(2).hint());
    assertEquals("did you mean 'attach'?", d.errors().get(3).hint());
    assertEquals("did you mean 'needs'?", d.errors().get(7).hint());
    assertEquals("a peering joins two VPCs: peering app, data", d.errors().get(4).hint());
    assertEquals("a peering joins two VPCs: no peering app, data",
        errors("no peering app data").errors().get(0).hint());
  }

  @Test
  void unclosedVpcBlocksAreOneError() {
    // a vpc block meeting another: the first was not closed, the second is the layout's next
    Diagnostics nested = errors("""
        layout a {
          vpc x {
            az 1a subnet private
          vpc y {
            az 1a subnet privat
          }
        }
        """);
    assertEquals(List.of("2:9 the block of vpc x is not closed",
        "5:18 expected 'private' or 'public', found 'privat'"),
        nested.errors().stream().map(e -> e.line() + ":" + e.column() + " " + e.message())
            .toList());
    assertEquals("add a '}' before line 4: vpc blocks do not nest", nested.errors().get(0).hint());
    // running into the next layout: the vpc block is reported, not its layout as well
    Diagnostics atEnd = errors("""
        layout a {
          vpc x {
            az 1a subnet private
        check a
        """);
    assertEquals(List.of("2:9 the block of vpc x is not closed"),
        atEnd.errors().stream().map(e -> e.line() + ":" + e.column() + " " + e.message())
            .toList());
    // the layout's own '}' is still missing after a closed vpc block
    Diagnostics layout = errors("layout a {\n vpc x {\n }\n");
    assertEquals(List.of("1:10 the block of this layout is not closed"),
        layout.errors().stream().map(e -> e.line() + ":" + e.column() + " " + e.message())
            .toList());
    Diagnostics bare = errors("vpc x {\n az 1a subnet private\n");
    assertEquals(List.of("1:7 the block of vpc x is not closed"),
        bare.errors().stream().map(e -> e.line() + ":" + e.column() + " " + e.message())
            .toList());
    Diagnostics after = errors("layout a {\n vpc x { } tgw hub attach x\n}");
    assertEquals(List.of("2:12 unexpected 'tgw' after '}'"),
        after.errors().stream().map(e -> e.line() + ":" + e.column() + " " + e.message())
            .toList());
  }

  @Test
  void newKeywordsAreReserved() {
    for (String word : List.of("tgw", "attach", "peering", "share", "with")) {
      Diagnostic e = errors("instance " + word + " in app").errors().get(0);
      assertEquals("'" + word + "' is a keyword and cannot be used as a name", e.message());
    }
  }

  @Test
  void completenessOfVpcBlocks() {
    assertFalse(Completeness.isComplete("layout c {\n vpc x {\n  az 1a subnet private\n }"));
    assertTrue(Completeness.isComplete("layout c {\n vpc x {\n  az 1a subnet private\n }\n}"));
    assertFalse(Completeness.isComplete("vpc x {"));
    assertFalse(Completeness.isComplete("vpc x cidr 10.1.0.0/16 {\n az 1a subnet private"));
    assertTrue(Completeness.isComplete("vpc x {}"));
    assertFalse(Completeness.isComplete("tgw hub attach a,"));
    assertFalse(Completeness.isComplete("share ssm from a with b,"));
    assertTrue(Completeness.isComplete(SEVERAL_VPCS));
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
