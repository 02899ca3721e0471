package dev.vpclab.notebook;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of an output cell: a header and rows of already formatted text. Columns whose header is
 * listed in {@code rightAligned} (numbers, money) are right-aligned in the terminal. The same table
 * feeds the text, CSV, Markdown and HTML renderings.
 */
public record Table(String title, List<String> header, List<List<String>> rows, List<String> rightAligned) {
  public Table {
    header = List.copyOf(header);
    rows = rows.stream().map(List::copyOf).toList();
    rightAligned = List.copyOf(rightAligned);
  }

  public static Builder builder(String... header) {
    return new Builder(List.of(header));
  }

  /** Aligned plain text: columns separated by two spaces, no trailing blanks. */
  public String render() {
    int n = header.size();
    int[] width = new int[n];
    for (int c = 0; c < n; c++) {
      width[c] = header.get(c).length();
      for (List<String> row : rows) {
        width[c] = Math.max(width[c], c < row.size() ? row.get(c).length() : 0);
      }
    }
    StringBuilder sb = new StringBuilder();
    line(sb, header, width);
    for (List<String> row : rows) {
      line(sb, row, width);
    }
    return sb.toString();
  }

  private void line(StringBuilder sb, List<String> cells, int[] width) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < width.length; c++) {
      String cell = c < cells.size() && cells.get(c) != null ? cells.get(c) : "";
      boolean right = rightAligned.contains(header.get(c));
      int pad = width[c] - cell.length();
      if (c > 0) {
        line.append("  ");
      }
      if (right) {
        line.append(" ".repeat(pad)).append(cell);
      } else {
        line.append(cell);
        if (c < width.length - 1) {
          line.append(" ".repeat(pad));
        }
      }
    }
    sb.append(line.toString().stripTrailing()).append('\n');
  }

  public static final class Builder {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();
    private final List<String> right = new ArrayList<>();
    private String title;

    private Builder(List<String> header) {
      this.header = header;
    }

    public Builder title(String title) {
      this.title = title;
      return this;
    }

    /** Right-align these columns (by header text). */
    public Builder right(String... columns) {
      right.addAll(List.of(columns));
      return this;
    }

    public Builder row(String... cells) {
      rows.add(List.of(cells));
      return this;
    }

    public Builder row(List<String> cells) {
      rows.add(List.copyOf(cells));
      return this;
    }

    public Table build() {
      return new Table(title, header, rows, right);
    }
  }
}
