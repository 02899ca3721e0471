package dev.vpclab.lang;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The error sink: every stage reports here instead of throwing or printing. It keeps the
 * messages in report order, drops exact repeats, and stops storing after {@link #LIMIT} errors
 * (counting the rest) so that garbage input cannot flood the user.
 */
public final class Diagnostics {
  public static final int LIMIT = 50;

  private final Set<Diagnostic> seen = new LinkedHashSet<>();
  private int errors;
  private int dropped;

  public void error(SourceFile source, Span span, String message, String hint) {
    add(new Diagnostic(Severity.ERROR, source, span, message, hint));
  }

  /**
   * An error whose hint is computed only when the message is kept: after {@link #LIMIT} messages
   * a hint that searches every name of a large layout would cost time for nothing.
   */
  public void errorLazy(SourceFile source, Span span, String message,
      java.util.function.Supplier<String> hint) {
    add(Severity.ERROR, source, span, message, hint);
  }

  /** A warning whose hint is computed only when the message is kept. */
  public void warningLazy(SourceFile source, Span span, String message,
      java.util.function.Supplier<String> hint) {
    add(Severity.WARNING, source, span, message, hint);
  }

  private void add(Severity severity, SourceFile source, Span span, String message,
      java.util.function.Supplier<String> hint) {
    if (seen.size() >= LIMIT) {
      boolean maybeSeen = false;
      for (Diagnostic d : seen) {
        if (d.severity() == severity && d.span().equals(span) && d.message().equals(message)
            && d.source().equals(source)) {
          maybeSeen = true;
          break;
        }
      }
      if (!maybeSeen) { // dropped, exactly as add(Diagnostic) would, without the hint
        if (severity == Severity.ERROR) {
          errors++;
        }
        dropped++;
        return;
      }
    }
    add(new Diagnostic(severity, source, span, message, hint.get()));
  }

  public void error(SourceFile source, Span span, String message) {
    error(source, span, message, null);
  }

  public void warning(SourceFile source, Span span, String message, String hint) {
    add(new Diagnostic(Severity.WARNING, source, span, message, hint));
  }

  public void add(Diagnostic d) {
    if (seen.contains(d)) {
      return;
    }
    if (seen.size() >= LIMIT) {
      if (d.isError()) {
        errors++;
      }
      dropped++;
      return;
    }
    seen.add(d);
    if (d.isError()) {
      errors++;
    }
  }

  public void addAll(Diagnostics other) {
    for (Diagnostic d : other.seen) {
      add(d);
    }
    dropped += other.dropped;
    errors += other.errors - other.all().stream().filter(Diagnostic::isError).count();
  }

  public boolean hasErrors() {
    return errors > 0;
  }

  public int errorCount() {
    return errors;
  }

  /** How many messages were not kept because of {@link #LIMIT}. */
  public int dropped() {
    return dropped;
  }

  /** All kept messages, sorted by file position (report order among equals). */
  public List<Diagnostic> all() {
    List<Diagnostic> list = new ArrayList<>(seen);
    list.sort(Comparator.comparing((Diagnostic d) -> d.source().name())
        .thenComparingInt(d -> d.span().line())
        .thenComparingInt(d -> d.span().column()));
    return list;
  }

  public List<Diagnostic> errors() {
    return all().stream().filter(Diagnostic::isError).toList();
  }

  public List<Diagnostic> warnings() {
    return all().stream().filter(d -> !d.isError()).toList();
  }
}
