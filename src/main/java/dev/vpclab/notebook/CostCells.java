package dev.vpclab.notebook;

import dev.vpclab.cost.Comparison;
import dev.vpclab.cost.CostEngine;
import dev.vpclab.cost.CostLine;
import dev.vpclab.cost.CostPart;
import dev.vpclab.cost.CostResult;
import dev.vpclab.cost.Money;
import dev.vpclab.cost.PriceBook;
import dev.vpclab.cost.UnpricedTraffic;
import dev.vpclab.model.Layout;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The output cells of {@code cost}, {@code compare}, {@code expect cost ... < N USD} and {@code
 * expect cost a < cost b}. Rendering only: the figures come from {@link CostEngine} and {@link
 * Comparison}. Amounts are rounded half-up to cents here, and only here; JSON amounts are strings.
 */
public final class CostCells {
  /** The item and part of the line that makes the printed lines add up to the printed total. */
  static final String ROUNDING = "rounding";

  private CostCells() {}

  /** {@code cost [LAYOUT]}. */
  public static Output cost(Layout layout, PriceBook prices, int hours) {
    CostResult c = CostEngine.cost(layout, prices, hours);
    BigDecimal rounding = rounding(c);
    Json.Obj data = Json.obj()
        .put("kind", "cost")
        .put("layout", layout.name())
        .put("region", c.region())
        .put("hours", c.hours())
        .put("currency", "USD")
        .put("total", Json.money(Money.cents(c.total())))
        .put("fixed", Json.money(Money.cents(c.fixed())))
        .put("variable", Json.money(Money.cents(c.variable())))
        .put("rounding", Json.money(rounding))
        .put("parts", parts(c, CostPart.shown(c.severalVpcs())))
        .put("lines", lines(c, rounding))
        .put("unpriced", unpriced(c))
        .put("unpricedGb", Money.quantity(c.unpricedGb()))
        .put("missingPrices", Json.strings(c.missingPrices()))
        .put("unconfirmed", c.unconfirmed())
        .put("complete", c.complete())
        .put("priceVersion", prices.version())
        .put("notes", Json.strings(c.notes()));
    Blocks text = new Blocks();
    text.text(layout.name()).text(": ").text(Money.format(c.total()))
        .text(" USD a month").text(c.complete() ? "" : ", incomplete: " + c.shortfall())
        .text('\n');
    text.table(linesTable(c, rounding));
    text.add(new Block.Totals(Money.format(c.fixed()), Money.format(c.variable()),
        Money.format(c.total()), c.complete()));
    text.notes("note", c.notes());
    return new Output("cost", text.build(), data, false);
  }

  /** {@code compare a, b, ...}: delta against the first layout. */
  public static Output compare(List<Layout> layouts, PriceBook prices, int hours) {
    List<Comparison.Row> rows = Comparison.compare(layouts, prices, hours);
    List<String> names = layouts.stream().map(Layout::name).toList();
    List<CostResult> costs = rows.stream().map(Comparison.Row::cost).toList();
    List<CostPart> shown = nonZeroParts(costs);
    List<CostPart> partsOfRows = shownParts(costs);
    List<String> header = new ArrayList<>(List.of("layout"));
    shown.forEach(p -> header.add(p.key()));
    header.addAll(List.of("fixed", "variable", "total", "delta", "ENIs", "survives AZ failure",
        "unreachable pairs"));
    List<String> right = new ArrayList<>(header.subList(1, header.size() - 2));
    right.add("unreachable pairs");
    Table.Builder tb = Table.builder(header.toArray(new String[0]))
        .right(right.toArray(new String[0])).title("compare");
    List<Json> jsonRows = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (Comparison.Row r : rows) {
      CostResult c = r.cost();
      List<String> cells = new ArrayList<>(List.of(r.layout().name()));
      shown.forEach(p -> cells.add(Money.format(c.part(p))));
      cells.addAll(List.of(Money.format(c.fixed()), Money.format(c.variable()),
          totalLabel(c), Money.signed(r.delta()), Integer.toString(r.enis()),
          AzVerdict.column(r.resilience()),
          Integer.toString(r.resilience().unreachablePairs())));
      tb.row(cells);
      jsonRows.add(Json.obj()
          .put("layout", r.layout().name())
          .put("region", c.region())
          .put("total", Json.money(Money.cents(c.total())))
          .put("fixed", Json.money(Money.cents(c.fixed())))
          .put("variable", Json.money(Money.cents(c.variable())))
          .put("delta", Json.money(Money.cents(r.delta())))
          .put("parts", parts(c, partsOfRows))
          .put("enis", r.enis())
          .put("survivesAzFailure", r.resilience().survivesAzFailure())
          .put("singleAz", r.resilience().singleAz())
          .put("failingAzs", Json.strings(r.resilience().failingAzs()))
          .put("brokenPairs", r.resilience().unreachablePairs())
          .put("unreachablePairs", r.resilience().unreachablePairs())
          .put("unconfirmed", c.unconfirmed())
          .put("complete", c.complete())
          .put("unpriced", unpriced(c))
          .put("unpricedGb", Money.quantity(c.unpricedGb()))
          .put("missingPrices", Json.strings(c.missingPrices())));
      for (String n : c.notes()) {
        notes.add(r.layout().name() + ": " + n);
      }
    }
    Table table = tb.build();
    Json.Obj data = Json.obj()
        .put("kind", "compare")
        .put("layouts", Json.strings(names))
        .put("currency", "USD")
        .put("hours", hours)
        .put("rows", Json.arr(jsonRows))
        .put("notes", Json.strings(notes));
    Blocks text = new Blocks().text("compare (USD a month): ");
    for (int i = 0; i < rows.size(); i++) {
      text.text(i == 0 ? "" : ", ").text(rows.get(i).layout().name()).text(' ')
          .text(totalLabel(rows.get(i).cost()));
    }
    text.text('\n').table(table).notes("note", notes);
    return new Output("compare", text.build(), data, false);
  }

  /**
   * {@code expect cost LAYOUT < N USD}: compares the total rounded to cents with the limit. An
   * incomplete total (traffic or items not priced) fails whatever the amounts: it is a lower bound.
   */
  public static Output expectCost(Layout layout, String cmpSymbol, BigDecimal limitUsd,
      PriceBook prices, int hours, String text) {
    CostResult c = CostEngine.cost(layout, prices, hours);
    BigDecimal actual = Money.cents(c.total());
    boolean passed = holds(actual, cmpSymbol, limitUsd) && c.complete();
    Json.Obj data = Json.obj()
        .put("kind", "expect")
        .put("layout", layout.name())
        .put("passed", passed);
    String line = text + ": " + (passed ? "passed" : "FAILED") + " (" + layout.name() + ": "
        + Money.format(c.total()) + " USD a month"
        + (c.complete() ? "" : ", incomplete: " + c.shortfall()) + ")\n";
    data.put("text", line.strip())
        .put("currency", "USD")
        .put("actual", Json.money(actual))
        .put("limit", Json.money(limitUsd))
        .put("complete", c.complete());
    Blocks blocks = new Blocks().text(line);
    incomplete(blocks, layout.name(), c);
    return new Output("expect", blocks.build(), data, !passed);
  }

  /**
   * {@code expect cost A < cost B}: compares both totals rounded to cents; fails when either is
   * incomplete.
   */
  public static Output expectCostVs(Layout a, String cmpSymbol, Layout b, PriceBook prices,
      int hours, String text) {
    CostResult ca = CostEngine.cost(a, prices, hours);
    CostResult cb = CostEngine.cost(b, prices, hours);
    BigDecimal actual = Money.cents(ca.total());
    BigDecimal other = Money.cents(cb.total());
    boolean passed = holds(actual, cmpSymbol, other) && ca.complete() && cb.complete();
    Json.Obj data = Json.obj()
        .put("kind", "expect")
        .put("layouts", Json.strings(List.of(a.name(), b.name())))
        .put("passed", passed);
    String line = (text + ": " + (passed ? "passed" : "FAILED") + " ("
        + a.name() + ": " + Money.format(ca.total()) + ", " + b.name() + ": "
        + Money.format(cb.total()) + " USD a month" + whyIncomplete(a.name(), ca)
        + whyIncomplete(b.name(), cb) + ")\n");
    data.put("text", line.strip())
        .put("currency", "USD")
        .put("actual", Json.money(actual))
        .put("other", Json.money(other))
        .put("complete", ca.complete() && cb.complete());
    Blocks blocks = new Blocks().text(line);
    incomplete(blocks, a.name(), ca);
    incomplete(blocks, b.name(), cb);
    return new Output("expect", blocks.build(), data, !passed);
  }

  static boolean holds(BigDecimal actual, String cmpSymbol, BigDecimal limit) {
    int c = actual.compareTo(limit);
    return switch (cmpSymbol) {
      case "<" -> c < 0;
      case "<=" -> c <= 0;
      case ">" -> c > 0;
      case ">=" -> c >= 0;
      default -> throw new IllegalArgumentException("unknown comparison '" + cmpSymbol
          + "': use <, <=, > or >=");
    };
  }

  /** "; b is incomplete: 20 GB of traffic not priced", or "". */
  private static String whyIncomplete(String name, CostResult c) {
    return c.complete() ? "" : "; " + name + " is incomplete: " + c.shortfall();
  }

  /** The total as shown where it stands: "30.66", or "0.00 (incomplete)". */
  static String totalLabel(CostResult c) {
    return Money.format(c.total()) + (c.complete() ? "" : " (incomplete)");
  }

  private static void incomplete(Blocks blocks, String name, CostResult c) {
    if (!c.complete()) {
      blocks.add(new Block.Notes("  ", "note", List.of(name + "'s cost leaves some traffic or"
          + " items unpriced (see: cost " + name + ")")));
    }
  }

  /** Each of {@code shown}'s amounts in {@code c}, rounded to cents (0.00 when it has none). */
  private static Json.Obj parts(CostResult c, List<CostPart> shown) {
    Json.Obj parts = Json.obj();
    for (CostPart p : shown) {
      parts.put(p.key(), Json.money(Money.cents(c.part(p))));
    }
    return parts;
  }

  /**
   * The parts outputs of several layouts list (JSON, chart legends): those of designs of several
   * VPCs when one of the layouts is such a design, so that every row has the same keys.
   */
  static List<CostPart> shownParts(List<CostResult> costs) {
    return CostPart.shown(costs.stream().anyMatch(CostResult::severalVpcs));
  }

  /** The parts with an amount in some layout: the columns of a table of several layouts. */
  static List<CostPart> nonZeroParts(List<CostResult> costs) {
    List<CostPart> out = new ArrayList<>();
    for (CostPart p : CostPart.values()) {
      if (costs.stream().anyMatch(c -> c.part(p).signum() != 0)) {
        out.add(p);
      }
    }
    return out;
  }

  /**
   * What the printed lines lack to add up to the printed total: the total rounded to cents minus
   * the sum of the lines each rounded to cents (0.00 mostly; -0.01 for three lines of 9.125).
   */
  static BigDecimal rounding(CostResult c) {
    BigDecimal lines = BigDecimal.ZERO;
    for (CostLine l : c.lines()) {
      lines = lines.add(Money.cents(l.monthly()));
    }
    return Money.cents(c.total()).subtract(lines);
  }

  private static Json lines(CostResult c, BigDecimal rounding) {
    List<Json> out = new ArrayList<>();
    for (CostLine l : c.lines()) {
      out.add(Json.obj()
          .put("item", l.item())
          .put("quantity", Money.quantity(l.quantity()))
          .put("unit", l.unit())
          .put("unitPrice", Json.money(l.unitPrice()))
          .put("monthly", Json.money(Money.cents(l.monthly())))
          .put("part", l.part().key())
          .put("price", l.priceItem().key())
          .put("unconfirmed", l.unconfirmed()));
    }
    if (rounding.signum() != 0) {
      out.add(Json.obj()
          .put("item", ROUNDING)
          .put("quantity", Json.NULL)
          .put("unit", Json.NULL)
          .put("unitPrice", Json.NULL)
          .put("monthly", Json.money(rounding))
          .put("part", ROUNDING)
          .put("price", Json.NULL)
          .put("unconfirmed", false));
    }
    return Json.arr(out);
  }

  private static Json unpriced(CostResult c) {
    List<Json> out = new ArrayList<>();
    for (UnpricedTraffic u : c.unpriced()) {
      out.add(Json.obj()
          .put("instance", u.instance())
          .put("destination", u.destination())
          .put("gb", Money.quantity(u.gb()))
          .put("reason", u.reason()));
    }
    return Json.arr(out);
  }

  private static Table linesTable(CostResult c, BigDecimal rounding) {
    Table.Builder b = Table.builder("item", "quantity", "unit", "unit price", "monthly", "part")
        .right("quantity", "unit price", "monthly").title("cost of " + c.layout());
    for (CostLine l : c.lines()) {
      b.row(l.item(), Money.quantity(l.quantity()).toPlainString(), l.unit(),
          Money.price(l.unitPrice()) + (l.unconfirmed() ? "*" : ""), Money.format(l.monthly()),
          l.part().key());
    }
    if (rounding.signum() != 0) {
      b.row(ROUNDING, "", "", "", rounding.toPlainString(), ROUNDING);
    }
    return b.build();
  }
}
