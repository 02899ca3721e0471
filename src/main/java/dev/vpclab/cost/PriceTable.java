package dev.vpclab.cost;

import java.util.List;

/**
 * What {@link PriceCsv#read} made of a file: its rows, the problems found (with line numbers),
 * and the format it recognised ({@code vpclab} or {@code aws}).
 */
public record PriceTable(String name, String format, String version, List<PriceRow> rows,
    List<Problem> problems) {
  public PriceTable {
    rows = List.copyOf(rows);
    problems = List.copyOf(problems);
  }

  /** A problem of one line (0 when it concerns the whole file); errors make the table unusable. */
  public record Problem(int line, String message, boolean error) {
    /** {@code prices.csv:7: message}. */
    public String render(String name) {
      return name + (line > 0 ? ":" + line : "") + ": " + (error ? "error: " : "warning: ") + message;
    }
  }

  /** True when there is no error and at least one row. */
  public boolean ok() {
    return !rows.isEmpty() && problems.stream().noneMatch(Problem::error);
  }

  public List<Problem> errors() {
    return problems.stream().filter(Problem::error).toList();
  }

  public List<Problem> warnings() {
    return problems.stream().filter(p -> !p.error()).toList();
  }

  /** Every problem, one per line, prefixed by the file name. */
  public String report() {
    StringBuilder sb = new StringBuilder();
    for (Problem p : problems) {
      sb.append(p.render(name)).append('\n');
    }
    return sb.toString();
  }
}
