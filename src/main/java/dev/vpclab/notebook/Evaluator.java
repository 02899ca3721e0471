package dev.vpclab.notebook;

import dev.vpclab.lang.Ast;
import dev.vpclab.model.Layout;
import java.util.List;

/** Evaluates a bound query with the engines and returns its output cell. */
final class Evaluator {
  private Evaluator() {}

  static Output evaluate(Bound b) {
    Ast.Query q = b.query();
    String kind = kind(q);
    return pending(kind, b.layouts(), kindNeedsEngine(kind));
  }

  static String kind(Ast.Query q) {
    if (q instanceof Ast.Check) {
      return "check";
    } else if (q instanceof Ast.Reach) {
      return "reach";
    } else if (q instanceof Ast.Resolve) {
      return "resolve";
    } else if (q instanceof Ast.Fail) {
      return "fail";
    } else if (q instanceof Ast.Resilience) {
      return "resilience";
    } else if (q instanceof Ast.CostQuery) {
      return "cost";
    } else if (q instanceof Ast.Compare) {
      return "compare";
    } else if (q instanceof Ast.Chart) {
      return "chart";
    } else if (q instanceof Ast.Sweep) {
      return "sweep";
    }
    return "expect";
  }

  private static String kindNeedsEngine(String kind) {
    return switch (kind) {
      case "cost", "compare" -> "the cost engine";
      case "chart", "sweep" -> "charts";
      default -> "the reachability engine";
    };
  }

  /** A clear one-line cell for a query whose engine is not in this version. */
  static Output pending(String kind, List<Layout> layouts, String engine) {
    Json.Obj data = Json.obj().put("kind", kind);
    if (layouts.size() == 1) {
      data.put("layout", layouts.get(0).name());
    } else {
      data.put("layouts", Json.strings(layouts.stream().map(Layout::name).toList()));
    }
    data.put("pending", true);
    String text = kind + ": not evaluated; " + engine + " is not in this version of vpclab";
    data.put("text", text);
    return new Output(kind, text + "\n", data, List.of(), false);
  }
}
