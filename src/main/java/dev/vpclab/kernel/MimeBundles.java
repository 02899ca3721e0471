package dev.vpclab.kernel;

import dev.vpclab.export.HtmlReport;
import dev.vpclab.export.JsonReport;
import dev.vpclab.notebook.Cell;
import dev.vpclab.notebook.Json;
import dev.vpclab.notebook.Output;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A cell's output as a Jupyter MIME bundle: {@code text/plain} always (the text the REPL shows),
 * {@code text/html} when it has tables or a chart (its blocks as the HTML report renders them,
 * then its chart), its chart as {@code image/png} (base64) or {@code image/svg+xml}, and
 * {@code application/json} its JSON as {@code vpclab run --format json} gives it. Notebooks show
 * the richest type they can, HTML before images, so the HTML shows the chart too: as an image
 * with its bytes inline, which keeps an SVG's ids to itself.
 */
final class MimeBundles {
  private MimeBundles() {}

  /** The bundle of query k (from 1) of a cell whose source is named file. */
  static Json.Obj of(Cell cell, int k, String file, String text) {
    Output o = cell.output();
    Json.Obj data = Json.obj().put("text/plain", text);
    if (!o.tables().isEmpty() || !o.artifacts().isEmpty()) {
      data.put("text/html", html(o));
    }
    for (Output.Artifact a : o.artifacts()) {
      if (data.fields().containsKey(a.mimeType())) {
        continue; // one image of each type: the first
      }
      data.put(a.mimeType(), a.mimeType().equals("image/svg+xml")
          ? new String(a.bytes(), StandardCharsets.UTF_8)
          : Base64.getEncoder().encodeToString(a.bytes()));
    }
    data.put("application/json", JsonReport.cell(k, file, cell));
    return data;
  }

  private static String html(Output o) {
    StringBuilder sb = new StringBuilder(HtmlReport.output(o));
    for (Output.Artifact a : o.artifacts()) {
      sb.append("<figure>").append(HtmlReport.img(a, o.kind() + " chart")).append("</figure>\n");
    }
    return sb.toString();
  }
}
