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
import dev.vpclab.reach.Link;
import dev.vpclab.reach.PairResult;
import dev.vpclab.reach.ReachEngine;
import dev.vpclab.reach.Reachability;
import dev.vpclab.reach.Reason;
import dev.vpclab.reach.ResilienceReport;
import dev.vpclab.reach.Resolver;
import dev.vpclab.reach.Via;
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
    Blocks text = new Blocks();
    text.text(ok).text(" of ").text(pairs.size()).text(" pairs reachable in ")
        .text(layout.name());
    if (cross > 0) {
      text.text(", ").text(cross).text(" cross-AZ");
    }
    text.text('\n');
    Table table = pairTable(pairs, layout.severalVpcs());
    text.table(table);
    appendWarnings(text, warnings);
    boolean multi = multi(layout);
    java.util.function.Supplier<Json.Obj> data = () -> {
      List<Json> items = new ArrayList<>();
      for (PairResult p : pairs) {
        items.add(pairJson(p, multi));
      }
      return head("check", layout)
          .put("pairs", Json.arr(items))
          .put("reachable", ok)
          .put("total", pairs.size())
          .put("warnings", Json.strings(warnings));
    };
    return new Output("check", text.build(), data, false);
  }

  /** The pairs as a table; with several VPCs, a {@code vpc} column after the instance. */
  private static Table pairTable(List<PairResult> pairs, boolean severalVpcs) {
    Table.Builder t = severalVpcs
        ? Table.builder("instance", "vpc", "service", "reachable", "via", "target AZ",
            "cross-AZ", "path")
        : Table.builder("instance", "service", "reachable", "via", "target AZ", "cross-AZ",
            "path");
    for (PairResult p : pairs) {
      List<String> row = new ArrayList<>(List.of(p.instance(), p.service(), yesNo(p.reachable()),
          p.via() == null ? "-" : p.via().json(), p.targetAz() == null ? "-" : p.targetAz(),
          p.reachable() ? yesNo(p.crossAz()) : "-", p.path()));
      if (severalVpcs) {
        row.add(1, p.vpc());
      }
      t.row(row);
    }
    return t.build();
  }

  /**
   * Whether a layout shows what single-VPC layouts never do (VPC, link, placements): it has
   * several VPCs or a spread group.
   */
  static boolean multi(Layout layout) {
    return layout.severalVpcs() || layout.instances().stream().anyMatch(Instance::spread);
  }

  private static void appendWarnings(Blocks text, List<String> warnings) {
    if (!warnings.isEmpty()) {
      text.text("warnings:\n");
      for (String w : warnings) {
        text.text("- ").text(w).text('\n');
      }
    }
  }

  // ------------------------------------------------------------------ reach

  /**
   * {@code reach I -> D}: the path hop by hop; for a spread group, the group's verdict and then
   * each placement's path (JSON {@code placements}).
   */
  public static Output reach(Layout layout, Instance instance, String service) {
    boolean multi = multi(layout);
    Reachability r = new Reachability(layout, Set.of());
    List<PairResult> paths = ReachEngine.paths(r, instance, service);
    PairResult p = instance.spread() ? ReachEngine.group(instance, service, paths)
        : paths.get(0);
    Blocks text = new Blocks();
    text.text(instance.name()).text(inVpc(layout, instance)).text(" -> ").text(service)
        .text(" in ").text(layout.name()).text(": ").text(pairLine(p)).text('\n');
    List<Json> placements = new ArrayList<>();
    Json.Arr hops = Json.arr(List.of());
    for (PairResult one : paths) {
      if (instance.spread()) {
        text.text(one.instance()).text(": ").text(pairLine(one)).text('\n');
      }
      List<Json> oneHops = new ArrayList<>();
      text.table(hopTable(one, oneHops));
      if (instance.spread()) {
        placements.add(pairJson(one, true).put("hops", Json.arr(oneHops)));
      } else {
        hops = Json.arr(oneHops);
      }
    }
    Json.Obj data = head("reach", layout).putAll(pairJson(p, multi)).put("hops", hops);
    if (instance.spread()) {
      data.put("placements", Json.arr(placements));
    }
    return new Output("reach", text.build(), data, false);
  }

  private static Table hopTable(PairResult p, List<Json> json) {
    Table.Builder t = Table.builder("step", "detail", "ok");
    for (Hop h : p.hops()) {
      t.row(h.step(), h.detail(), yesNo(h.ok()));
      json.add(Json.obj().put("step", h.step()).put("detail", h.detail()).put("ok", h.ok()));
    }
    return t.build();
  }

  /** " (VPC app)" after an instance's name in a design of several VPCs, else nothing. */
  private static String inVpc(Layout layout, Instance instance) {
    return layout.severalVpcs() ? " (VPC " + instance.vpc() + ")" : "";
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
    DnsAnswer a = fromOrNull == null ? Resolver.resolve(layout, service, Set.of())
        : Resolver.resolve(layout, layout.vpcOf(fromOrNull), service, Set.of());
    StringBuilder text = new StringBuilder();
    text.append(a.name());
    if (fromOrNull != null) {
      text.append(" from ").append(fromOrNull.name()).append(" (").append(String.join("; ",
          fromOrNull.placements().stream().map(p -> p.subnet().name() + ", " + p.az())
              .toList())).append(layout.severalVpcs() ? "; VPC " + fromOrNull.vpc() : "")
          .append(')');
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
      String same = fromOrNull == null || fromOrNull.spread() ? "-"
          : yesNo(e.az().equals(fromOrNull.az()));
      t.row(e.ip(), e.az(), e.subnet().name(), same);
      answers.add(Json.obj().put("address", e.ip()).put("az", e.az())
          .put("subnet", e.subnet().name()));
    }
    Table table = t.build();
    List<Block> blocks = List.of(new Block.Text(text.toString()), new Block.TableBlock(table));
    Json.Obj data = head("resolve", layout)
        .put("name", a.name())
        .put("addresses", Json.strings(a.addresses()))
        .put("private", a.privateAnswer())
        .put("answered", a.answered());
    if (fromOrNull != null) {
      data.put("from", fromOrNull.name());
      if (multi(layout)) {
        data.put("vpc", fromOrNull.vpc());
      }
    }
    data.put("answers", Json.arr(answers)).put("note", a.note());
    return new Output("resolve", blocks, data, false);
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
    Blocks text = new Blocks();
    text.text("failing ").text(String.join(", ", f.failed())).text(" in ")
        .text(layout.name()).text(f.broken().isEmpty() ? " breaks nothing"
            : " breaks " + f.broken().size() + (f.broken().size() == 1 ? " pair" : " pairs"))
        .text('\n');
    boolean several = layout.severalVpcs();
    boolean multi = multi(layout);
    Table.Builder t = several ? Table.builder("instance", "vpc", "service", "AZ", "was", "now")
        : Table.builder("instance", "service", "AZ", "was", "now");
    List<Json> broken = new ArrayList<>();
    for (BrokenPair b : f.broken()) {
      List<String> row = new ArrayList<>(List.of(b.instance(), b.service(), b.az(), was(b),
          reasons(b.reasons())));
      if (several) {
        row.add(1, b.vpc());
      }
      t.row(row);
      broken.add(brokenJson(b, multi));
    }
    text.table(t.build());
    if (!f.down().isEmpty()) {
      text.notes("down with their AZ", List.of(String.join(", ", f.down()) + " ("
          + f.instancesDown() + (f.instancesDown() == 1 ? " instance)" : " instances)")));
    }
    if (f.fix() != null) {
      text.notes("fix", List.of(f.fix().statement() + (price == null ? ""
          : "  (+" + dev.vpclab.cost.Money.format(price) + " USD a month)")));
    }
    Json.Obj data = head("fail", layout)
        .put("failed", Json.strings(f.failed()))
        .put("broken", Json.arr(broken))
        .put("fix", f.fix() == null ? null : f.fix().statement())
        .put("fixMonthly", price == null ? Json.NULL : Json.money(dev.vpclab.cost.Money.cents(price)))
        .put("fixDetail", fixJson(f.fix(), multi))
        .put("down", Json.strings(f.down()))
        .put("instancesDown", f.instancesDown());
    return new Output("fail", text.build(), data, false);
  }

  private static String was(BrokenPair b) {
    return b.before().json() + (b.beforeTargetAz() == null ? "" : " in " + b.beforeTargetAz())
        + (b.link() == null || b.before() != Via.ENDPOINT ? ""
            : " via " + b.link().routeTarget());
  }

  private static String reasons(List<Reason> reasons) {
    return String.join(", ", reasons.stream().map(Reason::name).toList());
  }

  private static Json.Obj brokenJson(BrokenPair b, boolean multi) {
    Json.Obj o = Json.obj().put("instance", b.instance()).put("service", b.service())
        .put("az", b.az()).put("via", b.before().json()).put("targetAz", b.beforeTargetAz())
        .put("reasons", Json.strings(b.reasons().stream().map(Reason::name).toList()));
    if (multi) {
      o.put("vpc", b.vpc()).put("link", linkJson(b.link()));
    }
    return o;
  }

  private static Json fixJson(FixSuggestion fix, boolean multi) {
    if (fix == null) {
      return Json.NULL;
    }
    Json.Obj o = Json.obj().put("statement", fix.statement())
        .put("services", Json.strings(fix.services()))
        .put("azs", Json.strings(fix.azs()))
        .put("enis", fix.addedEnis())
        .put("nats", Json.strings(fix.natAzs()))
        .put("publicSubnets", Json.strings(fix.publicSubnetAzs()));
    if (multi) {
      o.put("attachmentAzs", Json.strings(fix.addedAttachmentAzs()));
    }
    return o;
  }

  private static Json linkJson(Link link) {
    return link == null ? Json.NULL
        : Json.obj().put("kind", link.kind().json()).put("name", link.name());
  }

  // ------------------------------------------------------------------ resilience

  public static Output resilience(Layout layout) {
    ResilienceReport r = FailureAnalysis.resilience(layout);
    Blocks text = new Blocks().text(AzVerdict.headline(r)).text('\n');
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
    text.table(t.build());
    Json.Obj data = head("resilience", layout)
        .put("rows", Json.arr(rows))
        .put("survivesAzFailure", r.survivesAzFailure())
        .put("singleAz", r.singleAz())
        .put("brokenPairs", r.brokenPairs())
        .put("unreachablePairs", r.unreachablePairs());
    return new Output("resilience", text.build(), data, false);
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
    Blocks text = new Blocks().text(first).text('\n');
    if (!passed) {
      text.table(pairTable(bad, layout.severalVpcs()));
    }
    List<Json> items = new ArrayList<>();
    for (PairResult p : bad) {
      items.add(pairJson(p, multi(layout)));
    }
    List<Block> blocks = text.build();
    Json.Obj data = expectHead(layout, passed, Output.text(blocks)).put("unreachable",
        Json.arr(items));
    return new Output("expect", blocks, data, !passed);
  }

  /** expect INSTANCE reaches SERVICE in LAYOUT. */
  public static Output expectReaches(Layout layout, Instance instance, String service) {
    List<PairResult> paths = ReachEngine.paths(new Reachability(layout, Set.of()), instance,
        service);
    PairResult p = instance.spread() ? ReachEngine.group(instance, service, paths)
        : paths.get(0);
    String text = "expect " + instance.name() + " reaches " + service + " in " + layout.name()
        + ": " + (p.reachable() ? "passed" : "FAILED") + " (" + pairLine(p) + ")\n";
    Json.Obj data = expectHead(layout, p.reachable(), text).putAll(pairJson(p, multi(layout)));
    return new Output("expect", List.of(new Block.Text(text)), data, !p.reachable());
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
        if (f.fix() != null) {
          fixes.add(f.fix().statement());
        }
      }
    }
    String detail = AzVerdict.expectDetail(r);
    text.append(" (").append(detail != null ? detail : String.join("; ", failing)).append(")\n");
    List<Block> blocks = new Blocks().text(text).notes("fix", List.copyOf(fixes)).build();
    Json.Obj data = expectHead(layout, passed, Output.text(blocks))
        .put("singleAz", r.singleAz())
        .put("brokenPairs", r.brokenPairs())
        .put("unreachablePairs", r.unreachablePairs());
    return new Output("expect", blocks, data, !passed);
  }

  private static Json.Obj expectHead(Layout layout, boolean passed, String text) {
    return head("expect", layout).put("passed", passed).put("text", text.strip());
  }

  // ------------------------------------------------------------------ shared

  private static Json.Obj head(String kind, Layout layout) {
    return Json.obj().put("kind", kind).put("layout", layout.name());
  }

  /** The documented fields of one pair; {@code vpc} and {@code link} too in a multi layout. */
  private static Json.Obj pairJson(PairResult p, boolean multi) {
    Json.Obj o = Json.obj().put("instance", p.instance()).put("service", p.service())
        .put("reachable", p.reachable()).put("via", p.via() == null ? null : p.via().json())
        .put("targetAz", p.targetAz()).put("crossAz", p.crossAz())
        .put("reason", p.reason() == null ? null : p.reason().name())
        .put("reasons", Json.strings(p.reasons().stream().map(Reason::name).toList()))
        .put("path", p.path());
    if (multi) {
      o.put("vpc", p.vpc()).put("link", linkJson(p.link()));
    }
    return o;
  }

  private static String yesNo(boolean b) {
    return b ? "yes" : "no";
  }
}
