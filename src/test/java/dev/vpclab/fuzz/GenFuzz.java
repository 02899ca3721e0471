package dev.vpclab.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Not a test: runs {@link ProgramGen} programs through the whole pipeline for a number of inputs
 * or seconds and prints the figures. Drawing charts (JFreeChart, PNG) is nearly all the time of a
 * valid program, so one input in 50 runs with every chart drawn ({@code --charts} into a temporary
 * directory) and the others with {@code --no-charts} (every cell evaluated, no drawing). Run
 * (after mvn -q test-compile):
 * {@code java -cp "target/classes:target/test-classes:$(cat target/bench/cp.txt)"
 * dev.vpclab.fuzz.GenFuzz [inputs] [seconds] [first-seed]}
 */
public final class GenFuzz {
  private GenFuzz() {}

  public static void main(String[] args) {
    long inputs = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    long seconds = args.length > 1 ? Long.parseLong(args[1]) : 3600;
    long first = args.length > 2 ? Long.parseLong(args[2]) : 1_000_000;
    long start = System.nanoTime();
    long deadline = start + seconds * 1_000_000_000L;
    long runs = 0;
    long failures = 0;
    long exit1 = 0;
    long bytes = 0;
    long slowest = 0;
    long slowestSeed = -1;
    String[] formats = {"text", "json", "csv"};
    for (long seed = first; runs < inputs && System.nanoTime() < deadline; seed++) {
      boolean nice = seed % 4 == 0;
      String program = ProgramGen.generate(seed, nice, 5 + (int) (seed % 60));
      long t0 = System.nanoTime();
      PipelineCheck.Outcome o = PipelineCheck.run(program.getBytes(StandardCharsets.UTF_8),
          formats[(int) (seed % 3)], seed % 50 == 0);
      long t = System.nanoTime() - t0;
      if (t > slowest) {
        slowest = t;
        slowestSeed = seed;
      }
      runs++;
      bytes += program.length();
      boolean bad = o.internalError() || o.status() == 2 || (nice && o.status() != 0);
      if (o.status() == 1) {
        exit1++;
      }
      if (bad) {
        failures++;
        if (failures <= 5) {
          System.out.println("FAILURE seed " + seed + " (nice " + nice + "), status "
              + o.status() + ":\n" + o.err() + "\n--- input:\n" + program);
        }
      }
      if (runs % 100_000 == 0) {
        System.out.printf(Locale.ROOT, "%,d inputs, %.0f s%n", runs,
            (System.nanoTime() - start) / 1e9);
      }
    }
    double s = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "generated programs: %,d inputs (%,d MB) in %.0f s, %.0f/s; "
        + "%,d with a failed expect (exit 1), %d failures; slowest %.1f ms (seed %d)%n", runs,
        bytes >> 20, s, runs / s, exit1, failures, slowest / 1e6, slowestSeed);
    System.exit(failures == 0 ? 0 : 1);
  }
}
