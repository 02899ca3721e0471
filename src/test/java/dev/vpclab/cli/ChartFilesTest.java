package dev.vpclab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.vpclab.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `vpclab run` writes charts whole into --charts (or beside `to`), and reports failures. */
class ChartFilesTest {
  @TempDir
  Path dir;

  static final String SRC = """
      region us-east-1
      layout a {
        az 1a subnet private app
        endpoint logs in 1a
        instance w in app
        traffic w -> logs 10 GB
      }
      chart cost a to "sub/cost.svg"
      chart cost a
      sweep traffic 0 .. 100 over a
      """;

  static Cli.Result run(String... args) {
    return Cli.run(args);
  }

  @Test
  void chartsGoIntoTheChartsDirectory() throws Exception {
    Path src = dir.resolve("a.vpc");
    Files.writeString(src, SRC);
    Path charts = dir.resolve("charts");
    Files.createDirectories(charts.resolve("sub"));
    Cli.Result r = run("run", src.toString(), "--charts", charts.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(Files.size(charts.resolve("sub/cost.svg")) > 1000);
    assertTrue(Files.size(charts.resolve("cell-2-cost.png")) > 1000);
    assertTrue(Files.size(charts.resolve("cell-3-sweep.png")) > 1000, "--charts: sweeps too");
    assertTrue(r.out().contains("chart cost: monthly cost by part (USD) -> cell-2-cost.png"));
    assertTrue(r.err().contains("vpclab: wrote " + charts.resolve("cell-2-cost.png")), r.err());
    // check draws nothing
    Files.delete(charts.resolve("cell-2-cost.png"));
    Files.writeString(src, SRC + "expect cost a < 100 USD\n"); // check needs an expectation
    assertEquals(0, run("check", src.toString()).status());
    assertFalse(Files.exists(Path.of("cell-2-cost.png")));
  }

  @Test
  void noChartsDrawsNothingAndKeepsTheData() throws Exception {
    Path src = dir.resolve("a.vpc");
    Files.writeString(src, SRC);
    Cli.Result r = run("run", src.toString(), "--no-charts");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("chart cost: monthly cost by part (USD)\n"), r.out());
    assertFalse(r.out().contains(" -> cell-"), r.out());
    assertTrue(r.out().contains("sweep: monthly total (USD)"), r.out());
    assertFalse(r.err().contains("wrote"), r.err());
    assertFalse(Files.exists(Path.of("sub/cost.svg")));
    assertFalse(Files.exists(Path.of("cell-2-cost.png")));
    assertEquals(2, run("run", src.toString(), "--no-charts", "--charts", dir.toString()).status());
    assertEquals(2, run("run", src.toString(), "--no-charts=yes").status());
  }

  @Test
  void aFailedWriteKeepsTheOldFileAndExits2() throws Exception {
    Path src = dir.resolve("a.vpc");
    Files.writeString(src, SRC);
    Path charts = dir.resolve("charts");
    Files.createDirectories(charts);
    byte[] old = "old chart".getBytes(StandardCharsets.UTF_8);
    Files.write(charts.resolve("cell-2-cost.png"), old);
    // sub/ does not exist: sub/cost.svg cannot be written
    Cli.Result r = run("run", src.toString(), "--charts", charts.toString());
    assertEquals(2, r.status());
    assertTrue(r.err().contains(charts.resolve("sub/cost.svg") + ": error: cannot write: "),
        r.err());
    assertFalse(r.err().contains("Exception"), r.err());
    assertTrue(r.out().contains("In [1]:"), "the report is still printed");

    // a directory in the way of the chart: the write fails, nothing else changes
    Files.delete(charts.resolve("cell-2-cost.png"));
    Files.createDirectories(charts.resolve("cell-2-cost.png"));
    Files.createDirectories(charts.resolve("sub"));
    Files.write(charts.resolve("sub/cost.svg"), old);
    Cli.Result r2 = run("run", src.toString(), "--charts", charts.toString());
    assertEquals(2, r2.status());
    assertTrue(r2.err().contains("cell-2-cost.png: error: cannot write: "), r2.err());
    assertTrue(Files.isDirectory(charts.resolve("cell-2-cost.png")));
    try (var s = Files.list(charts)) {
      assertEquals(0, s.filter(p -> p.getFileName().toString().endsWith(".tmp")).count(),
          "no temporary file is left behind");
    }
    // the svg that could be written replaced the old one whole
    assertTrue(new String(Files.readAllBytes(charts.resolve("sub/cost.svg")),
        StandardCharsets.UTF_8).contains("<svg"));
    assertFalse(java.util.Arrays.equals(old, Files.readAllBytes(charts.resolve("sub/cost.svg"))));
  }

  @Test
  void sameInputSameBytes() throws Exception {
    Path src = dir.resolve("a.vpc");
    Files.writeString(src, SRC);
    Files.createDirectories(dir.resolve("one/sub"));
    Files.createDirectories(dir.resolve("two/sub"));
    assertEquals(0, run("run", src.toString(), "--charts", dir.resolve("one").toString()).status());
    assertEquals(0, run("run", src.toString(), "--charts", dir.resolve("two").toString()).status());
    for (String f : new String[] {"sub/cost.svg", "cell-2-cost.png", "cell-3-sweep.png"}) {
      assertArrayEquals(Files.readAllBytes(dir.resolve("one").resolve(f)),
          Files.readAllBytes(dir.resolve("two").resolve(f)), f);
    }
  }

  static final String SMALL = """
      region us-east-1
      layout a {
        az 1a subnet private app
        endpoint logs in 1a
        instance w in app
      }
      chart cost a
      compare a, a
      """;

  @Test
  void chartsOfSeveralFilesNeverShareAName() throws Exception {
    Path one = dir.resolve("one.vpc");
    Path two = dir.resolve("two.vpc");
    Files.writeString(one, SMALL);
    Files.writeString(two, SMALL.replace("endpoint logs in 1a", "endpoint logs, ssm in 1a"));
    Path charts = dir.resolve("charts");
    Cli.Result r = run("run", one.toString(), two.toString(), "--charts", charts.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("-> one-cell-1-cost.png"), r.out());
    assertTrue(r.out().contains("-> two-cell-1-cost.png"), r.out());
    assertFalse(Files.exists(charts.resolve("cell-1-cost.png")));
    assertFalse(java.util.Arrays.equals(Files.readAllBytes(charts.resolve("one-cell-1-cost.png")),
        Files.readAllBytes(charts.resolve("two-cell-1-cost.png"))), "each file its own chart");
    // Markdown: the compare charts too; into the current directory the same names
    Path md = dir.resolve("md");
    Cli.Result m = run("run", one.toString(), two.toString(), "--format", "markdown",
        "--charts", md.toString());
    assertEquals(0, m.status(), m.err());
    assertTrue(Files.exists(md.resolve("one-cell-2-compare.png")));
    assertTrue(Files.exists(md.resolve("two-cell-2-compare.png")));
    assertTrue(m.out().contains("two-cell-2-compare.png)"), m.out());
    // JSON names the chart file as written
    Cli.Result j = run("run", one.toString(), two.toString(), "--format", "json",
        "--charts", charts.toString());
    assertTrue(j.out().contains("\"file\": \"two-cell-1-cost.png\""), j.out());
    // one file alone keeps the short names
    Cli.Result single = run("run", one.toString(), "--charts", charts.toString());
    assertTrue(single.out().contains("-> cell-1-cost.png"), single.out());
  }

  @Test
  void filesOfTheSameNameInTwoDirectoriesAreNumbered() throws Exception {
    Files.createDirectories(dir.resolve("x"));
    Files.createDirectories(dir.resolve("y"));
    Path one = dir.resolve("x/plan.vpc");
    Path two = dir.resolve("y/plan.vpc");
    Files.writeString(one, SMALL);
    Files.writeString(two, SMALL);
    Path charts = dir.resolve("charts");
    Cli.Result r = run("run", one.toString(), two.toString(), "--charts", charts.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(Files.exists(charts.resolve("plan-1-cell-1-cost.png")), r.err());
    assertTrue(Files.exists(charts.resolve("plan-2-cell-1-cost.png")), r.err());
  }

  @Test
  void twoChartsNamingOneFileAreAnError() throws Exception {
    Path one = dir.resolve("one.vpc");
    Path two = dir.resolve("two.vpc");
    Files.writeString(one, SMALL.replace("chart cost a", "chart cost a to \"cost.svg\""));
    Files.writeString(two, SMALL.replace("chart cost a", "\nchart cost a to \"cost.svg\""));
    Path charts = dir.resolve("charts");
    Cli.Result r = run("run", one.toString(), two.toString(), "--charts", charts.toString());
    assertEquals(2, r.status(), r.err());
    assertTrue(r.err().contains(two + ":8: error: chart file " + charts.resolve("cost.svg")
        + " is also written by " + one + ":7; give one of them another name (to \"...\")\n"),
        r.err());
    String first = Files.readString(charts.resolve("cost.svg"));
    Cli.Result alone = run("run", one.toString(), "--charts", dir.resolve("c2").toString());
    assertEquals(0, alone.status());
    assertEquals(Files.readString(dir.resolve("c2/cost.svg")), first, "the first one is kept");
    // within one file as well
    Path twice = dir.resolve("twice.vpc");
    Files.writeString(twice, SMALL + "chart cost a to \"cell-1-cost.png\"\n");
    Cli.Result t = run("run", twice.toString(), "--charts", charts.toString());
    assertEquals(2, t.status());
    assertTrue(t.err().contains(twice + ":9: error: chart file "), t.err());
  }
}
