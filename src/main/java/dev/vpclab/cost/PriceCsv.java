package dev.vpclab.cost;

import dev.vpclab.lang.Suggest;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads and writes price tables. {@link #read} recognises either vpclab's own CSV format (a header
 * {@code region,item,tier_from_gb,tier_to_gb,unit,usd,source,as_of,confidence}, {@code #}
 * comments) or an AWS Price List CSV (a 5-line metadata preamble starting with {@code
 * "FormatVersion"}, then a header; columns are found by name). It never throws on bad input: every
 * problem is reported with its line number in the returned {@link PriceTable}.
 */
public final class PriceCsv {
  private PriceCsv() {}

  public static final String FORMAT_VPCLAB = "vpclab";
  public static final String FORMAT_AWS = "aws";

  /** The columns of vpclab's format, in order. */
  public static final List<String> COLUMNS = PriceRow.COLUMNS;

  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");
  private static final Pattern USAGE = Pattern.compile("(?:([A-Z]+[0-9]*)-)?(.+)");

  /** AWS Price List usage-type prefixes (PRICING.md's table, plus other well-known ones). */
  public static final Map<String, String> PREFIXES;

  static {
    Map<String, String> p = new TreeMap<>();
    p.put("USE1", "us-east-1");
    p.put("USE2", "us-east-2");
    p.put("USW1", "us-west-1");
    p.put("USW2", "us-west-2");
    p.put("CAN1", "ca-central-1");
    p.put("SAE1", "sa-east-1");
    p.put("EU", "eu-west-1");
    p.put("EUW2", "eu-west-2");
    p.put("EUW3", "eu-west-3");
    p.put("EUC1", "eu-central-1");
    p.put("EUN1", "eu-north-1");
    p.put("EUS1", "eu-south-1");
    p.put("APN1", "ap-northeast-1");
    p.put("APN2", "ap-northeast-2");
    p.put("APN3", "ap-northeast-3");
    p.put("APS1", "ap-southeast-1");
    p.put("APS2", "ap-southeast-2");
    p.put("APS3", "ap-south-1");
    PREFIXES = java.util.Collections.unmodifiableMap(p);
  }

  /** Usage type (without its Region prefix) to item. */
  private static final Map<String, PriceItem> USAGE_TYPES = Map.of(
      "VpcEndpoint-Hours", PriceItem.ENDPOINT_HOUR,
      "VpcEndpoint-Bytes", PriceItem.ENDPOINT_GB,
      "NatGateway-Hours", PriceItem.NAT_HOUR,
      "NatGateway-Bytes", PriceItem.NAT_GB,
      "DataTransfer-Regional-Bytes", PriceItem.CROSSAZ_GB,
      "DataTransfer-Out-Bytes", PriceItem.INTERNET_GB,
      "PublicIPv4:InUseAddress", PriceItem.IPV4_HOUR,
      "VpcEndpoint-GWLBE-Hours", PriceItem.GWLBE_HOUR,
      "VpcEndpoint-GWLBE-Bytes", PriceItem.GWLBE_GB);

  /** Reads a price table in either format; {@code name} is used in messages (a file name). */
  public static PriceTable read(String name, Reader reader) {
    String text;
    try {
      StringBuilder sb = new StringBuilder();
      char[] buf = new char[8192];
      int n;
      while ((n = reader.read(buf)) >= 0) {
        sb.append(buf, 0, n);
      }
      text = sb.toString();
    } catch (IOException | UncheckedIOException e) {
      return failed(name, "cannot read: " + e.getMessage());
    }
    return read(name, text);
  }

  /** Reads a price table from its text. */
  public static PriceTable read(String name, String text) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String first = firstLine(text);
    if (first == null) {
      return failed(name, "the file is empty: expected a price table");
    }
    String f = first.replace("\"", "").trim();
    if (f.startsWith("FormatVersion")) {
      return new AwsReader(name, text).read();
    }
    return new VpclabReader(name, text).read();
  }

  private static String firstLine(String text) {
    for (String line : text.split("\r?\n", -1)) {
      if (!line.isBlank()) {
        return line;
      }
    }
    return null;
  }

  private static PriceTable failed(String name, String message) {
    return new PriceTable(name, "unknown", "", List.of(),
        List.of(new PriceTable.Problem(0, message, true)));
  }

  /** The table in vpclab's format, rows in the order given, with a leading comment line. */
  public static String write(List<PriceRow> rows, String comment) {
    StringWriter out = new StringWriter();
    CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator("\n")
        .setCommentMarker('#').setHeaderComments(comment == null ? new String[0]
            : comment.split("\n"))
        .setHeader(COLUMNS.toArray(new String[0])).get();
    try (CSVPrinter printer = new CSVPrinter(out, format)) {
      for (PriceRow r : rows) {
        printer.printRecord(r.region(), r.item().key(), plain(r.tierFromGb()),
            r.tierToGb() == null ? "" : plain(r.tierToGb()), r.unit(), plain(r.usd()), r.source(),
            r.asOf(), r.confidence());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }

  static String plain(BigDecimal d) {
    return Money.price(d);
  }

  // ---------------------------------------------------------------------------------------------

  /** Shared parts of both readers: records with line numbers, problems, tier checks. */
  private abstract static class Base {
    final String name;
    final String text;
    final List<PriceTable.Problem> problems = new ArrayList<>();
    final List<PriceRow> rows = new ArrayList<>();
    final Map<PriceRow, Integer> lineOf = new java.util.IdentityHashMap<>();
    final int[] lineStarts;

    Base(String name, String text) {
      this.name = name;
      this.text = text;
      List<Integer> starts = new ArrayList<>();
      starts.add(0);
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          starts.add(i + 1);
        }
      }
      lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    int lineAt(long pos) {
      int lo = 0;
      int hi = lineStarts.length - 1;
      while (lo < hi) {
        int mid = (lo + hi + 1) >>> 1;
        if (lineStarts[mid] <= pos) {
          lo = mid;
        } else {
          hi = mid - 1;
        }
      }
      // a record's position may point at comment lines before it
      int line = lo;
      while (line + 1 < lineStarts.length && text.startsWith("#", lineStarts[line])) {
        line++;
      }
      return line + 1;
    }

    void error(int line, String message) {
      problems.add(new PriceTable.Problem(line, message, true));
    }

    void warning(int line, String message) {
      problems.add(new PriceTable.Problem(line, message, false));
    }

    /** Every record with its line, or null after reporting a syntax error. */
    List<Map.Entry<Integer, CSVRecord>> records(CSVFormat format) {
      List<Map.Entry<Integer, CSVRecord>> out = new ArrayList<>();
      CSVParser parser = null;
      try {
        parser = CSVParser.parse(text, format);
        for (CSVRecord r : parser) {
          out.add(Map.entry(lineAt(r.getCharacterPosition()), r));
        }
        return out;
      } catch (IOException | UncheckedIOException | IllegalStateException
          | IllegalArgumentException e) {
        long line = parser == null ? 0 : parser.getCurrentLineNumber() + 1;
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // Commons CSV messages name a line themselves; keep them short
        error((int) line, "not valid CSV: " + msg.replaceAll("\\s+", " "));
        return null;
      }
    }

    void add(int line, PriceRow row) {
      for (PriceRow r : rows) {
        if (r.region().equals(row.region()) && r.item() == row.item()
            && r.tierFromGb().compareTo(row.tierFromGb()) == 0) {
          if (r.usd().compareTo(row.usd()) != 0) {
            warning(line, "a second price for " + row.item().key() + " in " + row.region()
                + tierText(row) + " (" + plain(row.usd()) + "); the first one ("
                + plain(r.usd()) + ", line " + lineOf.get(r) + ") is kept");
          }
          return;
        }
      }
      rows.add(row);
      lineOf.put(row, line);
    }

    static String tierText(PriceRow row) {
      String t = row.tierLabel();
      return t.isEmpty() ? "" : " tier " + t;
    }

    /**
     * Tiers of each region and item must run from 0 without gaps or overlaps. The last tier may
     * end ("and above" when it does not): the item then has no price above it, and a cost that
     * needs one says so.
     */
    void checkTiers() {
      Map<String, List<PriceRow>> groups = new LinkedHashMap<>();
      for (PriceRow r : rows) {
        groups.computeIfAbsent(r.region() + "\u0000" + r.item().key(), k -> new ArrayList<>())
            .add(r);
      }
      for (List<PriceRow> g : groups.values()) {
        g.sort(Comparator.comparing(PriceRow::tierFromGb));
        BigDecimal expect = BigDecimal.ZERO;
        for (int i = 0; i < g.size(); i++) {
          PriceRow r = g.get(i);
          String what = r.item().key() + " in " + r.region();
          if (expect == null) {
            error(lineOf.get(r), "tier " + r.tierLabel() + " of " + what
                + " follows a tier with no upper bound");
            break;
          }
          if (r.tierFromGb().compareTo(expect) != 0) {
            error(lineOf.get(r), "tiers of " + what + " leave a gap or overlap: this tier starts at "
                + plain(r.tierFromGb()) + " GB, expected " + plain(expect) + " GB");
            break;
          }
          if (r.tierToGb() != null && r.tierToGb().compareTo(r.tierFromGb()) <= 0) {
            error(lineOf.get(r), "tier of " + what + " ends (" + plain(r.tierToGb())
                + " GB) before it starts (" + plain(r.tierFromGb()) + " GB)");
            break;
          }
          expect = r.tierToGb();
        }
      }
    }

    PriceTable finish(String format, String version) {
      checkTiers();
      if (rows.isEmpty() && problems.stream().noneMatch(PriceTable.Problem::error)) {
        error(0, "no prices found in the file");
      }
      List<PriceTable.Problem> sorted = new ArrayList<>(problems);
      sorted.sort(Comparator.comparingInt(PriceTable.Problem::line));
      return new PriceTable(name, format, version, rows, sorted);
    }

    Optional<BigDecimal> number(int line, String column, String value, boolean allowInf) {
      String v = value == null ? "" : value.trim();
      if (allowInf && (v.isEmpty() || v.equalsIgnoreCase("inf"))) {
        return Optional.empty();
      }
      try {
        BigDecimal d = new BigDecimal(v.replace("$", ""));
        if (d.signum() < 0) {
          error(line, column + " must not be negative: '" + v + "'");
          return null;
        }
        return Optional.of(d);
      } catch (NumberFormatException e) {
        error(line, column + " is not a number: '" + v + "'");
        return null;
      }
    }
  }

  /** vpclab's own format. */
  private static final class VpclabReader extends Base {
    VpclabReader(String name, String text) {
      super(name, text);
    }

    PriceTable read() {
      String version = "";
      for (String line : text.split("\r?\n")) {
        if (!line.startsWith("#")) {
          break;
        }
        if (version.isEmpty()) {
          version = PriceTable.versionIn(line);
        }
      }
      CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#')
          .setIgnoreEmptyLines(true).setTrim(true).setIgnoreSurroundingSpaces(true).get();
      List<Map.Entry<Integer, CSVRecord>> records = records(format);
      if (records == null) {
        return finish(FORMAT_VPCLAB, version);
      }
      if (records.isEmpty()) {
        error(0, "the file is empty: expected a header " + String.join(",", COLUMNS));
        return finish(FORMAT_VPCLAB, version);
      }
      Map<String, Integer> col = new HashMap<>();
      CSVRecord header = records.get(0).getValue();
      int headerLine = records.get(0).getKey();
      for (int i = 0; i < header.size(); i++) {
        col.putIfAbsent(header.get(i).trim().toLowerCase(Locale.ROOT), i);
      }
      if (!col.containsKey("region") || !col.containsKey("item") || !col.containsKey("usd")) {
        error(headerLine, "not a price table: expected a header with columns "
            + String.join(",", COLUMNS) + " (or an AWS Price List CSV, which starts with"
            + " \"FormatVersion\")");
        return finish(FORMAT_VPCLAB, version);
      }
      for (int k = 1; k < records.size(); k++) {
        int line = records.get(k).getKey();
        CSVRecord r = records.get(k).getValue();
        row(line, r, col);
      }
      return finish(FORMAT_VPCLAB, version);
    }

    private String get(CSVRecord r, Map<String, Integer> col, String name) {
      Integer i = col.get(name);
      return i == null || i >= r.size() ? "" : r.get(i).trim();
    }

    private void row(int line, CSVRecord r, Map<String, Integer> col) {
      String region = get(r, col, "region");
      String itemName = get(r, col, "item");
      if (!REGION.matcher(region).matches()) {
        error(line, "'" + region + "' is not a Region code (like us-east-1)");
        return;
      }
      Optional<PriceItem> item = PriceItem.of(itemName);
      if (item.isEmpty()) {
        String hint = Suggest.didYouMean(itemName, PriceItem.keys());
        error(line, "unknown item '" + itemName + "'" + (hint == null ? "" : ": " + hint)
            + " (items: " + String.join(", ", PriceItem.keys()) + ")");
        return;
      }
      Optional<BigDecimal> from = number(line, "tier_from_gb", get(r, col, "tier_from_gb"), true);
      Optional<BigDecimal> to = number(line, "tier_to_gb", get(r, col, "tier_to_gb"), true);
      Optional<BigDecimal> usd = number(line, "usd", get(r, col, "usd"), false);
      if (from == null || to == null || usd == null) {
        return;
      }
      add(line, new PriceRow(region, item.get(), from.orElse(BigDecimal.ZERO), to.orElse(null),
          get(r, col, "unit"), usd.get(), get(r, col, "source"), get(r, col, "as_of"),
          get(r, col, "confidence")));
    }
  }

  /** The AWS Price List bulk CSV. */
  private static final class AwsReader extends Base {
    AwsReader(String name, String text) {
      super(name, text);
    }

    PriceTable read() {
      CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();
      List<Map.Entry<Integer, CSVRecord>> records = records(format);
      if (records == null) {
        return finish(FORMAT_AWS, "");
      }
      Map<String, String> meta = new HashMap<>();
      int headerIndex = -1;
      for (int k = 0; k < records.size() && k < 10; k++) {
        CSVRecord r = records.get(k).getValue();
        if (contains(r, "PricePerUnit")) {
          headerIndex = k;
          break;
        }
        if (r.size() >= 2) {
          meta.put(r.get(0).trim(), r.get(1).trim());
        }
      }
      String version = meta.getOrDefault("Version", "");
      if (headerIndex < 0) {
        error(records.size() > 5 ? records.get(5).getKey() : 0,
            "AWS Price List CSV without a header row: expected the column names (SKU, ..., "
                + "PricePerUnit, ...) after the 5 metadata lines");
        return finish(FORMAT_AWS, version);
      }
      int headerLine = records.get(headerIndex).getKey();
      Map<String, Integer> col = new HashMap<>();
      CSVRecord header = records.get(headerIndex).getValue();
      for (int i = 0; i < header.size(); i++) {
        col.putIfAbsent(header.get(i).trim().toLowerCase(Locale.ROOT), i);
      }
      List<String> missing = new ArrayList<>();
      for (String required : List.of("usageType", "PricePerUnit", "Unit")) {
        if (!col.containsKey(required.toLowerCase(Locale.ROOT))) {
          missing.add(required);
        }
      }
      if (!missing.isEmpty()) {
        error(headerLine, "the AWS Price List header lacks the column"
            + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing));
        return finish(FORMAT_AWS, version);
      }
      String offer = meta.getOrDefault("OfferCode", "");
      String published = meta.getOrDefault("Publication Date", "");
      String source = ("AWS Price List " + offer + " " + version).trim().replaceAll("\\s+", " ");
      for (int k = headerIndex + 1; k < records.size(); k++) {
        row(records.get(k).getKey(), records.get(k).getValue(), col, source, published);
      }
      return finish(FORMAT_AWS, version);
    }

    private static boolean contains(CSVRecord r, String value) {
      for (String v : r) {
        if (v.trim().equalsIgnoreCase(value)) {
          return true;
        }
      }
      return false;
    }

    private String get(CSVRecord r, Map<String, Integer> col, String name) {
      Integer i = col.get(name.toLowerCase(Locale.ROOT));
      return i == null || i >= r.size() ? "" : r.get(i).trim();
    }

    private void row(int line, CSVRecord r, Map<String, Integer> col, String source,
        String published) {
      String termType = get(r, col, "TermType");
      if (!termType.isEmpty() && !termType.equalsIgnoreCase("OnDemand")) {
        return;
      }
      String usage = get(r, col, "usageType");
      String description = get(r, col, "PriceDescription");
      if (usage.toLowerCase(Locale.ROOT).contains("provisioned")
          || description.toLowerCase(Locale.ROOT).contains("provisioned")) {
        return; // $0 provisioned-bytes rows
      }
      Matcher m = USAGE.matcher(usage);
      if (!m.matches()) {
        return;
      }
      String prefix = m.group(1);
      PriceItem item = USAGE_TYPES.get(m.group(2));
      if (item == null) {
        return; // a usage type vpclab does not price
      }
      String region = get(r, col, "Region Code");
      if (region.isEmpty()) {
        region = prefix == null ? "us-east-1" : PREFIXES.get(prefix);
        if (region == null) {
          warning(line, "unknown Region prefix '" + prefix + "' of usage type " + usage
              + " and no Region Code column: row skipped");
          return;
        }
      } else if (!REGION.matcher(region).matches()) {
        error(line, "Region Code '" + region + "' is not a Region code (like us-east-1)");
        return;
      }
      String currency = get(r, col, "Currency");
      if (!currency.isEmpty() && !currency.equalsIgnoreCase("USD")) {
        warning(line, "price in " + currency + ", not USD: row skipped");
        return;
      }
      String unit = get(r, col, "Unit");
      String ourUnit = switch (unit.toLowerCase(Locale.ROOT)) {
        case "hrs", "hr", "hour", "hours" -> "hour";
        case "gb" -> "GB";
        default -> null;
      };
      if (ourUnit == null || !ourUnit.equals(item.unit())) {
        warning(line, "usage type " + usage + " has unit '" + unit + "', expected "
            + (item.unit().equals("hour") ? "Hrs" : "GB") + ": row skipped");
        return;
      }
      Optional<BigDecimal> usd = number(line, "PricePerUnit", get(r, col, "PricePerUnit"), false);
      Optional<BigDecimal> from = number(line, "StartingRange", get(r, col, "StartingRange"), true);
      Optional<BigDecimal> to = number(line, "EndingRange", get(r, col, "EndingRange"), true);
      if (usd == null || from == null || to == null) {
        return;
      }
      if (usd.get().signum() > 0) {
        usd = Optional.of(usd.get().stripTrailingZeros());
      }
      String effective = get(r, col, "EffectiveDate");
      String asOf = effective.isEmpty() ? published : effective;
      if (asOf.length() >= 10) {
        asOf = asOf.substring(0, 10);
      }
      add(line, new PriceRow(region, item, from.orElse(BigDecimal.ZERO), to.orElse(null),
          ourUnit, usd.get(), source, asOf, "price list"));
    }
  }
}
