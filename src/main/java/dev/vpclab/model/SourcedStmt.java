package dev.vpclab.model;

import dev.vpclab.lang.Ast;
import dev.vpclab.lang.SourceFile;

/**
 * A layout statement with the file or cell it came from, so errors can point at it later, and the
 * layout it was written in ({@code layout}; null until {@link LayoutDef#plus} adds it to one), so
 * that a message about a line a layout inherits through {@code extends} can say so.
 */
public record SourcedStmt(SourceFile source, Ast.Stmt stmt, String layout) {
  public SourcedStmt(SourceFile source, Ast.Stmt stmt) {
    this(source, stmt, null);
  }
}
