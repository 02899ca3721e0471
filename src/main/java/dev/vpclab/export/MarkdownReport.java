package dev.vpclab.export;

import dev.vpclab.notebook.Cell;
import dev.vpclab.notebook.Output;
import dev.vpclab.notebook.Table;
import java.util.List;
import java.util.function.Function;

/**
 * {@code --format markdown}: the run as a design-review document. Each file's source in a
 * collapsible block, then every cell: its query, its output (text in code blocks, tables as
 * Markdown tables) and its chart as an image beside the document ({@code link} gives the image's
 * path as the document refers to it).
 */
public final class MarkdownReport {
  private MarkdownReport() {}

  /** Charts linked by their path as the cells name them. */
  public static String render(List<FileRun> runs) {
    return render(runs, Output.Artifact::path);
  }

  public static String render(List<FileRun> runs, Function<Output.Artifact, String> link) {
    StringBuilder sb = new StringBuilder();
    sb.append("# ").append(ReportParts.title(runs)).append("\n\n")
        .append(summary(RunSummary.of(runs)));
    for (FileRun run : runs) {
      sb.append("\n## ").append(run.name()).append("\n\n");
      List<Cell> cells = run.result().cells();
      if (!cells.isEmpty()) {
        sb.append("<details><summary>source</summary>\n\n");
        fence(sb, "vpc", cells.get(0).source().text());
        sb.append("\n</details>\n");
      } else if (run.result().hasErrors()) {
        sb.append("The file has errors; nothing was evaluated (see `vpclab run ").append(run.name())
            .append("`).\n");
      }
      int n = 0;
      for (Cell cell : cells) {
        n++;
        sb.append("\n### In [").append(n).append("]: `").append(TextReport.oneLine(cell.text())
            .replace("`", "'")).append("`\n\n");
        if (cell.output().failed()) {
          sb.append("**FAILED**\n\n");
        }
        for (ReportParts.Part p : ReportParts.of(cell.output())) {
          if (p instanceof ReportParts.Text t) {
            fence(sb, "text", t.text());
          } else if (p instanceof ReportParts.TablePart tp) {
            table(sb, tp.table());
          }
          sb.append('\n');
        }
        for (Output.Artifact a : cell.output().artifacts()) {
          if (a.path() != null) {
            sb.append("![").append(TextReport.oneLine(cell.text()).replace("]", ")")
                .replace("[", "(")).append("](").append(link.apply(a).replace(" ", "%20")).append(")\n");
          }
        }
      }
    }
    return sb.toString();
  }

  /**
   * The document's opening, in Markdown: the count of expectations in bold, then a line per
   * failed expectation (the notebook's first cell has the same).
   */
  static String summary(RunSummary s) {
    StringBuilder sb = new StringBuilder("**").append(s.line()).append("**\n");
    if (!s.failures().isEmpty()) {
      sb.append('\n');
      for (RunSummary.Failure f : s.failures()) {
        sb.append("- FAILED: ").append(f.file()).append(" In [").append(f.cell()).append("]: `")
            .append(f.query().replace("`", "'")).append("`: ").append(f.result()).append('\n');
      }
    }
    return sb.toString();
  }

  private static void fence(StringBuilder sb, String lang, String text) {
    String fence = text.contains("```") ? "~~~~" : "```";
    sb.append(fence).append(lang).append('\n').append(text.stripTrailing()).append('\n')
        .append(fence).append('\n');
  }

  static void table(StringBuilder sb, Table t) {
    row(sb, t.header());
    sb.append('|');
    for (String h : t.header()) {
      sb.append(t.rightAligned().contains(h) ? " ---: |" : " --- |");
    }
    sb.append('\n');
    for (List<String> r : t.rows()) {
      row(sb, r);
    }
  }

  private static void row(StringBuilder sb, List<String> cells) {
    sb.append('|');
    for (String c : cells) {
      sb.append(' ').append(c == null ? "" : c.replace("|", "\\|").replace("\n", " ")).append(" |");
    }
    sb.append('\n');
  }
}
