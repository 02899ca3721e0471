package dev.vpclab.notebook;

import java.util.List;

/**
 * What one query cell produced, as a MIME-like bundle: {@code text} (text/plain) always; {@code
 * data} the cell's JSON fields (LANGUAGE.md's "Batch JSON", without "cell" and "source" which the
 * notebook adds); the tables it shows (for CSV, Markdown and HTML); and whether it is an
 * expectation that failed.
 *
 * <p>{@code data} must hold "kind" and "layout" (or "layouts") first.
 */
public record Output(String kind, String text, Json.Obj data, List<Table> tables, boolean failed,
    List<Artifact> artifacts) {
  public Output {
    tables = List.copyOf(tables);
    artifacts = List.copyOf(artifacts);
  }

  public Output(String kind, String text, Json.Obj data, List<Table> tables, boolean failed) {
    this(kind, text, data, tables, failed, List.of());
  }

  /** A file a cell made (a chart): its path, MIME type and bytes, written by a front end. */
  public record Artifact(String path, String mimeType, byte[] bytes) {}
}
