package dev.vpclab.notebook;

import java.util.List;
import java.util.function.Supplier;

/**
 * What one query cell produced, as a MIME-like bundle: {@code text} (text/plain) always; {@link
 * #data()} the cell's JSON fields (LANGUAGE.md's "Batch JSON", without "cell" and "source" which
 * the notebook adds); the tables it shows (for CSV, Markdown and HTML); whether it is an
 * expectation that failed; and the files it made (charts).
 *
 * <p>The JSON is built on first use only: a text run of a large layout never pays for the JSON
 * tree of 100,000 pairs. {@code data} must hold "kind" and "layout" (or "layouts") first.
 */
public record Output(String kind, String text, Supplier<Json.Obj> json, List<Table> tables,
    boolean failed, List<Artifact> artifacts) {
  public Output {
    tables = List.copyOf(tables);
    artifacts = List.copyOf(artifacts);
    json = memoize(json);
  }

  public Output(String kind, String text, Json.Obj data, List<Table> tables, boolean failed,
      List<Artifact> artifacts) {
    this(kind, text, () -> data, tables, failed, artifacts);
  }

  public Output(String kind, String text, Json.Obj data, List<Table> tables, boolean failed) {
    this(kind, text, data, tables, failed, List.of());
  }

  /** The cell's JSON fields (built now if they were not yet). */
  public Json.Obj data() {
    return json.get();
  }

  /** The same output with other artifacts. */
  public Output withArtifacts(List<Artifact> more) {
    return new Output(kind, text, json, tables, failed, more);
  }

  private static Supplier<Json.Obj> memoize(Supplier<Json.Obj> s) {
    if (s instanceof Memo) {
      return s;
    }
    return new Memo(s);
  }

  private static final class Memo implements Supplier<Json.Obj> {
    private Supplier<Json.Obj> source;
    private Json.Obj value;

    Memo(Supplier<Json.Obj> source) {
      this.source = source;
    }

    @Override
    public synchronized Json.Obj get() {
      if (value == null) {
        value = source.get();
        source = null;
      }
      return value;
    }
  }

  /** A file a cell made (a chart): its path, MIME type and bytes, written by a front end. */
  public record Artifact(String path, String mimeType, byte[] bytes) {}
}
