package dev.vpclab.lang;

import dev.vpclab.lang.antlr.VpcLexer;
import dev.vpclab.lang.antlr.VpcParser;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * The language's front door: source text in, {@link Ast.Program} and diagnostics out.
 *
 * <p>The text is lexed once, then cut into top-level items at newlines and ';' outside braces; a
 * layout block is cut again into its statements. Each piece is parsed on its own (ANTLR's fast SLL
 * mode; a piece stops at its first error). So a mistake in one statement is reported once, and
 * never hides the mistakes in the statements after it.
 */
public final class SourceParser {
  private SourceParser() {}

  /** Words that start a line only outside a block: one ends a block that was never closed. */
  private static final java.util.Set<Integer> TOP_LEVEL_ONLY = java.util.Set.of(
      VpcParser.LAYOUT, VpcParser.REGION, VpcParser.HOURS, VpcParser.PRICE, VpcParser.PRICES,
      VpcParser.USE, VpcParser.CHECK, VpcParser.REACH, VpcParser.RESOLVE, VpcParser.FAIL,
      VpcParser.RESILIENCE, VpcParser.COST, VpcParser.COMPARE, VpcParser.CHART, VpcParser.SWEEP,
      VpcParser.EXPECT);

  public static Ast.Program parse(SourceFile source, Diagnostics diagnostics) {
    VpcLexer lexer = new VpcLexer(CharStreams.fromString(source.text(), source.name()));
    lexer.removeErrorListeners(); // the BAD token rule means the lexer never fails
    List<Token> tokens = new ArrayList<>();
    for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
      if (t.getChannel() == Token.DEFAULT_CHANNEL) {
        tokens.add(t);
      }
    }
    return new SourceParser.Run(source, diagnostics, tokens).program();
  }

  private static final class Run {
    private final SourceFile source;
    private final Diagnostics diagnostics;
    private final List<Token> tokens;
    private final AstBuilder builder;
    private int errors;
    private VpcParser fast;
    /** Whether the last tree {@link #parse} returned came from the bailing fast parser. */
    private boolean lastClean;

    Run(SourceFile source, Diagnostics diagnostics, List<Token> tokens) {
      this.source = source;
      this.diagnostics = diagnostics;
      this.tokens = tokens;
      this.builder = new AstBuilder(source, diagnostics);
    }

    Ast.Program program() {
      List<Ast.Item> items = new ArrayList<>();
      int i = 0;
      int n = tokens.size();
      while (i < n && errors < Diagnostics.LIMIT) {
        int type = tokens.get(i).getType();
        if (isSep(type)) {
          i++;
          continue;
        }
        if (type == VpcLexer.RBRACE) {
          report(tokens.get(i), "unexpected '}'", "no block is open here");
          i = endOfItem(i);
          continue;
        }
        if (type == VpcParser.LAYOUT && opensBlock(i)) {
          i = layout(i, items);
          continue;
        }
        int end = endOfItem(i);
        Ast.Item item = parseItem(tokens.subList(i, end));
        if (item != null) {
          items.add(item);
        }
        i = end;
      }
      return new Ast.Program(source, List.copyOf(items));
    }

    /**
     * The end (exclusive) of the item starting at {@code i}: the next separator. Only a layout
     * block spans lines, so a stray '{' elsewhere costs one line, not the rest of the file.
     */
    private int endOfItem(int i) {
      int n = tokens.size();
      for (int j = i; j < n; j++) {
        if (isSep(tokens.get(j).getType())) {
          return j;
        }
      }
      return n;
    }

    /** Whether the 'layout' at i opens a block before the end of its line. */
    private boolean opensBlock(int i) {
      for (int j = i + 1; j < tokens.size(); j++) {
        int type = tokens.get(j).getType();
        if (type == VpcLexer.LBRACE) {
          return true;
        }
        if (isSep(type) || type == VpcLexer.RBRACE) {
          return false;
        }
      }
      return false;
    }

    /** Parses {@code layout NAME [extends NAME] { ... }} starting at i; returns where it ends. */
    private int layout(int i, List<Ast.Item> items) {
      int brace = i;
      while (tokens.get(brace).getType() != VpcLexer.LBRACE) {
        brace++;
      }
      Token open = tokens.get(brace);
      VpcParser.LayoutHeadContext head = parse(tokens.subList(i, brace + 1), VpcParser::layoutHead);
      boolean headClean = lastClean;
      // the block's statements, up to the matching '}'
      List<Ast.Stmt> body = new ArrayList<>();
      int j = brace + 1;
      int n = tokens.size();
      Token close = null;
      while (j < n && errors < Diagnostics.LIMIT) {
        Token t = tokens.get(j);
        int type = t.getType();
        if (isSep(type)) {
          j++;
          continue;
        }
        if (type == VpcLexer.RBRACE) {
          close = t;
          j++;
          break;
        }
        if (TOP_LEVEL_ONLY.contains(type) && startsLine(j)) {
          break; // a new layout, setting or query: this block was never closed
        }
        int end = endOfStmt(j);
        VpcParser.StmtEofContext stmt = parse(tokens.subList(j, end), VpcParser::stmtEof);
        if (stmt != null) {
          builder.trusted = lastClean;
          Ast.Stmt built = builder.stmt(stmt.stmt());
          if (built != null) {
            body.add(built);
          }
        }
        j = end;
      }
      if (close == null) {
        report(open, "the block of this layout is not closed", "add a '}' after its last statement");
      } else if (j < n && !isSep(tokens.get(j).getType())) {
        report(tokens.get(j), "unexpected " + describe(tokens.get(j)) + " after '}'",
            "start a new line after the block");
        j = endOfItem(j);
      }
      if (head != null) {
        Token last = close != null ? close : tokens.get(Math.max(brace, j - 1));
        builder.trusted = headClean;
        Ast.LayoutDecl decl = builder.layout(head, body, tokens.get(i), last);
        if (decl != null) {
          items.add(decl);
        }
      }
      return j;
    }

    /** A statement inside a block ends at a separator or at the block's '}'. */
    private int endOfStmt(int i) {
      int depth = 0;
      for (int j = i; j < tokens.size(); j++) {
        int type = tokens.get(j).getType();
        if (type == VpcLexer.LBRACE) {
          depth++;
        } else if (type == VpcLexer.RBRACE) {
          if (depth == 0) {
            return j;
          }
          depth--;
        } else if (depth == 0 && isSep(type)) {
          return j;
        }
      }
      return tokens.size();
    }

    private boolean startsLine(int j) {
      return j == 0 || tokens.get(j - 1).getType() == VpcLexer.NL;
    }

    private Ast.Item parseItem(List<Token> piece) {
      VpcParser.ItemEofContext ctx = parse(piece, VpcParser::itemEof);
      builder.trusted = lastClean;
      return ctx == null ? null : builder.item(ctx.item());
    }

    private <T extends ParserRuleContext> T parse(List<Token> piece,
        java.util.function.Function<VpcParser, T> rule) {
      // the fast parser is made once per run; the piece ends with its own EOF token, so that
      // ListTokenSource need not make one from the last token's text (the slow path still does)
      if (fast == null) {
        fast = new VpcParser(new CommonTokenStream(new ListTokenSource(List.of())));
        fast.removeErrorListeners();
        fast.getInterpreter().setPredictionMode(PredictionMode.SLL);
        fast.setErrorHandler(new BailErrorStrategy());
      }
      List<Token> withEof = new ArrayList<>(piece.size() + 1);
      withEof.addAll(piece);
      withEof.add(new CommonToken(Token.EOF, "<EOF>"));
      fast.setInputStream(new CommonTokenStream(new ListTokenSource(withEof)));
      try {
        T tree = rule.apply(fast);
        lastClean = true;
        return tree;
      } catch (ParseCancellationException e) {
        // not valid in SLL mode: parse again in full LL mode, which reports the first error
      }
      lastClean = false;
      VpcParser parser = new VpcParser(new CommonTokenStream(new ListTokenSource(piece)));
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
      return type == VpcLexer.NL || type == VpcLexer.SEMI;
    }
  }
}
