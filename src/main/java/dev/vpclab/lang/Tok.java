package dev.vpclab.lang;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;

/**
 * A token of {@link Tokenizer}: its type and where it stands; its text is cut from the source
 * only when asked for. Start and stop are UTF-16 offsets (stop inclusive), the line is 1-based and
 * the column 0-based in code points, as ANTLR's tokens have them.
 */
final class Tok implements Token {
  private final String source;
  private final int type;
  private final int start;
  private final int stop;
  private final int line;
  private final int column;
  /** The index in the token stream being parsed (a piece of the file): set by {@link TokenSlice}. */
  int index;

  Tok(String source, int type, int start, int stop, int line, int column, int index) {
    this.source = source;
    this.type = type;
    this.start = start;
    this.stop = stop;
    this.line = line;
    this.column = column;
    this.index = index;
  }

  @Override
  public String getText() {
    if (type == EOF) {
      return "<EOF>";
    }
    return source.substring(start, stop + 1);
  }

  @Override
  public int getType() {
    return type;
  }

  @Override
  public int getLine() {
    return line;
  }

  @Override
  public int getCharPositionInLine() {
    return column;
  }

  @Override
  public int getChannel() {
    return type == dev.vpclab.lang.antlr.VpcParser.WS || type == dev.vpclab.lang.antlr.VpcParser.COMMENT ? HIDDEN_CHANNEL : DEFAULT_CHANNEL;
  }

  @Override
  public int getTokenIndex() {
    return index;
  }

  @Override
  public int getStartIndex() {
    return start;
  }

  @Override
  public int getStopIndex() {
    return stop;
  }

  @Override
  public TokenSource getTokenSource() {
    return null;
  }

  @Override
  public CharStream getInputStream() {
    return null;
  }

  /**
   * The end-of-input token just after this one, placed where the next character would stand (an
   * error at the end of a statement points there).
   */
  Tok endAfter(int index) {
    int l = line;
    int col = column;
    for (int i = start; i <= stop; i++) {
      char ch = source.charAt(i);
      if (ch == '\n' || (ch == '\r' && (i + 1 > stop || source.charAt(i + 1) != '\n'))) {
        l++;
        col = 0;
      } else if (!(Character.isLowSurrogate(ch) && i > start
          && Character.isHighSurrogate(source.charAt(i - 1)))) {
        col++;
      }
    }
    return new Tok(source, EOF, stop + 1, stop, l, col, index);
  }

  /** The same token read as another type. */
  Tok as(int newType) {
    return new Tok(source, newType, start, stop, line, column, index);
  }

  @Override
  public String toString() {
    return "[@" + index + "," + start + ":" + stop + "='" + getText() + "',<" + type + ">," + line
        + ":" + column + "]";
  }
}
