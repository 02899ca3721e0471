package dev.vpclab.export;

import dev.vpclab.notebook.Cell;
import dev.vpclab.notebook.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code --format csv}: every table of every cell as CSV (RFC 4180), one section per table: a
 * title row ({@code In [1]: check single}), the header row, the rows, then an empty line. Cells
 * without a table (an expectation) give a title row and their one-line result.
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
          String title = (runs.size() > 1 ? run.name() + " " : "") + "In [" + n + "]: "
              + TextReport.oneLine(cell.text());
          List<Table> tables = cell.output().tables();
          if (tables.isEmpty()) {
            csv.printRecord(title);
            csv.printRecord(cell.output().text().lines().findFirst().orElse(""));
            csv.println();
            continue;
          }
          for (Table t : tables) {
            csv.printRecord(t.title() == null || tables.size() == 1 ? title
                : title + " - " + t.title());
            csv.printRecord(t.header());
            for (List<String> row : t.rows()) {
              csv.printRecord(row);
            }
            csv.println();
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not fail
    }
    return sb.toString();
  }
}
