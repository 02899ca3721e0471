package dev.vpclab.export;

import dev.vpclab.notebook.Cell;
import dev.vpclab.notebook.Json;
import dev.vpclab.notebook.Output;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * {@code --format ipynb}: the run as a Jupyter notebook (nbformat 4.5). First a Markdown cell
 * {@code summary} (how many expectations passed and failed, each failure), then per file a
 * Markdown cell (its name and source), then a code cell per query with {@code execution_count} and one {@code
 * execute_result} output: {@code text/plain} (the cell's text, Unicode bars included) and, for a
 * chart, {@code image/png} (base64) or {@code image/svg+xml}. Cell ids are deterministic ({@code
 * f1-source}, {@code f1-cell-3}); metadata names the vpclab language.
 */
public final class IpynbReport {
  private IpynbReport() {}

  public static Json.Obj document(List<FileRun> runs) {
    List<Json> cells = new ArrayList<>();
    cells.add(Json.obj()
        .put("cell_type", "markdown")
        .put("id", "summary")
        .put("metadata", Json.obj())
        .put("source", lines(MarkdownReport.summary(RunSummary.of(runs)).stripTrailing())));
    int fileNo = 0;
    int count = 0;
    for (FileRun run : runs) {
      fileNo++;
      StringBuilder md = new StringBuilder("## ").append(run.name()).append("\n\n");
      List<Cell> fileCells = run.result().cells();
      if (!fileCells.isEmpty()) {
        md.append("```vpc\n").append(fileCells.get(0).source().text().stripTrailing())
            .append("\n```");
      } else if (run.result().hasErrors()) {
        md.append("The file has errors; nothing was evaluated.");
      }
      cells.add(Json.obj()
          .put("cell_type", "markdown")
          .put("id", "f" + fileNo + "-source")
          .put("metadata", Json.obj())
          .put("source", lines(md.toString())));
      int n = 0;
      for (Cell cell : fileCells) {
        n++;
        count++;
        Json.Obj data = Json.obj().put("text/plain", lines(cell.output().text()));
        for (Output.Artifact a : cell.output().artifacts()) {
          if (a.mimeType().equals("image/svg+xml")) {
            data.put("image/svg+xml", lines(new String(a.bytes(), StandardCharsets.UTF_8)));
          } else {
            data.put(a.mimeType(), Base64.getEncoder().encodeToString(a.bytes()));
          }
        }
        Json.Obj result = Json.obj()
            .put("output_type", "execute_result")
            .put("execution_count", count)
            .put("data", data)
            .put("metadata", Json.obj());
        cells.add(Json.obj()
            .put("cell_type", "code")
            .put("execution_count", count)
            .put("id", "f" + fileNo + "-cell-" + n)
            .put("metadata", Json.obj().put("vpclab", Json.obj()
                .put("file", run.name())
                .put("line", cell.line())
                .put("kind", cell.output().kind())
                .put("expectationFailed", cell.output().failed())))
            .put("outputs", Json.arr(List.of(result)))
            .put("source", lines(TextReport.oneLine(cell.text()))));
      }
    }
    Json.Obj metadata = Json.obj()
        .put("kernelspec", Json.obj()
            .put("display_name", "vpclab")
            .put("language", "vpclab")
            .put("name", "vpclab"))
        .put("language_info", Json.obj()
            .put("name", "vpclab")
            .put("file_extension", ".vpc")
            .put("mimetype", "text/x-vpclab"))
        .put("title", ReportParts.title(runs));
    return Json.obj()
        .put("cells", Json.arr(cells))
        .put("metadata", metadata)
        .put("nbformat", 4)
        .put("nbformat_minor", 5);
  }

  public static String render(List<FileRun> runs) {
    return Json.pretty(document(runs)) + "\n";
  }

  /** Text as nbformat's list of lines, each but the last ending in a newline. */
  static Json lines(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        out.add(text.substring(start, i + 1));
        start = i + 1;
      }
    }
    if (start < text.length()) {
      out.add(text.substring(start));
    }
    return Json.strings(out);
  }
}
