package dev.vpclab.bench;

import dev.vpclab.cost.CostEngine;
import dev.vpclab.cost.CostResult;
import dev.vpclab.cost.Money;
import dev.vpclab.cost.PriceBook;
import dev.vpclab.model.Layout;
import dev.vpclab.testing.Hand;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A benchmark (not a test) of pricing a hub-and-spoke design of several VPCs, us-east-1: a hub VPC
 * with 8 interface endpoints in 3 AZs (private DNS off, shared with every spoke through private
 * hosted zones), N spoke VPCs of 3 AZs with 5 groups each spread over the 3 AZs ({@code count 6}),
 * every VPC on one transit gateway (core); traffic {@code * ->} each service, and per spoke one line to
 * the next spoke (through the transit gateway) and one between two of its groups (cross-AZ in
 * one VPC). {@code gen FILE [spokes]} writes the design as a scenario file (LANGUAGE.md's forms);
 * {@code run [rounds] [spokes...]} builds the same design from the model and times {@code cost}
 * (paths decided by the reachability engine) and a 401-point sweep at each size, in process after
 * 3 s of warm-up (the median of the rounds), and prints the time per spoke: pricing stays linear
 * when it stays flat as the spokes double.
 * {@code mvn -q test-compile && java -cp "target/classes:target/test-classes:$ANTLR_RUNTIME_JAR"
 * dev.vpclab.bench.HubSpokeBench run 7 25 50 100}
 */
public final class HubSpokeBench {
  static final List<String> SERVICES = List.of("ec2messages", "ecr.api", "ecr.dkr", "kms", "logs",
      "ssm", "ssmmessages", "sts");
  static final String[] AZS = {"1a", "1b", "1c"};
  static final int GROUPS = 5;
  static final int MEMBERS = 6;
  static final String SERVICE_GB = "1000";
  static final String SPOKE_GB = "100";
  static final String GROUP_GB = "50";

  private HubSpokeBench() {}

  static String spoke(int i) {
    return "s" + i;
  }

  static String group(int spoke, int g) {
    return spoke(spoke) + "-g" + g;
  }

  static String subnet(String vpc, int az) {
    return vpc + "-" + AZS[az].charAt(1);
  }

  /** The traffic lines: source (null for *), destination, GB. */
  static List<String[]> traffic(int spokes) {
    List<String[]> out = new ArrayList<>();
    for (String s : SERVICES) {
      out.add(new String[] {null, s, SERVICE_GB});
    }
    for (int i = 1; i <= spokes; i++) {
      out.add(new String[] {group(i, 0), group(i % spokes + 1, 1), SPOKE_GB});
      out.add(new String[] {group(i, 2), group(i, 3), GROUP_GB});
    }
    return out;
  }

  /** The design as a scenario file. */
  public static String source(int spokes) {
    StringBuilder sb = new StringBuilder("# hub and spoke: HubSpokeBench gen, " + spokes
        + " spokes\nregion us-east-1\nlayout hub-spoke {\n  vpc hub cidr 10.0.0.0/16 {\n");
    subnets(sb, "hub");
    sb.append("    endpoint ").append(String.join(", ", SERVICES))
        .append(" in 1a, 1b, 1c private-dns off allow 10.0.0.0/8\n  }\n");
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= spokes; i++) {
      String v = spoke(i);
      names.add(v);
      sb.append("  vpc ").append(v).append(" cidr 10.").append(i).append(".0.0/16 {\n");
      subnets(sb, v);
      for (int g = 0; g < GROUPS; g++) {
        sb.append("    instance ").append(group(i, g)).append(" in ").append(subnet(v, 0))
            .append(", ").append(subnet(v, 1)).append(", ").append(subnet(v, 2))
            .append(" count ").append(MEMBERS).append('\n');
      }
      sb.append("  }\n");
    }
    sb.append("  tgw core attach hub, ").append(String.join(", ", names)).append('\n');
    sb.append("  share ").append(String.join(", ", SERVICES)).append(" from hub with ")
        .append(String.join(", ", names)).append('\n');
    for (String[] t : traffic(spokes)) {
      sb.append("  traffic ").append(t[0] == null ? "*" : t[0]).append(" -> ").append(t[1])
          .append(' ').append(t[2]).append(" GB\n");
    }
    return sb.append("}\ncheck hub-spoke\nresilience hub-spoke\ncost hub-spoke\n"
        + "expect hub-spoke reaches\nexpect hub-spoke survives az failure\n").toString();
  }

  private static void subnets(StringBuilder sb, String vpc) {
    for (int az = 0; az < AZS.length; az++) {
      sb.append("    az ").append(AZS[az]).append(" subnet private ").append(subnet(vpc, az))
          .append('\n');
    }
  }

  /** The same design built from the model (no language needed). */
  public static Layout layout(int spokes) {
    Hand b = new Hand("hub-spoke");
    subnets(b.vpc("hub"), "hub");
    String[] hubSubnets = {subnet("hub", 0), subnet("hub", 1), subnet("hub", 2)};
    for (String s : SERVICES) {
      b.endpoint("hub", s, false, "10.0.0.0/8", hubSubnets);
    }
    String[] attached = new String[spokes + 1];
    attached[0] = "hub";
    for (int i = 1; i <= spokes; i++) {
      String v = spoke(i);
      attached[i] = v;
      subnets(b.vpc(v), v);
      for (int g = 0; g < GROUPS; g++) {
        b.group(group(i, g), subnet(v, 0), MEMBERS / 3, subnet(v, 1), MEMBERS / 3,
            subnet(v, 2), MEMBERS / 3);
      }
    }
    b.tgw("core", attached);
    String[] with = List.of(attached).subList(1, attached.length).toArray(new String[0]);
    for (String s : SERVICES) {
      b.share(s, "hub", with);
    }
    for (String[] t : traffic(spokes)) {
      b.traffic(t[0], t[1], t[2]);
    }
    return b.build();
  }

  /** A VPC's subnets, one in each AZ, as {@link #source} writes them. */
  private static void subnets(Hand b, String vpc) {
    for (int az = 0; az < AZS.length; az++) {
      b.subnet(vpc, subnet(vpc, az), AZS[az]);
    }
  }

  public static void main(String[] args) throws IOException {
    Locale.setDefault(Locale.ROOT);
    if (args.length >= 2 && args[0].equals("gen")) {
      int spokes = args.length > 2 ? Integer.parseInt(args[2]) : 100;
      Files.writeString(Path.of(args[1]), source(spokes), StandardCharsets.UTF_8);
      return;
    }
    if (args.length < 1 || !args[0].equals("run")) {
      System.err.println("usage: HubSpokeBench gen FILE [spokes] | run [rounds] [spokes...]");
      System.exit(2);
    }
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    List<Integer> sizes = new ArrayList<>();
    for (int k = 2; k < args.length; k++) {
      sizes.add(Integer.parseInt(args[k]));
    }
    if (sizes.isEmpty()) {
      sizes = List.of(25, 50, 100);
    }
    PriceBook prices = PriceBook.builtIn();
    Double firstPerSpoke = null;
    for (int spokes : sizes) {
      Layout layout = layout(spokes);
      CostResult c = CostEngine.cost(layout, prices, 730);
      double cost = CostBench.median(rounds, () -> CostEngine.cost(layout, prices, 730));
      double sweep = CostBench.median(rounds,
          () -> CostBench.sweep(layout, prices, new BigDecimal("500")));
      double perSpoke = cost / spokes;
      if (firstPerSpoke == null) {
        firstPerSpoke = perSpoke;
      }
      System.out.printf("%d spokes (%d VPCs, %d instances, %d traffic lines): total %s USD%s;"
          + " cost %.2f ms (%.3f ms a spoke, x%.2f of the first size's), sweep 401 points"
          + " %.2f ms%n", spokes, layout.vpcs().size(), layout.instanceCount(),
          layout.traffic().size(), Money.format(c.total()), c.complete() ? "" : " (incomplete)",
          cost, perSpoke, perSpoke / firstPerSpoke, sweep);
    }
  }
}
