package dev.vpclab.lang;

import dev.vpclab.lang.antlr.VpcParser;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * The language's front door: source text in, {@link Ast.Program} and diagnostics out.
 *
 * <p>The text is lexed once ({@link Tokenizer}), then cut into top-level items at newlines and
 * ';' outside braces; a layout block is cut again into its statements, and so is a vpc block in
 * it. Each piece is parsed on its own (ANTLR's fast SLL mode; a piece stops at its first error).
 * So a mistake in one statement is reported once, and never hides the mistakes in the statements
 * after it.
 */
public final class SourceParser {
  private SourceParser() {}

  /** Words that start a line only outside a block: one ends a block that was never closed. */
  private static final boolean[] TOP_LEVEL_ONLY = new boolean[VpcParser.VOCABULARY.getMaxTokenType() + 1];

  static {
    for (int type : new int[] {VpcParser.LAYOUT, VpcParser.REGION, VpcParser.HOURS,
        VpcParser.PRICE, VpcParser.PRICES, VpcParser.USE, VpcParser.CHECK, VpcParser.REACH,
        VpcParser.RESOLVE, VpcParser.FAIL, VpcParser.RESILIENCE, VpcParser.COST, VpcParser.COMPARE,
        VpcParser.CHART, VpcParser.SWEEP, VpcParser.EXPECT}) {
      TOP_LEVEL_ONLY[type] = true;
    }
  }

  /**
   * Loads the parser's tables (ANTLR deserialises its grammar's state machine when its parser
   * class is first used) so that a start-up thread can do it while the input is being read. Safe
   * from any thread; parsing never needs it. (Parsing a sample here as well was measured: no gain.)
   */
  public static void prepare() {
    VpcParser._ATN.getNumberOfDecisions();
  }

  public static Ast.Program parse(SourceFile source, Diagnostics diagnostics) {
    Tokenizer.Tokens tokens = Tokenizer.tokenize(source.text(), false);
    return new SourceParser.Run(source, diagnostics, tokens.array(), tokens.size()).program();
  }

  private static final class Run {
    private final SourceFile source;
    private final Diagnostics diagnostics;
    private final Tok[] tokens;
    /** How many tokens there are (the array may be longer). */
    private final int n;
    private final AstBuilder builder;
    private int errors;
    private VpcParser fast;
    /** Whether the last tree {@link #parse} returned came from the bailing fast parser. */
    private boolean lastClean;
    /** Where the last vpc block that was not closed stopped (at a line its layout ends at too). */
    private int unclosedVpcStop = -1;

    Run(SourceFile source, Diagnostics diagnostics, Tok[] tokens, int n) {
      this.source = source;
      this.diagnostics = diagnostics;
      this.tokens = tokens;
      this.n = n;
      this.builder = new AstBuilder(source, diagnostics);
    }

    Ast.Program program() {
      List<Ast.Item> items = new ArrayList<>();
      int i = 0;
      while (i < n && errors < Diagnostics.READ_LIMIT) {
        int type = tokens[i].getType();
        if (isSep(type)) {
          i++;
          continue;
        }
        if (type == VpcParser.RBRACE) {
          report(tokens[i], "unexpected '}'", "no block is open here");
          i = endOfItem(i);
          continue;
        }
        if (type == VpcParser.LAYOUT && opensBlock(i)) {
          i = layout(i, items);
          continue;
        }
        if (type == VpcParser.VPC && opensBlock(i)) {
          i = vpcBlock(i, items, false);
          continue;
        }
        int end = endOfItem(i);
        Ast.Item item = parseItem(i, end);
        if (item != null) {
          items.add(item);
        }
        i = end;
      }
      while (i < n && isSep(tokens[i].getType())) {
        i++;
      }
      if (i < n) { // stopped at READ_LIMIT errors: the first line not read
        diagnostics.stoppedReading(source, tokens[i].getLine());
      }
      return new Ast.Program(source, List.copyOf(items));
    }

    /**
     * The end (exclusive) of the item starting at {@code i}: the next separator. Only a layout
     * or vpc block spans lines, so a stray '{' elsewhere costs one line, not the rest of the file.
     */
    private int endOfItem(int i) {
      for (int j = i; j < n; j++) {
        if (isSep(tokens[j].getType())) {
          return j;
        }
      }
      return n;
    }

    /** Whether the 'layout' or 'vpc' at i opens a block before the end of its line. */
    private boolean opensBlock(int i) {
      for (int j = i + 1; j < n; j++) {
        int type = tokens[j].getType();
        if (type == VpcParser.LBRACE) {
          return true;
        }
        if (isSep(type) || type == VpcParser.RBRACE) {
          return false;
        }
      }
      return false;
    }

    /** Parses {@code layout NAME [extends NAME] { ... }} starting at i; returns where it ends. */
    private int layout(int i, List<Ast.Item> items) {
      int brace = openingBrace(i);
      Token open = tokens[brace];
      VpcParser.LayoutHeadContext head = parse(i, brace + 1, VpcParser::layoutHead);
      boolean headClean = lastClean;
      List<Ast.Stmt> body = new ArrayList<>();
      Block block = statements(brace + 1, null, body);
      int j = block.next();
      if (block.close() == null) {
        if (j != unclosedVpcStop) { // else the vpc block that ran to here is reported
          report(open, "the block of this layout is not closed",
              "add a '}' after its last statement");
        }
      } else {
        j = afterClose(j, false);
      }
      Ast.LayoutDecl decl = null;
      if (head != null) {
        Token last = block.close() != null ? block.close() : tokens[Math.max(brace, j - 1)];
        builder.trusted = headClean;
        decl = builder.layout(head, body, tokens[i], last);
      }
      if (decl != null) {
        items.add(decl);
      } else if (tokens[i + 1].getType() == VpcParser.NAME) {
        Ast.Name name = nameAt(i + 1);
        items.add(new Ast.BrokenLayout(name, name.span()));
      }
      return j;
    }

    /**
     * Parses {@code vpc NAME [cidr C] { ... }} starting at i, in a layout (nested) or as a bare
     * statement; returns where it ends. A vpc block that meets another one before its '}' was not
     * closed: the other one is the next statement of the layout, not a block inside this one.
     */
    private int vpcBlock(int i, List<? super Ast.Stmt> out, boolean nested) {
      int brace = openingBrace(i);
      Token open = tokens[brace];
      VpcParser.VpcHeadContext head = parse(i, brace + 1, VpcParser::vpcHead);
      boolean headClean = lastClean;
      String vpc = tokens[i + 1].getType() == VpcParser.NAME ? "vpc " + tokens[i + 1].getText()
          : "this vpc";
      List<Ast.Stmt> body = new ArrayList<>();
      Block block = statements(brace + 1, vpc, body);
      int j = block.next();
      if (block.close() == null) {
        boolean another = j < n && tokens[j].getType() == VpcParser.VPC;
        report(open, "the block of " + vpc + " is not closed", another
            ? "add a '}' before line " + tokens[j].getLine() + ": vpc blocks do not nest"
            : "add a '}' after its last statement");
        if (!another) {
          unclosedVpcStop = j;
        }
      } else {
        j = afterClose(j, nested);
      }
      Ast.VpcBlock built = null;
      if (head != null) {
        Token last = block.close() != null ? block.close() : tokens[Math.max(brace, j - 1)];
        builder.trusted = headClean;
        built = builder.vpcBlock(head, body, tokens[i], last);
      }
      if (built != null) {
        out.add(built);
      } else {
        brokenNames(body, out); // the head's error is reported: keep the names it declares
      }
      return j;
    }

    /** The statements of a block and where they end: its '}', or null when it was not closed. */
    private record Block(int next, Token close) {}

    /**
     * Parses the statements of a block from j (just after its '{') to its '}': a layout's
     * (vpc == null) or a vpc block's (vpc is "vpc NAME", for messages). The block is not closed
     * when a layout, setting or query starts a line first, or, for a vpc block, another vpc block.
     */
    private Block statements(int j, String vpc, List<Ast.Stmt> body) {
      while (j < n && errors < Diagnostics.READ_LIMIT) {
        Token t = tokens[j];
        int type = t.getType();
        if (isSep(type)) {
          j++;
          continue;
        }
        if (type == VpcParser.RBRACE) {
          return new Block(j + 1, t);
        }
        if (TOP_LEVEL_ONLY[type] && startsLine(j)) {
          break; // a new layout, setting or query: this block was never closed
        }
        if (type == VpcParser.VPC && opensBlock(j)) {
          if (vpc != null) {
            break;
          }
          j = vpcBlock(j, body, true);
          continue;
        }
        int end = endOfStmt(j);
        if (vpc != null && layoutWide(j)) {
          String what = type == VpcParser.NO ? "no " + tokens[j + 1].getText() : t.getText();
          report(t, "a '" + what + "' line stands in the layout, not inside " + vpc,
              "move it after the '}' of " + vpc);
        } else if (vpc != null) {
          VpcParser.VpcStmtEofContext stmt = parse(j, end, VpcParser::vpcStmtEof);
          add(stmt == null ? null : stmt.stmt(), j, end, body);
        } else {
          VpcParser.StmtEofContext stmt = parse(j, end, VpcParser::stmtEof);
          add(stmt == null ? null : stmt.layoutStmt(), j, end, body);
        }
        j = end;
      }
      return new Block(j, null);
    }

    /** Adds the statement parsed from [from, to), or what a broken one declares (tree == null). */
    private void add(ParserRuleContext tree, int from, int to, List<Ast.Stmt> body) {
      if (tree == null) {
        addBroken(from, to, body);
        return;
      }
      builder.trusted = lastClean;
      Ast.Stmt built = tree instanceof VpcParser.StmtContext s ? builder.stmt(s)
          : builder.layoutStmt((VpcParser.LayoutStmtContext) tree);
      if (built != null) {
        body.add(built);
      }
    }

    /** Whether the statement at j is about a layout's VPCs as a whole ({@code tgw}, ...). */
    private boolean layoutWide(int j) {
      int type = tokens[j].getType();
      if (type == VpcParser.NO && j + 1 < n) {
        type = tokens[j + 1].getType();
        if (type == VpcParser.VPC) {
          return true;
        }
      }
      return type == VpcParser.TGW || type == VpcParser.PEERING || type == VpcParser.SHARE;
    }

    /** The subnets and instances a vpc block with a broken first line declares, as broken. */
    private static void brokenNames(List<Ast.Stmt> body, List<? super Ast.Stmt> out) {
      for (Ast.Stmt s : body) {
        if (s instanceof Ast.SubnetDecl d && d.name() != null) {
          out.add(new Ast.BrokenDecl(Ast.BrokenDecl.Kind.SUBNET, d.name(), d.name().span()));
        } else if (s instanceof Ast.InstanceDecl d) {
          out.add(new Ast.BrokenDecl(Ast.BrokenDecl.Kind.INSTANCE, d.name(), d.name().span()));
        } else if (s instanceof Ast.BrokenDecl) {
          out.add(s);
        }
      }
    }

    /** After a block's '}' at j: the rest of its line must be empty; returns where to go on. */
    private int afterClose(int j, boolean nested) {
      if (j < n && !isSep(tokens[j].getType())
          && !(nested && tokens[j].getType() == VpcParser.RBRACE)) { // a layout's '}' may follow
        report(tokens[j], "unexpected " + describe(tokens[j]) + " after '}'",
            "start a new line after the block");
        return nested ? endOfStmt(j) : endOfItem(j);
      }
      return j;
    }

    /** The '{' that the block starting at i opens (it is on i's line: see opensBlock). */
    private int openingBrace(int i) {
      int brace = i;
      while (tokens[brace].getType() != VpcParser.LBRACE) {
        brace++;
      }
      return brace;
    }

    /** A statement inside a block ends at a separator or at the block's '}'. */
    private int endOfStmt(int i) {
      int depth = 0;
      for (int j = i; j < n; j++) {
        int type = tokens[j].getType();
        if (type == VpcParser.LBRACE) {
          depth++;
        } else if (type == VpcParser.RBRACE) {
          if (depth == 0) {
            return j;
          }
          depth--;
        } else if (depth == 0 && isSep(type)) {
          return j;
        }
      }
      return n;
    }

    private boolean startsLine(int j) {
      return j == 0 || tokens[j - 1].getType() == VpcParser.NL;
    }

    private Ast.Item parseItem(int from, int to) {
      VpcParser.ItemEofContext ctx = parse(from, to, VpcParser::itemEof);
      builder.trusted = lastClean;
      if (ctx == null) {
        List<Ast.Item> broken = new ArrayList<>(1);
        addBroken(from, to, broken);
        return broken.isEmpty() ? null : broken.get(0);
      }
      return builder.item(ctx.item());
    }

    /**
     * After a syntax error in {@code az 1a subnet privat app ...} or {@code instance web in app
     * neds ssm}: the name it declares, so that the uses of it are not reported again as unknown.
     */
    private void addBroken(int from, int to, List<? super Ast.BrokenDecl> out) {
      int first = tokens[from].getType();
      if (to - from >= 5 && first == VpcParser.AZ
          && tokens[from + 2].getType() == VpcParser.SUBNET
          && tokens[from + 4].getType() == VpcParser.NAME) {
        Ast.Name name = nameAt(from + 4);
        out.add(new Ast.BrokenDecl(Ast.BrokenDecl.Kind.SUBNET, name, name.span()));
      } else if (to - from >= 2 && first == VpcParser.INSTANCE
          && tokens[from + 1].getType() == VpcParser.NAME) {
        Ast.Name name = nameAt(from + 1);
        out.add(new Ast.BrokenDecl(Ast.BrokenDecl.Kind.INSTANCE, name, name.span()));
      }
    }

    /** The name token at k as the AST has it. */
    private Ast.Name nameAt(int k) {
      Tok t = tokens[k];
      return new Ast.Name(t.getText(), new Span(t.getStartIndex(),
          t.getStopIndex() - t.getStartIndex() + 1, t.getLine(), t.getCharPositionInLine() + 1));
    }

    /**
     * {@code instance web in 1a} (or {@code in app-a, 1b}) and {@code endpoint ... allow 1a}:
     * where a subnet is meant, an AZ is read as a name, so that the layout builder, which knows
     * the subnets of 1a, reports it with a hint that names them.
     */
    private void azAsSubnetName(int from, int to) {
      int first = tokens[from].getType();
      if (to - from >= 4 && first == VpcParser.INSTANCE
          && tokens[from + 2].getType() == VpcParser.IN) {
        // its subnets: 'instance web in 1a' or 'instance web in app-a, 1b'
        for (int k = from + 3; k < to && (k == from + 3
            || tokens[k - 1].getType() == VpcParser.COMMA); k += 2) {
          if (tokens[k].getType() == VpcParser.AZ_SHORT) {
            tokens[k] = tokens[k].as(VpcParser.NAME);
          }
        }
      } else if (first == VpcParser.ENDPOINT) {
        boolean allow = false;
        for (int k = from + 1; k < to; k++) {
          int type = tokens[k].getType();
          int before = tokens[k - 1].getType();
          if (type == VpcParser.ALLOW || type == VpcParser.PRIVATE_DNS) {
            allow = type == VpcParser.ALLOW;
          } else if (allow && type == VpcParser.AZ_SHORT
              && (before == VpcParser.ALLOW || before == VpcParser.COMMA)) {
            tokens[k] = tokens[k].as(VpcParser.NAME);
          }
        }
      }
    }

    /** Parses the tokens from (inclusive) to (exclusive) with an entry rule of the grammar. */
    private <T extends ParserRuleContext> T parse(int from, int to,
        java.util.function.Function<VpcParser, T> rule) {
      azAsSubnetName(from, to);
      // the fast parser is made once per run
      TokenSlice piece = new TokenSlice(tokens, from, to);
      if (fast == null) {
        fast = new VpcParser(piece);
        fast.removeErrorListeners();
        fast.getInterpreter().setPredictionMode(PredictionMode.SLL);
        fast.setErrorHandler(new BailErrorStrategy());
      } else {
        fast.setInputStream(piece);
      }
      try {
        T tree = rule.apply(fast);
        lastClean = true;
        return tree;
      } catch (ParseCancellationException e) {
        // not valid in SLL mode: parse again in full LL mode, which reports the first error
      }
      lastClean = false;
      piece.seek(0);
      VpcParser parser = new VpcParser(piece);
      parser.removeErrorListeners();
      parser.setErrorHandler(new SyntaxErrors(source, diagnostics).strategy());
      try {
        return rule.apply(parser);
      } catch (SyntaxErrors.Reported e) {
        errors++;
        return null;
      }
    }

    private void report(Token t, String message, String hint) {
      errors++;
      diagnostics.error(source, SyntaxErrors.span(source, t), message, hint);
    }

    private static String describe(Token t) {
      return "'" + t.getText() + "'";
    }

    private static boolean isSep(int type) {
      return type == VpcParser.NL || type == VpcParser.SEMI;
    }
  }
}
