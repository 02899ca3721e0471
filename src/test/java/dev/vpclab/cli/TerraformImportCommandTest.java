package dev.vpclab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vpclab.testing.Cli;
import dev.vpclab.testing.Cli.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code vpclab import terraform}: the files written for the fixtures' plans (goldens), that they
 * run as they are, and bad input: located, exit status 2, nothing written.
 */
class TerraformImportCommandTest {
  static final Path ROOT = Path.of("src/test/resources/dev/vpclab/importer");
  static final Path HAND = ROOT.resolve("terraform-hand");

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"three-az", "hub-spoke", "modules"})
  void thePlanIsWrittenAsItsGoldenAndRuns(String design) throws Exception {
    Path out = dir.resolve("imported.vpc");
    Path golden = ROOT.resolve(design + "-plan.vpc");
    Result imp = Cli.run("import", "terraform",
        ROOT.resolve(design).resolve("terraform/plan.json").toString(), "--out", out.toString());
    assertEquals(0, imp.status(), imp.err());
    assertEquals("", imp.out());
    String text = Files.readString(out, StandardCharsets.UTF_8);
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(golden, text, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(golden, StandardCharsets.UTF_8), text);
    Result run = Cli.run("run", out.toString());
    assertEquals(0, run.status(), run.out() + run.err());
  }

  @Test
  void toStandardOutputWithTheLayoutNamed() {
    Result imp = Cli.run("import", "terraform",
        ROOT.resolve("three-az/terraform/state.json").toString(), "--layout", "prod");
    assertEquals(0, imp.status(), imp.err());
    assertTrue(imp.out().startsWith("region us-east-1\nlayout prod {\n"), imp.out());
    assertTrue(imp.out().contains(
        "    az 1a subnet private private-a cidr 10.0.10.0/24  # state.json:"
            + " aws_subnet.private[0]\n"), imp.out());
  }

  @Test
  void anEmptyStateIsAnEmptyDesignThatSaysSo() throws Exception {
    Path f = HAND.resolve("empty-state.json");
    Result imp = Cli.run("import", "terraform", f.toString());
    assertEquals(0, imp.status(), imp.err());
    assertEquals("region us-east-1\nlayout imported {\n"
        + "  # assumed: the state holds no resources (an empty state): nothing to import\n"
        + "  # assumed: no subnet names an AZ: Region us-east-1\n}\n\n"
        + "# add what the instances need (instance NAME ... needs ssm, s3, internet) and their\n"
        + "# traffic, then ask: check imported, resilience imported\n"
        + "cost imported\n", imp.out());
    // and it runs: an empty design costs nothing
    Path out = dir.resolve("empty.vpc");
    Files.writeString(out, imp.out(), StandardCharsets.UTF_8);
    Result run = Cli.run("run", out.toString());
    assertEquals(0, run.status(), run.err());
    assertTrue(run.out().contains("imported: 0.00 USD a month"), run.out());
  }

  private void assertBad(String source, Path file, String error) {
    Path out = dir.resolve("out.vpc");
    Result r = Cli.run("import", source, file.toString(), "--out", out.toString());
    assertEquals(2, r.status(), r.err());
    assertEquals(file + ": error: " + error + "\n", r.err());
    assertEquals("", r.out());
    assertFalse(Files.exists(out), "nothing written");
  }

  @Test
  void notJson() {
    assertBad("terraform", HAND.resolve("not-json.json"), "$: not valid JSON (line 1, column 10):"
        + " Unrecognized token 'terraform': was expecting (JSON String, Number, Array, Object or"
        + " token 'null', 'true' or 'false')");
  }

  @Test
  void truncated() {
    assertBad("terraform", HAND.resolve("truncated.json"), "$: truncated JSON (line 7, column"
        + " 1): Unexpected end-of-input: expected close marker for Array");
  }

  @Test
  void anotherFormatVersion() {
    assertBad("terraform", HAND.resolve("format-2.json"), "$.format_version: format version 2.0"
        + " is not one vpclab reads (1.x, as Terraform 1.x prints)");
  }

  @Test
  void aSubnetWithoutItsCidrBlock() {
    assertBad("terraform", HAND.resolve("no-cidr-plan.json"), "$.planned_values.root_module"
        + ".resources[1].values.cidr_block: missing: this resource needs it");
  }

  @Test
  void aDescribeOutputGivenToImportTerraform() {
    assertBad("terraform", ROOT.resolve("three-az/aws/describe-subnets.json"), "$: this is AWS"
        + " CLI describe output (Subnets), not terraform show -json output: use vpclab import"
        + " aws");
  }

  @Test
  void aTerraformFileGivenToImportAws() {
    assertBad("aws", ROOT.resolve("three-az/terraform/state.json"), "$: this is terraform show"
        + " -json output: use vpclab import terraform");
  }

  @Test
  void usageErrors() {
    Result two = Cli.run("import", "terraform", "a.json", "b.json");
    assertEquals(2, two.status());
    assertTrue(two.err().contains("import terraform takes one file"), two.err());
    Result none = Cli.run("import", "terraform");
    assertEquals(2, none.status());
    assertTrue(none.err().contains("import terraform needs the JSON file"), none.err());
    Result typo = Cli.run("import", "terafrom", "x.json");
    assertEquals(2, typo.status());
    assertTrue(typo.err().contains("did you mean 'terraform'"), typo.err());
    Result help = Cli.run("import", "--help");
    assertTrue(help.out().contains("vpclab import terraform FILE.json"), help.out());
  }
}
