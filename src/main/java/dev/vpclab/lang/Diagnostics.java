package dev.vpclab.lang;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The error sink: every stage reports here instead of throwing or printing. It keeps the
 * messages in report order, drops exact repeats, and stops storing after {@link #LIMIT} messages
 * so that garbage input cannot flood the user; the messages past it are still counted (each
 * once), so that {@link #errorCount()} counts every error.
 */
public final class Diagnostics {
  /** At most this many messages are kept (and listed). */
  public static final int LIMIT = 50;
  /**
   * Messages past {@link #LIMIT} are told apart (a repeat is not counted twice) up to this many;
   * past it they are counted as they come, so that memory stays bounded.
   */
  static final int DISTINCT_LIMIT = 100_000;
  /**
   * After this many syntax errors the parser stops reading (binary garbage would otherwise take
   * minutes); {@link #omittedLine()} then says where it stopped.
   */
  public static final int READ_LIMIT = 1000;

  /** What makes two messages the same, without the hint (which is computed only when kept). */
  private record Key(Severity severity, SourceFile source, Span span, String message) {}

  private final Set<Diagnostic> seen = new LinkedHashSet<>();
  private final Set<Key> omittedKeys = new HashSet<>();
  /** Messages reported in another form (see {@link #cover}). */
  private final Set<Key> covered = new HashSet<>();
  private int errors;
  private int omittedErrors;
  private int omittedWarnings;
  /** Where the parser stopped reading ({@link #READ_LIMIT}): "file" at "line", or null. */
  private String stoppedAt;

  public void error(SourceFile source, Span span, String message, String hint) {
    add(new Diagnostic(Severity.ERROR, source, span, message, hint));
  }

  /**
   * An error whose hint is computed only when the message is kept: after {@link #LIMIT} messages
   * a hint that searches every name of a large layout would cost time for nothing.
   */
  public void errorLazy(SourceFile source, Span span, String message, Supplier<String> hint) {
    add(Severity.ERROR, source, span, message, hint);
  }

  /** A warning whose hint is computed only when the message is kept. */
  public void warningLazy(SourceFile source, Span span, String message, Supplier<String> hint) {
    add(Severity.WARNING, source, span, message, hint);
  }

  private void add(Severity severity, SourceFile source, Span span, String message,
      Supplier<String> hint) {
    if (seen.size() >= LIMIT && !isKept(severity, source, span, message)) {
      omit(new Key(severity, source, span, message)); // without computing the hint
      return;
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
      omit(new Key(d.severity(), d.source(), d.span(), d.message()));
      return;
    }
    seen.add(d);
    if (d.isError()) {
      errors++;
    }
  }

  /**
   * Whether this message (whatever its hint) has been reported already, kept or past the limit:
   * a stage that would only repeat a message can then leave it out.
   */
  public boolean has(Severity severity, SourceFile source, Span span, String message) {
    Key key = new Key(severity, source, span, message);
    return isKept(severity, source, span, message) || omittedKeys.contains(key)
        || covered.contains(key);
  }

  /**
   * Records that this message has been reported in another form (the model reports a problem of
   * a line a layout inherits with the layout's name in front): {@link #has} is then true for it.
   */
  public void cover(Severity severity, SourceFile source, Span span, String message) {
    if (covered.size() < DISTINCT_LIMIT) {
      covered.add(new Key(severity, source, span, message));
    }
  }

  private boolean isKept(Severity severity, SourceFile source, Span span, String message) {
    for (Diagnostic d : seen) {
      if (d.severity() == severity && d.span().equals(span) && d.message().equals(message)
          && d.source().equals(source)) {
        return true;
      }
    }
    return false;
  }

  private void omit(Key key) {
    if (omittedKeys.size() < DISTINCT_LIMIT) {
      if (!omittedKeys.add(key)) {
        return; // a repeat of a message already counted
      }
    }
    if (key.severity() == Severity.ERROR) {
      errors++;
      omittedErrors++;
    } else {
      omittedWarnings++;
    }
  }

  /** The parser stopped reading {@code source} at {@code line}: too many syntax errors. */
  public void stoppedReading(SourceFile source, int line) {
    stoppedAt = source.name() + " at line " + line;
  }

  public boolean hasErrors() {
    return errors > 0;
  }

  /** Every error, listed or not. */
  public int errorCount() {
    return errors;
  }

  /** How many messages were not kept because of {@link #LIMIT}. */
  public int dropped() {
    return omittedErrors + omittedWarnings;
  }

  /** How many errors were not kept because of {@link #LIMIT} (they are in {@link #errorCount}). */
  public int omittedErrors() {
    return omittedErrors;
  }

  /** How many warnings were not kept because of {@link #LIMIT}. */
  public int omittedWarnings() {
    return omittedWarnings;
  }

  /**
   * The line that closes a listing cut at {@link #LIMIT}: {@code ... and 5 more errors} (and
   * warnings, and where the parser stopped reading), or null when nothing was left out.
   */
  public String omittedLine() {
    if (dropped() == 0 && stoppedAt == null) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    if (omittedErrors > 0) {
      parts.add(count(omittedErrors, "more error"));
    }
    if (omittedWarnings > 0) {
      parts.add(count(omittedWarnings, "more warning"));
    }
    String line = parts.isEmpty() ? "..." : "... and " + String.join(" and ", parts);
    return stoppedAt == null ? line : line + " (vpclab stopped reading " + stoppedAt
        + " after " + READ_LIMIT + " syntax errors)";
  }

  /** The closing count, {@code 1 error} or {@code 55 errors}, or null when there is no error. */
  public String countLine() {
    return errors == 0 ? null : count(errors, "error");
  }

  private static String count(int n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
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
