package dev.vpclab.export;

import dev.vpclab.notebook.Block;
import dev.vpclab.notebook.Output;
import dev.vpclab.notebook.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * A cell's output as a document shows it, read from its blocks: runs of plain text (the terminal
 * rendering of the blocks between two tables) and the tables with rows.
 */
final class ReportParts {
  private ReportParts() {}

  sealed interface Part permits Text, TablePart {}

  record Text(String text) implements Part {}

  record TablePart(Table table) implements Part {}

  static List<Part> of(Output output) {
    List<Part> parts = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    for (Block b : output.blocks()) {
      if (b instanceof Block.TableBlock t && !t.table().rows().isEmpty()) {
        text(parts, run.toString());
        run.setLength(0);
        parts.add(new TablePart(t.table()));
      } else {
        run.append(b.text());
      }
    }
    text(parts, run.toString());
    return parts;
  }

  private static void text(List<Part> parts, String text) {
    String t = text.strip();
    if (!t.isEmpty()) {
      parts.add(new Text(t));
    }
  }

  /** "scenarios/seed.vpc" for one file, else the names joined. */
  static String title(List<FileRun> runs) {
    List<String> names = runs.stream().map(FileRun::name).toList();
    return "vpclab design review: " + (names.isEmpty() ? "(nothing run)" : String.join(", ", names));
  }
}
