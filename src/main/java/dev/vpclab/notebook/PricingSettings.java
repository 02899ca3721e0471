package dev.vpclab.notebook;

import dev.vpclab.cost.PriceBook;
import dev.vpclab.cost.PriceCsv;
import dev.vpclab.cost.PriceTable;
import dev.vpclab.lang.Ast;
import dev.vpclab.lang.Diagnostics;
import dev.vpclab.lang.SourceFile;
import dev.vpclab.model.Region;
import java.io.IOException;

/** Applies {@code price} and {@code prices} statements to the session's price book. */
final class PricingSettings {
  private PricingSettings() {}

  /** {@code price ITEM VALUE}: one price of the current Region. */
  static PriceBook override(PriceBook book, Region region, Ast.PriceSet p, SourceFile source,
      Diagnostics diagnostics) {
    try {
      return book.withOverride(region.code(), p.item().text(), p.value().usd());
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      String hint = null;
      int colon = message.indexOf(": did you mean");
      if (colon > 0) {
        hint = message.substring(colon + 2).replaceFirst(" \\(items: .*\\)$", "");
        message = message.substring(0, colon);
      }
      if (message.startsWith("unknown price item")) {
        hint = (hint == null ? "" : hint + "; ") + "see docs/pricing.md for the items";
        diagnostics.error(source, p.item().span(), message, hint);
      } else {
        diagnostics.error(source, p.value().span(), message, hint);
      }
      return book;
    }
  }

  /** {@code prices "file.csv"}: a price table in vpclab's CSV format or AWS Price List CSV. */
  static PriceBook load(PriceBook book, Ast.PricesLoad p, SourceFile source,
      Diagnostics diagnostics, SourceLoader loader) {
    String text;
    try {
      text = loader.read(p.path());
    } catch (IOException e) {
      diagnostics.error(source, p.pathSpan(), "cannot read " + p.path() + ": " + e.getMessage(),
          null);
      return book;
    }
    PriceTable table = PriceCsv.read(p.path(), text);
    if (table.errors().isEmpty() && table.rows().isEmpty()) {
      diagnostics.error(source, p.pathSpan(), p.path() + " holds no prices",
          "see docs/pricing.md for the format");
      return book;
    }
    if (!table.ok()) {
      int shown = 0;
      for (PriceTable.Problem problem : table.errors()) {
        if (shown++ == 5) {
          diagnostics.error(source, p.pathSpan(), p.path() + ": and "
              + (table.errors().size() - 5) + " more problems", null);
          break;
        }
        diagnostics.error(source, p.pathSpan(), p.path()
            + (problem.line() > 0 ? ":" + problem.line() : "") + ": " + problem.message(),
            "see docs/pricing.md for the format");
      }
      return book;
    }
    return book.withTable(table);
  }
}
