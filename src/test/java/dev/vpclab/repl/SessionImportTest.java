package dev.vpclab.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code %import}: a design imported into the session as a cell, or the located error. */
class SessionImportTest {
  static final Path FIXTURES = Path.of("src/test/resources/dev/vpclab/importer").toAbsolutePath();

  @TempDir
  Path dir;

  @Test
  void aTerraformStateBecomesACellThatRunsAndIsSaved() throws Exception {
    Session s = new Session(FIXTURES);
    String out = s.input("%import terraform three-az/terraform/state.json --layout net").text();
    // the scenario text, as vpclab import terraform prints it, then its cost query's output
    assertTrue(out.startsWith("region us-east-1\nlayout net {\n"), out);
    assertTrue(out.contains("\ncost net\nOut[1]: net: 175.20 USD a month\n"), out);
    assertTrue(out.contains("    nat in 1a  # state.json: aws_nat_gateway.nat[0]\n"), out);
    assertFalse(out.contains("error"), out);
    assertEquals(0, s.status());
    // the layout is the session's: three-az's 175.20 USD a month, as AwsMotoFixturesTest works
    // it out by hand (9 ENIs x 7.30 + 3 NAT gateways x 32.85 + ...)
    String cost = s.input("cost net").text();
    assertTrue(cost.contains("175.20"), cost);
    Path saved = dir.resolve("saved.vpc");
    s.input("%save " + saved);
    String text = Files.readString(saved, StandardCharsets.UTF_8);
    assertTrue(text.contains("layout net {\n"), text);
    assertTrue(text.contains("cost net"), text);
  }

  @Test
  void describeOutputsToo() throws Exception {
    Session s = new Session(FIXTURES.resolve("three-az/aws"));
    String out = s.input("%import aws describe-vpcs.json describe-subnets.json").text();
    assertTrue(out.contains("layout imported {\n"), out);
    assertTrue(out.contains("az 1a subnet private private-a cidr 10.0.10.0/24"), out);
    assertEquals(0, s.status());
  }

  @Test
  void badInputIsTheLocatedErrorAndChangesNothing() throws Exception {
    Files.writeString(dir.resolve("plan.json"), "{\"format_version\": \"2.0\"}");
    Session s = new Session(dir);
    String out = s.input("%import terraform plan.json").text();
    assertTrue(out.startsWith("plan.json: error: $.format_version: "), out);
    assertEquals(2, s.status());
    assertEquals("no layouts yet (region us-east-1)\n\n", s.input("%layouts").text());
    assertEquals("nope.json: error: no such file\n\n",
        s.input("%import aws nope.json").text());
  }

  @Test
  void usage() {
    Session s = new Session(dir);
    assertTrue(s.input("%import").text().startsWith("usage: %import aws FILE.json..."));
    assertTrue(s.input("%import terrafrom x.json").text().startsWith(
        "import takes a source: %import aws FILE.json... or %import terraform FILE.json"
            + " (not 'terrafrom'); did you mean 'terraform'?"));
    assertTrue(s.input("%import terraform a.json b.json").text().startsWith(
        "import terraform takes one file"));
    assertTrue(s.input("%import aws a.json --layout").text().startsWith(
        "%import: --layout needs a name"));
    assertTrue(s.input("%import aws a.json --layout tgw").text().startsWith(
        "--layout tgw is not a layout name"));
  }

  @Test
  void aMagicThatCannotDoItsWorkFailsAndOtherMagicsDoNot() throws Exception {
    Session s = new Session(dir);
    s.input("region us-east-1\naz 1a subnet private a");
    Session.Run ok = s.run("%layouts", true);
    assertFalse(ok.failed());
    Session.Run unknown = s.run("%layoutz", true);
    assertFalse(unknown.failed(), "an unknown magic only suggests the nearest one");
    assertEquals(0, s.status());
    // a folder cannot be written as a file
    Files.createDirectories(dir.resolve("taken.vpc"));
    Session.Run save = s.run("%save taken.vpc", true);
    assertTrue(save.failed(), save.text());
    assertTrue(save.text().startsWith("taken.vpc: error: cannot write: "), save.text());
    assertEquals(2, s.status());
    assertTrue(s.run("%import aws nope.json", true).failed());
  }

  @Test
  void aFolderToo() throws Exception {
    Session s = new Session(FIXTURES.resolve("batfish/test-nat-gateway"));
    String out = s.input("%import aws aws_configs").text();
    assertTrue(out.contains("# assumed: NetworkAcls.json holds NetworkAcls, not a kind vpclab"
        + " reads: skipped\n"), out);
    assertTrue(out.contains("Out[1]: imported: 36.50 USD a month"), out);
    Files.createDirectories(dir.resolve("none"));
    Session t = new Session(dir);
    assertEquals("none: error: no .json file in this folder (the describe outputs to import)\n\n",
        t.input("%import aws none").text());
  }

  @Test
  void aFileNameThatIsNoneSaysSo() {
    Session s = new Session(dir);
    assertEquals("a\u0000b.json: error: not a valid file name\n\n",
        s.input("%import aws a\u0000b.json").text());
  }

  @Test
  void quotedFileNamesMayHoldSpaces() {
    assertEquals(java.util.List.of("aws", "my files/a.json", "b.json"),
        ImportMagic.words("aws \"my files/a.json\"  b.json"));
  }
}
