package dev.vpclab.cost;

import dev.vpclab.lang.Suggest;
import dev.vpclab.model.Region;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The prices in use: immutable; rows by Region and item, tiers sorted. Start from {@link
 * #builtIn()} (the embedded, versioned table {@code dev/vpclab/cost/prices.csv}) and derive
 * books with {@link #withTable} (a loaded table) and {@link #withOverride} ({@code price ITEM
 * VALUE}).
 */
public final class PriceBook {
  /** Where the built-in table lives on the class path. */
  public static final String RESOURCE = "/dev/vpclab/cost/prices.csv";

  private static volatile PriceBook builtIn;

  private final String version;
  /** region -> item -> tiers sorted by tier_from_gb. */
  private final Map<String, Map<PriceItem, List<PriceRow>>> rows;

  private PriceBook(String version, List<PriceRow> all) {
    this.version = version;
    Map<String, Map<PriceItem, List<PriceRow>>> m = new TreeMap<>();
    for (PriceRow r : all) {
      m.computeIfAbsent(r.region(), k -> new TreeMap<>())
          .computeIfAbsent(r.item(), k -> new ArrayList<>()).add(r);
    }
    for (Map<PriceItem, List<PriceRow>> byItem : m.values()) {
      for (Map.Entry<PriceItem, List<PriceRow>> e : byItem.entrySet()) {
        List<PriceRow> tiers = new ArrayList<>(e.getValue());
        tiers.sort(Comparator.comparing(PriceRow::tierFromGb));
        e.setValue(List.copyOf(tiers));
      }
    }
    this.rows = m;
  }

  /** The embedded price table (read once, cached). */
  public static PriceBook builtIn() {
    PriceBook b = builtIn;
    if (b == null) {
      synchronized (PriceBook.class) {
        b = builtIn;
        if (b == null) {
          b = load();
          builtIn = b;
        }
      }
    }
    return b;
  }

  private static PriceBook load() {
    String text;
    try (InputStream in = PriceBook.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the built-in price table " + RESOURCE + " is missing");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    PriceBook quick = readPlain(text);
    if (quick != null) {
      return quick;
    }
    PriceTable table = PriceCsv.read("prices.csv", text);
    if (!table.ok()) {
      throw new IllegalStateException("the built-in price table is broken:\n" + table.report());
    }
    return new PriceBook(table.version(), table.rows());
  }

  /**
   * The embedded table read the quick way, or null when it is not in plain form ('#' comments,
   * the header, rows of nine fields, each either bare or wholly in quotation marks with no
   * quotation mark inside). It makes no checks: a test proves that {@link PriceCsv#read},
   * which checks everything, finds the embedded table valid and reads the same version and rows.
   * This keeps the CSV library and the checks off the start-up path.
   */
  static PriceBook readPlain(String text) {
    String version = "";
    List<PriceRow> rows = new ArrayList<>();
    Map<String, BigDecimal> numbers = new HashMap<>();
    boolean header = false;
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      String line = text.substring(start, end).strip();
      start = end + 1;
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("#")) {
        if (version.isEmpty() && !header) {
          version = PriceTable.versionIn(line);
        }
        continue;
      }
      String[] f = fields(line);
      if (f == null) {
        return null;
      }
      if (!header) {
        if (!List.of(f).equals(PriceRow.COLUMNS)) {
          return null;
        }
        header = true;
        continue;
      }
      Optional<PriceItem> item = PriceItem.of(f.length == 9 ? f[1] : "");
      if (item.isEmpty()) {
        return null;
      }
      try {
        rows.add(new PriceRow(f[0], item.get(), number(f[2], numbers),
            f[3].isEmpty() ? null : number(f[3], numbers), f[4], number(f[5], numbers), f[6],
            f[7], f[8]));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return header && !rows.isEmpty() ? new PriceBook(version, rows) : null;
  }

  /**
   * A number of the table, parsed once: the same few tier bounds and prices recur in every
   * Region, and parsing is most of the cost of reading the table at start-up.
   */
  private static BigDecimal number(String text, Map<String, BigDecimal> seen) {
    BigDecimal d = seen.get(text);
    if (d == null) {
      d = new BigDecimal(text);
      seen.put(text, d);
    }
    return d;
  }

  /**
   * The fields of one line of a plain table: split at commas; a field starting with a quotation
   * mark runs to the next one, which must end the field. Null for anything else (a quote inside
   * a field, an escaped or unterminated quote): the checking reader then reads the table.
   */
  static String[] fields(String line) {
    List<String> out = new ArrayList<>();
    int at = 0;
    while (true) {
      int end;
      String field;
      if (at < line.length() && line.charAt(at) == '"') {
        int close = line.indexOf('"', at + 1);
        if (close < 0) {
          return null;
        }
        field = line.substring(at + 1, close);
        end = close + 1;
        if (end < line.length() && line.charAt(end) != ',') {
          return null;
        }
      } else {
        end = line.indexOf(',', at);
        end = end < 0 ? line.length() : end;
        field = line.substring(at, end);
        if (field.indexOf('"') >= 0) {
          return null;
        }
      }
      out.add(field);
      if (end >= line.length()) {
        return out.toArray(new String[0]);
      }
      at = end + 1;
    }
  }

  /** A book of exactly these rows (a loaded table on its own). */
  public static PriceBook of(PriceTable table) {
    return new PriceBook(table.version(), table.rows());
  }

  /** The version of the table ("2026.11.25-1" for the built-in one; more when changed). */
  public String version() {
    return version;
  }

  /**
   * This book with the rows of {@code loaded}: for each Region and item the loaded table prices,
   * its rows (all tiers) replace this book's rows.
   */
  public PriceBook withTable(PriceBook loaded) {
    List<PriceRow> out = new ArrayList<>();
    for (PriceRow r : rows()) {
      if (loaded.tiers(r.region(), r.item()).isEmpty()) {
        out.add(r);
      }
    }
    out.addAll(loaded.rows());
    String v = loaded.version().isEmpty() ? version + "+table" : version + "+" + loaded.version();
    return new PriceBook(v, out);
  }

  /**
   * {@link #withTable(PriceBook)} for a table read by {@link PriceCsv#read}.
   *
   * @throws IllegalArgumentException when the table has errors (the message lists them)
   */
  public PriceBook withTable(PriceTable loaded) {
    if (!loaded.ok()) {
      throw new IllegalArgumentException("cannot use price table " + loaded.name() + ":\n"
          + loaded.report().stripTrailing());
    }
    return withTable(of(loaded));
  }

  /**
   * This book with one price changed ({@code price ITEM VALUE} under {@code region}). For a tiered
   * item the first tier's price is replaced and the other tiers are kept. An item the Region has
   * no price for gets a single tier. The row is marked {@code source=override},
   * {@code confidence=user}.
   *
   * @throws IllegalArgumentException for an unknown item or Region, or a negative price, with a
   *     message for the user
   */
  public PriceBook withOverride(String region, String item, BigDecimal usd) {
    Optional<PriceItem> it = PriceItem.of(item);
    if (it.isEmpty()) {
      String hint = Suggest.didYouMean(item, PriceItem.keys());
      throw new IllegalArgumentException("unknown price item '" + item + "'"
          + (hint == null ? "" : ": " + hint) + " (items: " + String.join(", ", PriceItem.keys())
          + ")");
    }
    if (!hasRegion(region) && Region.of(region).isEmpty()) {
      String hint = Suggest.didYouMean(region, Region.codes());
      throw new IllegalArgumentException("unknown Region '" + region + "'"
          + (hint == null ? "" : ": " + hint));
    }
    if (usd == null || usd.signum() < 0) {
      throw new IllegalArgumentException("a price must not be negative: " + usd);
    }
    List<PriceRow> out = new ArrayList<>();
    boolean replaced = false;
    for (PriceRow r : rows()) {
      if (!replaced && r.region().equals(region) && r.item() == it.get()) {
        out.add(r.withUsd(usd, "override", "user"));
        replaced = true; // rows() lists tiers in order: this is the first
      } else {
        out.add(r);
      }
    }
    if (!replaced) {
      out.add(new PriceRow(region, it.get(), BigDecimal.ZERO, null, null, usd, "override", "",
          "user"));
    }
    return new PriceBook(version.endsWith("+override") ? version : version + "+override", out);
  }

  /** Whether the book has any price for the Region. */
  public boolean hasRegion(String region) {
    return rows.containsKey(region);
  }

  /** The Regions with prices, sorted. */
  public List<String> regions() {
    return List.copyOf(rows.keySet());
  }

  /** The tiers of an item in a Region, sorted; empty when it has no price. */
  public List<PriceRow> tiers(String region, PriceItem item) {
    Map<PriceItem, List<PriceRow>> byItem = rows.get(region);
    if (byItem == null) {
      return List.of();
    }
    return byItem.getOrDefault(item, List.of());
  }

  /** The (first tier) price of an item in a Region. */
  public Optional<PriceRow> price(String region, PriceItem item) {
    List<PriceRow> t = tiers(region, item);
    return t.isEmpty() ? Optional.empty() : Optional.of(t.get(0));
  }

  /** Every row: Regions sorted, items in {@link PriceItem} order, tiers ascending. */
  public List<PriceRow> rows() {
    List<PriceRow> out = new ArrayList<>();
    for (Map<PriceItem, List<PriceRow>> byItem : rows.values()) {
      for (List<PriceRow> tiers : byItem.values()) {
        out.addAll(tiers);
      }
    }
    return out;
  }

  /** The table in vpclab's CSV format (what {@code vpclab prices import ... --out F} writes). */
  public String toCsv() {
    return PriceCsv.write(rows(), "vpclab price table, version " + version
        + "\nUSD, On-Demand, before tax. tier_to_gb empty = and above. See docs/pricing.md.");
  }

  /**
   * The rows of a Region ({@code region} null for all), for {@code vpclab prices [--region R]}.
   *
   * @throws IllegalArgumentException when the book has no price for the Region
   */
  public List<PriceRow> rowsOf(String region) {
    if (region != null && !hasRegion(region)) {
      String hint = Suggest.didYouMean(region, regions());
      throw new IllegalArgumentException("no prices for Region '" + region + "'"
          + (hint == null ? "" : ": " + hint) + " (prices for: " + String.join(", ", regions())
          + ")");
    }
    List<PriceRow> out = new ArrayList<>();
    for (PriceRow r : rows()) {
      if (region == null || r.region().equals(region)) {
        out.add(r);
      }
    }
    return out;
  }

  /** Regions that have at least one unconfirmed price, sorted (for notes). */
  public List<String> regionsWithUnconfirmed() {
    TreeSet<String> out = new TreeSet<>();
    for (PriceRow r : rows()) {
      if (r.unconfirmed()) {
        out.add(r.region());
      }
    }
    return List.copyOf(out);
  }
}
