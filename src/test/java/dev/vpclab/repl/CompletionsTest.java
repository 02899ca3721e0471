package dev.vpclab.repl;

import static org.junit.jupiter.api.Assertions.*;

import dev.vpclab.lang.SourceFile;
import dev.vpclab.notebook.Notebook;
import dev.vpclab.notebook.SourceLoader;
import dev.vpclab.notebook.State;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletionsTest {
  @TempDir Path dir;

  static State session(String text) {
    Notebook nb = new Notebook(SourceLoader.NONE);
    Notebook.Result r = nb.eval(new SourceFile("t", text));
    assertFalse(r.hasErrors(), r.diagnostics().all().toString());
    return nb.state();
  }

  static final State SEED = session("""
      region ap-northeast-1
      layout single {
        az 1a subnet private app
        az 1c subnet private ep
        az 1d subnet public
        instance web in app
      }
      layout ha extends single { endpoint ssm in 1a, 1c }
      """);

  static List<String> at(String buffer) {
    return Completions.candidates(buffer, buffer.length(), SEED);
  }

  @Test
  void keywordsAtAStatementStart() {
    assertEquals(List.of("endpoint"), at("endp"));
    assertTrue(at("").containsAll(List.of("az", "check", "layout", "expect")));
    assertTrue(at("check\nco").containsAll(List.of("cost", "compare")), at("check\nco").toString());
    assertEquals(List.of("endpoint"), at("az 1a subnet private x; endp"));
    assertEquals(List.of("instance"), at("layout z {\n  inst"));
  }

  @Test
  void subnetKindsAfterSubnet() {
    assertEquals(List.of("private", "public"), at("az 1a subnet "));
    assertEquals(List.of("public"), at("az 1a subnet pu"));
    assertEquals(List.of("subnet"), at("az 1a "));
  }

  @Test
  void declaredSubnetsAfterInstanceIn() {
    List<String> c = at("instance db in ");
    assertTrue(c.containsAll(List.of("app", "ep", "public-1d")), c.toString());
    assertFalse(c.contains("web"));
    // declared earlier in the same cell
    assertTrue(at("layout z {\n az 1a subnet private tasks\n instance t in ").contains("tasks"));
    assertTrue(at("az 1c subnet private; instance t in ").contains("private-1c"));
  }

  @Test
  void servicesAfterEndpointNeedsAndArrow() {
    List<String> c = at("endpoint ");
    assertTrue(c.containsAll(List.of("ssm", "ec2messages", "ecr.api", "logs")), c.toString());
    assertFalse(c.contains("s3"), "s3 has a gateway endpoint");
    assertEquals(List.of("ssm", "ssm-contacts", "ssm-incidents", "ssmmessages"), at("endpoint ssm"));
    assertTrue(at("endpoint ssm, ").contains("logs"));
    assertTrue(at("instance x in app needs ").containsAll(List.of("session-manager", "ecr-pull", "ssm")));
    assertTrue(at("traffic web -> ").containsAll(List.of("s3", "internet")));
    assertEquals(List.of("dynamodb", "s3"), at("gateway "));
  }

  @Test
  void azsOfTheRegion() {
    assertEquals(List.of("1a", "1c", "1d"), at("az "));
    assertEquals(List.of("1a", "1c", "1d"), at("nat in "));
    assertEquals(List.of("1a", "1c", "1d"), at("fail az "));
    List<String> place = at("endpoint ssm in ");
    assertTrue(place.containsAll(List.of("1a", "1c", "app", "ep")), place.toString());
    assertEquals(List.of("failure"), at("expect ha survives az "));
    assertEquals(List.of("inbound-only"), at("endpoint s3 in 1a inb"));
    assertEquals(List.of("on", "off"), at("endpoint s3 in 1a inbound-only "));
  }

  @Test
  void layoutsAndInstances() {
    assertEquals(List.of("single", "ha"), at("compare "));
    assertEquals(List.of("single", "ha"), at("compare single, "));
    assertEquals(List.of("single"), at("check s"));
    assertEquals(List.of("single", "ha"), at("reach web -> ssm in "));
    assertEquals(List.of("web"), at("reach "));
    assertEquals(List.of("web", "*"), at("traffic "));
    assertEquals(List.of("web"), at("resolve ssm from "));
    assertEquals(List.of("single"), at("layout x extends s"));
    assertEquals(List.of("->"), at("traffic web "));
    assertTrue(at("instance x in app ").containsAll(List.of("count", "needs")));
  }

  @Test
  void instancesAreDestinationsAndBuiltLayoutsNameTheirVpcs() {
    State central = session("""
        layout central {
          vpc shared { az 1a subnet private ep-a }
          vpc app { az 1a subnet private app-a; instance web in app-a }
          tgw hub attach shared, app
        }
        """);
    assertTrue(Completions.candidates("traffic web -> ", 15, central).contains("web"));
    assertTrue(at("instance db in app needs ").contains("web"));
    assertFalse(at("expect web reaches ").contains("web"));
    String peering = "peering ";
    assertEquals(List.of("shared", "app"),
        Completions.candidates(peering, peering.length(), central));
    assertEquals(List.of("hub"), Completions.candidates("no tgw ", 7, central));
  }

  @Test
  void theFormsOfSeveralVpcs() {
    assertTrue(at("").containsAll(List.of("tgw", "peering", "share")), at("").toString());
    assertEquals(List.of("tgw"), at("layout c {\n  tg"));
    assertEquals(List.of("az"), at("layout c {\n vpc app {\n  a"));
    assertEquals(List.of("cidr", "dns"), at("vpc "));
    assertEquals(List.of("cidr"), at("vpc app "));
    assertTrue(at("no ").containsAll(List.of("endpoint", "vpc", "tgw", "peering", "share")));
    // the VPCs and transit gateways declared earlier in the cell
    String cell = "layout c {\n vpc shared {\n }\n vpc app cidr 10.1.0.0/16 {\n }\n"
        + " vpc cidr 10.0.0.0/16\n tgw hub attach shared\n ";
    assertEquals(List.of("attach"), at(cell + "tgw hub "));
    assertEquals(List.of("shared", "app"), at(cell + "tgw hub attach "));
    assertEquals(List.of("app"), at(cell + "tgw hub attach shared, a"));
    assertEquals(List.of("in"), at(cell + "tgw hub attach shared "));
    assertEquals(List.of("1a", "1c", "1d"), at(cell + "tgw hub attach shared in "));
    assertEquals(List.of("hub"), at(cell + "no tgw "));
    assertEquals(List.of("shared", "app"), at(cell + "peering "));
    assertEquals(List.of("shared", "app"), at(cell + "no peering app, "));
    assertEquals(List.of("shared", "app"), at(cell + "no vpc "));
    assertTrue(at(cell + "share ").containsAll(List.of("ssm", "logs")));
    assertEquals(List.of("from"), at(cell + "share ssm "));
    assertEquals(List.of("shared", "app"), at(cell + "share ssm from "));
    assertEquals(List.of("with"), at(cell + "share ssm from shared "));
    assertEquals(List.of("shared", "app"), at(cell + "share ssm from shared with "));
    assertEquals(List.of("from"), at(cell + "no share ssm "));
    // resolve's 'from' still names an instance
    assertEquals(List.of("web"), at(cell + "resolve ssm from "));
    // a spread group's subnets
    assertTrue(at("instance db in app, ").contains("ep"));
  }

  @Test
  void magicsAndPaths() throws Exception {
    Files.writeString(dir.resolve("seed.vpc"), "");
    Files.createDirectories(dir.resolve("scenarios"));
    assertEquals(List.of("%load", "%layouts"), Completions.candidates("%l", 2, SEED, dir));
    assertEquals(List.of("scenarios/", "seed.vpc"), Completions.candidates("%load s", 7, SEED, dir));
    assertEquals(List.of("seed.vpc"), Completions.candidates("%save se", 8, SEED, dir));
    assertEquals(List.of("json"), Completions.candidates("%format j", 9, SEED, dir));
    assertEquals(List.of("aws", "terraform"), Completions.candidates("%import ", 8, SEED, dir));
    assertEquals(List.of("terraform"), Completions.candidates("%import t", 9, SEED, dir));
    assertEquals(List.of("seed.vpc"), Completions.candidates("%import aws se", 14, SEED, dir));
    String chart = "chart cost single to \"se";
    assertEquals(List.of("\"seed.vpc\""), Completions.candidates(chart, chart.length(), SEED, dir));
    assertEquals(chart.indexOf('"'), Completions.wordStart(chart, chart.length()));
  }

  @Test
  void theWordAtTheCursorIsCompletedNotTheEnd() {
    String buffer = "endp ssm in 1a";
    assertEquals(List.of("endpoint"), Completions.candidates(buffer, 4, SEED));
  }

  @Test
  void anEmptySessionOffersWhatTheCellDeclares() {
    List<String> c = Completions.candidates("az ", 3, State.initial());
    assertEquals(List.of("1a", "1b", "1c", "1d", "1e", "1f"), c);
  }
}
