package dev.vpclab.repl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vpclab.testing.TestLayouts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A chart without a file name is named after the REPL input it comes from: In [n] -> cell-n. */
class SessionChartsTest {
  @TempDir
  Path dir;

  @Test
  void chartFilesAreNamedAfterTheInputNumber() {
    Session s = new Session(dir);
    s.input("layout single {\n" + TestLayouts.SEED_SINGLE + "}\n"); // In [1]: no query
    s.input("check single");                           // In [2]: one query, no chart
    String out = s.input("chart cost single").text();  // In [3]
    assertTrue(out.contains("(wrote cell-3-cost.png)"), out);
    assertTrue(Files.exists(dir.resolve("cell-3-cost.png")));
    out = s.input("chart cost single; chart resilience single; chart cost single").text(); // In [4]
    assertTrue(out.contains("(wrote cell-4-cost.png)"), out);
    assertTrue(out.contains("(wrote cell-4-2-resilience.png)"), out);
    assertTrue(out.contains("(wrote cell-4-3-cost.png)"), out);
    assertFalse(Files.exists(dir.resolve("cell-1-cost.png")));
  }
}
