package dev.vpclab.model;

import dev.vpclab.lang.SourceFile;
import dev.vpclab.lang.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * A layout as written: its name, the Region it was declared under, and its statements in order
 * (an {@code extends} copy starts with its parent's). {@link LayoutBuilder} turns it into a
 * {@link Layout}.
 */
public record LayoutDef(String name, Region region, List<SourcedStmt> stmts, SourceFile source,
    Span span) {
  public LayoutDef {
    stmts = List.copyOf(stmts);
  }

  /** A copy with more statements appended. */
  public LayoutDef plus(List<SourcedStmt> more) {
    List<SourcedStmt> all = new ArrayList<>(stmts);
    all.addAll(more);
    return new LayoutDef(name, region, all, source, span);
  }

  /** An {@code extends} copy: the parent's statements under a new name. */
  public LayoutDef copyAs(String newName, SourceFile newSource, Span newSpan) {
    return new LayoutDef(newName, region, stmts, newSource, newSpan);
  }
}
