package dev.vpclab.lang;

/**
 * A stretch of source text: where a token or statement starts (1-based line and column, 0-based
 * character offset) and how many characters it covers.
 */
public record Span(int offset, int length, int line, int column) {
  public static final Span NONE = new Span(0, 0, 0, 0);

  /** The span from the start of this one to the end of {@code other}. */
  public Span to(Span other) {
    if (other.offset + other.length <= offset) {
      return this;
    }
    return new Span(offset, other.offset + other.length - offset, line, column);
  }

  public int end() {
    return offset + length;
  }
}
