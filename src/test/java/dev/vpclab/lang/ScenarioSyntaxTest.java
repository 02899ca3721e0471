package dev.vpclab.lang;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.vpclab.model.LayoutBuilder;
import dev.vpclab.model.LayoutDef;
import dev.vpclab.model.Region;
import dev.vpclab.model.SourcedStmt;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped scenario (scenarios/*.vpc) parses without errors, every layout it declares (blocks,
 * extends copies, and bare statements into the current layout) passes the model's validation, and
 * every layout a query names is declared. The scenarios run in CI, so a typo must fail here first.
 */
class ScenarioSyntaxTest {
  private static final Path DIR = Path.of("scenarios");

  static Stream<Path> scenarios() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".vpc")).sorted()
          .toList().stream();
    }
  }

  @Test
  void thereAreScenarios() throws IOException {
    List<Path> all = scenarios().toList();
    assertTrue(all.size() >= 5, "expected at least five scenarios, found " + all);
    assertTrue(all.contains(DIR.resolve("seed.vpc")), "scenarios/seed.vpc is missing");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void parsesAndBuilds(Path file) throws IOException {
    String name = DIR.relativize(file).toString();
    String text = Files.readString(file, StandardCharsets.UTF_8);
    SourceFile src = new SourceFile("scenarios/" + name, text);

    Diagnostics syntax = new Diagnostics();
    Ast.Program program = SourceParser.parse(src, syntax);
    assertFalse(syntax.hasErrors(), () -> "syntax errors in " + name + ":\n" + render(syntax));
    assertFalse(program.items().isEmpty(), name + " is empty");

    Map<String, LayoutDef> layouts = layouts(src, program);
    assertFalse(layouts.isEmpty(), name + " declares no layout");
    Diagnostics model = new Diagnostics();
    for (LayoutDef def : layouts.values()) {
      LayoutBuilder.build(def, model);
    }
    assertFalse(model.hasErrors(), () -> "layout errors in " + name + ":\n" + render(model));
    // shipped scenarios are clean: a warning (an unknown service, a 'no ...' that removes
    // nothing) would be a mistake in the example
    assertTrue(model.warnings().isEmpty() && syntax.warnings().isEmpty(),
        () -> "warnings in " + name + ":\n" + render(syntax) + render(model));

    List<String> unknown = new ArrayList<>();
    for (Ast.Item item : program.items()) {
      if (item instanceof Ast.Query q) {
        for (Ast.Name layout : layoutsNamedBy(q)) {
          if (!layouts.containsKey(layout.text())) {
            unknown.add(src.name() + ":" + layout.span().line() + ": " + layout.text());
          }
        }
      }
    }
    if (!unknown.isEmpty()) {
      fail("queries name undeclared layouts:\n" + String.join("\n", unknown));
    }
  }

  /**
   * The layouts a file declares, as the notebook builds them: a block keeps the Region of the last
   * {@code region} line before it; an {@code extends} copy starts with its parent's statements
   * (and Region); bare statements go into the current layout ({@code main} until a {@code layout}
   * block or {@code use} names another).
   */
  static Map<String, LayoutDef> layouts(SourceFile src, Ast.Program program) {
    Region region = Region.defaultRegion();
    String current = "main";
    Map<String, LayoutDef> defs = new LinkedHashMap<>();
    for (Ast.Item item : program.items()) {
      if (item instanceof Ast.RegionSet r) {
        region = Region.of(r.region().text())
            .orElseThrow(() -> new AssertionError(src.name() + ":" + r.span().line()
                + ": unknown region " + r.region().text()));
      } else if (item instanceof Ast.LayoutDecl d) {
        LayoutDef def;
        if (d.parent() != null) {
          LayoutDef parent = defs.get(d.parent().text());
          if (parent == null) {
            throw new AssertionError(src.name() + ":" + d.span().line()
                + ": extends an unknown layout " + d.parent().text());
          }
          def = parent.copyAs(d.name().text(), src, d.span());
        } else {
          def = new LayoutDef(d.name().text(), region, List.of(), src, d.span());
        }
        defs.put(d.name().text(), def.plus(sourced(src, d.body())));
        current = d.name().text();
      } else if (item instanceof Ast.Use u) {
        current = u.layout().text();
      } else if (item instanceof Ast.Stmt s) {
        LayoutDef def = defs.get(current);
        if (def == null) {
          def = new LayoutDef(current, region, List.of(), src, s.span());
        }
        defs.put(current, def.plus(sourced(src, List.of(s))));
      }
    }
    return defs;
  }

  private static List<SourcedStmt> sourced(SourceFile src, List<Ast.Stmt> stmts) {
    return stmts.stream().map(s -> new SourcedStmt(src, s)).toList();
  }

  /** The layout names a query mentions (null parts left out). */
  private static List<Ast.Name> layoutsNamedBy(Ast.Query q) {
    List<Ast.Name> out = new ArrayList<>();
    if (q instanceof Ast.Check c) {
      out.add(c.layout());
    } else if (q instanceof Ast.Reach r) {
      out.add(r.layout());
    } else if (q instanceof Ast.Resolve r) {
      out.add(r.layout());
    } else if (q instanceof Ast.Fail f) {
      out.add(f.layout());
    } else if (q instanceof Ast.Resilience r) {
      out.add(r.layout());
    } else if (q instanceof Ast.CostQuery c) {
      out.add(c.layout());
    } else if (q instanceof Ast.Compare c) {
      out.addAll(c.layouts());
    } else if (q instanceof Ast.Chart c) {
      out.addAll(c.layouts());
    } else if (q instanceof Ast.Sweep s) {
      out.addAll(s.layouts());
    } else if (q instanceof Ast.ExpectReaches e) {
      out.add(e.service() == null ? e.subject() : e.layout());
    } else if (q instanceof Ast.ExpectSurvives e) {
      out.add(e.layout());
    } else if (q instanceof Ast.ExpectCost e) {
      out.add(e.layout());
      if (e.other() != null) {
        out.add(e.other().layout());
      }
    }
    out.removeIf(n -> n == null);
    return out;
  }

  private static String render(Diagnostics d) {
    return d.all().stream().map(Diagnostic::render).collect(Collectors.joining());
  }
}
