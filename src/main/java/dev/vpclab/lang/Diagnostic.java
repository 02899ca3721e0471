package dev.vpclab.lang;

import java.util.Objects;

/**
 * One located message about the user's input: an error (the input is invalid) or a warning (it is
 * valid but probably not what was meant). {@code hint} is a suggestion such as {@code did you mean
 * 'ssmmessages'?} or {@code add: az 1c subnet private}, or null.
 */
public record Diagnostic(Severity severity, SourceFile source, Span span, String message, String hint) {
  public Diagnostic {
    Objects.requireNonNull(severity);
    Objects.requireNonNull(source);
    Objects.requireNonNull(span);
    Objects.requireNonNull(message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  public int line() {
    return span.line();
  }

  public int column() {
    return span.column();
  }

  /**
   * The message as a compiler prints it: {@code file:line:col: error: message}, the source line, a
   * caret under the spot, and the hint.
   */
  public String render() {
    StringBuilder sb = new StringBuilder();
    sb.append(source.name()).append(':').append(span.line()).append(':').append(span.column())
        .append(": ").append(severity.label()).append(": ").append(message).append('\n');
    String text = source.line(span.line());
    if (span.line() >= 1 && !text.isEmpty()) {
      String shown = text.length() > 200 ? text.substring(0, 200) + "..." : text;
      sb.append("  ").append(printable(shown)).append('\n');
      StringBuilder caret = new StringBuilder("  ");
      int col = Math.max(1, span.column());
      for (int i = 0; i < col - 1 && i < shown.length(); i++) {
        caret.append(shown.charAt(i) == '\t' ? '\t' : ' ');
      }
      int width = Math.max(1, Math.min(span.length(), Math.max(1, shown.length() - (col - 1))));
      caret.append('^');
      caret.append("~".repeat(Math.max(0, width - 1)));
      sb.append(caret).append('\n');
    }
    if (hint != null && !hint.isEmpty()) {
      sb.append("  hint: ").append(hint).append('\n');
    }
    return sb.toString();
  }

  /** Control characters (binary input) shown as '?', so a terminal is never garbled. */
  private static String printable(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      sb.append(c != '\t' && (Character.isISOControl(c) || c == '\uFFFD') ? '?' : c);
    }
    return sb.toString();
  }
}
