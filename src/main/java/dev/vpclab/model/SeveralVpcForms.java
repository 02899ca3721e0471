package dev.vpclab.model;

import dev.vpclab.lang.Ast;
import dev.vpclab.lang.Ast.Name;
import dev.vpclab.lang.SourceFile;
import dev.vpclab.lang.Span;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The forms of designs of several VPCs that the language reads but vpclab does not evaluate yet:
 * vpc blocks, {@code no vpc}, transit gateways, peerings, shares, instances spread over several
 * subnets, and {@code needs} or {@code traffic} naming an instance. {@link LayoutBuilder} reports
 * each statement using one, once, and builds no layout from them.
 */
final class SeveralVpcForms {
  private SeveralVpcForms() {}

  static final String MESSAGE = "designs of several VPCs are not supported yet: ";

  /** A statement using such a form: where to point, what it is, and what to do instead. */
  record Form(SourceFile source, Span span, String what, String hint) {}

  private static final String ONE_VPC =
      "for now a layout is one VPC: describe each VPC as a layout of its own";

  /** The statements of the layout that use such a form, in order. */
  static List<Form> find(List<SourcedStmt> stmts) {
    Set<String> instances = instanceNames(stmts);
    List<Form> out = new ArrayList<>();
    for (SourcedStmt s : stmts) {
      Form f = form(s.source(), s.stmt(), instances);
      if (f != null) {
        out.add(f);
      }
    }
    return out;
  }

  private static Form form(SourceFile src, Ast.Stmt stmt, Set<String> instances) {
    if (stmt instanceof Ast.LayoutWide wide) {
      return layoutWide(src, wide);
    }
    if (stmt instanceof Ast.InstanceDecl d && d.spread()) {
      return new Form(src, d.span(), "instance " + d.name() + " in " + join(d.subnets()),
          "for now an instance is in one subnet: write an instance line per subnet, such as: "
              + "instance " + d.name() + "-" + d.subnet() + " in " + d.subnet());
    }
    if (stmt instanceof Ast.InstanceDecl d) {
      for (Name need : d.needs()) {
        if (instances.contains(need.text())) {
          return new Form(src, need.span(), d.name() + " needs the instance " + need,
              "for now needs lists AWS services (or internet)");
        }
      }
    }
    if (stmt instanceof Ast.TrafficDecl t && instances.contains(t.dest().text())) {
      return new Form(src, t.dest().span(), "traffic to the instance " + t.dest(),
          "for now traffic goes to AWS services (or internet)");
    }
    return null;
  }

  private static Form layoutWide(SourceFile src, Ast.LayoutWide stmt) {
    if (stmt instanceof Ast.VpcBlock b) {
      return new Form(src, b.span().to(b.name().span()), "vpc " + b.name() + " { ... }",
          "for now a layout is one VPC: write its statements outside any vpc block");
    } else if (stmt instanceof Ast.NoVpc v) {
      return new Form(src, v.span(), "no vpc " + v.name(), ONE_VPC);
    } else if (stmt instanceof Ast.TgwAttach t) {
      return new Form(src, t.span(), "tgw " + t.tgw() + " attach " + join(t.vpcs()), ONE_VPC);
    } else if (stmt instanceof Ast.NoTgw t) {
      return new Form(src, t.span(), "no tgw " + t.tgw(), ONE_VPC);
    } else if (stmt instanceof Ast.Peering p) {
      return new Form(src, p.span(), "peering " + p.a() + ", " + p.b(), ONE_VPC);
    } else if (stmt instanceof Ast.NoPeering p) {
      return new Form(src, p.span(), "no peering " + p.a() + ", " + p.b(), ONE_VPC);
    } else if (stmt instanceof Ast.Share s) {
      return new Form(src, s.span(), "share " + join(s.services()) + " from " + s.from(),
          ONE_VPC);
    } else if (stmt instanceof Ast.NoShare s) {
      return new Form(src, s.span(), "no share " + join(s.services()) + " from " + s.from(),
          ONE_VPC);
    }
    throw new IllegalStateException("a statement of several VPCs without a message: " + stmt);
  }

  /** Every instance name the layout declares, in vpc blocks too. */
  private static Set<String> instanceNames(List<SourcedStmt> stmts) {
    Set<String> names = new HashSet<>();
    for (SourcedStmt s : stmts) {
      List<Ast.Stmt> inner = s.stmt() instanceof Ast.VpcBlock b ? b.body() : List.of(s.stmt());
      for (Ast.Stmt stmt : inner) {
        if (stmt instanceof Ast.InstanceDecl d) {
          names.add(d.name().text());
        }
      }
    }
    return names;
  }

  private static String join(List<Name> names) {
    return String.join(", ", names.stream().map(Name::text).toList());
  }
}
