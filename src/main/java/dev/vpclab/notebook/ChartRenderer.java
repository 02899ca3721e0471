package dev.vpclab.notebook;

/**
 * The seam between the notebook and the chart library: the notebook hands over a {@link
 * ChartSpec} and gets bytes back. The implementation ({@code dev.vpclab.chart.Charts}, JFreeChart
 * and Batik) is looked up by name on first use, so a run without charts never loads AWT.
 */
public interface ChartRenderer {
  /** PNG or SVG bytes of the chart; the same spec gives the same bytes. */
  byte[] render(ChartSpec spec, String format);

  /** The renderer of the class path ({@code dev.vpclab.chart.Charts}), loaded on first call. */
  static ChartRenderer get() {
    return Holder.INSTANCE;
  }

  /** Lazy holder: initialised the first time a chart is made. */
  final class Holder {
    static final String IMPLEMENTATION = "dev.vpclab.chart.Charts";
    static final ChartRenderer INSTANCE = load();

    private Holder() {}

    private static ChartRenderer load() {
      try {
        return (ChartRenderer) Class.forName(IMPLEMENTATION).getDeclaredConstructor()
            .newInstance();
      } catch (ReflectiveOperationException | LinkageError e) {
        throw new IllegalStateException("the chart renderer " + IMPLEMENTATION
            + " is missing: " + e, e);
      }
    }
  }
}
