package dev.vpclab.export;

import dev.vpclab.lang.Diagnostic;
import dev.vpclab.notebook.Cell;
import dev.vpclab.notebook.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * The batch JSON document: {@code {"cells": [...], "warnings": [...]}}, a cell per query in source
 * order (or an error cell per error when a file is invalid), and {@code "omitted"} when there
 * were more messages than are listed. Every field is in docs/json.md.
 */
public final class JsonReport {
  private JsonReport() {}

  public static Json.Obj document(List<FileRun> runs) {
    List<Json> cells = new ArrayList<>();
    List<Json> warnings = new ArrayList<>();
    int omittedErrors = 0;
    int omittedWarnings = 0;
    for (FileRun run : runs) {
      omittedErrors += run.result().diagnostics().omittedErrors();
      omittedWarnings += run.result().diagnostics().omittedWarnings();
      int n = 0;
      for (Cell cell : run.result().cells()) {
        n++;
        cells.add(cell(n, run.name(), cell));
      }
      for (Diagnostic d : run.result().diagnostics().errors()) {
        cells.add(diagnostic(d));
      }
      for (Diagnostic d : run.result().diagnostics().warnings()) {
        warnings.add(diagnostic(d));
      }
    }
    Json.Obj doc = Json.obj().put("cells", Json.arr(cells)).put("warnings", Json.arr(warnings));
    if (omittedErrors + omittedWarnings > 0) {
      // only past the listing limit, so that every other document keeps its two keys
      doc.put("omitted", Json.obj().put("errors", omittedErrors).put("warnings", omittedWarnings));
    }
    return doc;
  }

  public static String render(List<FileRun> runs) {
    return Json.pretty(document(runs)) + "\n";
  }

  /**
   * A query cell: the engine's fields after cell, file, line and source, then {@code
   * expectationFailed}. A chart or sweep cell's own {@code file} is the chart file (LANGUAGE.md);
   * its scenario file is then in {@code input}.
   */
  public static Json.Obj cell(int n, String file, Cell cell) {
    Json.Obj data = cell.output().data();
    boolean chart = data.fields().containsKey("file");
    Json.Obj out = Json.obj()
        .put("kind", data.get("kind"))
        .put("cell", n)
        .put("file", chart ? data.get("file") : Json.str(file));
    if (chart) {
      out.put("input", file);
    }
    out.put("line", cell.line())
        .put("source", TextReport.oneLine(cell.text()));
    data.fields().forEach((k, v) -> {
      if (!k.equals("kind") && !k.equals("file")) {
        out.put(k, v);
      }
    });
    return out.put("expectationFailed", cell.output().failed());
  }

  /** An error cell (kind "error") or a warning entry (kind "warning"). */
  public static Json.Obj diagnostic(Diagnostic d) {
    return Json.obj()
        .put("kind", d.isError() ? "error" : "warning")
        .put("file", d.source().name())
        .put("line", d.line())
        .put("column", d.column())
        .put("message", d.message())
        .put("hint", d.hint());
  }
}
