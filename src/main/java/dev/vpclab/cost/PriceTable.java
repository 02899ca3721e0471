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

  /**
   * The version a comment line of a price table names ({@code # ... version 2026.11.25-1, ...}:
   * the word after "version" and a ':' or blanks, without one trailing ',', ';' or '.'), or ""
   * when it names none. By hand, not a regular expression: the built-in table is read at start-up.
   */
  static String versionIn(String line) {
    String word = "version";
    for (int at = 0; at + word.length() < line.length(); at++) {
      if (!line.regionMatches(true, at, word, 0, word.length())) {
        continue;
      }
      int from = at + word.length();
      while (from < line.length()
          && (line.charAt(from) == ':' || blank(line.charAt(from)))) {
        from++;
      }
      if (from == at + word.length() || from == line.length()) {
        continue;
      }
      int to = from;
      while (to < line.length() && !blank(line.charAt(to))) {
        to++;
      }
      String version = line.substring(from, to);
      return ",;.".indexOf(version.charAt(version.length() - 1)) >= 0
          ? version.substring(0, version.length() - 1) : version;
    }
    return "";
  }

  /** A regular expression's \\s. */
  private static boolean blank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
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
