package dev.vpclab.model;

import dev.vpclab.lang.Ast;
import dev.vpclab.lang.SourceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The VPCs of a layout with their attributes and no parts yet: CIDR ({@code vpc cidr}, the
 * {@code cidr} of a vpc block's head, else chosen) and DNS support and hostnames
 * ({@code vpc dns}).
 */
final class VpcAttributes {
  private final VpcStatements statements;
  private final Reports reports;
  private final Origin layoutOrigin;
  /** Parses a CIDR, or reports why it is not one (null). */
  private final BiFunction<SourceFile, Ast.CidrText, Cidr> parse;

  VpcAttributes(VpcStatements statements, Reports reports, Origin layoutOrigin,
      BiFunction<SourceFile, Ast.CidrText, Cidr> parse) {
    this.statements = statements;
    this.reports = reports;
    this.layoutOrigin = layoutOrigin;
    this.parse = parse;
  }

  /** The statement that turned each VPC's DNS support off (its last {@code vpc dns} one). */
  private final Map<String, SourcedStmt> dnsSupportOff = new HashMap<>();

  /** The {@code vpc dns off} statement that turned a VPC's DNS support off, or null. */
  SourcedStmt dnsSupportOff(String vpc) {
    return dnsSupportOff.get(vpc);
  }

  /**
   * The layout's VPCs, in order, with their attributes and no parts yet. A named VPC without a
   * CIDR gets the first /16 of 10.0.0.0/8 that overlaps no other VPC of the layout (the default
   * VPC keeps 10.0.0.0/16).
   */
  List<Vpc> vpcs() {
    List<Vpc> out = new ArrayList<>();
    List<Cidr> taken = new ArrayList<>();
    for (Map.Entry<String, List<SourcedStmt>> e : statements.byVpc().entrySet()) {
      Vpc v = attributes(e.getKey(), e.getValue());
      out.add(v);
      if (v.cidr() != null) {
        taken.add(v.cidr());
      }
    }
    for (int i = 0; i < out.size(); i++) {
      Vpc v = out.get(i);
      if (v.cidr() == null) {
        Cidr free = freeVpcCidr(taken);
        taken.add(free);
        out.set(i, new Vpc(v.name(), free, v.dnsSupport(), v.dnsHostnames(), v.origin(),
            List.of(), List.of(), List.of(), List.of(), List.of()));
      }
    }
    return out;
  }

  /** The first /16 of 10.0.0.0/8 that overlaps none taken (else 10.0.0.0/16: overlaps reported). */
  static Cidr freeVpcCidr(List<Cidr> taken) {
    for (long k = 0; k < 256; k++) {
      Cidr candidate = new Cidr((10L << 24) + (k << 16), 16);
      if (taken.stream().noneMatch(candidate::overlaps)) {
        return candidate;
      }
    }
    return Vpc.DEFAULT_CIDR;
  }

  /**
   * A VPC's attributes, with no parts yet: the default VPC's CIDR defaults to 10.0.0.0/16, a
   * named VPC's is null when not written (chosen by {@link #vpcs}).
   */
  private Vpc attributes(String name, List<SourcedStmt> stmts) {
    boolean named = !name.equals(Vpc.DEFAULT_NAME);
    Cidr cidr = named ? null : Vpc.DEFAULT_CIDR;
    boolean support = true;
    boolean hostnames = true;
    SourcedStmt cidrAt = null;
    for (SourcedStmt s : stmts) {
      if (s.stmt() instanceof Ast.VpcCidr v) {
        if (cidrAt != null && secondCidr(name, cidrAt, s)) {
          continue;
        }
        cidrAt = s;
        Cidr c = parse.apply(s.source(), v.cidr());
        if (c != null) {
          if (c.prefix() < 16 || c.prefix() > 28) {
            reports.error(s.source(), v.cidr().span(), "a VPC CIDR must be between /16 and /28",
                () -> named ? "for example: vpc " + name + " cidr 10.1.0.0/16 { ... }"
                    : "for example: vpc cidr 10.0.0.0/16");
          } else {
            cidr = c;
          }
        }
      } else if (s.stmt() instanceof Ast.VpcDns d) {
        if (d.hostnames()) {
          hostnames = d.on();
        } else {
          support = d.on();
          if (d.on()) {
            dnsSupportOff.remove(name);
          } else {
            dnsSupportOff.put(name, s);
          }
        }
      }
    }
    Origin origin = named ? statements.origin(name) : layoutOrigin;
    return new Vpc(name, cidr, support, hostnames, origin, List.of(), List.of(), List.of(),
        List.of(), List.of());
  }

  /**
   * A second {@code vpc cidr} written in the same layout and file or cell as the first one is an
   * error (reported here: true); after {@code extends}, or in a later REPL cell, it replaces the
   * first (false). The CIDR of a vpc block's head may be repeated on its other blocks (true: the
   * same CIDR again); another one is an error as above.
   */
  private boolean secondCidr(String vpc, SourcedStmt first, SourcedStmt second) {
    Ast.CidrText was = ((Ast.VpcCidr) first.stmt()).cidr();
    Ast.CidrText now = ((Ast.VpcCidr) second.stmt()).cidr();
    if ((statements.isHeaderCidr(first.stmt()) || statements.isHeaderCidr(second.stmt()))
        && sameCidr(was, now)) {
      return true;
    }
    if (second.layout() == null || !second.layout().equals(first.layout())
        || second.source() != first.source()) {
      return false;
    }
    if (!vpc.equals(Vpc.DEFAULT_NAME)) {
      reports.error(second.source(), now.span(), "VPC " + vpc + " already has the CIDR "
          + was.text() + " (line " + first.stmt().span().line() + ")", () -> "write one CIDR for"
          + " vpc " + vpc + "; a layout that extends " + second.layout() + " may set its own");
      return true;
    }
    reports.error(second.source(), now.span(), "layout "
        + second.layout() + " already has the VPC CIDR " + was.text() + " (line "
        + first.stmt().span().line() + ")", () -> "keep one 'vpc cidr' line; a layout that"
        + " extends " + second.layout() + " may set its own");
    return true;
  }

  private static boolean sameCidr(Ast.CidrText a, Ast.CidrText b) {
    try {
      return Cidr.parse(a.text()).equals(Cidr.parse(b.text()));
    } catch (IllegalArgumentException | ArithmeticException e) {
      return false;
    }
  }
}
