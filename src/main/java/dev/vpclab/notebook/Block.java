package dev.vpclab.notebook;

import java.util.List;

/**
 * One piece of a cell's output, in the order the cell shows them. Each front end renders the
 * blocks its own way ({@link #text()} is the terminal's); none reads another's rendering back.
 */
public sealed interface Block permits Block.Text, Block.TableBlock, Block.Chart, Block.Notes,
    Block.Totals {

  /** The block as the terminal shows it: whole lines, each ending in a newline (or nothing). */
  String text();

  /** A headline or prose: one or more lines. */
  record Text(String text) implements Block {}

  /** A table; one without rows shows nothing. */
  record TableBlock(Table table) implements Block {
    @Override
    public String text() {
      return table.rows().isEmpty() ? "" : table.render();
    }
  }

  /**
   * A chart: its compact Unicode bars or sparklines ({@code bars}, with the table of their
   * figures when no table block shows them), or its drawing ({@code image}).
   */
  record Chart(String bars, Table figures, Output.Artifact image) implements Block {
    public static Chart bars(String bars, Table figures) {
      return new Chart(bars, figures, null);
    }

    public static Chart image(Output.Artifact image) {
      return new Chart("", null, image);
    }

    @Override
    public String text() {
      return bars;
    }
  }

  /** Lines {@code label: line} ({@code note}, {@code fix}, {@code break-even}), indented. */
  record Notes(String indent, String label, List<String> lines) implements Block {
    public Notes {
      lines = List.copyOf(lines);
    }

    public Notes(String label, List<String> lines) {
      this("", label, lines);
    }

    @Override
    public String text() {
      StringBuilder sb = new StringBuilder();
      for (String line : lines) {
        sb.append(indent).append(label).append(": ").append(line).append('\n');
      }
      return sb.toString();
    }
  }

  /** A bill's subtotals, amounts aligned: {@code fixed}, {@code variable}, {@code total USD}. */
  record Totals(String fixed, String variable, String total, boolean complete) implements Block {
    private static final List<String> LABELS = List.of("fixed", "variable", "total");

    @Override
    public String text() {
      List<String> amounts = List.of(fixed, variable, total);
      int width = amounts.stream().mapToInt(String::length).max().orElse(0);
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < LABELS.size(); i++) {
        String a = amounts.get(i);
        sb.append(LABELS.get(i)).append(" ".repeat(10 - LABELS.get(i).length()))
            .append(" ".repeat(width - a.length())).append(a)
            .append(i < 2 ? "" : complete ? " USD" : " USD, incomplete").append('\n');
      }
      return sb.toString();
    }
  }
}
