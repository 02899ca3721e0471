package dev.vpclab.testing;

import dev.vpclab.lang.Ast;
import dev.vpclab.lang.Diagnostic;
import dev.vpclab.lang.Diagnostics;
import dev.vpclab.lang.SourceFile;
import dev.vpclab.lang.SourceParser;
import dev.vpclab.model.Layout;
import dev.vpclab.model.LayoutBuilder;
import dev.vpclab.model.LayoutDef;
import dev.vpclab.model.Region;
import dev.vpclab.model.SourcedStmt;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Builds layouts from statement text for engine tests. */
public final class TestLayouts {
  private TestLayouts() {}

  /** The seed's layout statements (LANGUAGE.md): web in 1a, the Session Manager endpoints in 1c. */
  public static final String SEED_SINGLE = """
      az 1a subnet private app
      az 1c subnet private ep
      endpoint ssm, ec2messages, ssmmessages in 1c
      instance web in app needs session-manager
      """;

  /** The seed's layout {@code single} as a program: its Region, then the layout block. */
  public static final String SEED_PROGRAM_SINGLE = "region ap-northeast-1\nlayout single {\n"
      + SEED_SINGLE.indent(2) + "}\n";

  /** The seed as a program: {@link #SEED_PROGRAM_SINGLE}, then {@code per-az} extending it. */
  public static final String SEED_PROGRAM = SEED_PROGRAM_SINGLE
      + "layout per-az extends single { endpoint ssm, ec2messages, ssmmessages in 1a, 1c }\n";

  /**
   * The statements of {@code central}, LANGUAGE.md's example of "Designs of several VPCs", as
   * written there (comments too): shared (the Session Manager endpoints in 1a, 1b), app (web, 4
   * over 2 AZs) and data (db in 1a) on the transit gateway hub.
   */
  public static final String CENTRAL = """
      vpc shared cidr 10.0.0.0/16 {
        az 1a subnet private ep-a
        az 1b subnet private ep-b
        endpoint ssm, ec2messages, ssmmessages in 1a, 1b private-dns off allow 10.0.0.0/8
      }
      vpc app cidr 10.1.0.0/16 {
        az 1a subnet private app-a
        az 1b subnet private app-b
        instance web in app-a, app-b count 4 needs session-manager, db
      }
      vpc data cidr 10.2.0.0/16 {
        az 1a subnet private db-a
        instance db in db-a
      }
      tgw hub attach shared, app           # one attachment per VPC, a subnet in every AZ the VPC has
      tgw hub attach data in 1a            # or in the AZs listed (a later line for a VPC replaces it)
      share ssm, ec2messages, ssmmessages from shared with app, data
      traffic web -> db 2 TB               # instance to instance
      traffic web -> ssm 50 GB
      """;

  /** LANGUAGE.md's example of "Designs of several VPCs" in full: central, and direct. */
  public static final String SEVERAL_VPCS = "region us-east-1\nlayout central {\n"
      + CENTRAL.indent(2) + "}\nlayout direct extends central {\n  no tgw hub\n"
      + "  peering app, data                    # a VPC peering connection: both ways, not"
      + " transitive\n}\n";

  /** The seed's {@code single} layout, in ap-northeast-1. */
  public static Layout seedSingle() {
    return layout("single", "ap-northeast-1", SEED_SINGLE);
  }

  /** The seed's {@code per-az} layout: single with the endpoints in 1a and 1c. */
  public static Layout seedPerAz() {
    return layout("per-az", "ap-northeast-1",
        SEED_SINGLE + "endpoint ssm, ec2messages, ssmmessages in 1a, 1c\n");
  }

  /** A layout named "main" in us-east-1 from layout statements (newline or ';' separated). */
  public static Layout layout(String statements) {
    return layout(Region.DEFAULT, statements);
  }

  public static Layout layout(String region, String statements) {
    return layout("main", region, statements);
  }

  public static Layout layout(String name, String region, String statements) {
    Diagnostics diagnostics = new Diagnostics();
    LayoutDef def = def(name, region, statements, diagnostics);
    Layout layout = LayoutBuilder.build(def, diagnostics).orElse(null);
    if (diagnostics.hasErrors() || layout == null) {
      throw new AssertionError("layout has errors:\n" + render(diagnostics));
    }
    return layout;
  }

  /**
   * Layout {@code child} (us-east-1) that extends a layout {@code main} of {@code parent}'s
   * statements with its own: its statements are the parent's, inherited, then these.
   */
  public static Layout extended(String parent, String child) {
    Diagnostics diagnostics = new Diagnostics();
    LayoutDef base = def("main", Region.DEFAULT, parent, diagnostics);
    LayoutDef own = def("child", Region.DEFAULT, child, diagnostics);
    LayoutDef def = base.copyAs("child", own.source(), own.span()).plus(own.stmts());
    Layout layout = LayoutBuilder.build(def, diagnostics).orElse(null);
    if (diagnostics.hasErrors() || layout == null) {
      throw new AssertionError("layout has errors:\n" + render(diagnostics));
    }
    return layout;
  }

  /** The diagnostics a layout's statements produce (for tests of errors and warnings). */
  public static Diagnostics diagnostics(String region, String statements) {
    Diagnostics diagnostics = new Diagnostics();
    LayoutDef def = def("main", region, statements, diagnostics);
    LayoutBuilder.build(def, diagnostics);
    return diagnostics;
  }

  private static LayoutDef def(String name, String region, String statements,
      Diagnostics diagnostics) {
    SourceFile src = new SourceFile("test.vpc", statements);
    Ast.Program program = SourceParser.parse(src, diagnostics);
    if (diagnostics.hasErrors()) {
      throw new AssertionError("syntax errors:\n" + render(diagnostics));
    }
    List<SourcedStmt> stmts = new ArrayList<>();
    for (Ast.Item item : program.items()) {
      if (!(item instanceof Ast.Stmt s)) {
        throw new AssertionError("not a layout statement: " + src.text(item.span()));
      }
      stmts.add(new SourcedStmt(src, s));
    }
    Region r = Region.of(region).orElseThrow(() -> new AssertionError("unknown region " + region));
    return new LayoutDef(name, r, stmts, src, ast(program));
  }

  private static dev.vpclab.lang.Span ast(Ast.Program p) {
    return p.items().isEmpty() ? dev.vpclab.lang.Span.NONE : p.items().get(0).span();
  }

  public static String render(Diagnostics d) {
    return d.all().stream().map(Diagnostic::render).collect(Collectors.joining());
  }
}
