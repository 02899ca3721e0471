package dev.vpclab.export;

import dev.vpclab.notebook.Cell;
import java.util.ArrayList;
import java.util.List;

/**
 * What a design-review document opens with: how many expectations passed and failed, which
 * failed (file, cell number, query, result line), and the files whose errors kept them from
 * being evaluated.
 */
record RunSummary(int expectations, int failed, int errors, List<String> filesWithErrors,
    List<Failure> failures) {

  /** A failed expectation: the file's place in the run (from 1), its name and the cell. */
  record Failure(int fileNo, String file, int cell, String query, String result) {}

  static RunSummary of(List<FileRun> runs) {
    int expectations = 0;
    int errors = 0;
    List<String> errorFiles = new ArrayList<>();
    List<Failure> failures = new ArrayList<>();
    int fileNo = 0;
    for (FileRun run : runs) {
      fileNo++;
      int errorsHere = run.result().diagnostics().errorCount();
      if (errorsHere > 0) {
        errors += errorsHere;
        errorFiles.add(run.name());
      }
      int n = 0;
      for (Cell cell : run.result().cells()) {
        n++;
        if (cell.output().kind().equals("expect")) {
          expectations++;
          if (cell.output().failed()) {
            failures.add(new Failure(fileNo, run.name(), n, TextReport.oneLine(cell.text()),
                cell.output().headline()));
          }
        }
      }
    }
    return new RunSummary(expectations, failures.size(), errors, List.copyOf(errorFiles),
        List.copyOf(failures));
  }

  boolean allGood() {
    return failed == 0 && errors == 0;
  }

  /** "9 expectations: 8 passed, 1 failed; 1 error in bad.vpc (not evaluated)". */
  String line() {
    StringBuilder sb = new StringBuilder()
        .append(expectations).append(expectations == 1 ? " expectation: " : " expectations: ")
        .append(expectations - failed).append(" passed, ").append(failed).append(" failed");
    if (errors > 0) {
      sb.append("; ").append(errors).append(errors == 1 ? " error in " : " errors in ")
          .append(String.join(", ", filesWithErrors)).append(" (not evaluated)");
    }
    return sb.toString();
  }
}
