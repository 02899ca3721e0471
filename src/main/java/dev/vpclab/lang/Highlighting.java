package dev.vpclab.lang;

import dev.vpclab.lang.antlr.VpcLexer;
import dev.vpclab.lang.antlr.VpcParser;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.CharStreams;


/**
 * Syntax highlighting as you type: the text's tokens, each with a category. It only lexes (no
 * parsing), so it stays instant on long cells, and it never fails: a character the language does
 * not know is an {@link Category#ERROR} span. Whitespace and newlines get no span.
 */
public final class Highlighting {
  private Highlighting() {}

  public enum Category { KEYWORD, NAME, NUMBER, UNIT, CIDR, AZ, STRING, COMMENT, OPERATOR, ERROR }

  /** A stretch {@code [start, end)} of the text (Java string indices) and its category. */
  public record Token(int start, int end, Category category) {
    public String text(String source) {
      return source.substring(start, end);
    }
  }

  private static final Pattern FULL_AZ = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d[a-z]");

  /** The categorised tokens of {@code text}, in order. */
  public static List<Token> classify(String text) {
    List<Token> out = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    int[] charIndex = charIndexOfCodePoints(text);
    VpcLexer lexer = new VpcLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    for (org.antlr.v4.runtime.Token t = lexer.nextToken(); t.getType() != org.antlr.v4.runtime.Token.EOF;
        t = lexer.nextToken()) {
      int start = at(charIndex, t.getStartIndex());
      int end = at(charIndex, t.getStopIndex() + 1);
      if (end <= start) {
        continue;
      }
      int type = t.getType();
      if (type == VpcLexer.COMMA) {
        // a comma swallows the blanks, comments and newlines after it: colour the comma and
        // any comment inside it
        out.add(new Token(start, start + 1, Category.OPERATOR));
        int i = start + 1;
        while (i < end) {
          if (text.charAt(i) == '#') {
            int j = i;
            while (j < end && text.charAt(j) != '\n' && text.charAt(j) != '\r') {
              j++;
            }
            out.add(new Token(i, j, Category.COMMENT));
            i = j;
          } else {
            i++;
          }
        }
        continue;
      }
      Category c = category(type, t.getText());
      if (c != null) {
        out.add(new Token(start, end, c));
      }
    }
    return out;
  }

  private static Category category(int type, String text) {
    if (type >= VpcParser.REGION && type <= VpcParser.SURVIVES) {
      return Category.KEYWORD;
    }
    return switch (type) {
      case VpcParser.MB, VpcParser.GB, VpcParser.TB, VpcParser.PB, VpcParser.USD, VpcLexer.DOLLAR ->
          Category.UNIT;
      case VpcLexer.NUMBER -> Category.NUMBER;
      case VpcLexer.CIDR -> Category.CIDR;
      case VpcLexer.AZ_SHORT -> Category.AZ;
      case VpcLexer.NAME -> FULL_AZ.matcher(text).matches() ? Category.AZ : Category.NAME;
      case VpcLexer.STRING -> Category.STRING;
      case VpcLexer.COMMENT -> Category.COMMENT;
      case VpcLexer.ARROW, VpcLexer.DOTDOT, VpcLexer.LE, VpcLexer.GE, VpcLexer.LT, VpcLexer.GT,
          VpcLexer.STAR, VpcLexer.LBRACE, VpcLexer.RBRACE, VpcLexer.SEMI -> Category.OPERATOR;
      case VpcLexer.NL, VpcLexer.WS -> null;
      default -> Category.ERROR;
    };
  }

  /** ANTLR counts code points; Java strings count UTF-16 units. Null when they agree. */
  private static int[] charIndexOfCodePoints(String text) {
    int n = text.codePointCount(0, text.length());
    if (n == text.length()) {
      return null;
    }
    int[] index = new int[n + 1];
    int cp = 0;
    for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
      index[cp++] = i;
    }
    index[n] = text.length();
    return index;
  }

  private static int at(int[] charIndex, int codePoint) {
    if (charIndex == null) {
      return codePoint;
    }
    return charIndex[Math.max(0, Math.min(codePoint, charIndex.length - 1))];
  }
}
