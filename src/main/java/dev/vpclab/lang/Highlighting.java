package dev.vpclab.lang;

import dev.vpclab.lang.antlr.VpcParser;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;


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
    Tokenizer.Tokens tokens = Tokenizer.tokenize(text, true);
    for (int k = 0; k < tokens.size(); k++) {
      Tok t = tokens.array()[k];
      int start = t.getStartIndex();
      int end = t.getStopIndex() + 1;
      int type = t.getType();
      if (type == VpcParser.COMMA) {
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
    if (type >= VpcParser.REGION && type <= VpcParser.WITH) { // the lower-case keywords
      return Category.KEYWORD;
    }
    return switch (type) {
      case VpcParser.MB, VpcParser.GB, VpcParser.TB, VpcParser.PB, VpcParser.USD, VpcParser.DOLLAR ->
          Category.UNIT;
      case VpcParser.NUMBER -> Category.NUMBER;
      case VpcParser.CIDR -> Category.CIDR;
      case VpcParser.AZ_SHORT -> Category.AZ;
      case VpcParser.NAME -> FULL_AZ.matcher(text).matches() ? Category.AZ : Category.NAME;
      case VpcParser.STRING -> Category.STRING;
      case VpcParser.COMMENT -> Category.COMMENT;
      case VpcParser.ARROW, VpcParser.DOTDOT, VpcParser.LE, VpcParser.GE, VpcParser.LT, VpcParser.GT,
          VpcParser.STAR, VpcParser.LBRACE, VpcParser.RBRACE, VpcParser.SEMI -> Category.OPERATOR;
      case VpcParser.NL, VpcParser.WS -> null;
      default -> Category.ERROR;
    };
  }
}
