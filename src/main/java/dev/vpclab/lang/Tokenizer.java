package dev.vpclab.lang;

import dev.vpclab.lang.antlr.VpcParser;
import java.util.Arrays;

/**
 * The language's lexer, written by hand. The lexer rules of {@code grammar/Vpc.g4} are its
 * specification: {@code TokenizerConformanceTest} checks it token for token against the lexer
 * ANTLR generates from them, on every scenario, error case, fuzz input and generated program.
 *
 * <p>Why by hand: ANTLR's lexer simulates its state machine character by character and, at
 * start-up, first rebuilds that machine from its serialised form; together that was a fifth of a
 * cold run of the seed and a quarter of parsing a large file. This one makes no token objects for
 * blanks and comments unless asked, and types keywords without making a string.
 *
 * <p>Positions: a token's start and stop are UTF-16 offsets into the text (what {@link
 * SourceFile} and {@link Span} use); its column counts code points, as an editor does. A line
 * ends at "\n", "\r\n" or a lone "\r", as in {@link SourceFile}.
 */
public final class Tokenizer {
  private Tokenizer() {}

  /** The tokens of a text, and how many there are (the array may be longer). */
  record Tokens(Tok[] array, int size) {}

  private static final String[] KEYWORD_TEXT = {
      "region", "hours", "prices", "price", "layout", "extends", "use", "vpc", "cidr", "dns",
      "hostnames", "on", "off", "az", "subnet", "private-dns", "inbound-only", "private", "public",
      "endpoint", "no",
      "gateway", "nat", "instance", "count", "needs", "traffic", "internet", "allow", "in", "check",
      "reach", "reaches", "resolve", "from", "fail", "failure", "resilience", "cost", "compare",
      "chart", "to", "sweep", "step", "over", "expect", "survives", "tgw", "attach", "peering",
      "share", "with", "MB", "GB", "TB", "PB", "USD"};
  private static final int[] KEYWORD_TYPE = {
      VpcParser.REGION, VpcParser.HOURS, VpcParser.PRICES, VpcParser.PRICE, VpcParser.LAYOUT,
      VpcParser.EXTENDS, VpcParser.USE, VpcParser.VPC, VpcParser.CIDR_KW, VpcParser.DNS,
      VpcParser.HOSTNAMES, VpcParser.ON, VpcParser.OFF, VpcParser.AZ, VpcParser.SUBNET,
      VpcParser.PRIVATE_DNS, VpcParser.INBOUND_ONLY, VpcParser.PRIVATE, VpcParser.PUBLIC, VpcParser.ENDPOINT, VpcParser.NO,
      VpcParser.GATEWAY, VpcParser.NAT, VpcParser.INSTANCE, VpcParser.COUNT, VpcParser.NEEDS,
      VpcParser.TRAFFIC, VpcParser.INTERNET, VpcParser.ALLOW, VpcParser.IN, VpcParser.CHECK,
      VpcParser.REACH, VpcParser.REACHES, VpcParser.RESOLVE, VpcParser.FROM, VpcParser.FAIL,
      VpcParser.FAILURE, VpcParser.RESILIENCE, VpcParser.COST, VpcParser.COMPARE, VpcParser.CHART,
      VpcParser.TO, VpcParser.SWEEP, VpcParser.STEP, VpcParser.OVER, VpcParser.EXPECT,
      VpcParser.SURVIVES, VpcParser.TGW, VpcParser.ATTACH, VpcParser.PEERING, VpcParser.SHARE,
      VpcParser.WITH, VpcParser.MB, VpcParser.GB, VpcParser.TB, VpcParser.PB, VpcParser.USD};

  /** Open addressing over String.hashCode: the slot of each keyword's index + 1, 0 when empty. */
  private static final int SLOTS = 256;
  private static final byte[] TABLE = new byte[SLOTS];
  private static final int LONGEST;

  static {
    int longest = 0;
    for (int k = 0; k < KEYWORD_TEXT.length; k++) {
      String word = KEYWORD_TEXT[k];
      longest = Math.max(longest, word.length());
      int slot = word.hashCode() & (SLOTS - 1);
      while (TABLE[slot] != 0) {
        slot = (slot + 1) & (SLOTS - 1);
      }
      TABLE[slot] = (byte) (k + 1);
    }
    LONGEST = longest;
  }

  /** The keywords and units with their token types, in the grammar's order. */
  static String[] keywordTexts() {
    return KEYWORD_TEXT.clone();
  }

  /** The token type of a word: a keyword's or unit's own type, else NAME. */
  public static int keywordType(String word) {
    char[] chars = word.toCharArray();
    return keyword(chars, 0, chars.length);
  }

  private static int keyword(char[] c, int from, int to) {
    int length = to - from;
    if (length < 2 || length > LONGEST) {
      return VpcParser.NAME;
    }
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + c[i];
    }
    for (int slot = h & (SLOTS - 1); TABLE[slot] != 0; slot = (slot + 1) & (SLOTS - 1)) {
      int k = TABLE[slot] - 1;
      String word = KEYWORD_TEXT[k];
      if (word.length() == length && same(word, c, from)) {
        return KEYWORD_TYPE[k];
      }
    }
    return VpcParser.NAME;
  }

  private static boolean same(String word, char[] c, int from) {
    for (int i = 0; i < word.length(); i++) {
      if (word.charAt(i) != c[from + i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * The tokens of {@code text}, in order, without an end-of-file token. Blanks and comments (types
   * WS and COMMENT) are left out unless {@code hidden}. Never fails: a character no rule takes
   * becomes a BAD token.
   */
  static Tokens tokenize(String text, boolean hidden) {
    return new Run(text, hidden).all();
  }

  private static final class Run {
    private final String text;
    private final char[] c;
    private final int n;
    private final boolean hidden;
    private Tok[] out;
    private int size;
    private int line = 1;
    private int lineStart;
    /** Surrogate pairs seen so far, and before the current line: columns count code points. */
    private int pairs;
    private int pairsAtLineStart;
    /** Where the token {@link #digitStart} read ends. */
    private int end;

    Run(String text, boolean hidden) {
      this.text = text;
      this.c = text.toCharArray();
      this.n = c.length;
      this.hidden = hidden;
      this.out = new Tok[Math.max(16, n / 5)];
    }

    Tokens all() {
      int i = 0;
      while (i < n) {
        int start = i;
        int startLine = line;
        int column = start - lineStart - (pairs - pairsAtLineStart);
        char ch = c[i];
        int type;
        switch (ch) {
          case ' ', '\t', '\f' -> {
            i++;
            while (i < n && (c[i] == ' ' || c[i] == '\t' || c[i] == '\f')) {
              i++;
            }
            type = VpcParser.WS;
          }
          case '\n' -> {
            i++;
            newLine(i);
            type = VpcParser.NL;
          }
          case '\r' -> {
            i += i + 1 < n && c[i + 1] == '\n' ? 2 : 1;
            newLine(i);
            type = VpcParser.NL;
          }
          case '#' -> {
            i = comment(i);
            type = VpcParser.COMMENT;
          }
          case ',' -> {
            i = comma(i + 1);
            type = VpcParser.COMMA;
          }
          case '"' -> {
            int close = string(i);
            if (close < 0) {
              i++;
              type = VpcParser.BAD;
            } else {
              i = close;
              type = VpcParser.STRING;
            }
          }
          case '-' -> {
            if (i + 1 < n && c[i + 1] == '>') {
              i += 2;
              type = VpcParser.ARROW;
            } else {
              i++;
              type = VpcParser.BAD;
            }
          }
          case '.' -> {
            if (i + 1 < n && isDigit(c[i + 1])) {
              i = digits(i + 1);
              type = VpcParser.NUMBER;
            } else if (i + 1 < n && c[i + 1] == '.') {
              i += 2;
              type = VpcParser.DOTDOT;
            } else {
              i++;
              type = VpcParser.BAD;
            }
          }
          case '<' -> {
            boolean le = i + 1 < n && c[i + 1] == '=';
            i += le ? 2 : 1;
            type = le ? VpcParser.LE : VpcParser.LT;
          }
          case '>' -> {
            boolean ge = i + 1 < n && c[i + 1] == '=';
            i += ge ? 2 : 1;
            type = ge ? VpcParser.GE : VpcParser.GT;
          }
          case '*', '$', '{', '}', ';' -> {
            i++;
            type = ch == '*' ? VpcParser.STAR : ch == '$' ? VpcParser.DOLLAR
                : ch == '{' ? VpcParser.LBRACE : ch == '}' ? VpcParser.RBRACE : VpcParser.SEMI;
          }
          default -> {
            if (isDigit(ch)) {
              type = digitStart(i);
              i = end;
            } else if (isNameStart(ch)) {
              i = name(i);
              type = keyword(c, start, i);
            } else {
              i = oneCodePoint(i);
              type = VpcParser.BAD;
            }
          }
        }
        if (hidden || (type != VpcParser.WS && type != VpcParser.COMMENT)) {
          if (size == out.length) {
            out = Arrays.copyOf(out, size + (size >> 1) + 16);
          }
          out[size] = new Tok(text, type, start, i - 1, startLine, column, size);
          size++;
        }
      }
      return new Tokens(out, size);
    }

    private void newLine(int next) {
      line++;
      lineStart = next;
      pairsAtLineStart = pairs;
    }

    /** '#' up to (not including) the end of the line. */
    private int comment(int i) {
      while (i < n && c[i] != '\n' && c[i] != '\r') {
        i = oneCodePoint(i);
      }
      return i;
    }

    /** After ',': blanks, comments and line ends, which the comma swallows. */
    private int comma(int i) {
      while (i < n) {
        char ch = c[i];
        if (ch == ' ' || ch == '\t') {
          i++;
        } else if (ch == '\n') {
          i++;
          newLine(i);
        } else if (ch == '\r') {
          i += i + 1 < n && c[i + 1] == '\n' ? 2 : 1;
          newLine(i);
        } else if (ch == '#') {
          i = comment(i);
        } else {
          break;
        }
      }
      return i;
    }

    /** The end of a string starting at the quote at i, or -1 when it is not closed on its line. */
    private int string(int i) {
      int pairsBefore = pairs;
      i++;
      while (i < n) {
        char ch = c[i];
        if (ch == '"') {
          return i + 1;
        }
        if (ch == '\n' || ch == '\r') {
          break;
        }
        if (ch == '\\') {
          if (i + 1 >= n || c[i + 1] == '\n' || c[i + 1] == '\r') {
            break;
          }
          i = oneCodePoint(i + 1);
        } else {
          i = oneCodePoint(i);
        }
      }
      pairs = pairsBefore; // not a string: only the quote is taken
      return -1;
    }

    /** CIDR, AZ_SHORT or NUMBER, whichever is longest, starting at the digit at i. */
    private int digitStart(int i) {
      int a = digits(i);
      if (a == i + 1 && a < n && c[a] >= 'a' && c[a] <= 'z') {
        end = a + 1;
        return VpcParser.AZ_SHORT;
      }
      // NUMBER: digits ('.' digits)?
      end = a;
      if (a + 1 < n && c[a] == '.' && isDigit(c[a + 1])) {
        int b = digits(a + 1);
        end = b;
        // CIDR: digits '.' digits '.' digits '.' digits '/' digits
        if (b + 1 < n && c[b] == '.' && isDigit(c[b + 1])) {
          int d = digits(b + 1);
          if (d + 1 < n && c[d] == '.' && isDigit(c[d + 1])) {
            int e = digits(d + 1);
            if (e + 1 < n && c[e] == '/' && isDigit(c[e + 1])) {
              end = digits(e + 1);
              return VpcParser.CIDR;
            }
          }
        }
      }
      return VpcParser.NUMBER;
    }

    private int digits(int i) {
      while (i < n && isDigit(c[i])) {
        i++;
      }
      return i;
    }

    /** NAME: [a-zA-Z_] ([a-zA-Z0-9_.-]* [a-zA-Z0-9_])? */
    private int name(int i) {
      int last = i;
      i++;
      while (i < n) {
        char ch = c[i];
        if (isNameEnd(ch)) {
          last = i;
        } else if (ch != '.' && ch != '-') {
          break;
        }
        i++;
      }
      return last + 1;
    }

    /** One code point: a surrogate pair is one character of a line. */
    private int oneCodePoint(int i) {
      if (Character.isHighSurrogate(c[i]) && i + 1 < n && Character.isLowSurrogate(c[i + 1])) {
        pairs++;
        return i + 2;
      }
      return i + 1;
    }
  }

  private static boolean isDigit(char ch) {
    return ch >= '0' && ch <= '9';
  }

  private static boolean isNameStart(char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_';
  }

  private static boolean isNameEnd(char ch) {
    return isNameStart(ch) || isDigit(ch);
  }
}
