package dev.vpclab.export;

import dev.vpclab.notebook.Cell;
import java.util.List;

/**
 * The terminal rendering of a run: every query as a numbered cell, {@code In [n]:} with the query
 * as written and {@code Out[n]:} with its output. Diagnostics are not part of it (the command line
 * prints them to standard error).
 */
public final class TextReport {
  private TextReport() {}

  public static String render(List<FileRun> runs) {
    StringBuilder sb = new StringBuilder();
    boolean many = runs.size() > 1;
    for (FileRun run : runs) {
      if (many) {
        sb.append("# ").append(run.name()).append("\n\n");
      }
      int n = 0;
      for (Cell cell : run.result().cells()) {
        n++;
        appendCell(sb, n, cell);
      }
    }
    return sb.toString();
  }

  /** One cell: In [n]: source, Out[n]: output, then a blank line. */
  public static void appendCell(StringBuilder sb, int n, Cell cell) {
    sb.append("In [").append(n).append("]: ").append(oneLine(cell.text())).append('\n');
    String text = cell.output().text();
    sb.append("Out[").append(n).append("]: ");
    sb.append(text.endsWith("\n") ? text : text + "\n");
    sb.append('\n');
  }

  /** A query spread over lines (after a trailing comma) shown on one. */
  public static String oneLine(String text) {
    if (text.indexOf('\n') < 0) {
      return text.strip(); // the usual case: no regular expression to compile
    }
    return CONTINUED.matcher(text).replaceAll(", ").strip();
  }

  private static final java.util.regex.Pattern CONTINUED =
      java.util.regex.Pattern.compile(",\\s*(#[^\\n]*)?\\n\\s*");
}
