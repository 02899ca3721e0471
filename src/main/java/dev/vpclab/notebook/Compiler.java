package dev.vpclab.notebook;

import dev.vpclab.cost.PriceBook;
import dev.vpclab.lang.Ast;
import dev.vpclab.lang.Ast.Name;
import dev.vpclab.lang.Diagnostics;
import dev.vpclab.lang.SourceFile;
import dev.vpclab.lang.Span;
import dev.vpclab.lang.Suggest;
import dev.vpclab.model.Instance;
import dev.vpclab.model.Layout;
import dev.vpclab.model.LayoutBuilder;
import dev.vpclab.model.LayoutDef;
import dev.vpclab.model.Region;
import dev.vpclab.model.Services;
import dev.vpclab.model.SourcedStmt;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Walks a program's items in order against a session {@link State}: settings change the state,
 * layout blocks and bare statements define layouts (built and validated as soon as they are
 * complete), and queries are bound to the layouts they name. Every problem goes to the
 * diagnostics; nothing is evaluated here.
 */
final class Compiler {
  static final String MAIN = "main";
  static final int MAX_HOURS = 744;
  /**
   * The statements one input may build, over all its layouts: each layout counts its own and those
   * it inherits (a chain of layouts each extending the last, or statements written between queries,
   * would otherwise cost quadratic time and memory).
   */
  static final int MAX_STATEMENTS = 1_000_000;

  private final SourceFile source;
  private final Diagnostics diagnostics;
  private final SourceLoader loader;
  /** Region, hours and prices; the layouts and the current one are the two fields below. */
  private State state;
  /** The session's layouts as this input changes them (one map, not a copy per layout). */
  private final java.util.Map<String, LayoutEntry> layouts;
  private String current;
  private final List<Bound> bound = new ArrayList<>();
  /** Bare statements not yet added to the current layout. */
  private final List<SourcedStmt> pending = new ArrayList<>();
  private final java.util.Map<String, Span> declaredHere = new java.util.HashMap<>();
  /**
   * Layouts declared with an error in their first line, or extending such a layout: their names
   * are known, so that using them reports nothing more.
   */
  private final java.util.Set<String> broken = new java.util.HashSet<>();
  /** Statements built so far, against {@link #MAX_STATEMENTS}; past it, compiling stops. */
  private long built;
  private boolean overBudget;

  Compiler(State state, SourceFile source, Diagnostics diagnostics, SourceLoader loader) {
    this.state = state;
    this.layouts = new java.util.LinkedHashMap<>(state.layouts());
    this.current = state.current();
    this.source = source;
    this.diagnostics = diagnostics;
    this.loader = loader;
  }

  State state() {
    return new State(state.region(), state.hours(), state.pricingOrBuiltIn(), layouts, current);
  }

  List<Bound> bound() {
    return bound;
  }

  void compile(Ast.Program program) {
    for (Ast.Item item : program.items()) {
      if (overBudget) {
        return;
      }
      if (item instanceof Ast.Stmt stmt) {
        pending.add(new SourcedStmt(source, stmt));
        continue;
      }
      flushPending();
      if (item instanceof Ast.Setting setting) {
        setting(setting);
      } else if (item instanceof Ast.LayoutDecl decl) {
        layout(decl);
      } else if (item instanceof Ast.BrokenLayout b) {
        broken.add(b.name().text());
      } else if (item instanceof Ast.Use use) {
        if (entry(use.layout()) != null) {
          current = use.layout().text();
        }
      } else if (item instanceof Ast.Query query) {
        query(query);
      }
    }
    flushPending();
  }

  // ------------------------------------------------------------------ settings

  private void setting(Ast.Setting setting) {
    if (setting instanceof Ast.RegionSet r) {
      Optional<Region> region = Region.of(r.region().text());
      if (region.isEmpty()) {
        String hint = Suggest.didYouMean(r.region().text(), Region.codes());
        diagnostics.error(source, r.region().span(), "unknown region " + r.region().text(),
            hint != null ? hint : "vpclab knows: " + String.join(", ", Region.codes()));
      } else {
        state = state.withRegion(region.get());
      }
    } else if (setting instanceof Ast.HoursSet h) {
      BigDecimal v = h.hours().value();
      if (v.signum() <= 0 || v.stripTrailingZeros().scale() > 0
          || v.compareTo(BigDecimal.valueOf(MAX_HOURS)) > 0) {
        diagnostics.error(source, h.hours().span(), "hours must be a whole number from 1 to "
            + MAX_HOURS, "AWS bills partial hours as full hours; a month has 730 on average");
      } else {
        state = state.withHours(v.intValueExact());
      }
    } else if (setting instanceof Ast.PriceSet p) {
      state = state.withPricing(PricingSettings.override(state.pricing(), state.region(), p,
          source, diagnostics));
    } else if (setting instanceof Ast.PricesLoad p) {
      state = state.withPricing(PricingSettings.load(state.pricing(), p, source, diagnostics,
          loader));
    }
  }

  // ------------------------------------------------------------------ layouts

  private void layout(Ast.LayoutDecl decl) {
    String name = decl.name().text();
    LayoutDef def;
    if (decl.parent() != null) {
      if (decl.parent().text().equals(name) && !layouts.containsKey(name)) {
        diagnostics.error(source, decl.parent().span(), "layout " + name + " cannot extend itself",
            null);
        return;
      }
      LayoutEntry parent = entry(decl.parent());
      if (parent == null) {
        if (broken.contains(decl.parent().text())) {
          broken.add(name);
        }
        return;
      }
      def = parent.def().copyAs(name, source, decl.span());
    } else {
      def = new LayoutDef(name, state.region(), List.of(), source, decl.span());
    }
    Span earlier = declaredHere.put(name, decl.name().span());
    if (earlier != null) {
      diagnostics.warning(source, decl.name().span(), "layout " + name + " is declared again; "
          + "this one replaces the one at line " + earlier.line(), null);
    }
    List<SourcedStmt> body = new ArrayList<>();
    for (Ast.Stmt s : decl.body()) {
      body.add(new SourcedStmt(source, s));
    }
    define(def.plus(body), decl.span());
  }

  private void flushPending() {
    if (pending.isEmpty()) {
      return;
    }
    LayoutEntry cur = current == null ? null : layouts.get(current);
    LayoutDef def = cur != null ? cur.def()
        : new LayoutDef(MAIN, state.region(), List.of(), source, pending.get(0).stmt().span());
    define(def.plus(pending), pending.get(0).stmt().span());
    pending.clear();
  }

  private void define(LayoutDef def, Span at) {
    built += def.stmts().size();
    if (built > MAX_STATEMENTS) {
      overBudget = true;
      diagnostics.error(source, at, "the layouts of this input hold more than " + MAX_STATEMENTS
          + " statements in all (each layout counts its own and those it inherits)",
          "split the input into several files, or extend fewer layouts");
      return;
    }
    Layout layout = LayoutBuilder.build(def, diagnostics).orElse(null);
    layouts.put(def.name(), new LayoutEntry(def, layout));
    current = def.name();
  }

  /** The layout a name refers to, or null after reporting that it is unknown. */
  private LayoutEntry entry(Name name) {
    LayoutEntry e = layouts.get(name.text());
    if (e == null && !broken.contains(name.text())) {
      // the hint is computed during this call (or never), from the layouts as they are now
      diagnostics.errorLazy(source, name.span(), "unknown layout " + name.text(), () -> {
        String hint = Suggest.didYouMean(name.text(), layouts.keySet());
        if (hint == null) {
          hint = layouts.isEmpty() ? "declare it first: layout " + name.text() + " { ... }"
              : "the layouts are: " + String.join(", ", layouts.keySet());
        }
        return hint;
      });
    }
    return e;
  }

  /**
   * The built layout a query means (the current one when {@code name} is null), or null: after
   * reporting an unknown name, or silently when the layout has errors already reported.
   */
  private Layout layoutFor(Name name, Span querySpan) {
    LayoutEntry e;
    if (name == null) {
      if (current == null) {
        diagnostics.error(source, querySpan, "there is no layout yet",
            "declare one with 'layout NAME { ... }', or write statements such as "
                + "'az 1a subnet private'");
        return null;
      }
      e = layouts.get(current);
    } else {
      e = entry(name);
    }
    return e == null ? null : e.layout();
  }

  // ------------------------------------------------------------------ queries

  private void query(Ast.Query q) {
    if (q instanceof Ast.Check c) {
      bind(q, layoutFor(c.layout(), c.span()));
    } else if (q instanceof Ast.Reach r) {
      Layout l = layoutFor(r.layout(), r.span());
      Instance i = l == null ? null : instance(l, r.instance());
      if (i != null && service(l, r.service())) {
        bind(q, List.of(l), i, List.of());
      }
    } else if (q instanceof Ast.Resolve r) {
      Layout l = layoutFor(r.layout(), r.span());
      if (l == null) {
        return;
      }
      Instance from = r.from() == null ? null : instance(l, r.from());
      if (r.from() != null && from == null) {
        return;
      }
      if (r.service().text().equals(Services.INTERNET)) {
        diagnostics.error(source, r.service().span(), "resolve takes a service name", null);
        return;
      }
      if (l.isInstance(r.service().text())) {
        diagnostics.error(source, r.service().span(), "resolve takes a service name; "
            + r.service().text() + " is an instance (vpclab takes instances' addresses as known)",
            "reach " + (from != null ? from.name() : "INSTANCE") + " -> " + r.service().text()
                + " shows the path to it");
        return;
      }
      if (from == null && l.severalVpcs()) {
        diagnostics.error(source, r.service().span(), "the answer depends on the VPC: layout "
            + l.name() + " has " + l.vpcs().size() + " VPCs", "name an instance: resolve "
            + r.service().text() + " from " + (l.instances().isEmpty() ? "INSTANCE"
                : l.instances().get(0).name()));
        return;
      }
      if (service(l, r.service())) {
        bind(q, List.of(l), from, List.of());
      }
    } else if (q instanceof Ast.Fail f) {
      Layout l = layoutFor(f.layout(), f.span());
      if (l == null) {
        return;
      }
      List<String> azs = new ArrayList<>();
      boolean ok = true;
      for (Name az : f.azs()) {
        Optional<String> full = l.region().fullAz(az.text());
        if (full.isEmpty()) {
          diagnostics.error(source, az.span(), "AZ " + az.text() + " is not an AZ of "
              + l.region().code() + " (layout " + l.name() + ")",
              "the AZs of " + l.region().code() + " are " + String.join(", ",
                  l.region().shortAzs()));
          ok = false;
        } else if (!azs.contains(full.get())) {
          azs.add(full.get());
        }
      }
      if (ok) {
        bind(q, List.of(l), null, azs);
      }
    } else if (q instanceof Ast.Resilience r) {
      bind(q, layoutFor(r.layout(), r.span()));
    } else if (q instanceof Ast.CostQuery c) {
      bind(q, layoutFor(c.layout(), c.span()));
    } else if (q instanceof Ast.Compare c) {
      bindAll(q, c.layouts());
    } else if (q instanceof Ast.Chart c) {
      if (chartFile(c.file(), c.fileSpan())) {
        bindAll(q, c.layouts());
      }
    } else if (q instanceof Ast.Sweep s) {
      if (s.from().gb().compareTo(s.to().gb()) > 0) {
        diagnostics.error(source, s.from().span(), "the sweep starts above where it ends",
            "write the smaller volume first: sweep traffic 0 .. 10 TB");
        return;
      }
      if (s.step() != null && s.step().gb().signum() <= 0) {
        diagnostics.error(source, s.step().span(), "the step must be more than 0", null);
        return;
      }
      long points = dev.vpclab.cost.Sweep.pointCount(s.from().gb(), s.to().gb(),
          s.step() == null ? null : s.step().gb());
      if (points > dev.vpclab.cost.Sweep.MAX_POINTS) {
        Span at = s.step() != null ? s.step().span() : s.to().span();
        BigDecimal least = s.to().gb().subtract(s.from().gb())
            .divide(BigDecimal.valueOf(dev.vpclab.cost.Sweep.MAX_POINTS - 1), 0,
                java.math.RoundingMode.CEILING);
        diagnostics.error(source, at, "the sweep would price " + (points == Long.MAX_VALUE
            ? "too many" : Long.toString(points)) + " points; at most "
            + dev.vpclab.cost.Sweep.MAX_POINTS,
            "use a larger step, such as: step " + least.max(BigDecimal.ONE).toPlainString()
                + " GB");
        return;
      }
      if (!chartFile(s.file(), s.fileSpan())) {
        return;
      }
      bindAll(q, s.layouts());
    } else if (q instanceof Ast.ExpectReaches e) {
      if (e.service() == null) {
        // expect L reaches: the subject is a layout
        bind(q, layoutFor(e.subject(), e.span()));
      } else {
        Layout l = layoutFor(e.layout(), e.span());
        Instance i = l == null ? null : instance(l, e.subject());
        if (i != null && service(l, e.service())) {
          bind(q, List.of(l), i, List.of());
        }
      }
    } else if (q instanceof Ast.ExpectSurvives e) {
      bind(q, layoutFor(e.layout(), e.span()));
    } else if (q instanceof Ast.ExpectCost e) {
      Layout a = layoutFor(e.layout(), e.span());
      if (e.other() != null) {
        Layout b = layoutFor(e.other().layout(), e.other().span());
        if (a != null && b != null) {
          bind(q, List.of(a, b), null, List.of());
        }
      } else if (a != null) {
        bind(q, List.of(a), null, List.of());
      }
    }
  }

  /** A chart's {@code to} file must end in .png or .svg (null: no file named). */
  private boolean chartFile(String file, Span span) {
    if (file == null) {
      return true;
    }
    String lower = file.toLowerCase(java.util.Locale.ROOT);
    if (lower.endsWith(".png") || lower.endsWith(".svg")) {
      String name = file.replace('\\', '/');
      name = name.substring(name.lastIndexOf('/') + 1);
      if (name.length() > 4) {
        return true;
      }
      diagnostics.error(source, span, "the chart file needs a name", "such as: to \"cost.svg\"");
      return false;
    }
    int dot = file.lastIndexOf('.');
    String stem = dot > file.lastIndexOf('/') && dot > 0 ? file.substring(0, dot) : file;
    diagnostics.error(source, span, "a chart is written as .png or .svg, not " + (dot > 0
        && dot > file.lastIndexOf('/') ? file.substring(dot) : "a file without an extension"),
        "write: to \"" + stem + ".png\" or to \"" + stem + ".svg\"");
    return false;
  }

  private void bind(Ast.Query q, Layout layout) {
    if (layout != null) {
      bind(q, List.of(layout), null, List.of());
    }
  }

  private void bindAll(Ast.Query q, List<Name> names) {
    List<Layout> layouts = new ArrayList<>();
    boolean ok = true;
    for (Name n : names) {
      Layout l = layoutFor(n, n.span());
      if (l == null) {
        ok = false;
      } else {
        layouts.add(l);
      }
    }
    if (ok) {
      bind(q, layouts, null, List.of());
    }
  }

  private void bind(Ast.Query q, List<Layout> layouts, Instance instance, List<String> azs) {
    LayoutEntry first = layouts.isEmpty() ? null : this.layouts.get(layouts.get(0).name());
    // the record's own field: null (the built-in table) stays null until a cost needs it
    PriceBook prices = state.pricingOrBuiltIn();
    bound.add(new Bound(source, q, layouts, instance, azs, prices, state.hours(),
        first == null ? null : first.def()));
  }

  private Instance instance(Layout l, Name name) {
    Optional<Instance> i = l.instance(name.text());
    if (i.isEmpty() && brokenInstance(l, name.text())) {
      return null; // its statement's syntax error is reported
    }
    if (i.isEmpty()) {
      diagnostics.errorLazy(source, name.span(), "unknown instance " + name.text() + " in layout "
          + l.name(), () -> {
            List<String> names = l.instances().stream().map(Instance::name).toList();
            String hint = Suggest.didYouMean(name.text(), names);
            if (hint == null) {
              hint = names.isEmpty() ? "layout " + l.name() + " has no instances"
                  : "the instances of " + l.name() + " are: " + String.join(", ", names);
            }
            return hint;
          });
      return null;
    }
    return i.get();
  }

  /** Whether the layout has an instance statement of this name with a syntax error (reported). */
  private boolean brokenInstance(Layout l, String name) {
    LayoutEntry e = layouts.get(l.name());
    if (e == null) {
      return false;
    }
    for (SourcedStmt s : e.def().stmts()) {
      if (s.stmt() instanceof Ast.BrokenDecl b && b.kind() == Ast.BrokenDecl.Kind.INSTANCE
          && b.name().text().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Checks a destination of a query: a service, internet or an instance of the layout; unknown
   * services are a warning, bundles an error.
   */
  private boolean service(Layout l, Name name) {
    String s = name.text();
    if (s.equals(Services.INTERNET) || l.isInstance(s)) {
      return true;
    }
    if (Services.BUNDLES.containsKey(s)) {
      diagnostics.error(source, name.span(), s + " is a bundle; name one of its services",
          String.join(", ", Services.BUNDLES.get(s)));
      return false;
    }
    if (!Services.isKnown(s)) {
      String hint = Suggest.didYouMean(s, Services.KNOWN);
      diagnostics.warning(source, name.span(), "vpclab does not know the service " + s,
          hint != null ? hint : "it is taken as com.amazonaws." + l.region().code() + "." + s);
    }
    return true;
  }
}
