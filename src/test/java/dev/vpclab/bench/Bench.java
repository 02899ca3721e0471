package dev.vpclab.bench;

import dev.vpclab.cli.Main;
import dev.vpclab.fuzz.ProgramGen;
import dev.vpclab.lang.Diagnostics;
import dev.vpclab.lang.SourceFile;
import dev.vpclab.lang.SourceParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Benchmark inputs and in-process benchmarks (not tests), driven by src/test/bench/run.sh:
 * <pre>
 *   gen-files DIR N     N valid scenario files of about 30 lines, each with an expect (all pass)
 *   gen-scale FILE      the 6-AZ, 600-subnet, 100-service, 10,000-instance layout + check,
 *                       resilience, cost
 *   gen-big FILE MB     a valid file of about MB megabytes (many layouts and queries)
 *   run FILE [ROUNDS]   `vpclab run FILE` in process: median after warm-up
 *   parse FILE          SourceParser.parse and the whole run, MB/s after warm-up
 * </pre>
 */
public final class Bench {
  private Bench() {}

  public static void main(String[] args) throws IOException {
    Locale.setDefault(Locale.ROOT);
    switch (args[0]) {
      case "gen-files" -> genFiles(Path.of(args[1]), Integer.parseInt(args[2]));
      case "gen-scale" -> Files.writeString(Path.of(args[1]), scale());
      case "gen-big" -> Files.writeString(Path.of(args[1]), big(Integer.parseInt(args[2])));
      case "run" -> run(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 10);
      case "parse" -> parse(Path.of(args[1]));
      default -> throw new IllegalArgumentException("unknown: " + args[0]);
    }
  }

  static void genFiles(Path dir, int n) throws IOException {
    Files.createDirectories(dir);
    long bytes = 0;
    long lines = 0;
    long seed = 0;
    for (int i = 0; i < n; i++) {
      // `vpclab check` refuses a file without an expectation: keep the programs that have one
      String text;
      do {
        text = withoutCharts(ProgramGen.generate(seed++, true, 30));
      } while (!("\n" + text).contains("\nexpect "));
      bytes += text.length();
      lines += text.lines().count();
      Files.writeString(dir.resolve(String.format("s%05d.vpc", i)), text);
    }
    System.out.printf("%d files, %.1f lines and %d bytes each on average%n", n,
        lines / (double) n, bytes / n);
  }

  /**
   * The generated program without its {@code chart} queries: the benchmarks measure checking and
   * parsing, not drawing pictures (each chart loads AWT and writes a file).
   */
  static String withoutCharts(String program) {
    StringBuilder sb = new StringBuilder(program.length());
    for (String line : program.split("\n", -1)) {
      if (!line.startsWith("chart ")) {
        sb.append(line).append('\n');
      }
    }
    return sb.substring(0, Math.max(0, sb.length() - 1));
  }

  static String scale() {
    return "# the scale benchmark: 6 AZs, 600 subnets, 100 services, 10,000 instances\n"
        + ReachBench.generate(10_000, 10, 1) + "check\nresilience\ncost\n";
  }

  static String big(int mb) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; sb.length() < mb * 1024L * 1024; i++) {
      sb.append(withoutCharts(ProgramGen.generate(i, true, 30, "p" + i + "-")));
    }
    return sb.toString();
  }

  private static final PrintStream NULL = new PrintStream(OutputStream.nullOutputStream(), false,
      StandardCharsets.UTF_8);

  static int runOnce(Path file) {
    return Main.run(new String[] {"run", file.toString()}, new ByteArrayInputStream(new byte[0]),
        NULL, NULL);
  }

  static void run(Path file, int rounds) {
    double[] ms = new double[rounds];
    int status = -1;
    for (int w = 0; w < 5; w++) {
      status = runOnce(file);
    }
    for (int r = 0; r < rounds; r++) {
      long t0 = System.nanoTime();
      runOnce(file);
      ms[r] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(ms);
    System.out.printf("in-process run %s: median %.0f ms (min %.0f, max %.0f) after 5 warm-up runs,"
        + " exit status %d%n", file.getFileName(), ms[rounds / 2], ms[0], ms[rounds - 1], status);
  }

  static void parse(Path file) throws IOException {
    String text = Files.readString(file);
    double mb = Files.size(file) / (1024.0 * 1024.0);
    SourceFile source = new SourceFile(file.toString(), text);
    int rounds = 7;
    double[] parse = new double[rounds];
    double[] whole = new double[rounds];
    int items = 0;
    for (int w = 0; w < 3; w++) {
      items = SourceParser.parse(source, new Diagnostics()).items().size();
    }
    for (int r = 0; r < rounds; r++) {
      long t0 = System.nanoTime();
      SourceParser.parse(source, new Diagnostics());
      parse[r] = (System.nanoTime() - t0) / 1e9;
    }
    int status = runOnce(file);
    for (int w = 0; w < 2; w++) {
      runOnce(file);
    }
    for (int r = 0; r < rounds; r++) {
      long t0 = System.nanoTime();
      runOnce(file);
      whole[r] = (System.nanoTime() - t0) / 1e9;
    }
    Arrays.sort(parse);
    Arrays.sort(whole);
    System.out.printf("parse %s (%.1f MB, %d lines, %d top-level items): SourceParser.parse median "
        + "%.0f ms = %.1f MB/s; whole run (read, parse, check, evaluate, text report) median "
        + "%.0f ms = %.1f MB/s, exit status %d%n", file.getFileName(), mb, text.lines().count(),
        items, parse[rounds / 2] * 1000, mb / parse[rounds / 2], whole[rounds / 2] * 1000,
        mb / whole[rounds / 2], status);
  }
}
