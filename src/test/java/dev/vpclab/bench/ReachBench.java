package dev.vpclab.bench;

import dev.vpclab.model.Layout;
import dev.vpclab.model.Services;
import dev.vpclab.notebook.ReachCells;
import dev.vpclab.reach.FailureAnalysis;
import dev.vpclab.reach.PairResult;
import dev.vpclab.reach.ReachEngine;
import dev.vpclab.reach.Reachability;
import dev.vpclab.reach.ResilienceReport;
import dev.vpclab.testing.TestLayouts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * A benchmark (not a test): a us-east-1 layout of 6 AZs, 600 /27 subnets, 100 services, 10,000
 * instances; times a full check plus resilience after warm-up. Run:
 * {@code mvn -q test-compile && java -cp "target/classes:target/test-classes:$ANTLR_RUNTIME_JAR"
 * dev.vpclab.bench.ReachBench}
 */
public final class ReachBench {
  private ReachBench() {}

  public static String generate(int instances, int needsPerInstance, long seed) {
    Random rnd = new Random(seed);
    String[] letters = {"a", "b", "c", "d", "e", "f"};
    StringBuilder sb = new StringBuilder("vpc cidr 10.0.0.0/16\n");
    List<String> subnets = new ArrayList<>();
    int k = 0;
    for (String l : letters) {
      for (int j = 0; j < 100; j++, k++) {
        String name = "s-" + l + "-" + j;
        String cidr = "10.0." + (k / 8) + "." + (k % 8 * 32) + "/27";
        sb.append("az 1").append(l).append(j == 0 ? " subnet public " : " subnet private ")
            .append(name).append(" cidr ").append(cidr).append('\n');
        subnets.add(name);
      }
      sb.append("nat in 1").append(l).append('\n');
    }
    List<String> services = Services.KNOWN.stream().sorted().limit(100).toList();
    sb.append("gateway s3, dynamodb\n");
    int e = 0;
    for (String s : services) {
      if (Services.GATEWAY.contains(s) || e++ % 10 == 9) {
        continue; // gateway endpoints, and one service in ten reached through NAT
      }
      List<String> at = new ArrayList<>();
      for (int a = 0; a < (e % 5 == 0 ? 1 : 3); a++) { // one endpoint in five in a single AZ
        at.add("s-" + letters[(e + a * 2) % 6] + "-" + (1 + e % 99));
      }
      sb.append("endpoint ").append(s).append(" in ").append(String.join(", ", at)).append('\n');
    }
    for (int i = 0; i < instances; i++) {
      LinkedHashSet<String> needs = new LinkedHashSet<>();
      while (needs.size() < needsPerInstance) {
        needs.add(services.get(rnd.nextInt(services.size())));
      }
      sb.append("instance w").append(i).append(" in ").append(subnets.get(i % subnets.size()))
          .append(" needs ").append(String.join(", ", needs)).append('\n');
      if (i % 10 == 0) {
        sb.append("traffic w").append(i).append(" -> internet 1 GB\n");
      }
    }
    return sb.toString();
  }

  public static void main(String[] args) {
    int instances = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int needs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    long t0 = System.nanoTime();
    Layout layout = TestLayouts.layout("bench", "us-east-1", generate(instances, needs, 1));
    long t1 = System.nanoTime();
    System.out.printf(Locale.ROOT, "layout: %d subnets, %d AZs, %d interface endpoints, %d ENIs, "
        + "%d instances, built in %.0f ms%n", layout.subnets().size(), layout.azs().size(),
        layout.endpoints().size(), layout.eniCount(), layout.instances().size(),
        (t1 - t0) / 1e6);
    int rounds = 15;
    double[] engine = new double[rounds];
    double[] cells = new double[rounds];
    int pairs = 0;
    int broken = 0;
    int warningCount = 0;
    for (int r = 0; r < rounds; r++) {
      long a = System.nanoTime();
      Reachability reach = new Reachability(layout, Set.of());
      List<PairResult> check = ReachEngine.check(reach);
      long a1 = System.nanoTime();
      List<String> warnings = ReachEngine.warnings(reach);
      long a2 = System.nanoTime();
      ResilienceReport res = FailureAnalysis.resilience(layout);
      long b = System.nanoTime();
      if (args.length > 2) {
        System.out.printf(Locale.ROOT, "check %.1f warnings %.1f resilience %.1f%n",
            (a1 - a) / 1e6, (a2 - a1) / 1e6, (b - a2) / 1e6);
      }
      ReachCells.check(layout);
      ReachCells.resilience(layout);
      long c = System.nanoTime();
      engine[r] = (b - a) / 1e6;
      cells[r] = (c - b) / 1e6;
      pairs = check.size();
      warningCount = warnings.size();
      broken = res.brokenPairs();
    }
    // the first five rounds are warm-up
    double[] e = Arrays.copyOfRange(engine, 5, rounds);
    double[] c = Arrays.copyOfRange(cells, 5, rounds);
    Arrays.sort(e);
    Arrays.sort(c);
    System.out.printf(Locale.ROOT, "pairs: %d, warnings: %d, broken over all single-AZ failures: %d%n",
        pairs, warningCount, broken);
    System.out.printf(Locale.ROOT, "engine check + warnings + resilience: median %.1f ms "
        + "(min %.1f, max %.1f), first run %.1f ms%n", e[e.length / 2], e[0], e[e.length - 1],
        engine[0]);
    System.out.printf(Locale.ROOT, "cells check + resilience (text and JSON): median %.1f ms%n",
        c[c.length / 2]);
  }
}
