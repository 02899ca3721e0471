package dev.vpclab.bench;

import dev.vpclab.cost.CostEngine;
import dev.vpclab.cost.CostResult;
import dev.vpclab.cost.Money;
import dev.vpclab.cost.PriceBook;
import dev.vpclab.cost.Sweep;
import dev.vpclab.model.Layout;
import dev.vpclab.testing.TestLayouts;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A benchmark (not a test) of pricing: a us-east-1 layout of 6 AZs, NAT gateways in three of
 * them (the other AZs' private subnets route cross-AZ), one subnet in ten public, interface
 * endpoints for logs and ecr.api, a gateway endpoint for s3, and {@code traffic *} lines to the
 * internet, an endpoint, the gateway and a NAT-reached service, plus one line per hundred
 * instances. Times, in process after 3 s of warm-up, the median of the rounds: {@code cost}, and a
 * sweep of 0 .. 200,000 GB with 20 steps and with 400 steps (the internet line crosses all its
 * tiers). Run (any sizes; the class uses only the public API, so it also runs against an older
 * build's classes):
 * {@code mvn -q test-compile && java -cp "target/classes:target/test-classes:$ANTLR_RUNTIME_JAR"
 * dev.vpclab.bench.CostBench [instances] [subnets] [rounds] [cost]} ({@code cost}: no sweeps)
 */
public final class CostBench {
  private CostBench() {}

  public static String generate(int instances, int subnets) {
    String[] letters = {"a", "b", "c", "d", "e", "f"};
    StringBuilder sb = new StringBuilder("vpc cidr 10.0.0.0/16\n");
    for (int k = 0; k < subnets; k++) {
      String az = "1" + letters[k % 6];
      sb.append("az ").append(az).append(k / 6 % 10 == 0 ? " subnet public " : " subnet private ")
          .append("s").append(k).append(" cidr 10.0.").append(k / 8).append('.')
          .append(k % 8 * 32).append("/27\n");
    }
    sb.append("nat in 1a\nnat in 1b\nnat in 1c\n");
    sb.append("endpoint logs in s1, s2\nendpoint ecr.api in s3\ngateway s3\n");
    for (int i = 0; i < instances; i++) {
      sb.append("instance w").append(i).append(" in s").append(i % subnets)
          .append(i % 3 == 0 ? "" : " count " + (1 + i % 3)).append(" needs internet, s3\n");
      if (i % 100 == 7) {
        sb.append("traffic w").append(i).append(" -> sqs 30 GB\n");
      }
    }
    sb.append("traffic * -> internet 5000 GB\ntraffic * -> logs 800 GB\n")
        .append("traffic * -> ecr.api 300 GB\ntraffic * -> s3 3000 GB\n")
        .append("traffic * -> sqs 1200 GB\n");
    return sb.toString();
  }

  public static void main(String[] args) {
    Locale.setDefault(Locale.ROOT);
    int instances = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
    int subnets = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 7;
    Layout layout = TestLayouts.layout("bench", "us-east-1", generate(instances, subnets));
    PriceBook prices = PriceBook.builtIn();
    System.out.printf("layout: %d instances, %d subnets, %d NAT gateways, %d traffic lines%n",
        layout.instances().size(), layout.subnets().size(), layout.nats().size(),
        layout.traffic().size());
    CostResult c = CostEngine.cost(layout, prices, 730);
    double cost = median(rounds, () -> CostEngine.cost(layout, prices, 730));
    if (args.length > 3 && args[3].equals("cost")) { // for a slow build: cost alone
      System.out.printf("total %s USD; cost median %.2f ms; median of %d rounds, each after 3 s"
          + " of warm-up%n", Money.format(c.total()), cost, rounds);
      return;
    }
    double s20 = median(rounds, () -> sweep(layout, prices, null));
    double s400 = median(rounds, () -> sweep(layout, prices, new BigDecimal("500")));
    System.out.printf("total %s USD; cost median %.2f ms; sweep 21 points %.2f ms, 401 points"
        + " %.2f ms (ratio %.2f); median of %d rounds, each after 3 s of warm-up%n",
        Money.format(c.total()), cost, s20, s400, s400 / s20, rounds);
  }

  static Sweep.Result sweep(Layout layout, PriceBook prices, BigDecimal step) {
    return Sweep.run(List.of(layout), prices, 730, BigDecimal.ZERO, new BigDecimal("200000"),
        step);
  }

  /** Warm-up: runs for at least this long (and at least once) before the timed rounds. */
  static final long WARM_UP_NANOS = 3_000_000_000L;

  static double median(int rounds, Supplier<?> work) {
    long start = System.nanoTime();
    do {
      work.get();
    } while (System.nanoTime() - start < WARM_UP_NANOS);
    double[] ms = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      long t0 = System.nanoTime();
      work.get();
      ms[r] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(ms);
    return ms[rounds / 2];
  }
}
