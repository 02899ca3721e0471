package dev.vpclab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vpclab.fuzz.PipelineCheck;
import org.junit.jupiter.api.Test;

/**
 * Inputs at and past vpclab's limits get the right answer or a located error, never a crash, a
 * wrong figure or minutes of work (docs/language.md, "Limits"). No test here measures time: each
 * input is one that took minutes, or gigabytes, before its fix.
 */
class LimitsTest {
  /** 3,000 instance lines of count 1,000,000: the counts' sum overflowed an int. */
  @Test
  void trafficFromStarIsSharedOverManyCountedInstances() {
    StringBuilder s = new StringBuilder("az 1a subnet public pub\nnat in 1a\n"
        + "az 1a subnet private app\n");
    for (int i = 0; i < 3000; i++) {
      s.append("instance w").append(i).append(" in app count 1000000\n");
    }
    s.append("traffic * -> internet 3000 GB\ncost\n");
    PipelineCheck.Outcome o = PipelineCheck.run(s.toString(), "json");
    assertEquals(0, o.status(), o.err());
    assertFalse(o.out().contains("not priced"), "traffic was dropped:\n" + o.out());
    // NAT data processing of all 3000 GB: the shares add up to the line's volume
    assertTrue(o.out().contains("\"NAT data processing\""), o.out());
    assertTrue(o.out().matches("(?s).*\"quantity\": ?3000(\\.0+)?,.*"), o.out());
  }

  /** Unknown names among many known ones: each error's hint searched every name (minutes). */
  @Test
  void manyUnknownNamesAmongManyNames() {
    StringBuilder s = new StringBuilder("az 1a subnet private app\n");
    for (int i = 0; i < 20_000; i++) {
      s.append("instance w").append(i).append(" in app\n");
    }
    for (int i = 0; i < 20_000; i++) {
      s.append("traffic x").append(i).append(" -> ssm 1 GB\n");
    }
    PipelineCheck.Outcome o = PipelineCheck.run(s.toString(), "text");
    assertEquals(2, o.status());
    assertTrue(o.err().startsWith("<stdin>:20002:9: error: unknown instance x0"), o.err());
    assertTrue(o.err().contains("... and 19950 more"), o.err());
  }

  /** A chain of 20,000 layouts each extending the last: quadratic work (minutes, gigabytes). */
  @Test
  void longExtendsChainStopsAtTheStatementBudget() {
    StringBuilder s = new StringBuilder("layout l0 { az 1a subnet private app }\n");
    for (int i = 1; i < 20_000; i++) {
      s.append("layout l").append(i).append(" extends l").append(i - 1).append(" { instance i")
          .append(i).append(" in app }\n");
    }
    s.append("check l19999\n");
    PipelineCheck.Outcome o = PipelineCheck.run(s.toString(), "text");
    assertEquals(2, o.status(), o.err());
    assertTrue(o.err().matches("(?s)<stdin>:\\d+:1: error: the layouts of this input hold more "
        + "than 1000000 statements.*"), o.err());
    assertTrue(o.err().endsWith("1 error\n"), o.err());
  }

  /** Bare statements between queries rebuild the current layout each time: the same budget. */
  @Test
  void statementsBetweenQueriesStopAtTheStatementBudget() {
    StringBuilder s = new StringBuilder("az 1a subnet private app\n");
    for (int i = 0; i < 5_000; i++) {
      s.append("instance w").append(i).append(" in app\ncheck\n");
    }
    PipelineCheck.Outcome o = PipelineCheck.run(s.toString(), "text");
    assertEquals(2, o.status(), o.err());
    assertTrue(o.err().contains("error: the layouts of this input hold more than 1000000"),
        o.err());
  }

  /** Just under the budget: 1,000 layouts extending each other build and evaluate. */
  @Test
  void extendsChainUnderTheBudgetWorks() {
    StringBuilder s = new StringBuilder("layout l0 { az 1a subnet private app }\n");
    for (int i = 1; i < 1000; i++) {
      s.append("layout l").append(i).append(" extends l").append(i - 1).append(" { instance i")
          .append(i).append(" in app }\n");
    }
    s.append("expect cost l999 < 1 USD\n");
    PipelineCheck.Outcome o = PipelineCheck.run(s.toString(), "text");
    assertEquals(0, o.status(), o.err());
  }

  /** Braces are not recursive: 100,000 of them, inside and outside a block, are plain errors. */
  @Test
  void deepBraces() {
    String braces = "{".repeat(100_000);
    PipelineCheck.Outcome o = PipelineCheck.run("layout a {\n  az 1a subnet private " + braces
        + "\n}\n" + braces + "\n" + "}".repeat(100_000) + "\ncheck a\n", "json");
    assertEquals(2, o.status(), o.err());
    assertTrue(o.errorsLocated(), o.err());
    assertFalse(o.internalError(), o.err());
  }

  /**
   * The largest volumes on many lines, over counted instances, and the smallest volumes many times
   * (a BigDecimal scale that could grow): exact sums, priced, no exception.
   */
  @Test
  void hugeAndTinyQuantities() {
    StringBuilder s = new StringBuilder("az 1a subnet public pub\nnat in 1a\n"
        + "az 1a subnet private app\nendpoint ssm in 1a\n");
    for (int i = 0; i < 300; i++) {
      s.append("instance w").append(i).append(" in app count ").append(1_000_000 - i * 7)
          .append('\n');
      s.append("traffic w").append(i).append(" -> internet 1024 PB\n");
      s.append("traffic w").append(i).append(" -> ssm .").append("0".repeat(38)).append("1 MB\n");
    }
    s.append("traffic * -> ssm 1024 PB\ntraffic * -> internet 0.0000000001 MB\n");
    s.append("cost\ncompare main\nexpect cost > 1000000000 USD\n");
    PipelineCheck.Outcome o = PipelineCheck.run(s.toString(), "json");
    assertEquals(0, o.status(), o.err());
    assertFalse(o.out().contains("not priced"), o.out());
    PipelineCheck.Outcome t = PipelineCheck.run(s.toString(), "text");
    assertEquals(0, t.status(), t.err());
  }

  /** More than 1024 PB on one line is a located error; 40 digits is the longest number. */
  @Test
  void volumeAndNumberLimits() {
    PipelineCheck.Outcome o = PipelineCheck.run("az 1a subnet private app\ninstance w in app\n"
        + "traffic w -> ssm 1025 PB\ntraffic w -> s3 " + "9".repeat(41) + "\n", "text");
    assertEquals(2, o.status(), o.err());
    assertTrue(o.err().contains("<stdin>:3:18: error: traffic of more than 1024 PB a month"),
        o.err());
    assertTrue(o.err().contains("<stdin>:4:17: error: number"), o.err());
  }
}
