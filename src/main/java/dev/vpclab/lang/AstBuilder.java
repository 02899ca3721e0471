package dev.vpclab.lang;

import dev.vpclab.lang.Ast.*;
import dev.vpclab.lang.antlr.VpcParser;
import dev.vpclab.lang.antlr.VpcParser.*;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ParseTree;

/** Turns ANTLR's parse tree into {@link Ast} records, once. Syntax errors were reported already. */
final class AstBuilder {
  private static final BigDecimal K = BigDecimal.valueOf(1024);

  private final SourceFile source;
  private final Diagnostics diagnostics;

  /**
   * Whether the trees given now come from the bailing SLL parser, which never leaves an error in a
   * tree it returns: the walk looking for errors is then skipped (it was a seventh of parsing).
   */
  boolean trusted;

  AstBuilder(SourceFile source, Diagnostics diagnostics) {
    this.source = source;
    this.diagnostics = diagnostics;
  }

  /** {@code layout NAME [extends NAME] {} with its already built statements. */
  LayoutDecl layout(LayoutHeadContext head, List<Stmt> body, Token first, Token last) {
    if (!trusted && hasError(head)) {
      return null;
    }
    Name parent = head.name().size() > 1 ? name(head.name(1)) : null;
    Span start = span(first);
    Span end = span(last);
    return new LayoutDecl(name(head.name(0)), parent, List.copyOf(body), start.to(end));
  }

  Item item(ItemContext ctx) {
    if (!trusted && hasError(ctx)) {
      return null; // the parser reported it; a patched-up tree is never evaluated
    }
    try {
      if (ctx instanceof RegionItemContext c) {
        return new RegionSet(name(c.name()), span(c));
      } else if (ctx instanceof HoursItemContext c) {
        return new HoursSet(num(c.number()), span(c));
      } else if (ctx instanceof PriceItemContext c) {
        return new PriceSet(name(c.name()), money(c.money()), span(c));
      } else if (ctx instanceof PricesItemContext c) {
        return new PricesLoad(string(c.STRING().getSymbol()), span(c.STRING().getSymbol()), span(c));
      } else if (ctx instanceof LayoutItemContext c) {
        List<Stmt> body = new ArrayList<>();
        for (LayoutStmtContext s : c.block().layoutStmt()) {
          Stmt st = layoutStmt(s);
          if (st != null) {
            body.add(st);
          }
        }
        Name parent = c.name().size() > 1 ? name(c.name(1)) : null;
        return new LayoutDecl(name(c.name(0)), parent, List.copyOf(body), span(c));
      } else if (ctx instanceof UseItemContext c) {
        return new Use(name(c.name()), span(c));
      } else if (ctx instanceof StmtItemContext c) {
        return layoutStmt(c.layoutStmt());
      } else if (ctx instanceof QueryItemContext c) {
        return query(c.query());
      }
    } catch (IncompleteTree e) {
      return null; // a syntax error inside; it was reported by the parser
    }
    return null;
  }

  /** {@code vpc NAME [cidr C] {} with its already built statements. */
  VpcBlock vpcBlock(VpcHeadContext head, List<Stmt> body, Token first, Token last) {
    if (!trusted && hasError(head)) {
      return null;
    }
    try {
      return new VpcBlock(name(head.name()), head.cidr() == null ? null : cidr(head.cidr()),
          List.copyOf(body), span(first).to(span(last)));
    } catch (IncompleteTree e) {
      return null;
    }
  }

  /** A statement of a layout (or a bare one): a VPC's, or one about the layout's VPCs. */
  Stmt layoutStmt(LayoutStmtContext ctx) {
    if (ctx == null || (!trusted && hasError(ctx))) {
      return null;
    }
    try {
      return buildLayoutStmt(ctx);
    } catch (IncompleteTree e) {
      return null;
    }
  }

  /** A statement of one VPC (inside a vpc block). */
  Stmt stmt(StmtContext ctx) {
    if (ctx == null || (!trusted && hasError(ctx))) {
      return null;
    }
    try {
      return buildStmt(ctx);
    } catch (IncompleteTree e) {
      return null;
    }
  }

  private Stmt buildLayoutStmt(LayoutStmtContext ctx) {
    Span span = span(ctx);
    if (ctx instanceof PlainStmtContext c) {
      return buildStmt(c.stmt());
    } else if (ctx instanceof VpcBlockStmtContext c) {
      List<Stmt> body = new ArrayList<>();
      for (StmtContext s : c.vpcBlock().stmt()) {
        body.add(buildStmt(s));
      }
      return new VpcBlock(name(c.name()), c.cidr() == null ? null : cidr(c.cidr()),
          List.copyOf(body), span);
    } else if (ctx instanceof NoVpcStmtContext c) {
      return new NoVpc(name(c.name()), span);
    } else if (ctx instanceof TgwStmtContext c) {
      return new TgwAttach(name(c.name()), names(c.nameList()),
          c.azList() == null ? List.of() : azs(c.azList()), span);
    } else if (ctx instanceof NoTgwStmtContext c) {
      return new NoTgw(name(c.name()), span);
    } else if (ctx instanceof PeeringStmtContext c) {
      return new Peering(name(c.name(0)), name(c.name(1)), span);
    } else if (ctx instanceof NoPeeringStmtContext c) {
      return new NoPeering(name(c.name(0)), name(c.name(1)), span);
    } else if (ctx instanceof ShareStmtContext c) {
      return new Share(names(c.nameList(0)), name(c.name()), names(c.nameList(1)), span);
    } else if (ctx instanceof NoShareStmtContext c) {
      return new NoShare(names(c.nameList()), name(c.name()), span);
    }
    throw new IncompleteTree();
  }

  private Stmt buildStmt(StmtContext ctx) {
    Span span = span(ctx);
    if (ctx instanceof VpcCidrStmtContext c) {
      return new VpcCidr(cidr(c.cidr()), span);
    } else if (ctx instanceof VpcDnsStmtContext c) {
      return new VpcDns(c.HOSTNAMES() != null, c.onOff().ON() != null, span);
    } else if (ctx instanceof SubnetStmtContext c) {
      return new SubnetDecl(az(c.az()), c.kind.getType() == VpcParser.PUBLIC,
          c.name() == null ? null : name(c.name()), c.cidr() == null ? null : cidr(c.cidr()), span);
    } else if (ctx instanceof EndpointStmtContext c) {
      List<Name> places = new ArrayList<>();
      for (PlaceContext p : c.placeList().place()) {
        places.add(token(p.getStart()));
      }
      Boolean privateDns = null;
      Toggle inboundOnly = null;
      List<AllowEntry> allow = null;
      for (EndpointOptContext opt : c.endpointOpt()) {
        if (opt instanceof PrivateDnsOptContext p) {
          if (privateDns != null) {
            diagnostics.error(source, span(p), "private-dns is given twice");
          }
          privateDns = p.onOff().ON() != null;
        } else if (opt instanceof InboundOnlyOptContext o) {
          if (inboundOnly != null) {
            diagnostics.error(source, span(o), "inbound-only is given twice");
          }
          inboundOnly = new Toggle(o.onOff() == null || o.onOff().ON() != null, span(o));
        } else if (opt instanceof AllowOptContext a) {
          if (allow != null) {
            diagnostics.error(source, span(a), "allow is given twice",
                "list every source in one allow: allow app, 10.0.9.0/24");
          }
          allow = new ArrayList<>();
          for (AllowContext e : a.allowList().allow()) {
            allow.add(e.cidr() != null ? new AllowEntry(null, cidr(e.cidr()))
                : new AllowEntry(name(e.name()), null));
          }
        }
      }
      return new EndpointDecl(names(c.nameList()), List.copyOf(places), privateDns, inboundOnly,
          allow == null ? null : List.copyOf(allow), span);
    } else if (ctx instanceof NoEndpointStmtContext c) {
      return new NoEndpoint(names(c.nameList()), span);
    } else if (ctx instanceof GatewayStmtContext c) {
      return new GatewayDecl(names(c.nameList()), span);
    } else if (ctx instanceof NoGatewayStmtContext c) {
      return new NoGateway(names(c.nameList()), span);
    } else if (ctx instanceof NatStmtContext c) {
      return new NatDecl(azs(c.azList()), span);
    } else if (ctx instanceof NoNatStmtContext c) {
      return new NoNat(c.azList() == null ? List.of() : azs(c.azList()), span);
    } else if (ctx instanceof InstanceStmtContext c) {
      return new InstanceDecl(name(c.name()), names(c.nameList()),
          c.number() == null ? null : num(c.number()),
          c.destList() == null ? List.of() : dests(c.destList()), span);
    } else if (ctx instanceof NoInstanceStmtContext c) {
      return new NoInstance(names(c.nameList()), span);
    } else if (ctx instanceof TrafficStmtContext c) {
      return new TrafficDecl(source(c.source()), span(c.source()), dest(c.dest()),
          quantity(c.quantity(), null), span);
    } else if (ctx instanceof NoTrafficStmtContext c) {
      return new NoTraffic(source(c.source()), span(c.source()), dest(c.dest()), span);
    }
    throw new IncompleteTree();
  }

  private Query query(QueryContext ctx) {
    if (ctx == null || ctx.exception != null) {
      return null;
    }
    Span span = span(ctx);
    String text = source.text(span);
    if (ctx instanceof CheckQueryContext c) {
      return new Check(optName(c.name()), text, span);
    } else if (ctx instanceof ReachQueryContext c) {
      return new Reach(name(c.name(0)), dest(c.dest()), c.name().size() > 1 ? name(c.name(1)) : null,
          text, span);
    } else if (ctx instanceof ResolveQueryContext c) {
      Name from = c.FROM() != null ? name(c.name(1)) : null;
      Name layout = null;
      if (c.IN() != null) {
        layout = name(c.name(c.name().size() - 1));
      }
      return new Resolve(name(c.name(0)), from, layout, text, span);
    } else if (ctx instanceof FailQueryContext c) {
      return new Fail(azs(c.azList()), optName(c.name()), text, span);
    } else if (ctx instanceof ResilienceQueryContext c) {
      return new Resilience(optName(c.name()), text, span);
    } else if (ctx instanceof CostQueryContext c) {
      return new CostQuery(optName(c.name()), text, span);
    } else if (ctx instanceof CompareQueryContext c) {
      return new Compare(names(c.nameList()), text, span);
    } else if (ctx instanceof ChartQueryContext c) {
      ChartKind kind = c.what.getType() == VpcParser.COST ? ChartKind.COST : ChartKind.RESILIENCE;
      Token file = c.STRING() == null ? null : c.STRING().getSymbol();
      return new Chart(kind, names(c.nameList()), file == null ? null : string(file),
          file == null ? null : span(file), text, span);
    } else if (ctx instanceof SweepQueryContext c) {
      List<QuantityContext> q = c.quantity();
      Quantity to = quantity(q.get(1), null);
      // a bare lower bound takes the upper bound's unit: "1 .. 10 TB" means 1 TB to 10 TB
      Quantity from = quantity(q.get(0), to.unit());
      Quantity step = q.size() > 2 ? quantity(q.get(2), null) : null;
      Token file = c.STRING() == null ? null : c.STRING().getSymbol();
      return new Sweep(from, to, step, names(c.nameList()), file == null ? null : string(file),
          file == null ? null : span(file), text, span);
    } else if (ctx instanceof ExpectReachesQueryContext c) {
      Name service = c.dest() == null ? null : dest(c.dest());
      Name layout = c.name().size() > 1 ? name(c.name(1)) : null;
      return new ExpectReaches(name(c.name(0)), service, layout, text, span);
    } else if (ctx instanceof ExpectSurvivesQueryContext c) {
      return new ExpectSurvives(optName(c.name()), text, span);
    } else if (ctx instanceof ExpectCostQueryContext c) {
      Cmp cmp = switch (c.cmp().getStart().getType()) {
        case VpcParser.LT -> Cmp.LT;
        case VpcParser.LE -> Cmp.LE;
        case VpcParser.GT -> Cmp.GT;
        default -> Cmp.GE;
      };
      CostTermContext term = c.costTerm();
      Money limit = term.money() != null ? money(term.money()) : null;
      CostRef other = term.COST() != null ? new CostRef(optName(term.name()), span(term)) : null;
      return new ExpectCost(optName(c.name()), cmp, limit, other, text, span);
    }
    return null;
  }

  // ------------------------------------------------------------------ pieces

  /** Whether the parser recovered from a syntax error anywhere inside this subtree. */
  private static boolean hasError(ParseTree tree) {
    if (tree instanceof ErrorNode) {
      return true;
    }
    if (tree instanceof ParserRuleContext ctx) {
      if (ctx.exception != null) {
        return true;
      }
      for (int i = 0; i < ctx.getChildCount(); i++) {
        if (hasError(ctx.getChild(i))) {
          return true;
        }
      }
    }
    return false;
  }

  private Name optName(NameContext ctx) {
    return ctx == null ? null : name(ctx);
  }

  private Name name(NameContext ctx) {
    if (ctx == null || ctx.NAME() == null) {
      throw new IncompleteTree();
    }
    return token(ctx.NAME().getSymbol());
  }

  private Name az(AzContext ctx) {
    return token(ctx.getStart());
  }

  private List<Name> azs(AzListContext ctx) {
    List<Name> out = new ArrayList<>();
    for (AzContext a : ctx.az()) {
      out.add(az(a));
    }
    return List.copyOf(out);
  }

  private List<Name> names(NameListContext ctx) {
    List<Name> out = new ArrayList<>();
    for (NameContext n : ctx.name()) {
      out.add(name(n));
    }
    return List.copyOf(out);
  }

  private List<Name> dests(DestListContext ctx) {
    List<Name> out = new ArrayList<>();
    for (DestContext d : ctx.dest()) {
      out.add(dest(d));
    }
    return List.copyOf(out);
  }

  private Name source(SourceContext ctx) {
    return ctx.STAR() != null ? null : name(ctx.name());
  }

  private Name dest(DestContext ctx) {
    if (ctx.INTERNET() != null) {
      return token(ctx.INTERNET().getSymbol());
    }
    return name(ctx.name());
  }

  private CidrText cidr(CidrContext ctx) {
    Token t = ctx.CIDR().getSymbol();
    return new CidrText(t.getText(), span(t));
  }

  private Num num(NumberContext ctx) {
    Token t = ctx.NUMBER().getSymbol();
    return new Num(decimal(t), t.getText(), span(t));
  }

  private Money money(MoneyContext ctx) {
    return new Money(decimal(ctx.NUMBER().getSymbol()), span(ctx));
  }

  /** A volume in GB; {@code defaultUnit} applies when none is written (else a bare number is GB). */
  private Quantity quantity(QuantityContext ctx, String defaultUnit) {
    BigDecimal value = decimal(ctx.NUMBER().getSymbol());
    String unit = ctx.unit != null ? ctx.unit.getText() : defaultUnit;
    BigDecimal gb = toGb(value, unit);
    return new Quantity(gb, value, ctx.unit != null ? unit : null, span(ctx));
  }

  /** Binary steps, as AWS bills: 1 TB = 1024 GB, 1 GB = 1024 MB. */
  static BigDecimal toGb(BigDecimal value, String unit) {
    if (unit == null) {
      return value;
    }
    return switch (unit) {
      case "MB" -> value.divide(K);
      case "TB" -> value.multiply(K);
      case "PB" -> value.multiply(K).multiply(K);
      default -> value;
    };
  }

  private BigDecimal decimal(Token t) {
    String text = t.getText();
    if (text.length() > 40) {
      diagnostics.error(source, span(t), "number " + abbreviate(text) + " is too long",
          "write at most 40 digits");
      return BigDecimal.ZERO;
    }
    return new BigDecimal(text);
  }

  private static String abbreviate(String s) {
    return s.length() <= 12 ? s : s.substring(0, 10) + "...";
  }

  private static String string(Token t) {
    String raw = t.getText();
    String body = raw.substring(1, raw.length() - 1);
    StringBuilder sb = new StringBuilder(body.length());
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\\' && i + 1 < body.length()) {
        sb.append(body.charAt(++i));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private Name token(Token t) {
    return new Name(t.getText(), span(t));
  }

  private Span span(Token t) {
    int len = Math.max(1, t.getStopIndex() - t.getStartIndex() + 1);
    return new Span(t.getStartIndex(), len, t.getLine(), t.getCharPositionInLine() + 1);
  }

  private Span span(ParserRuleContext ctx) {
    Token start = ctx.getStart();
    Token stop = ctx.getStop() == null ? start : ctx.getStop();
    int end = Math.max(stop.getStopIndex(), start.getStartIndex());
    return new Span(start.getStartIndex(), end - start.getStartIndex() + 1, start.getLine(),
        start.getCharPositionInLine() + 1);
  }

  /** A tree the parser had to patch up after a syntax error; the item is skipped. */
  private static final class IncompleteTree extends RuntimeException {
    IncompleteTree() {
      super(null, null, false, false);
    }
  }
}
