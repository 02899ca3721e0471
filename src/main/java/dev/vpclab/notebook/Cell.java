package dev.vpclab.notebook;

import dev.vpclab.lang.Ast;
import dev.vpclab.lang.SourceFile;

/** An evaluated query: where it was written, the query as written, and its output. */
public record Cell(SourceFile source, Ast.Query query, Output output) {
  /** The query's text as written. */
  public String text() {
    return query.text();
  }

  public int line() {
    return query.span().line();
  }
}
