package dev.vpclab.notebook;

import dev.vpclab.cost.PriceBook;
import dev.vpclab.lang.Ast;
import dev.vpclab.lang.SourceFile;
import dev.vpclab.model.Instance;
import dev.vpclab.model.Layout;
import dev.vpclab.model.LayoutDef;
import java.util.List;

/**
 * A query whose names were all checked against the session as it stood at that point: the layouts
 * it means, the instance it names, the prices and hours in force. Evaluating it cannot fail on the
 * user's input any more. {@code def} is the first layout as written (to try changes on it).
 */
public record Bound(SourceFile source, Ast.Query query, List<Layout> layouts, Instance instance,
    List<String> azs, PriceBook pricing, int hours, LayoutDef def) {
  public Bound {
    layouts = List.copyOf(layouts);
    azs = List.copyOf(azs);
  }

  /** The prices in force; null in the record means the built-in table, loaded on first use. */
  @Override
  public PriceBook pricing() {
    return pricing == null ? PriceBook.builtIn() : pricing;
  }

  public Layout layout() {
    return layouts.get(0);
  }
}
