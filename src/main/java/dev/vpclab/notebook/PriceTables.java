package dev.vpclab.notebook;

import dev.vpclab.cost.PriceBook;
import dev.vpclab.cost.PriceRow;
import dev.vpclab.cost.Money;

/** A price book as a table, for {@code vpclab prices [--region R]}. */
public final class PriceTables {
  private PriceTables() {}

  /**
   * The rows of a Region ({@code region} null for all) with columns region, item, tier (in the unit: GB, zones), unit,
   * usd, confidence, as of, source (the long text last).
   *
   * @throws IllegalArgumentException when the book has no price for the Region
   */
  public static Table of(PriceBook book, String region) {
    Table.Builder b = Table.builder("region", "item", "tier", "unit", "usd", "confidence",
        "as of", "source").right("usd").title("prices, version " + book.version());
    for (PriceRow r : book.rowsOf(region)) {
      b.row(r.region(), r.item().key(), r.tierRange(), r.unit(),
          Money.price(r.usd()), r.confidence(), r.asOf(), r.source());
    }
    return b.build();
  }

  /** {@link #of} as text, with the version line first. */
  public static String render(PriceBook book, String region) {
    return "prices, version " + book.version() + "\n" + of(book, region).render();
  }
}
