package dev.vpclab.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vpclab.cli.Main;
import dev.vpclab.lang.SourceFile;
import dev.vpclab.notebook.Notebook;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * The Jazzer fuzz target over the whole pipeline: any bytes, as a scenario on standard input and as
 * notebook cells, give diagnostics or outputs, never an exception, never an internal error, never
 * a hang. In a normal {@code mvn test} it runs the inputs in
 * src/test/resources/dev/vpclab/fuzz/PipelineFuzzTestInputs/pipeline (the seed corpus, and every
 * crash found) as a regression test. {@code mvn -Pfuzz verify} fuzzes it for
 * {@code fuzz.pipeline.seconds} (docs/performance.md); the {@code maxDuration} below applies only
 * when it is fuzzed without that bound.
 *
 * <p>The {@code @Timeout} is Jazzer's per-input limit when fuzzing (a slower input is reported as
 * a hang); in a normal build it bounds the whole corpus run.
 */
class PipelineFuzzTest {
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  @FuzzTest(maxDuration = "40m")
  void pipeline(byte[] input) {
    String format = input.length % 3 == 0 ? "json" : input.length % 3 == 1 ? "text" : "csv";
    PipelineCheck.Outcome o = PipelineCheck.run(input, format);
    assertFalse(o.internalError(), o.err());
    assertTrue(o.status() >= Main.OK && o.status() <= Main.INVALID, "status " + o.status());
    assertTrue(o.status() != Main.INVALID || o.errorsLocated(), o.err());

    // the same text as two REPL cells, cut in the middle: no exception, the session stays usable
    String text = new String(input, StandardCharsets.UTF_8);
    int cut = text.length() / 2;
    if (cut > 0 && Character.isLowSurrogate(text.charAt(cut))) {
      cut--;
    }
    Notebook nb = new Notebook(path -> {
      throw new java.io.IOException("no files in the fuzz target");
    });
    nb.eval(new SourceFile("cell1", text.substring(0, cut)));
    nb.eval(new SourceFile("cell2", text.substring(cut)));
    nb.layouts();
  }
}
