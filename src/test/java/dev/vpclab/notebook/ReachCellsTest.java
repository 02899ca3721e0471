package dev.vpclab.notebook;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpclab.model.Layout;
import dev.vpclab.testing.TestLayouts;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReachCellsTest {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static Layout single() {
    return TestLayouts.seedSingle();
  }

  static Layout perAz() {
    return TestLayouts.seedPerAz();
  }

  static JsonNode parse(Output o) throws Exception {
    JsonNode compact = MAPPER.readTree(Json.write(o.data()));
    assertEquals(compact, MAPPER.readTree(Json.pretty(o.data())));
    List<String> names = new ArrayList<>();
    Iterator<String> it = compact.fieldNames();
    it.forEachRemaining(names::add);
    assertEquals("kind", names.get(0));
    assertEquals("layout", names.get(1));
    assertEquals(o.kind(), compact.get("kind").asText());
    return compact;
  }

  static void assertFields(JsonNode node, String... fields) {
    for (String f : fields) {
      assertTrue(node.has(f), "missing " + f + " in " + node);
    }
  }

  @Test
  void checkListsEveryPairWithTheDocumentedFields() throws Exception {
    Output o = ReachCells.check(single());
    assertEquals("check", o.kind());
    assertFalse(o.failed());
    assertTrue(o.text().startsWith("3 of 3 pairs reachable in single"), o.text());
    assertTrue(o.text().contains("web       ssm          yes        endpoint  ap-northeast-1c"),
        o.text());
    JsonNode j = parse(o);
    assertEquals("single", j.get("layout").asText());
    JsonNode pairs = j.get("pairs");
    assertEquals(3, pairs.size());
    JsonNode ssm = pairs.get(1);
    assertFields(ssm, "instance", "service", "reachable", "via", "targetAz", "crossAz", "reason",
        "reasons", "path");
    assertEquals("ssm", ssm.get("service").asText());
    assertTrue(ssm.get("reachable").asBoolean());
    assertEquals("endpoint", ssm.get("via").asText());
    assertEquals("ap-northeast-1c", ssm.get("targetAz").asText());
    assertTrue(ssm.get("crossAz").asBoolean());
    assertTrue(ssm.get("reason").isNull());
    assertEquals(0, ssm.get("reasons").size());
    assertEquals(0, j.get("warnings").size());
  }

  @Test
  void checkShowsReasonsAndWarnings() throws Exception {
    Layout l = TestLayouts.layout("dns", "ap-northeast-1", """
        az 1a subnet private app
        vpc dns hostnames off
        endpoint ssm in 1a
        instance web in app needs ssm
        """);
    Output o = ReachCells.check(l);
    assertTrue(o.text().startsWith("0 of 1 pairs reachable in dns"), o.text());
    assertTrue(o.text().contains("warnings:\n- endpoint ssm: private DNS cannot work"), o.text());
    JsonNode j = parse(o);
    JsonNode p = j.get("pairs").get(0);
    assertFalse(p.get("reachable").asBoolean());
    assertTrue(p.get("via").isNull());
    assertEquals("NO_ROUTE", p.get("reason").asText());
    assertEquals("PRIVATE_DNS_UNAVAILABLE", p.get("reasons").get(1).asText());
    assertEquals(1, j.get("warnings").size());
  }

  @Test
  void reachShowsTheHops() throws Exception {
    Layout l = single();
    Output o = ReachCells.reach(l, l.instance("web").orElseThrow(), "ssm");
    assertTrue(o.text().startsWith("web -> ssm in single: reachable via endpoint, ENI 10.0.2.11 "
        + "in ap-northeast-1c (cross-AZ)"), o.text());
    JsonNode j = parse(o);
    assertFields(j, "instance", "service", "reachable", "via", "targetAz", "crossAz", "reason",
        "path", "hops");
    assertEquals(4, j.get("hops").size());
    assertFields(j.get("hops").get(0), "step", "detail", "ok");
    assertEquals("dns", j.get("hops").get(0).get("step").asText());
    assertTrue(j.get("hops").get(3).get("ok").asBoolean());
  }

  @Test
  void resolveGivesTheEniAddresses() throws Exception {
    Layout l = perAz();
    Output o = ReachCells.resolve(l, "ssm", l.instance("web").orElseThrow());
    JsonNode j = parse(o);
    assertEquals("ssm.ap-northeast-1.amazonaws.com", j.get("name").asText());
    assertTrue(j.get("private").asBoolean());
    assertEquals("web", j.get("from").asText());
    assertEquals(List.of("10.0.1.11", "10.0.2.11"),
        MAPPER.convertValue(j.get("addresses"), List.class));
    assertTrue(o.text().startsWith("ssm.ap-northeast-1.amazonaws.com from web"), o.text());
    Output pub = ReachCells.resolve(l, "sqs", null);
    JsonNode p = parse(pub);
    assertFalse(p.get("private").asBoolean());
    assertFalse(p.has("from"));
    assertEquals(0, p.get("addresses").size());
    assertTrue(p.get("answered").asBoolean());
  }

  @Test
  void resolveWithDnsSupportOffAnswersNothing() throws Exception {
    Layout l = TestLayouts.layout("ap-northeast-1", TestLayouts.SEED_SINGLE + "vpc dns off");
    Output o = ReachCells.resolve(l, "ssm", null);
    JsonNode j = parse(o);
    assertFalse(j.get("answered").asBoolean());
    assertFalse(j.get("private").asBoolean());
    assertEquals(0, j.get("addresses").size());
    assertEquals("ssm.ap-northeast-1.amazonaws.com: no answer (the VPC has DNS support off"
        + " (enableDnsSupport = false), so the Amazon resolver answers no name)\n", o.text());
    Output r = ReachCells.reach(l, l.instance("web").orElseThrow(), "ssm");
    assertTrue(r.text().startsWith("web -> ssm in main: unreachable (DNS_SUPPORT_OFF): the VPC has"
        + " DNS support off"), r.text());
  }

  @Test
  void failListsBrokenPairsAndTheFix() throws Exception {
    Output o = ReachCells.fail(single(), List.of("ap-northeast-1c"));
    assertTrue(o.text().startsWith("failing ap-northeast-1c in single breaks 3 pairs"), o.text());
    assertTrue(o.text().contains("fix: endpoint ssm, ec2messages, ssmmessages in 1a, 1c"),
        o.text());
    JsonNode j = parse(o);
    assertEquals("ap-northeast-1c", j.get("failed").get(0).asText());
    assertEquals(3, j.get("broken").size());
    assertFields(j.get("broken").get(0), "instance", "service");
    assertEquals("web", j.get("broken").get(0).get("instance").asText());
    assertEquals("endpoint ssm, ec2messages, ssmmessages in 1a, 1c", j.get("fix").asText());
    assertEquals(3, j.get("fixDetail").get("enis").asInt());

    JsonNode none = parse(ReachCells.fail(perAz(), List.of("ap-northeast-1c")));
    assertEquals(0, none.get("broken").size());
    assertTrue(none.get("fix").isNull());
  }

  @Test
  void resilienceHasARowPerAzAndTheVerdict() throws Exception {
    Output o = ReachCells.resilience(single());
    assertTrue(o.text().startsWith("single does not survive"), o.text());
    JsonNode j = parse(o);
    assertFalse(j.get("survivesAzFailure").asBoolean());
    assertEquals(2, j.get("rows").size());
    assertEquals("ap-northeast-1a", j.get("rows").get(0).get("az").asText());
    assertEquals(0, j.get("rows").get(0).get("broken").asInt());
    assertEquals("ap-northeast-1c", j.get("rows").get(1).get("az").asText());
    assertEquals(3, j.get("rows").get(1).get("broken").asInt());
    assertTrue(parse(ReachCells.resilience(perAz())).get("survivesAzFailure").asBoolean());
  }

  static Layout oneAz() {
    return TestLayouts.layout("packed", "us-east-1", """
        az 1a subnet private app
        endpoint ssm in 1a
        instance batch in app count 4 needs ssm
        instance web in app needs ssm
        """);
  }

  /** Two AZs, ssm in both; sqs has no endpoint and no NAT gateway: unreachable anyway. */
  static Layout unreachable() {
    return TestLayouts.layout("no-sqs", "us-east-1", """
        az 1a subnet private a; az 1c subnet private c
        endpoint ssm in 1a, 1c
        instance x in a needs ssm, sqs
        instance y in c count 3 needs ssm
        """);
  }

  @Test
  void resilienceOfALayoutInOneAzSaysSoPlainly() throws Exception {
    Output o = ReachCells.resilience(oneAz());
    assertTrue(o.text().startsWith("packed does not survive AZ failure: every subnet is in"
        + " us-east-1a, and losing it takes down all 5 instances\n"), o.text());
    assertTrue(o.text().contains("AZ          broken  services  instances down  fix\n"
        + "us-east-1a       0  -                      5  -\n"), o.text());
    JsonNode j = parse(o);
    assertFalse(j.get("survivesAzFailure").asBoolean());
    assertTrue(j.get("singleAz").asBoolean());
    assertEquals(0, j.get("brokenPairs").asInt());
    assertEquals(0, j.get("unreachablePairs").asInt());
    assertEquals(5, j.get("rows").get(0).get("instancesDown").asInt());
  }

  @Test
  void failCountsTheInstancesThatGoDownWithEveryCopy() throws Exception {
    Output o = ReachCells.fail(oneAz(), List.of("us-east-1a"));
    assertTrue(o.text().contains("down with their AZ: batch, web (5 instances)\n"), o.text());
    JsonNode j = parse(o);
    assertEquals(2, j.get("down").size());
    assertEquals(5, j.get("instancesDown").asInt());
  }

  @Test
  void resilienceNamesPairsUnreachableWithEveryAzUpApart() throws Exception {
    Output o = ReachCells.resilience(unreachable());
    assertTrue(o.text().startsWith("no-sqs survives every single-AZ failure (2 AZs), but 1 pair"
        + " is unreachable with every AZ up\n"), o.text());
    JsonNode j = parse(o);
    assertTrue(j.get("survivesAzFailure").asBoolean());
    assertFalse(j.get("singleAz").asBoolean());
    assertEquals(0, j.get("brokenPairs").asInt());
    assertEquals(1, j.get("unreachablePairs").asInt());
    // instances down count every copy: 1 in 1a, 3 in 1c
    assertEquals(1, j.get("rows").get(0).get("instancesDown").asInt());
    assertEquals(3, j.get("rows").get(1).get("instancesDown").asInt());

    Output broken = ReachCells.resilience(TestLayouts.layout("both", "us-east-1", """
        az 1a subnet private a; az 1c subnet private c
        endpoint ssm in 1c
        instance x in a needs ssm, sqs
        """));
    assertTrue(broken.text().startsWith("both does not survive AZ failure: 1 of 2 single-AZ"
        + " failures break 1 pair; 1 other pair is unreachable with every AZ up\n"),
        broken.text());
  }

  @Test
  void expectSurvivesFailsForOneAzAndNotesUnreachablePairs() throws Exception {
    Output one = ReachCells.expectSurvives(oneAz());
    assertTrue(one.failed());
    JsonNode j = parse(one);
    assertFalse(j.get("passed").asBoolean());
    assertEquals("expect packed survives az failure: FAILED (every subnet is in us-east-1a, and"
        + " losing it takes down all 5 instances)", j.get("text").asText());
    assertTrue(j.get("singleAz").asBoolean());

    Output un = ReachCells.expectSurvives(unreachable());
    assertFalse(un.failed());
    JsonNode u = parse(un);
    assertEquals("expect no-sqs survives az failure: passed (2 single-AZ failures, nothing breaks;"
        + " but 1 pair is unreachable with every AZ up: see expect no-sqs reaches)",
        u.get("text").asText());
    assertEquals(1, u.get("unreachablePairs").asInt());
    assertEquals(0, u.get("brokenPairs").asInt());
  }

  @Test
  void expectationsPassAndFail() throws Exception {
    Output reaches = ReachCells.expectReaches(single());
    assertFalse(reaches.failed());
    JsonNode r = parse(reaches);
    assertTrue(r.get("passed").asBoolean());
    assertTrue(r.get("text").asText().startsWith("expect single reaches: passed"));

    Layout l = single();
    Output sqs = ReachCells.expectReaches(l, l.instance("web").orElseThrow(), "sqs");
    assertTrue(sqs.failed());
    assertFalse(parse(sqs).get("passed").asBoolean());

    Output survives = ReachCells.expectSurvives(single());
    assertTrue(survives.failed());
    JsonNode s = parse(survives);
    assertFalse(s.get("passed").asBoolean());
    assertTrue(s.get("text").asText().contains("ap-northeast-1c"), s.get("text").asText());
    assertFalse(ReachCells.expectSurvives(perAz()).failed());
  }

  @Test
  void outputIsDeterministic() {
    assertEquals(ReachCells.check(single()).text(), ReachCells.check(single()).text());
    assertEquals(Json.write(ReachCells.resilience(single()).data()),
        Json.write(ReachCells.resilience(single()).data()));
  }
}
