package dev.vpclab.export;

import dev.vpclab.notebook.Cell;
import dev.vpclab.notebook.Output;
import dev.vpclab.notebook.Table;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * {@code --format html}: the run as one self-contained design-review page (a small embedded
 * stylesheet, no scripts, no external resources). Every cell: its query, its output (text as
 * preformatted blocks, tables as tables) and its chart inline (SVG inline, its ids prefixed per
 * cell so that several charts never share one; PNG as a base64 data URI).
 */
public final class HtmlReport {
  private HtmlReport() {}

  static final String STYLE = """
      body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:1100px;
      padding:0 1em;color:#1d1d1f;background:#fff}
      h1{font-size:1.5em;border-bottom:2px solid #0072b2;padding-bottom:.3em}
      h2{font-size:1.2em;margin-top:2em;color:#0072b2}
      section.cell{border:1px solid #ddd;border-radius:6px;margin:1.2em 0;padding:.6em 1em}
      section.failed{border-color:#c00000;background:#fff6f6}
      .in{font-family:ui-monospace,Menlo,Consolas,monospace;font-weight:600;color:#333}
      .in .n{color:#0072b2}
      pre{font-family:ui-monospace,Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:13px;
      background:#f6f8fa;padding:.6em;border-radius:4px;overflow-x:auto;margin:.5em 0}
      table{border-collapse:collapse;font-size:13px;margin:.5em 0}
      th,td{border:1px solid #ddd;padding:2px 8px;text-align:left}
      th{background:#f0f4f8}
      td.num{text-align:right;font-variant-numeric:tabular-nums}
      figure{margin:.5em 0}
      figure svg,figure img{max-width:100%;height:auto;border:1px solid #eee}
      .badge{color:#ffffff;background:#c00000;border-radius:3px;padding:1px 6px;font-size:12px;
      font-weight:700;letter-spacing:.04em}
      section.summary{border:2px solid #1a7f37;border-radius:6px;padding:.4em 1em;background:#f3fbf5}
      section.summary.failed{border-color:#c00000;background:#fff6f6}
      section.summary.none{border-color:#ddd;background:#fff}
      section.summary p{margin:.3em 0}
      section.summary ul{margin:.3em 0;padding-left:1.2em}
      details summary{cursor:pointer;color:#555}
      """;

  public static String render(List<FileRun> runs) {
    StringBuilder sb = new StringBuilder();
    String title = ReportParts.title(runs);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"generator\" content=\"vpclab\">\n<title>").append(esc(title))
        .append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<h1>")
        .append(esc(title)).append("</h1>\n");
    summary(sb, RunSummary.of(runs));
    int fileNo = 0;
    for (FileRun run : runs) {
      fileNo++;
      sb.append("<h2>").append(esc(run.name())).append("</h2>\n");
      List<Cell> cells = run.result().cells();
      if (!cells.isEmpty()) {
        sb.append("<details><summary>source</summary>\n<pre>")
            .append(esc(cells.get(0).source().text().stripTrailing())).append("</pre>\n</details>\n");
      } else if (run.result().hasErrors()) {
        sb.append("<p>The file has errors; nothing was evaluated.</p>\n");
      }
      int n = 0;
      for (Cell cell : cells) {
        n++;
        boolean failed = cell.output().failed();
        sb.append("<section class=\"cell").append(failed ? " failed" : "").append("\" id=\"f")
            .append(fileNo).append("-cell-").append(n).append("\">\n<div class=\"in\"><span class=\"n\">In [")
            .append(n).append("]:</span> ").append(esc(TextReport.oneLine(cell.text())))
            .append(failed ? " <span class=\"badge\">FAILED</span>" : "").append("</div>\n");
        parts(sb, cell.output());
        int k = 0;
        for (Output.Artifact a : cell.output().artifacts()) {
          k++;
          sb.append("<figure>");
          if (a.mimeType().equals("image/svg+xml")) {
            sb.append(inlineSvg(new String(a.bytes(), StandardCharsets.UTF_8),
                "f" + fileNo + "c" + n + "i" + k + "-"));
          } else {
            sb.append(img(a, cell.output().kind() + " chart"));
          }
          sb.append("</figure>\n");
        }
        sb.append("</section>\n");
      }
    }
    sb.append("</body>\n</html>\n");
    return sb.toString();
  }

  /**
   * A cell's output as HTML without its charts: its text as preformatted blocks, its tables as
   * tables (what a notebook kernel shows as text/html).
   */
  public static String output(Output output) {
    StringBuilder sb = new StringBuilder();
    parts(sb, output);
    return sb.toString();
  }

  /** A chart as an image element, its bytes inline (a {@code data:} URL). */
  public static String img(Output.Artifact chart, String alt) {
    return "<img alt=\"" + esc(alt) + "\" src=\"data:" + chart.mimeType() + ";base64,"
        + Base64.getEncoder().encodeToString(chart.bytes()) + "\">";
  }

  private static void parts(StringBuilder sb, Output output) {
    for (ReportParts.Part p : ReportParts.of(output)) {
      if (p instanceof ReportParts.Text t) {
        sb.append("<pre>").append(esc(t.text())).append("</pre>\n");
      } else if (p instanceof ReportParts.TablePart tp) {
        table(sb, tp.table());
      }
    }
  }

  /** The page's opening: the count of expectations, each failure linked to its cell, errors. */
  private static void summary(StringBuilder sb, RunSummary s) {
    sb.append("<section class=\"summary ")
        .append(!s.allGood() ? "failed" : s.expectations() == 0 ? "none" : "passed")
        .append("\" id=\"summary\">\n<p><strong>").append(esc(s.line())).append("</strong></p>\n");
    if (!s.failures().isEmpty()) {
      sb.append("<ul>\n");
      for (RunSummary.Failure f : s.failures()) {
        sb.append("<li><span class=\"badge\">FAILED</span> <a href=\"#f").append(f.fileNo())
            .append("-cell-").append(f.cell()).append("\">").append(esc(f.file())).append(" In [")
            .append(f.cell()).append("]</a>: ").append(esc(f.result())).append("</li>\n");
      }
      sb.append("</ul>\n");
    }
    sb.append("</section>\n");
  }

  /** An SVG document as an element of the page: no prolog or doctype, ids made unique. */
  static String inlineSvg(String svg, String prefix) {
    int start = svg.indexOf("<svg");
    String body = start < 0 ? svg : svg.substring(start);
    body = body.replaceAll("\\bid=\"([^\"]+)\"", "id=\"" + prefix + "$1\"")
        .replaceAll("url\\(#([^)]+)\\)", "url(#" + prefix + "$1)")
        .replaceAll("href=\"#([^\"]+)\"", "href=\"#" + prefix + "$1\"");
    return body.strip();
  }

  private static void table(StringBuilder sb, Table t) {
    sb.append("<table>\n<thead><tr>");
    for (String h : t.header()) {
      sb.append("<th>").append(esc(h)).append("</th>");
    }
    sb.append("</tr></thead>\n<tbody>\n");
    for (List<String> r : t.rows()) {
      sb.append("<tr>");
      for (int i = 0; i < t.header().size(); i++) {
        String c = i < r.size() && r.get(i) != null ? r.get(i) : "";
        sb.append(t.rightAligned().contains(t.header().get(i)) ? "<td class=\"num\">" : "<td>")
            .append(esc(c)).append("</td>");
      }
      sb.append("</tr>\n");
    }
    sb.append("</tbody>\n</table>\n");
  }

  static String esc(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
