package dev.vpclab.notebook;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What one query cell produced: its {@link Block}s in order (headline and prose, tables, charts,
 * notes), from which every front end renders its own form ({@link #text()} is the terminal's);
 * {@link #data()} the cell's JSON fields (LANGUAGE.md's "Batch JSON", without "cell" and "source"
 * which the notebook adds); and whether it is an expectation that failed.
 *
 * <p>The JSON is built on first use only: a text run of a large layout never pays for the JSON
 * tree of 100,000 pairs. {@code data} must hold "kind" and "layout" (or "layouts") first.
 */
public final class Output {
  private final String kind;
  private final List<Block> blocks;
  private final Supplier<Json.Obj> json;
  private final boolean failed;
  private final String text;

  public Output(String kind, List<Block> blocks, Supplier<Json.Obj> json, boolean failed) {
    this.kind = kind;
    this.blocks = List.copyOf(blocks);
    this.json = memoize(json);
    this.failed = failed;
    this.text = text(this.blocks);
  }

  public Output(String kind, List<Block> blocks, Json.Obj data, boolean failed) {
    this(kind, blocks, () -> data, failed);
  }

  /** The blocks as the terminal shows them, one after the other. */
  public static String text(List<Block> blocks) {
    StringBuilder sb = new StringBuilder();
    for (Block b : blocks) {
      sb.append(b.text());
    }
    return sb.toString();
  }

  public String kind() {
    return kind;
  }

  public List<Block> blocks() {
    return blocks;
  }

  /** The terminal rendering (text/plain). */
  public String text() {
    return text;
  }

  /** The result line: the first line of the first block ("" when there is none). */
  public String headline() {
    return blocks.isEmpty() ? "" : blocks.get(0).text().lines().findFirst().orElse("");
  }

  public boolean failed() {
    return failed;
  }

  /** The cell's tables, in order: its table blocks' and its charts' figures. */
  public List<Table> tables() {
    List<Table> out = new ArrayList<>();
    for (Block b : blocks) {
      if (b instanceof Block.TableBlock t) {
        out.add(t.table());
      } else if (b instanceof Block.Chart c && c.figures() != null) {
        out.add(c.figures());
      }
    }
    return out;
  }

  /** The files the cell made (its charts' drawings), in order. */
  public List<Artifact> artifacts() {
    List<Artifact> out = new ArrayList<>();
    for (Block b : blocks) {
      if (b instanceof Block.Chart c && c.image() != null) {
        out.add(c.image());
      }
    }
    return out;
  }

  /** The cell's JSON fields (built now if they were not yet). */
  public Json.Obj data() {
    return json.get();
  }

  /** The same output with these drawings added after its blocks. */
  public Output withArtifacts(List<Artifact> more) {
    List<Block> all = new ArrayList<>(blocks);
    more.forEach(a -> all.add(Block.Chart.image(a)));
    return new Output(kind, all, json, failed);
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
