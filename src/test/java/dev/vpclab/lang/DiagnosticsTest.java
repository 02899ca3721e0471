package dev.vpclab.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vpclab.fuzz.PipelineCheck;
import org.junit.jupiter.api.Test;

/** Past the listing limit every message is still counted, each once. */
class DiagnosticsTest {
  private static final SourceFile SRC = new SourceFile("t.vpc", "x\n".repeat(100));

  private static Span at(int line) {
    return new Span(2 * (line - 1), 1, line, 1);
  }

  @Test
  void messagesPastTheLimitAreCountedOnceEach() {
    Diagnostics d = new Diagnostics();
    for (int round = 0; round < 3; round++) { // a layout rebuilt three times repeats its errors
      for (int line = 1; line <= 60; line++) {
        d.error(SRC, at(line), "unknown subnet s" + line);
      }
      d.warningLazy(SRC, at(61), "there is no instance w to remove", () -> null);
    }
    assertEquals(Diagnostics.LIMIT, d.all().size());
    assertEquals(60, d.errorCount());
    assertEquals(10, d.omittedErrors());
    assertEquals(1, d.omittedWarnings());
    assertEquals("... and 10 more errors and 1 more warning", d.omittedLine());
    assertEquals("60 errors", d.countLine());
    assertTrue(d.has(Severity.ERROR, SRC, at(55), "unknown subnet s55"));
    assertFalse(d.has(Severity.WARNING, SRC, at(55), "unknown subnet s55"));
  }

  @Test
  void nothingLeftOutNoLine() {
    Diagnostics d = new Diagnostics();
    d.error(SRC, at(1), "one");
    assertNull(d.omittedLine());
    assertEquals("1 error", d.countLine());
    assertNull(new Diagnostics().countLine());
  }

  /** Bare statements between queries rebuild the layout: its errors are counted once. */
  @Test
  void rebuiltLayoutCountsEachErrorOnce() {
    StringBuilder s = new StringBuilder("az 1a subnet private app\n");
    for (int i = 0; i < 60; i++) {
      s.append("instance w").append(i).append(" in nosuch\n");
    }
    s.append("check\naz 1b subnet private b\ncheck\naz 1c subnet private c\ncheck\n");
    PipelineCheck.Outcome o = PipelineCheck.run(s.toString(), "text");
    assertEquals(2, o.status());
    assertTrue(o.err().endsWith("... and 10 more errors\n60 errors\n"), o.err());
  }

  /** A file of garbage: the parser stops reading after READ_LIMIT errors and says where. */
  @Test
  void parserStopsReadingAfterTheReadLimit() {
    String text = "endpont ssm in 1a\n".repeat(Diagnostics.READ_LIMIT + 500);
    PipelineCheck.Outcome o = PipelineCheck.run(text, "text");
    assertEquals(2, o.status());
    assertTrue(o.err().endsWith("... and 950 more errors (vpclab stopped reading <stdin> at line "
        + "1001 after 1000 syntax errors)\n1000 errors\n"), o.err());
  }
}
