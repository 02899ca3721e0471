package dev.vpclab.notebook;

import dev.vpclab.cost.CostEngine;
import dev.vpclab.cost.Money;
import dev.vpclab.lang.Ast;
import dev.vpclab.model.Layout;
import dev.vpclab.reach.FixSuggestion;
import java.math.BigDecimal;
import java.util.List;

/** Evaluates a bound query with the engines and returns its output cell. */
final class Evaluator {
  private Evaluator() {}

  static Output evaluate(Bound b) {
    return evaluate(b, "cell-1", ChartFiles.CHARTS);
  }

  /**
   * Evaluates {@code b}, drawing charts as {@code charts} says; a chart without a file name is
   * named {@code chart + "-KIND.png"} ({@code chart} is "cell-3", "cell-3-2" for the second query
   * of REPL input 3, or "plan-cell-3" in a run of several files).
   */
  static Output evaluate(Bound b, String chart, ChartFiles charts) {
    Ast.Query q = b.query();
    if (q instanceof Ast.Check) {
      return ReachCells.check(b.layout());
    } else if (q instanceof Ast.Reach r) {
      return ReachCells.reach(b.layout(), b.instance(), r.service().text());
    } else if (q instanceof Ast.Resolve r) {
      return ReachCells.resolve(b.layout(), r.service().text(), b.instance());
    } else if (q instanceof Ast.Fail) {
      return ReachCells.fail(b.layout(), b.azs(), fix -> fixPrice(b, fix));
    } else if (q instanceof Ast.Resilience) {
      return ReachCells.resilience(b.layout());
    } else if (q instanceof Ast.CostQuery) {
      return CostCells.cost(b.layout(), b.pricing(), b.hours());
    } else if (q instanceof Ast.Compare) {
      Output compare = CostCells.compare(b.layouts(), b.pricing(), b.hours());
      List<Output.Artifact> drawn = ChartCells.compareChart(b.layouts(), b.pricing(), b.hours(),
          chart, charts);
      return drawn.isEmpty() ? compare : compare.withArtifacts(drawn);
    } else if (q instanceof Ast.ExpectReaches e) {
      return e.service() == null ? ReachCells.expectReaches(b.layout())
          : ReachCells.expectReaches(b.layout(), b.instance(), e.service().text());
    } else if (q instanceof Ast.ExpectSurvives) {
      return ReachCells.expectSurvives(b.layout());
    } else if (q instanceof Ast.ExpectCost e) {
      if (e.other() != null) {
        return CostCells.expectCostVs(b.layouts().get(0), e.cmp().symbol(), b.layouts().get(1),
            b.pricing(), b.hours(), e.text());
      }
      return CostCells.expectCost(b.layout(), e.cmp().symbol(), e.limit().usd(), b.pricing(),
          b.hours(), e.text());
    } else if (q instanceof Ast.Chart c) {
      return c.what() == Ast.ChartKind.COST
          ? ChartCells.cost(b.layouts(), b.pricing(), b.hours(), c.file(), chart, charts)
          : ChartCells.resilience(b.layouts(), c.file(), chart, charts);
    } else if (q instanceof Ast.Sweep s) {
      return ChartCells.sweep(b.layouts(), b.pricing(), b.hours(), s.from().gb(), s.to().gb(),
          s.step() == null ? null : s.step().gb(), s.file(), chart, charts);
    }
    return pending(kind(q), b.layouts(), "queries of this kind are");
  }

  /**
   * What a suggested fix adds to the monthly bill: the fixed design ({@link FixSuggestion#apply})
   * costed, less the design's cost now. Null when the fix cannot be made on this design (it then
   * is only text).
   */
  static BigDecimal fixPrice(Bound b, FixSuggestion fix) {
    Layout fixed;
    try {
      fixed = fix.apply(b.layout());
    } catch (IllegalArgumentException e) {
      return null;
    }
    return Money.cents(CostEngine.cost(fixed, b.pricing(), b.hours()).total()
        .subtract(CostEngine.cost(b.layout(), b.pricing(), b.hours()).total()));
  }

  static String kind(Ast.Query q) {
    if (q instanceof Ast.Chart) {
      return "chart";
    } else if (q instanceof Ast.Sweep) {
      return "sweep";
    }
    return q.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
  }

  /** A clear one-line cell for a query whose engine is not in this version. */
  static Output pending(String kind, List<Layout> layouts, String what) {
    Json.Obj data = Json.obj().put("kind", kind);
    if (layouts.size() == 1) {
      data.put("layout", layouts.get(0).name());
    } else {
      data.put("layouts", Json.strings(layouts.stream().map(Layout::name).toList()));
    }
    String text = kind + ": not evaluated; " + what + " not in this version of vpclab yet";
    data.put("pending", true);
    data.put("text", text);
    return new Output(kind, List.of(new Block.Text(text + "\n")), data, false);
  }
}
