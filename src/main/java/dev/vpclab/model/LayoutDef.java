package dev.vpclab.model;

import dev.vpclab.lang.SourceFile;
import dev.vpclab.lang.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * A layout as written: its name, the Region it was declared under, and its statements in order
 * (an {@code extends} copy starts with its parent's: the first {@code inherited} statements).
 * {@link LayoutBuilder} turns it into a {@link Layout}.
 */
public record LayoutDef(String name, Region region, List<SourcedStmt> stmts, SourceFile source,
    Span span, int inherited) {
  public LayoutDef {
    stmts = List.copyOf(stmts);
  }

  /** A layout with no inherited statements. */
  public LayoutDef(String name, Region region, List<SourcedStmt> stmts, SourceFile source,
      Span span) {
    this(name, region, stmts, source, span, 0);
  }

  /** A copy with more statements appended: this layout's own (written in it, unless said). */
  public LayoutDef plus(List<SourcedStmt> more) {
    List<SourcedStmt> all = new ArrayList<>(stmts);
    for (SourcedStmt s : more) {
      all.add(s.layout() == null ? new SourcedStmt(s.source(), s.stmt(), name) : s);
    }
    return new LayoutDef(name, region, all, source, span, inherited);
  }

  /** An {@code extends} copy: the parent's statements, all inherited, under a new name. */
  public LayoutDef copyAs(String newName, SourceFile newSource, Span newSpan) {
    return new LayoutDef(newName, region, stmts, newSource, newSpan, stmts.size());
  }
}
