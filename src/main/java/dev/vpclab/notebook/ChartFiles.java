package dev.vpclab.notebook;

/**
 * Which charts a notebook makes. A chart is an {@link Output.Artifact} with a path relative to the
 * front end's chart directory (the {@code to} file, or {@code cell-N-KIND.png}); the front end
 * writes it. An artifact whose path is null is for embedding only (reports).
 */
public enum ChartFiles {
  /** No chart is drawn (vpclab check): chart cells still give their data and text. */
  NONE,
  /** {@code chart} always gives a file; {@code sweep} only when it says {@code to}. */
  CHARTS,
  /** Every chart and sweep gives a file; without {@code to} it gets the cell's name. */
  ALL,
  /** As {@link #CHARTS}, and a sweep without {@code to} is drawn for embedding only. */
  EMBED,
  /**
   * Every chart and sweep is drawn for embedding (a notebook kernel shows it inline); only one
   * with {@code to} gives a file as well.
   */
  INLINE
}
