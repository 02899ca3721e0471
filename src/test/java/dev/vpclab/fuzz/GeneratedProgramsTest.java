package dev.vpclab.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vpclab.lang.SourceFile;
import dev.vpclab.notebook.Notebook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Random valid programs from {@link ProgramGen} never crash and are never reported invalid. A few
 * hundred in the long test set ({@code mvn -Pfuzz verify}); {@link GenFuzz} runs millions by hand
 * (docs/performance.md).
 */
@Tag("fuzz")
class GeneratedProgramsTest {
  @Test
  void nicePrograms_passEveryExpectation() {
    for (long seed = 0; seed < 150; seed++) {
      String program = ProgramGen.generate(seed, true, 30);
      PipelineCheck.Outcome o = PipelineCheck.run(program, seed % 2 == 0 ? "text" : "json");
      assertEquals(0, o.status(), () -> o.err() + "\nfor:\n" + program);
      assertFalse(o.err().contains("error"), () -> o.err() + "\nfor:\n" + program);
    }
  }

  @Test
  void randomPrograms_areValid() {
    for (long seed = 0; seed < 250; seed++) {
      String program = ProgramGen.generate(seed, false, 10 + (int) (seed % 40));
      PipelineCheck.Outcome o = PipelineCheck.run(program, seed % 3 == 0 ? "csv" : "json");
      assertTrue(o.status() == 0 || o.status() == 1, () -> o.status() + " " + o.err()
          + "\nfor:\n" + program);
      assertFalse(o.internalError(), o::err);
    }
  }

  @Test
  void notebookTakesProgramsCellByCell() {
    for (long seed = 0; seed < 50; seed++) {
      String program = ProgramGen.generate(seed, false, 20);
      Notebook nb = new Notebook(path -> {
        throw new java.io.IOException("no files");
      });
      Notebook.Result whole = nb.eval(new SourceFile("cell", program));
      assertFalse(whole.hasErrors(), () -> whole.diagnostics().all() + "\nfor:\n" + program);
      nb.layouts();
    }
  }
}
