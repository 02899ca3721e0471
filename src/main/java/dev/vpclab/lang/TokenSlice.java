package dev.vpclab.lang;

import org.antlr.v4.runtime.RuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * A piece of the file's tokens (one statement), as ANTLR's parser reads them: a view of the
 * shared token array with an end-of-input token after it, so that no piece copies its tokens
 * into a list of its own. Indices are the piece's own, from 0.
 */
final class TokenSlice implements TokenStream {
  private final Tok[] tokens;
  private final int from;
  private final int size;
  private final Tok eof;
  private int p;

  /** The tokens from (inclusive) to (exclusive); a piece is never empty. */
  TokenSlice(Tok[] tokens, int from, int to) {
    this.tokens = tokens;
    this.from = from;
    this.size = to - from;
    for (int i = from; i < to; i++) {
      tokens[i].index = i - from;
    }
    this.eof = tokens[to - 1].endAfter(size);
  }

  @Override
  public Token LT(int k) {
    if (k == 0) {
      return null;
    }
    int i = k > 0 ? p + k - 1 : p + k;
    if (i < 0) {
      return null;
    }
    return i >= size ? eof : tokens[from + i];
  }

  @Override
  public int LA(int i) {
    Token t = LT(i);
    return t == null ? 0 : t.getType();
  }

  @Override
  public Token get(int index) {
    if (index < 0 || index > size) {
      throw new IndexOutOfBoundsException("token index " + index + " out of range 0.." + size);
    }
    return index == size ? eof : tokens[from + index];
  }

  @Override
  public void consume() {
    if (p >= size) {
      throw new IllegalStateException("cannot consume EOF");
    }
    p++;
  }

  @Override
  public int index() {
    return p;
  }

  @Override
  public void seek(int index) {
    p = Math.max(0, Math.min(index, size));
  }

  @Override
  public int size() {
    return size + 1;
  }

  @Override
  public int mark() {
    return -1;
  }

  @Override
  public void release(int marker) {}

  @Override
  public TokenSource getTokenSource() {
    return null;
  }

  @Override
  public String getSourceName() {
    return UNKNOWN_SOURCE_NAME;
  }

  @Override
  public String getText(Interval interval) {
    int a = Math.max(0, interval.a);
    int b = Math.min(size - 1, interval.b);
    StringBuilder sb = new StringBuilder();
    for (int i = a; i <= b; i++) {
      sb.append(tokens[from + i].getText());
    }
    return sb.toString();
  }

  @Override
  public String getText() {
    return getText(Interval.of(0, size - 1));
  }

  @Override
  public String getText(RuleContext ctx) {
    return getText(ctx.getSourceInterval());
  }

  @Override
  public String getText(Token start, Token stop) {
    if (start == null || stop == null) {
      return "";
    }
    return getText(Interval.of(start.getTokenIndex(), stop.getTokenIndex()));
  }
}
