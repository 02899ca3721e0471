package dev.vpclab.lang;

import java.util.Arrays;

/** The text of one scenario file or REPL cell, with its name as the user knows it. */
public final class SourceFile {
  private final String name;
  private final String text;
  private final int[] lineStarts;

  public SourceFile(String name, String text) {
    this.name = name;
    this.text = text;
    int[] starts = new int[16];
    int lines = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        if (lines == starts.length) {
          starts = Arrays.copyOf(starts, lines * 2);
        }
        starts[lines++] = i + 1;
      }
    }
    lineStarts = Arrays.copyOf(starts, lines);
  }

  public String name() {
    return name;
  }

  public String text() {
    return text;
  }

  /** The text of a 1-based line, without its line break. */
  public String line(int line) {
    if (line < 1 || line > lineStarts.length) {
      return "";
    }
    int start = lineStarts[line - 1];
    int end = line < lineStarts.length ? lineStarts[line] : text.length();
    while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return text.substring(start, end);
  }

  public int lineCount() {
    return lineStarts.length;
  }

  /** The source text a span covers. */
  public String text(Span span) {
    int from = Math.max(0, Math.min(span.offset(), text.length()));
    int to = Math.max(from, Math.min(span.end(), text.length()));
    return text.substring(from, to);
  }

  @Override
  public String toString() {
    return name;
  }
}
