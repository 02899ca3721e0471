package dev.vpclab.model;

import dev.vpclab.lang.SourceFile;
import dev.vpclab.lang.Span;
import java.util.function.Supplier;

/**
 * Where the parts of {@link LayoutBuilder} report problems: located at a spot of the source, the
 * hint computed only when the message is kept.
 */
interface Reports {
  void error(SourceFile src, Span span, String message, Supplier<String> hint);

  void warning(SourceFile src, Span span, String message, Supplier<String> hint);
}
