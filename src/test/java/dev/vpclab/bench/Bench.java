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
 *   gen-hub-spoke FILE  a hub VPC sharing 8 services from 3 AZs with 100 spoke VPCs of 3 AZs
 *                       and 5 spread groups each, all on one transit gateway + check,
 *                       resilience, cost
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
      case "gen-hub-spoke" -> Files.writeString(Path.of(args[1]), hubSpoke(100, 5));
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

  /** The services the hub shares: the interface endpoints of SSM and of private EKS nodes. */
  static final String[] HUB_SERVICES = {"ssm", "ssmmessages", "ec2messages", "logs", "ecr.api",
      "ecr.dkr", "sts", "kms"};

  /**
   * The hub-and-spoke benchmark: a hub VPC with the endpoints of {@link #HUB_SERVICES} in three
   * AZs (private DNS off, shared through private hosted zones), {@code spokes} spoke VPCs of three
   * AZs with {@code groups} spread groups each (3 members, one per AZ), every VPC on one transit
   * gateway; each group needs Session Manager, sends traffic to one shared service and to the next
   * group (east-west); then check, resilience and cost of the design.
   */
  static String hubSpoke(int spokes, int groups) {
    String services = String.join(", ", HUB_SERVICES);
    String[] azs = {"a", "b", "c"};
    StringBuilder sb = new StringBuilder();
    sb.append("# the hub-and-spoke benchmark: a hub with ").append(HUB_SERVICES.length)
        .append(" shared services in 3 AZs, ").append(spokes).append(" spoke VPCs of 3 AZs with ")
        .append(groups).append(" spread groups each, one transit gateway\n");
    sb.append("region us-east-1\nlayout hub-spoke {\n  vpc hub cidr 10.0.0.0/16 {\n");
    for (String az : azs) {
      sb.append("    az 1").append(az).append(" subnet private ep-").append(az).append('\n');
    }
    sb.append("    endpoint ").append(services)
        .append(" in 1a, 1b, 1c private-dns off allow 10.0.0.0/8\n  }\n");
    StringBuilder attach = new StringBuilder("hub");
    StringBuilder with = new StringBuilder();
    for (int v = 1; v <= spokes; v++) {
      String vpc = "spoke" + v;
      sb.append("  vpc ").append(vpc).append(" cidr 10.").append(v).append(".0.0/16 {\n");
      for (String az : azs) {
        sb.append("    az 1").append(az).append(" subnet private s").append(v).append('-')
            .append(az).append('\n');
      }
      for (int g = 1; g <= groups; g++) {
        sb.append("    instance g").append(v).append('-').append(g).append(" in s").append(v)
            .append("-a, s").append(v).append("-b, s").append(v)
            .append("-c count 3 needs session-manager\n");
      }
      sb.append("  }\n");
      attach.append(", ").append(vpc);
      with.append(v == 1 ? "" : ", ").append(vpc);
      for (int g = 1; g <= groups; g++) {
        String group = "g" + v + "-" + g;
        sb.append("  traffic ").append(group).append(" -> ")
            .append(HUB_SERVICES[(v + g) % HUB_SERVICES.length]).append(' ').append(g)
            .append(" GB\n");
        if (g < groups) {
          sb.append("  traffic ").append(group).append(" -> g").append(v).append('-')
              .append(g + 1).append(' ').append(10 * g).append(" GB\n");
        }
      }
    }
    sb.append("  tgw core attach ").append(attach).append('\n');
    sb.append("  share ").append(services).append(" from hub with ").append(with).append('\n');
    sb.append("}\ncheck hub-spoke\nresilience hub-spoke\ncost hub-spoke\n");
    return sb.toString();
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
