package dev.vpclab.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import dev.vpclab.testing.Cli;
import dev.vpclab.testing.Cli.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  @TempDir Path dir;

  static Result runWithInput(String stdin, String... args) {
    return Cli.runWithInput(stdin, args);
  }

  static Result run(String... args) {
    return Cli.run(args);
  }

  /** A subnet, an instance in it, and a check of the layout. */
  static final String CHECK = "az 1a subnet private app\ninstance web in app\ncheck\n";

  /** Layout a: a subnet and an instance in it (an expectation or a query follows). */
  static final String LAYOUT_A =
      "layout a {\n  az 1a subnet private app\n  instance web in app\n}\n";

  /** A file of this name in the test's directory, with this text. */
  Path file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void helpAndVersion() {
    Result help = run("--help");
    assertEquals(0, help.status());
    assertTrue(help.out().contains("vpclab run FILE..."));
    assertEquals(0, run("--version").status());
  }

  @Test
  void usageErrorsExitTwoWithoutATrace() {
    for (String[] args : new String[][] {
        {"frobnicate"}, {"run"}, {"run", "x.vpc", "--fromat", "json"}, {"run", "x.vpc", "--format"},
        {"run", "x.vpc", "--format", "yaml"}, {"check"}, {"repl", "a", "b"}, {"scenarios/seed.vpc"}}) {
      Result r = run(args);
      assertEquals(2, r.status(), String.join(" ", args));
      assertTrue(r.err().startsWith("vpclab: "), r.err());
      assertFalse(r.err().contains("\tat "), r.err());
    }
    assertTrue(run("run", "x.vpc", "--fromat", "json").err().contains("did you mean '--format'?"));
    assertTrue(run("chekc", "x.vpc").err().contains("did you mean 'check'?"));
  }

  @Test
  void missingFileAndDirectory() {
    Result missing = run("run", dir.resolve("nope.vpc").toString());
    assertEquals(2, missing.status());
    assertTrue(missing.err().endsWith("nope.vpc: error: no such file\n"), missing.err());
    Result directory = run("run", dir.toString());
    assertEquals(2, directory.status());
    assertTrue(directory.err().contains("is a directory"), directory.err());
  }

  @Test
  void aFiftyMegabyteFileIsRefusedQuickly() throws IOException {
    Path big = dir.resolve("big.vpc");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(50L * 1024 * 1024);
    }
    Result r = run("run", big.toString());
    assertEquals(2, r.status());
    assertTrue(r.err().contains("file is 50.0 MB"), r.err());
  }

  @Test
  void standardInput() {
    Result r = runWithInput(CHECK, "run", "-");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().startsWith("In [1]: check\nOut[1]: "), r.out());
  }

  @Test
  void errorsOfStandardInputAreLocated() {
    Result r = runWithInput("az 1a subnet privat\n", "run", "-");
    assertEquals(2, r.status());
    assertTrue(r.err().startsWith("<stdin>:1:14: error: "), r.err());
  }

  @Test
  void jsonErrorCells() throws IOException {
    Result r = runWithInput("az 1a subnet privat\nendpont x\n", "run", "-", "--format", "json");
    assertEquals(2, r.status());
    JsonNode doc = new ObjectMapper().readTree(r.out());
    JsonNode cells = doc.get("cells");
    assertEquals(2, cells.size());
    JsonNode first = cells.get(0);
    assertEquals("error", first.get("kind").asText());
    assertEquals("<stdin>", first.get("file").asText());
    assertEquals(1, first.get("line").asInt());
    assertEquals(14, first.get("column").asInt());
    assertTrue(first.get("message").asText().contains("'private' or 'public'"));
  }

  @Test
  void outIsWrittenWholeAndNothingOnFailure() throws IOException {
    Path src = file("a.vpc", CHECK);
    Path target = dir.resolve("out.json");
    Result r = run("run", src.toString(), "--format", "json", "--out", target.toString());
    assertEquals(0, r.status(), r.err());
    assertEquals("", r.out());
    new ObjectMapper().readTree(Files.readString(target));
    Result bad = run("run", src.toString(), "--out", dir.resolve("no/such/dir/x.txt").toString());
    assertEquals(2, bad.status());
    assertTrue(bad.err().contains("cannot write"), bad.err());
    try (var files = Files.list(dir)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
    }
  }

  @Test
  void checkPrintsACount() throws IOException {
    Path src = file("a.vpc", LAYOUT_A + "expect a reaches\n");
    Result r = run("check", src.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().endsWith("1 passed, 0 failed\n"), r.out());
  }

  @Test
  void checkOfAFileWithoutAnExpectationFails() throws IOException {
    Path empty = file("empty.vpc", "");
    Path cut = file("cut.vpc", LAYOUT_A + "check a\n");
    Path good = file("good.vpc", LAYOUT_A + "expect a reaches\n");
    for (Path p : new Path[] {empty, cut}) {
      Result r = run("check", p.toString());
      assertEquals(2, r.status(), p + ": " + r.err());
      assertEquals(p + ": error: no expectation to check\n"
          + "  hint: add one, e.g. expect LAYOUT reaches\n", r.err());
      assertTrue(r.out().endsWith("0 passed, 0 failed\n"), r.out());
    }
    // one file without an expectation among good ones still fails the check
    Result both = run("check", good.toString(), empty.toString());
    assertEquals(2, both.status(), both.err());
    assertTrue(both.out().endsWith("1 passed, 0 failed\n"), both.out());
    assertEquals(0, run("check", good.toString()).status());
    // vpclab run does not ask for expectations
    assertEquals(0, run("run", empty.toString()).status());
  }

  @Test
  void everyCommandPrintsItsUsageOnHelp() {
    String[][] cases = {
        {"run", "vpclab run FILE..."}, {"check", "vpclab check FILE..."},
        {"prices", "vpclab prices [--region R]"}, {"repl", "vpclab repl [FILE]"}};
    for (String[] c : cases) {
      for (String flag : new String[] {"--help", "-h"}) {
        Result r = run(c[0], flag);
        assertEquals(0, r.status(), c[0] + " " + flag + ": " + r.err());
        assertEquals("", r.err());
        assertTrue(r.out().startsWith("usage:\n"), r.out());
        assertTrue(r.out().contains(c[1]), c[0] + ": " + r.out());
        assertTrue(r.out().contains("exit status: 0"), r.out());
      }
      Result help = run("help", c[0]);
      assertEquals(0, help.status());
      assertEquals(run(c[0], "--help").out(), help.out());
    }
    // the help of a command, whatever else is on the line
    assertEquals(0, run("run", "x.vpc", "--format", "json", "--help").status());
    assertEquals(0, run("prices", "import", "--help").status());
    assertTrue(run("prices", "import", "--help").out().contains("vpclab prices import AWS.csv"));
    assertTrue(run("run", "--help").out().contains("--no-charts"));
    Result unknown = run("help", "frob");
    assertEquals(2, unknown.status());
    assertTrue(unknown.err().contains("unknown command 'frob'"), unknown.err());
  }

  @Test
  void outIntoADirectorySaysSoWithoutTemporaryNames() throws IOException {
    Path src = file("a.vpc", CHECK);
    Path target = dir.resolve("reports");
    Files.createDirectories(target);
    for (String format : new String[] {"text", "html"}) {
      Result r = run("run", src.toString(), "--format", format, "--out", target.toString());
      assertEquals(2, r.status());
      assertEquals(target + ": error: cannot write: is a directory (--out takes a file name, e.g. "
          + target.resolve("report." + (format.equals("text") ? "txt" : format)) + ")\n",
          r.err());
    }
    try (var files = Files.list(target)) {
      assertEquals(0, files.count(), "nothing is left in the directory");
    }
  }

  @Test
  void anUnreadableFileSaysWhy() throws IOException {
    Path src = file("secret.vpc", "check\n");
    try {
      Files.setPosixFilePermissions(src, java.nio.file.attribute.PosixFilePermissions.fromString(
          "-w-------"));
    } catch (UnsupportedOperationException e) {
      org.junit.jupiter.api.Assumptions.abort("no POSIX permissions here");
    }
    org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(src),
        "a superuser reads every file");
    Result r = run("run", src.toString());
    assertEquals(2, r.status());
    assertEquals(src + ": error: cannot read: permission denied\n", r.err());
  }

  @Test
  void aFileThatFailsToReadSaysWhyEvenForTheSuperuser() {
    // permissions stop no superuser (CI runs as root), but reading this file fails for anyone
    Path mem = Path.of("/proc/self/mem");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(mem), "Linux only");
    Result r = run("run", mem.toString());
    assertEquals(2, r.status());
    assertEquals(mem + ": error: cannot read: input/output error\n", r.err());
  }

  @Test
  void ioProblemsAreDescribedWithoutFileNames() {
    assertEquals("permission denied",
        IoReason.of(new java.nio.file.AccessDeniedException("/tmp/.x.vpc.123.tmp")));
    assertEquals("is a directory", IoReason.of(new java.nio.file.FileSystemException(
        "/tmp/.out.123.tmp", "/tmp/out", "Is a directory")));
    assertEquals("no space left on device", IoReason.of(new java.nio.file.FileSystemException(
        "/tmp/.out.123.tmp", null, "No space left on device")));
    assertEquals("no such file or directory", IoReason.of(
        new java.nio.file.NoSuchFileException("/tmp/.out.123.tmp")));
    assertEquals("disk on fire", IoReason.of(new IOException("disk on fire")));
  }

  @Test
  void checkFailsABudgetOverAnIncompleteCost() throws IOException {
    // 20 GB to sqs without a route: priced 0.00, which is no proof of staying under 40 USD
    Path src = file("lonely.vpc", "region us-east-1\naz 1a subnet private app\n"
        + "instance web in app\ntraffic web -> sqs 20 GB\nexpect cost < 40 USD\n");
    for (String cmd : List.of("check", "run")) {
      Result r = run(cmd, src.toString());
      assertEquals(1, r.status(), cmd + ": " + r.out() + r.err());
      assertTrue(r.out().contains("expect cost < 40 USD: FAILED (main: 0.00 USD a month,"
          + " incomplete: 20 GB of traffic not priced)"), cmd + ": " + r.out());
    }
  }

  @Test
  void replReadsCellsFromAPipe() {
    Result r = runWithInput("az 1a subnet private app\nlayout x {\n az 1b subnet private\n}\ncheck x\n%quit\n");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("In [1]: az 1a subnet private app\n"), r.out());
    assertTrue(r.out().contains("In [2]: layout x {\n   ...:  az 1b subnet private\n"), r.out());
    assertTrue(r.out().contains("In [3]: check x\nOut[3]: "), r.out());
  }

  @Test
  void replCellWithAnErrorChangesNothing() {
    Result r = runWithInput("az 1a subnet private app\ninstance web in ap\ninstance web in app\ncheck\n");
    assertTrue(r.out().contains("unknown subnet ap"), r.out());
    assertTrue(r.out().contains("(cell not run: nothing changed)"), r.out());
    assertTrue(r.out().contains("In [4]: check\nOut[4]: "), r.out());
  }

  @Test
  void pricesAndImport() throws IOException {
    Result table = run("prices", "--region", "us-east-1");
    assertEquals(0, table.status(), table.err());
    assertTrue(table.out().contains("us-east-1  endpoint.hour"), table.out());
    assertEquals(2, run("prices", "--region", "mars-1").status());
    assertEquals(2, run("prices", "imprt", "x.csv").status());
    Path target = dir.resolve("prices.csv");
    Result imported = run("prices", "import", "src/test/resources/dev/vpclab/cost/aws-price-list.csv",
        "--out", target.toString());
    assertEquals(0, imported.status(), imported.err());
    assertTrue(Files.readString(target).contains("ap-northeast-1,endpoint.hour,0,,hour,0.014"));
    // the converted table loads back with a prices statement
    Path scenario = file("s.vpc", "region ap-northeast-1\nprices \"prices.csv\"\n"
        + "az 1a subnet private app\nendpoint ssm in 1a\ncost\n");
    Result cost = run("run", scenario.toString());
    assertEquals(0, cost.status(), cost.err());
    assertTrue(cost.out().contains("10.22"), cost.out());
    Result bad = run("prices", "import",
        "src/test/resources/dev/vpclab/cost/aws-price-list-bad-price.csv");
    assertEquals(2, bad.status());
    assertTrue(bad.err().contains(":8: error: PricePerUnit is not a number"), bad.err());
  }

  @Test
  void pricesStatementErrorsAreLocated() throws IOException {
    Path scenario = file("s.vpc", "price endpoint.huor 0.02\nprices \"missing.csv\"\n");
    Result r = run("run", scenario.toString());
    assertEquals(2, r.status());
    assertTrue(r.err().contains("s.vpc:1:7: error: unknown price item 'endpoint.huor'"), r.err());
    assertTrue(r.err().contains("did you mean 'endpoint.hour'?"), r.err());
    assertTrue(r.err().contains("s.vpc:2:8: error: cannot read missing.csv"), r.err());
  }

  @Test
  void csvFormatHasASectionPerTable() throws IOException {
    Path src = file("a.vpc", "az 1a subnet private app\ninstance web in app needs ssm\n"
        + "endpoint ssm in 1a\ncheck\nexpect main reaches\n");
    Result r = run("run", src.toString(), "--format", "csv");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().startsWith("In [1]: check\r\n1 of 1 pairs reachable in main\r\n"
        + "instance,service,reachable,"), r.out());
    assertTrue(r.out().contains("In [2]: expect main reaches\r\n"), r.out());
  }

  @Test
  void failedExpectationExitsOne() throws IOException {
    Path src = file("a.vpc", "az 1a subnet private app\ninstance web in app needs ssm\n"
        + "expect main reaches\n");
    Result r = run("run", src.toString());
    assertEquals(1, r.status(), r.out());
    assertTrue(r.out().contains("expect main reaches: FAILED"), r.out());
    Result c = run("check", src.toString());
    assertEquals(1, c.status());
    assertTrue(c.out().endsWith("0 passed, 1 failed\n"), c.out());
  }

  @Test
  void replMagicsOnAPipe() throws IOException {
    Path saved = dir.resolve("cells.vpc");
    Result r = runWithInput("%help\n%help expect\n%help lyout\n%hepl\naz 1a subnet private app\n"
        + "instance web in app\n%layouts\n%history\n%format json\ncheck\n%format yaml\n"
        + "%save " + saved + "\n%reset\n%layouts\n%quit\ncheck\n");
    String out = r.out();
    assertTrue(out.contains("%help [topic]") || out.contains("Help on: %help layout"), out);
    assertTrue(out.contains("expect ha survives az failure"), out);
    assertTrue(out.contains("no help on 'lyout'; did you mean 'layout'?"), out);
    assertTrue(out.contains("unknown magic %hepl; did you mean '%help'?"), out);
    assertTrue(out.contains("* main    us-east-1  1a      0"), out);
    assertTrue(out.contains("   6  instance web in app\n"), out);
    assertTrue(out.contains("Out[3]: {\n  \"kind\": \"check\""), out);
    assertTrue(out.contains("unknown format 'yaml'; use text or json"), out);
    assertTrue(out.contains("saved 3 cells to " + saved), out);
    assertTrue(out.contains("no layouts yet"), out);
    assertFalse(out.contains("Out[4]"), "nothing runs after %quit: " + out);
    assertFalse(out.contains("\u001b"), out);
    String file = Files.readString(saved);
    assertTrue(file.contains("az 1a subnet private app\ninstance web in app\ncheck\n"), file);
    assertEquals(0, run("run", saved.toString()).status());
  }

  @Test
  void replLoadsAFileFirstAndWithLoad() throws IOException {
    Path file = file("first.vpc", CHECK);
    Result r = runWithInput("%layouts\n%load " + dir.resolve("missing.vpc") + "\n", "repl",
        file.toString());
    assertTrue(r.out().startsWith("Out[1]: 0 of 0 pairs reachable in main"), r.out());
    assertTrue(r.out().contains("* main"), r.out());
    assertTrue(r.out().contains("missing.vpc: error: no such file"), r.out());
    Result load = runWithInput("%load " + file + "\ncheck\n");
    assertTrue(load.out().contains("In [1]: %load " + file + "\nOut[1]: 0 of 0 pairs reachable in main"), load.out());
    assertTrue(load.out().contains("In [2]: check\nOut[2]: 0 of 0 pairs reachable in main"), load.out());
  }

  @Test
  void onlyTheLineEditorReplReferencesJLine() throws IOException {
    try (var files = Files.walk(Path.of("src/main/java"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        boolean jline = Files.readString(p).contains("org.jline");
        assertEquals(p.getFileName().toString().equals("JLineRepl.java"), jline, p.toString());
      }
    }
  }

  @Test
  void replWritesChartsAndSavesReports() throws IOException {
    Path nb = dir.resolve("session.ipynb");
    Path html = dir.resolve("session.html");
    Path md = dir.resolve("session.md");
    String input = "az 1a subnet private app\ninstance web in app needs ssm\n"
        + "endpoint ssm in 1a\nchart cost main to \"" + dir.resolve("c.svg") + "\"\n"
        + "%save " + nb + "\n%save " + html + "\n%save " + md + "\n";
    Result r = runWithInput(input);
    assertEquals(0, r.status(), r.out() + r.err());
    assertTrue(Files.readString(dir.resolve("c.svg")).contains("<svg"), "chart written");
    assertTrue(r.out().contains("saved 4 cells to " + nb + " (ipynb)"), r.out());
    JsonNode doc = new ObjectMapper().readTree(Files.readString(nb));
    assertEquals(4, doc.get("nbformat").asInt());
    assertTrue(Files.readString(html).contains("<svg"), "html embeds the chart");
    assertTrue(Files.readString(md).contains("c.svg"), "markdown links the chart");
  }
}
