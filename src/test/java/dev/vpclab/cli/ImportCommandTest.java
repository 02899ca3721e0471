package dev.vpclab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vpclab.testing.Cli;
import dev.vpclab.testing.Cli.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vpclab import aws}: the file written, its golden, and that it runs as it is. */
class ImportCommandTest {
  static final Path HAND = Path.of("src/test/resources/dev/vpclab/importer/aws-hand");
  static final Path GOLDEN = Path.of("src/test/resources/dev/vpclab/importer/aws-hand.vpc");

  @TempDir Path dir;

  static List<String> handFiles() throws IOException {
    try (Stream<Path> s = Files.list(HAND)) {
      return s.map(Path::toString).filter(f -> f.endsWith(".json")).sorted().toList();
    }
  }

  static String[] args(List<String> head, List<String> files, String... tail) {
    List<String> all = new ArrayList<>(head);
    all.addAll(files);
    all.addAll(List.of(tail));
    return all.toArray(String[]::new);
  }

  @Test
  void importThenRun() throws Exception {
    Path out = dir.resolve("imported.vpc");
    Result imp = Cli.run(args(List.of("import", "aws"), handFiles(), "--out", out.toString()));
    assertEquals(0, imp.status(), imp.err());
    String text = Files.readString(out, StandardCharsets.UTF_8);
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(GOLDEN, text, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(GOLDEN, StandardCharsets.UTF_8), text);
    // it runs as it is; the costs, by hand from PRICING.md (us-east-1, 730 hours):
    // endpoint ssm in 2 AZs 2 x 730 x 0.01 = 14.60; NAT gateway 730 x 0.045 = 32.85 and its
    // public IPv4 730 x 0.005 = 3.65; two transit gateway attachments 2 x 730 x 0.05 = 73.00;
    // the private hosted zone of the ssm share 0.50; total 124.60
    Path run = dir.resolve("run.vpc");
    Files.writeString(run, text + "expect cost imported < 124.61 USD\n"
        + "expect cost imported > 124.59 USD\n", StandardCharsets.UTF_8);
    Result r = Cli.run("run", run.toString());
    assertEquals(0, r.status(), r.out() + r.err());
    assertEquals("", r.err());
    // the file asks for its cost itself: run as written, it says what the design costs
    Result asIs = Cli.run("run", out.toString());
    assertEquals(0, asIs.status(), asIs.err());
    assertTrue(asIs.out().startsWith("In [1]: cost imported\nOut[1]: imported: 124.60 USD a month\n"),
        asIs.out());
  }

  @Test
  void aFileToImportMayBeLargerThanAScenarioFile() throws Exception {
    // a Terraform state cannot be split into pages: 17 MB, over the 16 MB of a scenario file
    Path big = dir.resolve("describe-vpcs.json");
    String pad = "x".repeat(17 * 1024 * 1024);
    Files.writeString(big, "{\"Vpcs\": [], \"Pad\": \"" + pad + "\"}", StandardCharsets.UTF_8);
    Result r = Cli.run("import", "aws", big.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().startsWith("region us-east-1\nlayout imported {\n"), r.out());
  }

  @Test
  void aFileOverTheImportLimitIsRefusedBeforeItIsRead() throws Exception {
    Path f = dir.resolve("state.json");
    Files.writeString(f, "{\"format_version\": \"1.0\"}", StandardCharsets.UTF_8);
    Inputs.InputError e = org.junit.jupiter.api.Assertions.assertThrows(Inputs.InputError.class,
        () -> Inputs.read(f, new Inputs.Limit(10, "files to import")));
    assertEquals(f + ": error: file is 0.0 MB; vpclab reads files to import up to 0.0 MB",
        e.getMessage());
    assertEquals(128L * 1024 * 1024, Inputs.IMPORT.bytes());
  }

  @Test
  void aFolderIsItsJsonFilesAndAKindNotReadThereIsSkippedAndSaid() throws Exception {
    // Batfish's NAT gateway snapshot as saved: beside the kinds vpclab reads, NetworkAcls.json
    // and NetworkInterfaces.json, which named on their own are errors
    Path folder = Path.of("src/test/resources/dev/vpclab/importer/batfish/test-nat-gateway/"
        + "aws_configs");
    Result r = Cli.run("import", "aws", folder.toString());
    assertEquals(0, r.status(), r.err());
    String golden = Files.readString(Path.of(
        "src/test/resources/dev/vpclab/importer/batfish/test-nat-gateway.vpc"),
        StandardCharsets.UTF_8);
    // the same file as the snapshot's files named one by one, with the two skipped said after
    // the DNS attributes' line (always the first when there is a VPC)
    String dns = "  # assumed: DNS support and DNS hostnames are not in describe-vpcs output: taken"
        + " as on (aws ec2 describe-vpc-attribute tells)\n";
    assertTrue(golden.contains("layout imported {\n" + dns), golden);
    assertEquals(golden.replace(dns, dns
        + "  # assumed: NetworkAcls.json holds NetworkAcls, not a kind vpclab reads: skipped\n"
        + "  # assumed: NetworkInterfaces.json holds NetworkInterfaces, not a kind vpclab reads:"
        + " skipped\n"), r.out());
    Result named = Cli.run("import", "aws", folder.resolve("NetworkAcls.json").toString());
    assertEquals(2, named.status(), "a file named on its own is still an error");
    Path empty = dir.resolve("empty");
    Files.createDirectories(empty);
    Result none = Cli.run("import", "aws", empty.toString());
    assertEquals(2, none.status());
    assertEquals(empty + ": error: no .json file in this folder (the describe outputs to"
        + " import)\n", none.err());
    Result tf = Cli.run("import", "terraform", empty.toString());
    assertEquals(2, tf.status());
    assertEquals(empty + ": error: is a directory, not a file\n", tf.err());
  }

  @Test
  void toStandardOutputByDefaultWithTheLayoutNamed() throws Exception {
    Result imp = Cli.run(args(List.of("import", "aws"), handFiles(), "--layout", "prod"));
    assertEquals(0, imp.status(), imp.err());
    assertTrue(imp.out().startsWith("region us-east-1\nlayout prod {\n"), imp.out());
  }

  @Test
  void badInputIsLocatedExitsTwoAndWritesNothing() throws Exception {
    Path bad = dir.resolve("subnets.json");
    Files.writeString(bad, "{\"Subnets\": [{\"SubnetId\": \"subnet-1\"}]}",
        StandardCharsets.UTF_8);
    Path out = dir.resolve("out.vpc");
    Result r = Cli.run("import", "aws", HAND.resolve("vpcs.json").toString(), bad.toString(),
        "--out", out.toString());
    assertEquals(2, r.status());
    assertEquals(bad + ": error: $.Subnets[0].VpcId: missing: this resource needs it\n",
        r.err());
    assertFalse(Files.exists(out));
    assertEquals("", r.out());
  }

  @Test
  void usageErrors() {
    assertEquals(2, Cli.run("import").status());
    assertTrue(Cli.run("import", "aws").err().contains("import aws needs the JSON files"));
    assertTrue(Cli.run("import", "awz", "x.json").err().contains("did you mean"),
        Cli.run("import", "awz", "x.json").err());
    assertEquals(2, Cli.run("import", "aws", "x.json", "--layout", "no").status());
    Result missing = Cli.run("import", "aws", "no-such.json");
    assertEquals(2, missing.status());
    assertTrue(missing.err().startsWith("no-such.json"), missing.err());
  }
}
