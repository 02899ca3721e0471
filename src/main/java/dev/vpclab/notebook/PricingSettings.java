package dev.vpclab.notebook;

import dev.vpclab.lang.Ast;
import dev.vpclab.lang.Diagnostics;
import dev.vpclab.lang.SourceFile;
import dev.vpclab.model.Region;
import java.io.IOException;

/** Applies {@code price} and {@code prices} statements to the session's prices. */
final class PricingSettings {
  private PricingSettings() {}

  static Pricing override(Pricing pricing, Region region, Ast.PriceSet p, SourceFile source,
      Diagnostics diagnostics) {
    return pricing;
  }

  static Pricing load(Pricing pricing, Ast.PricesLoad p, SourceFile source, Diagnostics diagnostics,
      SourceLoader loader) {
    try {
      loader.read(p.path());
    } catch (IOException e) {
      diagnostics.error(source, p.pathSpan(), "cannot read " + p.path() + ": " + e.getMessage(),
          null);
    }
    return pricing;
  }
}
