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
}
