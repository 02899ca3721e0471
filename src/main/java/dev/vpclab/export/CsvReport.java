package dev.vpclab.export;

import dev.vpclab.notebook.Cell;
import dev.vpclab.notebook.Json;
import dev.vpclab.notebook.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code --format csv}: what the text output says, as CSV (RFC 4180) a spreadsheet loads. One
 * section per cell, then an empty line: a title row ({@code In [1]: check single}), the cell's
 * result line, then its tables (a header row, the rows) and its other lines, in the order the
 * text has them. A line {@code label: value} is a row of two cells ({@code note}, {@code
 * down with their AZ}); the totals of {@code cost} are rows {@code fixed,43.80}, {@code
 * total,45.30,USD}; a {@code fail}'s fix is {@code fix,STATEMENT,AMOUNT,USD a month}; a sweep's
 * break-evens are a table of their own. The Unicode bars of chart cells are left out (their
 * tables carry the figures).
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

  private static void cell(CSVPrinter csv, Cell cell) throws IOException {
    boolean titled = cell.output().tables().size() > 1;
    boolean first = true;
    boolean breakEvens = false;
    for (ReportParts.Part p : ReportParts.split(cell.output())) {
      if (p instanceof ReportParts.TablePart tp) {
        Table t = tp.table();
        if (titled && t.title() != null) {
          csv.printRecord(t.title());
        }
        csv.printRecord(t.header());
        for (List<String> row : t.rows()) {
          csv.printRecord(row);
        }
        continue;
      }
      for (String line : ((ReportParts.Text) p).text().split("\n")) {
        if (first) {
          csv.printRecord(line.strip());
          first = false;
        } else if (line.startsWith("break-even: ") && hasBreakEvens(cell)) {
          if (!breakEvens) {
            breakEvens(csv, cell);
            breakEvens = true;
          }
        } else if (!isBar(line)) {
          csv.printRecord(row(line.strip(), cell));
        }
      }
    }
  }

  private static final Pattern TOTAL =
      Pattern.compile("(fixed|variable|total) +(-?[0-9][0-9.]*)(?: +([A-Z]{3}))?");
  private static final Pattern LABELLED = Pattern.compile("([a-z][a-zA-Z -]*): +(.*)");

  /** One line of text as a row: {@code total,45.30,USD}, {@code note,...}, or the line whole. */
  static List<String> row(String line, Cell cell) {
    Matcher total = TOTAL.matcher(line);
    if (total.matches()) {
      List<String> r = new ArrayList<>(List.of(total.group(1), total.group(2)));
      if (total.group(3) != null) {
        r.add(total.group(3));
      }
      return r;
    }
    Matcher labelled = LABELLED.matcher(line);
    if (!labelled.matches()) {
      return List.of(line);
    }
    if (labelled.group(1).equals("fix") && cell.output().data().get("fix") instanceof Json.Str fix
        && cell.output().data().get("fixMonthly") instanceof Json.Str monthly) {
      return List.of("fix", fix.value(), monthly.value(), "USD a month");
    }
    return List.of(labelled.group(1), labelled.group(2));
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

  /** A Unicode bar or sparkline of a chart cell (block elements U+2580 to U+259F). */
  static boolean isBar(String line) {
    return line.chars().anyMatch(c -> c >= 0x2580 && c <= 0x259f);
  }
}
