package dev.vpclab.lang;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A compact text of AST records for assertions: a record as {@code Kind(field, ...)}, names,
 * CIDRs and numbers as written, quantities as "2 TB", lists in brackets; spans are left out.
 */
final class AstText {
  private AstText() {}

  static String of(Object node) {
    if (node == null) {
      return "null";
    }
    if (node instanceof Ast.Name n) {
      return n.text();
    }
    if (node instanceof Ast.CidrText c) {
      return c.text();
    }
    if (node instanceof Ast.Num n) {
      return n.text();
    }
    if (node instanceof Ast.Quantity q) {
      return q.value().toPlainString() + (q.unit() == null ? "" : " " + q.unit());
    }
    if (node instanceof List<?> list) {
      return list.stream().map(AstText::of).collect(Collectors.joining(", ", "[", "]"));
    }
    if (node instanceof Record r) {
      StringBuilder sb = new StringBuilder(r.getClass().getSimpleName()).append('(');
      String sep = "";
      for (RecordComponent c : r.getClass().getRecordComponents()) {
        if (c.getType() == Span.class) {
          continue;
        }
        try {
          sb.append(sep).append(of(c.getAccessor().invoke(r)));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
        sep = ", ";
      }
      return sb.append(')').toString();
    }
    return String.valueOf(node);
  }

  /** Each item of a program on a line of its own. */
  static String lines(List<?> items) {
    return items.stream().map(AstText::of).collect(Collectors.joining("\n"));
  }
}
