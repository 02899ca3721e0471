package dev.vpclab.notebook;

import dev.vpclab.model.Eni;
import dev.vpclab.model.Instance;
import dev.vpclab.model.Layout;
import dev.vpclab.reach.BrokenPair;
import dev.vpclab.reach.DnsAnswer;
import dev.vpclab.reach.FailureAnalysis;
import dev.vpclab.reach.FailureReport;
import dev.vpclab.reach.FixSuggestion;
import dev.vpclab.reach.Hop;
import dev.vpclab.reach.PairResult;
import dev.vpclab.reach.ReachEngine;
import dev.vpclab.reach.Reachability;
import dev.vpclab.reach.Reason;
import dev.vpclab.reach.ResilienceReport;
import dev.vpclab.reach.Resolver;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The output cells of the reachability queries: check, reach, resolve, fail, resilience and the
 * reach / survive expectations. Names are validated by the caller. The JSON fields are documented
 * in docs/reach.md. Pure: builds text and JSON, prints nothing.
 */
public final class ReachCells {
  private ReachCells() {}

  // ------------------------------------------------------------------ check

  public static Output check(Layout layout) {
    Reachability r = new Reachability(layout, Set.of());
    List<PairResult> pairs = ReachEngine.check(r);
    List<String> warnings = ReachEngine.warnings(r);
    long ok = pairs.stream().filter(PairResult::reachable).count();
    long cross = pairs.stream().filter(p -> p.reachable() && p.crossAz()).count();
    StringBuilder text = new StringBuilder();
    text.append(ok).append(" of ").append(pairs.size()).append(" pairs reachable in ")
        .append(layout.name());
    if (cross > 0) {
      text.append(", ").append(cross).append(" cross-AZ");
    }
    text.append('\n');
    Table table = pairTable(pairs);
    if (!pairs.isEmpty()) {
      text.append(table.render());
    }
    appendWarnings(text, warnings);
    java.util.function.Supplier<Json.Obj> data = () -> {
      List<Json> items = new ArrayList<>();
      for (PairResult p : pairs) {
        items.add(pairJson(p));
      }
      return head("check", layout)
          .put("pairs", Json.arr(items))
          .put("reachable", ok)
          .put("total", pairs.size())
          .put("warnings", Json.strings(warnings));
    };
    return new Output("check", text.toString(), data, List.of(table), false, List.of());
  }

  private static Table pairTable(List<PairResult> pairs) {
    Table.Builder t = Table.builder("instance", "service", "reachable", "via", "target AZ",
        "cross-AZ", "path");
    for (PairResult p : pairs) {
      t.row(p.instance(), p.service(), yesNo(p.reachable()), p.via() == null ? "-" : p.via().json(),
          p.targetAz() == null ? "-" : p.targetAz(), p.reachable() ? yesNo(p.crossAz()) : "-",
          p.path());
    }
    return t.build();
  }

  private static void appendWarnings(StringBuilder text, List<String> warnings) {
    if (!warnings.isEmpty()) {
      text.append("warnings:\n");
      for (String w : warnings) {
        text.append("- ").append(w).append('\n');
      }
    }
  }

  // ------------------------------------------------------------------ reach

  public static Output reach(Layout layout, Instance instance, String service) {
    PairResult p = ReachEngine.path(layout, instance, service, Set.of());
    StringBuilder text = new StringBuilder();
    text.append(instance.name()).append(" -> ").append(service).append(" in ")
        .append(layout.name()).append(": ").append(pairLine(p)).append('\n');
    Table.Builder t = Table.builder("step", "detail", "ok");
    List<Json> hops = new ArrayList<>();
    for (Hop h : p.hops()) {
      t.row(h.step(), h.detail(), yesNo(h.ok()));
      hops.add(Json.obj().put("step", h.step()).put("detail", h.detail()).put("ok", h.ok()));
    }
    Table table = t.build();
    text.append(table.render());
    Json.Obj data = head("reach", layout).putAll(pairJson(p)).put("hops", Json.arr(hops));
    return new Output("reach", text.toString(), data, List.of(table), false);
  }

  private static String pairLine(PairResult p) {
    if (p.reachable()) {
      return "reachable via " + p.via().json() + ", " + p.path();
    }
    return "unreachable (" + String.join(", ", p.reasons().stream().map(Reason::name).toList())
        + "): " + p.path().replaceFirst("^blocked: ", "");
  }

  // ------------------------------------------------------------------ resolve

  public static Output resolve(Layout layout, String service, Instance fromOrNull) {
    DnsAnswer a = Resolver.resolve(layout, service, Set.of());
    StringBuilder text = new StringBuilder();
    text.append(a.name());
    if (fromOrNull != null) {
      text.append(" from ").append(fromOrNull.name()).append(" (").append(fromOrNull.subnet()
          .name()).append(", ").append(fromOrNull.az()).append(')');
    }
    text.append(": ");
    if (!a.answered()) {
      text.append("no answer");
    } else if (a.privateAnswer()) {
      text.append(a.enis().isEmpty() ? "no address" : String.join(", ", a.addresses()));
    } else {
      text.append("public address");
    }
    text.append(" (").append(a.note()).append(")\n");
    Table.Builder t = Table.builder("address", "AZ", "subnet", "same AZ");
    List<Json> answers = new ArrayList<>();
    for (Eni e : a.enis()) {
      String same = fromOrNull == null ? "-" : yesNo(e.az().equals(fromOrNull.az()));
      t.row(e.ip(), e.az(), e.subnet().name(), same);
      answers.add(Json.obj().put("address", e.ip()).put("az", e.az())
          .put("subnet", e.subnet().name()));
    }
    Table table = t.build();
    if (!a.enis().isEmpty()) {
      text.append(table.render());
    }
    Json.Obj data = head("resolve", layout)
        .put("name", a.name())
        .put("addresses", Json.strings(a.addresses()))
        .put("private", a.privateAnswer())
        .put("answered", a.answered());
    if (fromOrNull != null) {
      data.put("from", fromOrNull.name());
    }
    data.put("answers", Json.arr(answers)).put("note", a.note());
    return new Output("resolve", text.toString(), data, List.of(table), false);
  }

  // ------------------------------------------------------------------ fail

  public static Output fail(Layout layout, List<String> failedAzs) {
    return fail(layout, failedAzs, fix -> null);
  }

  /**
   * {@code fail az ...}, with the suggested fix priced by {@code fixPrice} (its monthly cost in
   * USD, or null when it cannot be priced).
   */
  public static Output fail(Layout layout, List<String> failedAzs,
      java.util.function.Function<FixSuggestion, java.math.BigDecimal> fixPrice) {
    FailureReport f = FailureAnalysis.fail(layout, new TreeSet<>(failedAzs));
    java.math.BigDecimal price = f.fix() == null ? null : fixPrice.apply(f.fix());
    StringBuilder text = new StringBuilder();
    text.append("failing ").append(String.join(", ", f.failed())).append(" in ")
        .append(layout.name()).append(f.broken().isEmpty() ? " breaks nothing"
            : " breaks " + f.broken().size() + (f.broken().size() == 1 ? " pair" : " pairs"))
        .append('\n');
    Table.Builder t = Table.builder("instance", "service", "AZ", "was", "now");
    List<Json> broken = new ArrayList<>();
    for (BrokenPair b : f.broken()) {
      t.row(b.instance(), b.service(), b.az(), was(b), reasons(b.reasons()));
      broken.add(brokenJson(b));
    }
    Table table = t.build();
    if (!f.broken().isEmpty()) {
      text.append(table.render());
    }
    if (!f.down().isEmpty()) {
      text.append("down with their AZ: ").append(String.join(", ", f.down())).append(" (")
          .append(f.instancesDown()).append(f.instancesDown() == 1 ? " instance)\n"
              : " instances)\n");
    }
    if (f.fix() != null) {
      text.append("fix: ").append(f.fix().statement());
      if (price != null) {
        text.append("  (+").append(dev.vpclab.cost.Money.format(price)).append(" USD a month)");
      }
      text.append('\n');
    }
    Json.Obj data = head("fail", layout)
        .put("failed", Json.strings(f.failed()))
        .put("broken", Json.arr(broken))
        .put("fix", f.fix() == null ? null : f.fix().statement())
        .put("fixMonthly", price == null ? Json.NULL : Json.money(dev.vpclab.cost.Money.cents(price)))
        .put("fixDetail", fixJson(f.fix()))
        .put("down", Json.strings(f.down()))
        .put("instancesDown", f.instancesDown());
    return new Output("fail", text.toString(), data, List.of(table), false);
  }

  private static String was(BrokenPair b) {
    return b.before().json() + (b.beforeTargetAz() == null ? "" : " in " + b.beforeTargetAz());
  }

  private static String reasons(List<Reason> reasons) {
    return String.join(", ", reasons.stream().map(Reason::name).toList());
  }

  private static Json.Obj brokenJson(BrokenPair b) {
    return Json.obj().put("instance", b.instance()).put("service", b.service())
        .put("az", b.az()).put("via", b.before().json()).put("targetAz", b.beforeTargetAz())
        .put("reasons", Json.strings(b.reasons().stream().map(Reason::name).toList()));
  }

  private static Json fixJson(FixSuggestion fix) {
    if (fix == null) {
      return Json.NULL;
    }
    return Json.obj().put("statement", fix.statement())
        .put("services", Json.strings(fix.services()))
        .put("azs", Json.strings(fix.azs()))
        .put("enis", fix.addedEnis())
        .put("nats", Json.strings(fix.natAzs()))
        .put("publicSubnets", Json.strings(fix.publicSubnetAzs()));
  }

  // ------------------------------------------------------------------ resilience

  public static Output resilience(Layout layout) {
    ResilienceReport r = FailureAnalysis.resilience(layout);
    StringBuilder text = new StringBuilder(AzVerdict.headline(r)).append('\n');
    Table.Builder t = Table.builder("AZ", "broken", "services", "instances down", "fix")
        .right("broken", "instances down");
    List<Json> rows = new ArrayList<>();
    for (FailureReport f : r.rows()) {
      String az = f.failed().get(0);
      List<String> services = brokenServices(f);
      t.row(az, Integer.toString(f.broken().size()), services.isEmpty() ? "-"
          : String.join(", ", services), Long.toString(f.instancesDown()),
          f.fix() == null ? "-" : f.fix().statement());
      rows.add(Json.obj().put("az", az).put("broken", f.broken().size())
          .put("services", Json.strings(services))
          .put("instancesDown", f.instancesDown())
          .put("fix", f.fix() == null ? null : f.fix().statement()));
    }
    Table table = t.build();
    if (!r.rows().isEmpty()) {
      text.append(table.render());
    }
    Json.Obj data = head("resilience", layout)
        .put("rows", Json.arr(rows))
        .put("survivesAzFailure", r.survivesAzFailure())
        .put("singleAz", r.singleAz())
        .put("brokenPairs", r.brokenPairs())
        .put("unreachablePairs", r.unreachablePairs());
    return new Output("resilience", text.toString(), data, List.of(table), false);
  }

  private static List<String> brokenServices(FailureReport f) {
    return List.copyOf(new TreeSet<>(f.broken().stream().map(BrokenPair::service).toList()));
  }

  // ------------------------------------------------------------------ expectations

  /** expect LAYOUT reaches: every need of every instance is reachable. */
  public static Output expectReaches(Layout layout) {
    List<PairResult> pairs = ReachEngine.check(layout, Set.of());
    List<PairResult> bad = pairs.stream().filter(p -> !p.reachable()).toList();
    boolean passed = bad.isEmpty();
    String first = "expect " + layout.name() + " reaches: " + (passed ? "passed" : "FAILED")
        + " (" + (pairs.size() - bad.size()) + " of " + pairs.size() + " pairs reachable)";
    StringBuilder text = new StringBuilder(first).append('\n');
    Table table = pairTable(bad);
    if (!passed) {
      text.append(table.render());
    }
    List<Json> items = new ArrayList<>();
    for (PairResult p : bad) {
      items.add(pairJson(p));
    }
    Json.Obj data = expectHead(layout, passed, text.toString()).put("unreachable",
        Json.arr(items));
    return new Output("expect", text.toString(), data, passed ? List.of() : List.of(table),
        !passed);
  }

  /** expect INSTANCE reaches SERVICE in LAYOUT. */
  public static Output expectReaches(Layout layout, Instance instance, String service) {
    PairResult p = ReachEngine.path(layout, instance, service, Set.of());
    String text = "expect " + instance.name() + " reaches " + service + " in " + layout.name()
        + ": " + (p.reachable() ? "passed" : "FAILED") + " (" + pairLine(p) + ")\n";
    Json.Obj data = expectHead(layout, p.reachable(), text).putAll(pairJson(p));
    return new Output("expect", text, data, List.of(), !p.reachable());
  }

  /** expect LAYOUT survives az failure. */
  public static Output expectSurvives(Layout layout) {
    ResilienceReport r = FailureAnalysis.resilience(layout);
    boolean passed = r.survivesAzFailure();
    StringBuilder text = new StringBuilder("expect " + layout.name() + " survives az failure: "
        + (passed ? "passed" : "FAILED"));
    List<String> failing = new ArrayList<>();
    Set<String> fixes = new LinkedHashSet<>();
    for (FailureReport f : r.rows()) {
      if (!f.broken().isEmpty()) {
        failing.add("failing " + f.failed().get(0) + " breaks " + f.broken().size()
            + (f.broken().size() == 1 ? " pair" : " pairs") + " ("
            + String.join(", ", brokenServices(f)) + ")");
        fixes.add(f.fix().statement());
      }
    }
    String detail = AzVerdict.expectDetail(r);
    text.append(" (").append(detail != null ? detail : String.join("; ", failing)).append(")\n");
    for (String fix : fixes) {
      text.append("fix: ").append(fix).append('\n');
    }
    Json.Obj data = expectHead(layout, passed, text.toString())
        .put("singleAz", r.singleAz())
        .put("brokenPairs", r.brokenPairs())
        .put("unreachablePairs", r.unreachablePairs());
    return new Output("expect", text.toString(), data, List.of(), !passed);
  }

  private static Json.Obj expectHead(Layout layout, boolean passed, String text) {
    return head("expect", layout).put("passed", passed).put("text", text.strip());
  }

  // ------------------------------------------------------------------ shared

  private static Json.Obj head(String kind, Layout layout) {
    return Json.obj().put("kind", kind).put("layout", layout.name());
  }

  /** The documented fields of one pair. */
  private static Json.Obj pairJson(PairResult p) {
    return Json.obj().put("instance", p.instance()).put("service", p.service())
        .put("reachable", p.reachable()).put("via", p.via() == null ? null : p.via().json())
        .put("targetAz", p.targetAz()).put("crossAz", p.crossAz())
        .put("reason", p.reason() == null ? null : p.reason().name())
        .put("reasons", Json.strings(p.reasons().stream().map(Reason::name).toList()))
        .put("path", p.path());
  }

  private static String yesNo(boolean b) {
    return b ? "yes" : "no";
  }
}
