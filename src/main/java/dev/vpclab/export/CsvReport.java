package dev.vpclab.export;

import dev.vpclab.notebook.Block;
import dev.vpclab.notebook.Cell;
import dev.vpclab.notebook.Json;
import dev.vpclab.notebook.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code --format csv}: what the text output says, as CSV (RFC 4180) a spreadsheet loads. One
 * section per cell, then an empty line: a title row ({@code In [1]: check single}), then the
 * cell's blocks in order: each line of prose (the result line first) a row of one cell, each
 * table a header row and its rows, each line {@code label: value} a row of two cells ({@code
 * note}, {@code down with their AZ}); the totals of {@code cost} are rows {@code fixed,43.80},
 * {@code total,45.30,USD} ({@code total,45.30,USD,incomplete} when some of it is not priced); a
 * {@code fail}'s fix is {@code fix,STATEMENT,AMOUNT,USD a month}; a sweep's break-evens are a
 * table of their own. The Unicode bars of chart cells are left out (their tables carry the
 * figures).
 */
public final class CsvReport {
  private CsvReport() {}

  public static String render(List<FileRun> runs) {
    StringBuilder sb = new StringBuilder();
    try (CSVPrinter csv = new CSVPrinter(sb, CSVFormat.RFC4180)) {
      for (FileRun run : runs) {
        int n = 0;
        for (Cell cell : run.result().cells()) {
          n++;
          csv.printRecord((runs.size() > 1 ? run.name() + " " : "") + "In [" + n + "]: "
              + TextReport.oneLine(cell.text()));
          cell(csv, cell);
          csv.println();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not fail
    }
    return sb.toString();
  }

  /** A cell's rows, block by block. */
  private static void cell(CSVPrinter csv, Cell cell) throws IOException {
    boolean titled = cell.output().tables().size() > 1;
    boolean breakEvens = false;
    for (Block b : cell.output().blocks()) {
      if (b instanceof Block.TableBlock tb) {
        table(csv, tb.table(), titled);
      } else if (b instanceof Block.Text t) {
        for (String line : t.text().split("\n")) {
          if (!line.isBlank()) {
            csv.printRecord(line.strip());
          }
        }
      } else if (b instanceof Block.Notes n && n.label().equals("break-even")
          && hasBreakEvens(cell)) {
        if (!breakEvens) {
          breakEvens(csv, cell);
          breakEvens = true;
        }
      } else if (b instanceof Block.Notes n) {
        for (String line : n.lines()) {
          csv.printRecord(note(n.label(), line, cell));
        }
      } else if (b instanceof Block.Totals t) {
        csv.printRecord("fixed", t.fixed());
        csv.printRecord("variable", t.variable());
        csv.printRecord(t.complete() ? List.of("total", t.total(), "USD")
            : List.of("total", t.total(), "USD", "incomplete"));
      }
      // a chart's bars are left out (its table carries the figures); its drawing is a file
    }
  }

  private static void table(CSVPrinter csv, Table t, boolean titled) throws IOException {
    if (t.rows().isEmpty()) {
      return;
    }
    if (titled && t.title() != null) {
      csv.printRecord(t.title());
    }
    csv.printRecord(t.header());
    for (List<String> row : t.rows()) {
      csv.printRecord(row);
    }
  }

  /** A note as a row: {@code note,TEXT}; a priced fix {@code fix,STATEMENT,AMOUNT,USD a month}. */
  static List<String> note(String label, String line, Cell cell) {
    if (label.equals("fix") && cell.output().data().get("fix") instanceof Json.Str fix
        && cell.output().data().get("fixMonthly") instanceof Json.Str monthly) {
      return List.of("fix", fix.value(), monthly.value(), "USD a month");
    }
    return List.of(label, line);
  }

  private static boolean hasBreakEvens(Cell cell) {
    return cell.output().data().get("breakEven") instanceof Json.Arr a && !a.items().isEmpty();
  }

  /** A sweep's break-evens, from its data: the pair, the volume, the cost there, which wins. */
  private static void breakEvens(CSVPrinter csv, Cell cell) throws IOException {
    csv.printRecord("break-even", "layout", "other layout", "GB a month", "USD a month",
        "cheaper above");
    for (Json j : ((Json.Arr) cell.output().data().get("breakEven")).items()) {
      Json.Obj be = (Json.Obj) j;
      List<Json> pair = ((Json.Arr) be.get("layouts")).items();
      csv.printRecord("break-even", text(pair.get(0)), text(pair.get(1)), text(be.get("gb")),
          text(be.get("total")), text(be.get("cheaperAbove")));
    }
  }

  private static String text(Json j) {
    return j instanceof Json.Str s ? s.value() : "";
  }
}
