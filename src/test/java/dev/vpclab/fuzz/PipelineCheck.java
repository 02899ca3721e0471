package dev.vpclab.fuzz;

import dev.vpclab.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs one input through the whole command line, as {@code vpclab run - --format F}. */
public final class PipelineCheck {
  private PipelineCheck() {}

  /** The exit status, standard output and standard error of one run. */
  public record Outcome(int status, String out, String err) {
    public boolean internalError() {
      // the message Main prints, at the start of a line (the input itself may say 'internal error')
      return err.startsWith("vpclab: internal error") || err.contains("\nvpclab: internal error");
    }

    /** Every error message is located: {@code <stdin>:LINE:COL: error: ...}. */
    public boolean errorsLocated() {
      for (String line : err.split("\n")) {
        // message lines start in column 1; source lines, carets and hints are indented
        if (!line.startsWith(" ") && line.contains("error:") && !line.matches("<stdin>:\\d+:\\d+: error: .*")
            && !line.startsWith("<stdin>: error: ")) {
          return false;
        }
      }
      return true;
    }
  }

  /** Where the charts of fuzzed inputs go: a temporary directory, never the working tree. */
  private static final String CHARTS = chartsDir();

  private static String chartsDir() {
    try {
      java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("vpclab-fuzz-charts");
      dir.toFile().deleteOnExit();
      return dir.toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public static Outcome run(byte[] input, String format) {
    return run(input, format, true);
  }

  /**
   * As {@link #run(byte[], String)}, which draws every chart into a temporary directory ({@code
   * --charts}); with {@code allCharts} false, with {@code --no-charts}: no chart is drawn.
   */
  public static Outcome run(byte[] input, String format, boolean allCharts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] args = allCharts ? new String[] {"run", "-", "--format", format, "--charts", CHARTS}
        : new String[] {"run", "-", "--format", format, "--no-charts"};
    int status = Main.run(args, new ByteArrayInputStream(input), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Outcome(status, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  public static Outcome run(String input, String format) {
    return run(input.getBytes(StandardCharsets.UTF_8), format);
  }
}
