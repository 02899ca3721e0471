package dev.vpclab.export;

import dev.vpclab.notebook.Output;
import dev.vpclab.notebook.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * A cell's output cut into what a document shows: runs of plain text and the tables, in the order
 * the text has them (a table's rendering inside the text becomes the table itself).
 */
final class ReportParts {
  private ReportParts() {}

  sealed interface Part permits Text, TablePart {}

  record Text(String text) implements Part {}

  record TablePart(Table table) implements Part {}

  static List<Part> split(Output output) {
    List<Part> parts = new ArrayList<>();
    String rest = output.text();
    for (Table t : output.tables()) {
      String rendered = t.render();
      int at = rest.indexOf(rendered);
      if (at < 0 || t.rows().isEmpty()) {
        continue;
      }
      text(parts, rest.substring(0, at));
      parts.add(new TablePart(t));
      rest = rest.substring(at + rendered.length());
    }
    text(parts, rest);
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
