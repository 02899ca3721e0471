package dev.vpclab.lang;

import dev.vpclab.lang.antlr.VpcParser;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Turns ANTLR's syntax errors into messages a user can act on ("expected 'private' or 'public'",
 * "did you mean 'endpoint'?", "units are upper case: GB") and stops after {@link
 * Diagnostics#READ_LIMIT} errors so that binary garbage does not take long.
 */
final class SyntaxErrors {
  /** Thrown once a piece's first error is reported: the rest of the piece is skipped. */
  static final class Reported extends RuntimeException {
    Reported() {
      super(null, null, false, false);
    }
  }

  private final SourceFile source;
  private final Diagnostics diagnostics;

  SyntaxErrors(SourceFile source, Diagnostics diagnostics) {
    this.source = source;
    this.diagnostics = diagnostics;
  }

  DefaultErrorStrategy strategy() {
    return new Strategy();
  }

  private void report(Token t, String message, String hint) {
    diagnostics.error(source, span(source, t), message, hint);
    throw new Reported();
  }

  /** Where a token stands; the end of a piece points just past its last character. */
  static Span span(SourceFile source, Token t) {
    if (t.getType() == Token.EOF) {
      int offset = Math.max(0, Math.min(t.getStartIndex(), source.text().length()));
      int line = Math.max(1, t.getLine());
      String text = source.line(line);
      int col = Math.min(text.length(), Math.max(0, t.getCharPositionInLine())) + 1;
      return new Span(offset, 1, line, col);
    }
    int len = Math.max(1, t.getStopIndex() - t.getStartIndex() + 1);
    if (t.getType() == VpcParser.NL || t.getType() == VpcParser.COMMA) {
      len = 1;
    }
    return new Span(Math.max(0, t.getStartIndex()), len, t.getLine(), t.getCharPositionInLine() + 1);
  }

  private final class Strategy extends DefaultErrorStrategy {
    @Override
    public void sync(Parser recognizer) {
      // no resynchronisation: a piece stops at its first error
    }

    @Override
    public void recover(Parser recognizer, RecognitionException e) {
      throw new Reported();
    }

    @Override
    public Token recoverInline(Parser recognizer) {
      InputMismatchException e = new InputMismatchException(recognizer);
      reportError(recognizer, e);
      throw new Reported();
    }

    @Override
    protected void reportNoViableAlternative(Parser p, NoViableAltException e) {
      Token t = e.getOffendingToken();
      explain(p, t, p.getExpectedTokens(), e.getStartToken() == t);
    }

    @Override
    protected void reportInputMismatch(Parser p, InputMismatchException e) {
      explain(p, e.getOffendingToken(), e.getExpectedTokens(), false);
    }

  }

  private void explain(Parser p, Token t, IntervalSet expected, boolean atStart) {
    String found = describe(t);
    List<String> wanted = expectedNames(expected);
    String text = t.getText() == null ? "" : t.getText();
    boolean statementStart = t.getTokenIndex() == 0;

    if (t.getType() == VpcParser.BAD) {
      report(t, "unexpected character " + found, badCharHint(text));
      return;
    }
    Token before = t.getTokenIndex() > 0 ? p.getTokenStream().get(t.getTokenIndex() - 1) : null;
    if (t.getType() == VpcParser.NAME && isUnit(text) && before != null
        && before.getType() == VpcParser.NUMBER) {
      report(t, "unexpected " + found, "units are upper case: " + text.toUpperCase(Locale.ROOT));
      return;
    }
    if (t.getType() == VpcParser.NAME && before != null && before.getType() == VpcParser.NUMBER
        && BINARY_UNIT.matcher(text).matches()) {
      String unit = Character.toUpperCase(text.charAt(0)) + "B";
      report(t, "unexpected " + found, "write " + before.getText() + " " + unit
          + ": vpclab's units are AWS's binary ones (AWS's GB is a GiB; 1 TB = 1024 GB)");
      return;
    }
    if (t.getType() == VpcParser.COMMA && ",".equals(text) && before != null
        && before.getType() == VpcParser.NUMBER) {
      String joined = thousands(p, t);
      if (joined != null) {
        String number = joined.split(" ")[0];
        report(t, "unexpected ',' in the number " + number.replace('_', ','),
            "write numbers without separators: " + joined.replace("_", ""));
        return;
      }
    }
    if (t.getType() == VpcParser.NAME && statementStart && !expected.contains(VpcParser.NAME)) {
      String hint = Suggest.didYouMean(text, Keywords.STATEMENT_STARTS);
      report(t, "unknown statement " + found,
          hint != null ? hint : "a statement starts with one of: " + String.join(", ", Keywords.STATEMENT_STARTS));
      return;
    }
    if (statementStart && Keywords.isKeyword(text)) {
      String hint = Suggest.didYouMean(text, Keywords.STATEMENT_STARTS);
      report(t, "a statement cannot start with '" + text + "'",
          hint != null ? hint : "a statement starts with one of: "
              + String.join(", ", Keywords.STATEMENT_STARTS));
      return;
    }
    if (t.getType() == VpcParser.AZ_SHORT && expected.contains(VpcParser.NAME)
        && !expected.contains(VpcParser.AZ_SHORT)) {
      // not where a subnet is meant: 'instance web in 1a' and 'allow 1a' are read as names, for
      // the model to name the subnets of 1a
      report(t, "expected a name, found the AZ " + found,
          "a layout, instance or service name cannot look like an AZ");
      return;
    }
    if (t.getTokenIndex() == 1 && p.getTokenStream().get(0).getType() == VpcParser.VPC
        && expected.contains(VpcParser.NAME) && !expected.contains(VpcParser.CIDR_KW)) {
      // 'vpc cidr 10.1.0.0/16 {': a vpc block (only a block's head expects a name alone here)
      report(t, "expected the VPC's name, found " + found,
          "a vpc block names its VPC first: vpc NAME cidr 10.1.0.0/16 { ... }");
      return;
    }
    if (Keywords.isKeyword(text) && expected.contains(VpcParser.NAME)) {
      report(t, "'" + text + "' is a keyword and cannot be used as a name",
          "choose another name, such as '" + text + "-1'");
      return;
    }
    String hint = null;
    if (t.getType() == VpcParser.NAME && text.contains("..") && expected.contains(VpcParser.DOTDOT)) {
      // "1 TB..2 TB": a name may contain dots, so "TB..2" is read as one word
      report(t, "expected " + joinOr(wanted) + ", found " + found,
          "put spaces around '..': " + text.replace("..", " .. "));
      return;
    }
    if (t.getType() == VpcParser.NAME) {
      List<String> keywordsWanted = new ArrayList<>();
      for (String w : wanted) {
        if (w.startsWith("'") && Keywords.isKeyword(w.substring(1, w.length() - 1))) {
          keywordsWanted.add(w.substring(1, w.length() - 1));
        }
      }
      hint = Suggest.didYouMean(text, keywordsWanted);
      if (hint == null && !statementStart) {
        hint = Suggest.didYouMean(text, optionsOf(p.getTokenStream().get(0).getType()));
      }
    }
    if (hint == null && expected.contains(VpcParser.COMMA) && isPeering(p.getTokenStream())) {
      hint = "a peering joins two VPCs: " + (p.getTokenStream().get(0).getType() == VpcParser.NO
          ? "no " : "") + "peering app, data";
    }
    if (t.getType() == VpcParser.LBRACE && wanted.isEmpty()) {
      hint = "only 'layout NAME { ... }' and 'vpc NAME { ... }' open a block";
    }
    String message;
    if (wanted.isEmpty()) {
      message = "unexpected " + found;
    } else {
      message = "expected " + joinOr(wanted) + ", found " + found;
    }
    report(t, message, hint);
  }

  /** Whether the piece is a {@code peering} or {@code no peering} statement. */
  private static boolean isPeering(org.antlr.v4.runtime.TokenStream ts) {
    int first = ts.get(0).getType();
    return first == VpcParser.PEERING
        || (first == VpcParser.NO && ts.size() > 1 && ts.get(1).getType() == VpcParser.PEERING);
  }

  /** MiB, GiB, TiB, PiB in any case: units vpclab spells MB, GB, TB, PB. */
  private static final java.util.regex.Pattern BINARY_UNIT =
      java.util.regex.Pattern.compile("(?i)[mgtp]ib");

  /**
   * The keywords that may follow inside a statement starting with this token type, for a
   * misspelt one the parser could not expect any more ({@code instance web in app neds ssm}).
   */
  private static List<String> optionsOf(int firstType) {
    return switch (firstType) {
      case VpcParser.INSTANCE -> List.of("count", "needs");
      case VpcParser.ENDPOINT -> List.of("private-dns", "allow");
      case VpcParser.AZ -> List.of("cidr");
      case VpcParser.VPC -> List.of("cidr", "dns", "hostnames");
      case VpcParser.NAT, VpcParser.REACH, VpcParser.FAIL -> List.of("in");
      case VpcParser.TGW -> List.of("attach", "in");
      case VpcParser.SHARE -> List.of("from", "with");
      case VpcParser.RESOLVE -> List.of("from", "in");
      case VpcParser.CHART -> List.of("to");
      case VpcParser.SWEEP -> List.of("step", "over", "to");
      case VpcParser.EXPECT -> List.of("reaches", "survives", "in");
      case VpcParser.LAYOUT -> List.of("extends");
      default -> List.of();
    };
  }

  /**
   * For a ',' after a number: the number written with thousands separators ({@code 1,000} or
   * {@code 1,000,000.5}) as "1_000 GB" (the separators as '_', its unit after a space), or null
   * when what follows the ',' is not a group of three digits.
   */
  private static String thousands(Parser p, Token comma) {
    org.antlr.v4.runtime.TokenStream ts = p.getTokenStream();
    StringBuilder sb = new StringBuilder(ts.get(comma.getTokenIndex() - 1).getText());
    int k = comma.getTokenIndex();
    boolean groups = false;
    while (k + 1 < ts.size() && ts.get(k).getType() == VpcParser.COMMA
        && ",".equals(ts.get(k).getText()) && ts.get(k + 1).getType() == VpcParser.NUMBER
        && ts.get(k + 1).getText().matches("[0-9]{3}(\\.[0-9]+)?")) {
      sb.append('_').append(ts.get(k + 1).getText());
      groups = true;
      k += 2;
      if (sb.indexOf(".") >= 0) {
        break;
      }
    }
    if (!groups) {
      return null;
    }
    String unit = k < ts.size() ? Keywords.text(ts.get(k).getType()) : null;
    if (unit != null && Set.of("MB", "GB", "TB", "PB", "USD").contains(unit)) {
      sb.append(' ').append(unit);
    }
    return sb.toString();
  }

  private static boolean isUnit(String s) {
    String u = s.toUpperCase(Locale.ROOT);
    return !s.equals(u) && Set.of("MB", "GB", "TB", "PB").contains(u);
  }

  private static String badCharHint(String text) {
    if (text.equals("\"")) {
      return "a string needs its closing quote on the same line";
    }
    if (text.equals("=")) {
      return "comparisons are < <= > >=; settings need no '=' (hours 730)";
    }
    return null;
  }

  private static String describe(Token t) {
    if (t.getType() == Token.EOF) {
      return "the end of the statement";
    }
    if (t.getType() == VpcParser.NL) {
      return "end of line";
    }
    String text = t.getText();
    if (t.getType() == VpcParser.BAD && !text.isEmpty()) {
      char c = text.charAt(0);
      if (Character.isISOControl(c) || c == '\uFFFD' || Character.isWhitespace(c)) {
        return String.format(Locale.ROOT, "U+%04X", (int) c);
      }
    }
    if (text.length() > 40) {
      text = text.substring(0, 37) + "...";
    }
    if (t.getType() == VpcParser.COMMA) {
      text = ",";
    }
    return "'" + text + "'";
  }

  /** Human names for the expected tokens, or an empty list when there are too many to help. */
  private static List<String> expectedNames(IntervalSet set) {
    Set<String> out = new LinkedHashSet<>();
    if (set == null) {
      return List.of();
    }
    for (int type : set.toList()) {
      String n = displayName(type);
      if (n != null) {
        out.add(n);
      }
    }
    if (out.size() > 6) {
      return List.of();
    }
    return new ArrayList<>(out);
  }

  static String displayName(int type) {
    return switch (type) {
      case Token.EOF, VpcParser.NL, VpcParser.SEMI -> "the end of the statement";
      case VpcParser.NAME -> "a name";
      case VpcParser.NUMBER -> "a number";
      case VpcParser.CIDR -> "a CIDR such as 10.0.1.0/24";
      case VpcParser.AZ_SHORT -> "an AZ such as 1a";
      case VpcParser.STRING -> "a quoted file name";
      case VpcParser.COMMA -> "','";
      case VpcParser.BAD, VpcParser.WS, VpcParser.COMMENT -> null;
      default -> {
        String keyword = Keywords.text(type);
        yield keyword != null ? "'" + keyword + "'" : VpcParser.VOCABULARY.getLiteralName(type);
      }
    };
  }

  private static String joinOr(List<String> items) {
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.get(items.size() - 1);
  }
}
