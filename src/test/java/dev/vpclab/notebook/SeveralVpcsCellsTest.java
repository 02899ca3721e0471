package dev.vpclab.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vpclab.model.Layout;
import dev.vpclab.testing.Hand;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reachability cells of designs of several VPCs show the VPC, the link and every placement
 * of a spread group (text and JSON); designs built by hand ({@link Hand}).
 */
class SeveralVpcsCellsTest {
  static Layout central() {
    return Hand.central().build();
  }

  @Test
  void checkHasAVpcColumnAndPlacementRows() throws Exception {
    Output o = ReachCells.check(central());
    String[] lines = o.text().split("\n");
    assertEquals("4 of 6 pairs reachable in central, 1 cross-AZ", lines[0]);
    assertEquals(List.of("instance", "vpc", "service", "reachable", "via", "target AZ",
        "cross-AZ", "path"), o.tables().get(0).header());
    assertTrue(lines[2].startsWith("web@app-a  app  db       yes        tgw"), o.text());
    JsonNode j = ReachCellsTest.parse(o);
    JsonNode db = j.get("pairs").get(3);
    assertEquals("web@app-b", db.get("instance").asText());
    assertEquals("app", db.get("vpc").asText());
    assertEquals("tgw", db.get("via").asText());
    assertEquals("tgw", db.get("link").get("kind").asText());
    assertEquals("hub", db.get("link").get("name").asText());
    assertTrue(j.get("pairs").get(1).get("link").isNull()); // s3: blocked
  }

  @Test
  void aSpreadGroupInOneVpcHasPlacementRowsButNoVpcColumn() throws Exception {
    Layout l = new Hand("one").vpc("default").subnet("default", "a", "1a")
        .subnet("default", "b", "1b").instance("web", List.of("db"), "a", "b")
        .instance("db", List.of(), "b").build();
    Output o = ReachCells.check(l);
    assertEquals(List.of("instance", "service", "reachable", "via", "target AZ", "cross-AZ",
        "path"), o.tables().get(0).header());
    JsonNode pairs = ReachCellsTest.parse(o).get("pairs");
    assertEquals("web@a", pairs.get(0).get("instance").asText());
    assertEquals("local", pairs.get(0).get("via").asText());
    assertEquals("default", pairs.get(0).get("vpc").asText());
  }

  @Test
  void reachOfASpreadGroupGivesTheGroupThenEachPlacement() throws Exception {
    Layout l = central();
    Output o = ReachCells.reach(l, l.instance("web").orElseThrow(), "ssm");
    String[] lines = o.text().split("\n");
    assertEquals("web (VPC app) -> ssm in central: reachable via endpoint, web@app-a: ENI"
        + " 10.0.1.10 in us-east-1a (same AZ) via tgw hub; web@app-b: ENI 10.0.2.10 in"
        + " us-east-1b (same AZ) via tgw hub", lines[0]);
    assertEquals("web@app-a: reachable via endpoint, ENI 10.0.1.10 in us-east-1a (same AZ) via"
        + " tgw hub", lines[1]);
    assertEquals(2, o.tables().size());
    JsonNode j = ReachCellsTest.parse(o);
    assertEquals("web", j.get("instance").asText());
    assertEquals(0, j.get("hops").size());
    assertEquals(2, j.get("placements").size());
    assertEquals("web@app-b", j.get("placements").get(1).get("instance").asText());
    assertEquals(6, j.get("placements").get(1).get("hops").size());
  }

  @Test
  void reachOfAnInstanceInAnotherVpc() throws Exception {
    Layout l = central();
    Output o = ReachCells.reach(l, l.instance("db").orElseThrow(), "ssm");
    assertTrue(o.text().startsWith("db (VPC data) -> ssm in central: reachable via endpoint, ENI"
        + " 10.0.1.10 in us-east-1a (same AZ) via tgw hub\n"), o.text());
    assertTrue(o.text().contains("attachment      tgw hub attachment of data in us-east-1a:"
        + " subnet db-a"), o.text());
    JsonNode j = ReachCellsTest.parse(o);
    assertEquals("data", j.get("vpc").asText());
    assertFalse(j.has("placements"));
  }

  @Test
  void failShowsTheVpcAndTheFixInItsBlock() throws Exception {
    // shared's ssm only in ep-a: losing 1a breaks web@app-b's ssm; db down with it
    Layout l = new Hand("c").vpc("shared").subnet("shared", "ep-a", "1a")
        .subnet("shared", "ep-b", "1b")
        .endpoint("shared", "ssm", false, "10.0.0.0/8", "ep-a")
        .vpc("app").subnet("app", "app-a", "1a").subnet("app", "app-b", "1b")
        .instance("web", List.of("ssm"), "app-a", "app-b")
        .attach("hub", "shared", "ep-a", "ep-b").attach("hub", "app", "app-a", "app-b")
        .share("ssm", "shared", "app").build();
    Output o = ReachCells.fail(l, List.of("us-east-1a"));
    assertEquals("failing us-east-1a in c breaks 1 pair\n"
        + "instance   vpc  service  AZ          was                                 now\n"
        + "web@app-b  app  ssm      us-east-1b  endpoint in us-east-1a via tgw hub  NO_ENI_UP\n"
        + "down with their AZ: web@app-a (1 instance)\n"
        + "fix: vpc shared { endpoint ssm in 1a, 1b private-dns off allow 10.0.0.0/8 }\n", o.text());
    JsonNode j = ReachCellsTest.parse(o);
    JsonNode b = j.get("broken").get(0);
    assertEquals("app", b.get("vpc").asText());
    assertEquals("hub", b.get("link").get("name").asText());
    assertEquals(0, j.get("fixDetail").get("attachmentAzs").size());
    assertEquals(1, j.get("fixDetail").get("enis").asInt());
  }

  @Test
  void expectReachesOfASpreadGroupNeedsEveryPlacement() throws Exception {
    Layout l = central().withTraffic(List.of());
    Output o = ReachCells.expectReaches(l, l.instance("web").orElseThrow(), "s3");
    assertTrue(o.failed());
    assertTrue(o.text().startsWith("expect web reaches s3 in central: FAILED (unreachable"
        + " (NO_ROUTE): web@app-a: blocked: no route to s3"), o.text());
    Output all = ReachCells.expectReaches(l);
    assertTrue(all.text().contains("web@app-b  app  s3       no"), all.text());
  }

  static Notebook.Result eval(String text) {
    return new Notebook(SourceLoader.NONE).eval(new dev.vpclab.lang.SourceFile("t.vpc", text));
  }

  @Test
  void reachAndExpectTakeAnInstanceAsDestination() {
    Notebook.Result r = eval("""
        az 1a subnet private a
        az 1b subnet private b
        instance web in a
        instance db in b
        reach web -> db
        expect web reaches db in main
        """);
    assertFalse(r.hasErrors(), r.diagnostics().all().toString());
    assertTrue(r.cells().get(0).output().text().startsWith("web -> db in main: reachable via"
        + " local, local route to db in b (us-east-1b) (cross-AZ)\n"),
        r.cells().get(0).output().text());
    assertFalse(r.cells().get(1).output().failed());
  }

  @Test
  void resolveOfAnInstanceIsAnErrorWithAHint() {
    Notebook.Result r = eval("""
        az 1a subnet private a
        instance web in a
        instance db in a
        resolve db from web
        """);
    assertTrue(r.hasErrors());
    String msg = r.diagnostics().all().get(0).render();
    assertTrue(msg.contains("resolve takes a service name; db is an instance"), msg);
    assertTrue(msg.contains("reach web -> db"), msg);
  }
}
