package dev.vpclab.fuzz;

import dev.vpclab.model.Region;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Random VALID vpclab programs, built from the grammar's forms: every setting, every layout
 * statement (with {@code extends}, {@code use} and bare statements), every query kind, with names
 * that refer to things declared before. The generator tracks what each layout holds so that every
 * reference resolves.
 *
 * <p>In <b>nice</b> mode every layout has a public subnet and a NAT gateway in each of its AZs and
 * its endpoints in all of them, with the default security group and private DNS: every need is
 * reachable, every layout with two AZs or more survives an AZ failure (a layout in one AZ does
 * not, so nice mode writes {@code expect L reaches} for it instead), and every {@code expect} it
 * writes passes (exit status 0). Otherwise anything valid goes (restricted security groups, DNS off, {@code no nat},
 * other Regions, prices, hours), and an {@code expect} may fail (exit status 0 or 1, never 2).
 */
public final class ProgramGen {
  static final List<String> SERVICES = List.of("ssm", "ec2messages", "ssmmessages", "logs",
      "ecr.api", "ecr.dkr", "sts", "kms", "secretsmanager", "sqs", "sns", "monitoring", "ec2",
      "elasticloadbalancing", "lambda", "execute-api", "states", "events");
  static final List<String> BUNDLES = List.of("session-manager", "ecr-pull", "eks-private-nodes");
  static final List<String> GATEWAYS = List.of("s3", "dynamodb");
  static final List<String> REGIONS = List.of("us-east-1", "us-west-2", "eu-west-1",
      "ap-northeast-1", "ca-central-1", "eu-central-1");
  static final List<String> PRICE_ITEMS = List.of("endpoint.hour", "endpoint.gb", "nat.hour",
      "nat.gb", "crossaz.gb", "internet.gb", "ipv4.hour");
  static final String[] WORDS = {"web", "api", "batch", "worker", "job", "app_x", "svc.a", "db-2"};

  /** What the generator knows of one layout. */
  static final class L {
    final String name;
    final Region region;
    int net; // the VPC is 10.net.0.0/16
    final List<String> azs = new ArrayList<>(); // short AZ names with subnets
    final Map<String, String> subnets = new LinkedHashMap<>(); // name -> short AZ
    final Set<String> publicAzs = new LinkedHashSet<>();
    final Set<String> endpoints = new LinkedHashSet<>();
    final Set<String> gateways = new LinkedHashSet<>();
    final Set<String> nats = new LinkedHashSet<>();
    final Map<String, Set<String>> instances = new LinkedHashMap<>(); // name -> services needed
    final Set<String> traffic = new LinkedHashSet<>(); // "src dst"
    int explicit; // explicit /24 blocks given so far

    L(String name, Region region, int net) {
      this.name = name;
      this.region = region;
      this.net = net;
    }

    L copy(String newName) {
      L c = new L(newName, region, net);
      c.azs.addAll(azs);
      c.subnets.putAll(subnets);
      c.publicAzs.addAll(publicAzs);
      c.endpoints.addAll(endpoints);
      c.gateways.addAll(gateways);
      c.nats.addAll(nats);
      instances.forEach((k, v) -> c.instances.put(k, new LinkedHashSet<>(v)));
      c.traffic.addAll(traffic);
      c.explicit = explicit;
      return c;
    }
  }

  private final Random r;
  private final boolean nice;
  private final StringBuilder sb = new StringBuilder();
  private final Map<String, L> layouts = new LinkedHashMap<>();
  private Region region = Region.defaultRegion();
  private L current;
  private int names;

  private final String prefix;

  private ProgramGen(long seed, boolean nice, String prefix) {
    this.r = new Random(seed);
    this.nice = nice;
    this.prefix = prefix;
  }

  /** A program of about {@code lines} lines (more for large layouts). */
  public static String generate(long seed, boolean nice, int lines) {
    return new ProgramGen(seed, nice, "").program(lines);
  }

  /**
   * A program whose names all start with {@code prefix} and that has no bare statements before its
   * first layout, so that programs with different prefixes can be concatenated into one file.
   */
  public static String generate(long seed, boolean nice, int lines, String prefix) {
    return new ProgramGen(seed, nice, prefix).program(lines);
  }

  private String program(int lines) {
    if (!nice && r.nextInt(4) == 0) {
      line("# generated program " + r.nextInt(1000));
    }
    if (!nice && r.nextInt(3) == 0) {
      line("hours " + (1 + r.nextInt(744)));
    }
    if (!nice && r.nextInt(4) == 0) {
      line("price " + pick(PRICE_ITEMS) + " " + money());
    }
    if (r.nextInt(4) == 0 && prefix.isEmpty()) {
      bareMain();
    }
    int target = Math.max(lines, 8);
    while (count() < target * 2 / 3 || layouts.isEmpty()) {
      if (!nice && r.nextInt(5) == 0) {
        region = Region.of(pick(REGIONS)).orElseThrow();
        line("region " + region.code());
        if (!nice && r.nextInt(3) == 0) {
          line("price " + pick(PRICE_ITEMS) + " " + money());
        }
      }
      if (!layouts.isEmpty() && r.nextInt(3) == 0) {
        extendsLayout();
      } else {
        newLayout();
      }
      if (r.nextInt(4) == 0) {
        query();
      }
    }
    if (r.nextInt(3) == 0) {
      L l = pick(new ArrayList<>(layouts.values()));
      line("use " + l.name);
      current = l;
      for (int i = r.nextInt(3); i >= 0; i--) {
        line(change(l));
      }
    }
    while (count() < target) {
      query();
    }
    return sb.toString();
  }

  // ------------------------------------------------------------------ layouts

  /** Bare statements before any layout: they build the layout 'main'. */
  private void bareMain() {
    L l = new L("main", region, 0);
    layouts.put("main", l);
    current = l;
    for (String s : body(l)) {
      line(s);
    }
  }

  private void newLayout() {
    String name = fresh("lay");
    L l = new L(name, region, 1 + r.nextInt(200));
    List<String> body = body(l);
    layouts.put(name, l);
    current = l;
    block("layout " + name + " {", body);
  }

  private void extendsLayout() {
    L parent = pick(new ArrayList<>(layouts.values()));
    String name = fresh("ext");
    L l = parent.copy(name);
    List<String> body = new ArrayList<>();
    for (int i = r.nextInt(4); i > 0; i--) {
      body.add(change(l));
    }
    layouts.put(name, l);
    current = l;
    block("layout " + name + " extends " + parent.name + " {", body);
  }

  private void block(String head, List<String> body) {
    if (!body.isEmpty() && r.nextInt(8) == 0) {
      line(head + " " + String.join("; ", body) + " }"); // one line
      return;
    }
    line(head);
    for (String s : body) {
      line("  " + s);
    }
    line("}");
  }

  /** The statements of a new layout. */
  private List<String> body(L l) {
    List<String> out = new ArrayList<>();
    if (l.net != 0 && (nice || r.nextInt(2) == 0)) {
      out.add("vpc cidr 10." + l.net + ".0.0/16");
    } else {
      l.net = 0; // the default VPC CIDR, 10.0.0.0/16
    }
    if (l.net == 0 && !nice && r.nextInt(3) == 0) {
      // 'main' keeps the default 10.0.0.0/16
      out.add("vpc cidr 10.0.0.0/16");
    }
    List<String> all = l.region.shortAzs();
    int n = 1 + r.nextInt(Math.min(3, all.size()));
    List<String> azs = new ArrayList<>(all);
    java.util.Collections.shuffle(azs, r);
    for (String az : azs.subList(0, n)) {
      l.azs.add(az);
      String written = !nice && r.nextInt(5) == 0 ? l.region.code() + az.charAt(1) : az;
      out.add("az " + written + " subnet private");
      l.subnets.put("private-" + az, az);
      if (nice || r.nextInt(2) == 0) {
        out.add("az " + written + " subnet public");
        l.subnets.put("public-" + az, az);
        l.publicAzs.add(az);
      }
      if (r.nextInt(3) == 0) {
        out.add(namedSubnet(l, az));
      }
    }
    if (!l.publicAzs.isEmpty() && (nice || r.nextInt(3) > 0)) {
      List<String> at = nice ? new ArrayList<>(l.publicAzs) : some(new ArrayList<>(l.publicAzs));
      l.nats.addAll(at);
      out.add("nat in " + String.join(", ", at));
    }
    if (r.nextInt(2) == 0) {
      List<String> g = some(GATEWAYS);
      l.gateways.addAll(g);
      out.add("gateway " + String.join(", ", g));
    }
    for (int i = r.nextInt(3); i > 0; i--) {
      out.add(endpoint(l));
    }
    if (!nice && r.nextInt(5) == 0) {
      out.add(pick(List.of("vpc dns off", "vpc dns hostnames off", "vpc dns on",
          "vpc dns hostnames on")));
    }
    for (int i = 1 + r.nextInt(4); i > 0; i--) {
      out.add(instance(l, fresh(pick(List.of(WORDS)))));
    }
    for (int i = r.nextInt(4); i > 0; i--) {
      out.add(traffic(l));
    }
    java.util.Collections.shuffle(out.subList(Math.min(out.size(), 1), out.size()), r);
    return out;
  }

  private String namedSubnet(L l, String az) {
    String name = fresh("sn");
    l.subnets.put(name, az);
    boolean pub = !nice && r.nextInt(4) == 0;
    if (pub) {
      l.publicAzs.add(az);
    }
    String s = "az " + az + " subnet " + (pub ? "public " : "private ") + name;
    if (r.nextInt(2) == 0 && l.explicit < 50) {
      // explicit blocks from 10.net.200.0/24 up, clear of the automatic ones
      s += " cidr 10." + l.net + "." + (200 + l.explicit++) + ".0/24";
    }
    return s;
  }

  private String endpoint(L l) {
    List<String> services = few(SERVICES);
    l.endpoints.addAll(services);
    StringBuilder s = new StringBuilder("endpoint ").append(String.join(", ", services))
        .append(" in ");
    if (!nice && r.nextInt(4) == 0) {
      // one subnet by name
      s.append(pick(new ArrayList<>(l.subnets.keySet())));
    } else {
      s.append(String.join(", ", nice ? l.azs : some(l.azs)));
    }
    if (!nice) {
      if (r.nextInt(4) == 0) {
        s.append(" private-dns ").append(r.nextBoolean() ? "on" : "off");
      }
      if (r.nextInt(4) == 0) {
        List<String> allow = new ArrayList<>();
        for (int i = 1 + r.nextInt(2); i > 0; i--) {
          allow.add(r.nextBoolean() ? pick(new ArrayList<>(l.subnets.keySet()))
              : "10." + l.net + "." + r.nextInt(256) + ".0/24");
        }
        s.append(" allow ").append(String.join(", ", new LinkedHashSet<>(allow)));
      }
    } else if (r.nextInt(4) == 0) {
      s.append(" private-dns on");
    }
    return s.toString();
  }

  private String instance(L l, String name) {
    String subnet = pick(new ArrayList<>(l.subnets.keySet()));
    Set<String> needs = new LinkedHashSet<>();
    StringBuilder s = new StringBuilder("instance ").append(name).append(" in ").append(subnet);
    if (r.nextInt(3) == 0) {
      s.append(" count ").append(1 + r.nextInt(r.nextBoolean() ? 10 : 1_000_000));
    }
    if (r.nextInt(5) > 0) {
      List<String> written = new ArrayList<>();
      for (int i = 1 + r.nextInt(4); i > 0; i--) {
        int k = r.nextInt(10);
        String need = k < 6 ? pick(SERVICES) : k < 8 ? pick(BUNDLES) : k < 9 ? "internet"
            : pick(GATEWAYS);
        if (!written.contains(need)) {
          written.add(need);
        }
      }
      for (String w : written) {
        needs.add(w);
      }
      s.append(" needs ").append(String.join(r.nextInt(6) == 0 ? ",\n      " : ", ", written));
    }
    l.instances.put(name, needs);
    return s.toString();
  }

  private String traffic(L l) {
    boolean all = l.instances.isEmpty() || r.nextInt(4) == 0;
    String src = all ? "*" : pick(new ArrayList<>(l.instances.keySet()));
    String dst = r.nextInt(4) == 0 ? "internet" : r.nextInt(3) == 0 ? pick(GATEWAYS)
        : pick(SERVICES);
    l.traffic.add(src + " " + dst);
    return "traffic " + src + " -> " + dst + " " + quantity();
  }

  /** One statement that changes a layout (in an extends block or after 'use'). */
  private String change(L l) {
    for (int attempt = 0; attempt < 20; attempt++) {
      switch (r.nextInt(nice ? 10 : 14)) {
        case 0 -> {
          return instance(l, fresh(pick(List.of(WORDS))));
        }
        case 1 -> {
          if (!l.instances.isEmpty()) {
            String i = pick(new ArrayList<>(l.instances.keySet()));
            return instance(l, i); // redeclared: replaces the first
          }
        }
        case 2 -> {
          if (l.instances.size() > 1) {
            String i = pick(new ArrayList<>(l.instances.keySet()));
            l.instances.remove(i);
            l.traffic.removeIf(t -> t.startsWith(i + " "));
            return "no instance " + i;
          }
        }
        case 3 -> {
          return traffic(l);
        }
        case 4 -> {
          if (!l.traffic.isEmpty()) {
            String t = pick(new ArrayList<>(l.traffic));
            l.traffic.remove(t);
            String[] p = t.split(" ");
            return "no traffic " + p[0] + " -> " + p[1];
          }
        }
        case 5 -> {
          return endpoint(l);
        }
        case 6 -> {
          if (!l.endpoints.isEmpty()) {
            String e = pick(new ArrayList<>(l.endpoints));
            l.endpoints.remove(e);
            return "no endpoint " + e;
          }
        }
        case 7 -> {
          String g = pick(GATEWAYS);
          if (l.gateways.remove(g)) {
            return "no gateway " + g;
          }
          l.gateways.add(g);
          return "gateway " + g;
        }
        case 8 -> {
          return namedSubnet(l, pick(l.azs));
        }
        case 9 -> {
          return pick(List.of("vpc dns on", "vpc dns hostnames on"));
        }
        case 10 -> {
          if (!l.nats.isEmpty()) {
            if (r.nextBoolean()) {
              l.nats.clear();
              return "no nat";
            }
            String az = pick(new ArrayList<>(l.nats));
            l.nats.remove(az);
            return "no nat in " + az;
          }
        }
        case 11 -> {
          if (!l.publicAzs.isEmpty()) {
            String az = pick(new ArrayList<>(l.publicAzs));
            l.nats.add(az);
            return "nat in " + az;
          }
        }
        case 12 -> {
          return pick(List.of("vpc dns off", "vpc dns hostnames off"));
        }
        default -> {
          return endpoint(l);
        }
      }
    }
    return traffic(l);
  }

  // ------------------------------------------------------------------ queries

  private void query() {
    L l = pick(new ArrayList<>(layouts.values()));
    boolean cur = l == current && r.nextBoolean();
    String in = cur ? "" : " in " + l.name;
    String named = cur ? "" : " " + l.name;
    String inst = l.instances.isEmpty() ? null : pick(new ArrayList<>(l.instances.keySet()));
    switch (r.nextInt(nice ? 15 : 16)) {
      case 0 -> line("check" + named);
      case 1 -> {
        if (inst != null) {
          line("reach " + inst + " -> " + dest(l, inst) + in);
        } else {
          line("check" + named);
        }
      }
      case 2 -> {
        String svc = r.nextBoolean() ? pick(SERVICES) : pick(GATEWAYS);
        line("resolve " + svc + (inst != null && r.nextBoolean() ? " from " + inst : "") + in);
      }
      case 3 -> {
        List<String> azs = some(l.azs);
        line("fail az " + String.join(", ", azs) + in);
      }
      case 4 -> line("resilience" + named);
      case 5 -> line("cost" + named);
      case 6 -> line("compare " + String.join(", ", layoutNames()));
      case 7 -> line("chart " + (r.nextBoolean() ? "cost " : "resilience ")
          + String.join(", ", layoutNames()));
      case 8 -> {
        String[] units = {"MB", "GB", "TB"};
        String unit = units[r.nextInt(units.length)];
        int to = 1 + r.nextInt(20);
        String step = r.nextBoolean() ? "" : " step " + Math.max(1, to / 4) + " " + unit;
        line("sweep traffic " + r.nextInt(to) + " .. " + to + " " + unit + step + " over "
            + String.join(", ", layoutNames()));
      }
      case 9 -> line("expect " + l.name + " reaches");
      case 10 -> {
        if (inst != null) {
          line("expect " + inst + " reaches " + dest(l, inst) + in);
        } else {
          line("expect " + l.name + " reaches");
        }
      }
      case 11 -> line(nice && l.azs.size() < 2
          ? "expect " + l.name + " reaches" // a layout in one AZ does not survive losing it
          : "expect" + named + " survives az failure");
      case 12 -> line("expect cost" + named + " < " + (r.nextBoolean() ? "$100000000000"
          : r.nextBoolean() ? "100000000000 USD" : "100000000000"));
      case 13 -> line("expect cost" + named + " <= cost " + l.name);
      case 14 -> line("expect cost" + named + " >= 0 USD");
      default -> line("expect cost " + l.name + " " + pick(List.of("<", "<=", ">", ">="))
          + " cost " + pick(new ArrayList<>(layouts.keySet())));
    }
  }

  private String dest(L l, String inst) {
    Set<String> needs = l.instances.get(inst);
    List<String> concrete = new ArrayList<>();
    for (String n : needs) {
      if (!BUNDLES.contains(n)) {
        concrete.add(n);
      }
    }
    if (!concrete.isEmpty() && r.nextBoolean()) {
      return pick(concrete);
    }
    int k = r.nextInt(3);
    return k == 0 ? "internet" : k == 1 ? pick(GATEWAYS) : pick(SERVICES);
  }

  private List<String> layoutNames() {
    return some(new ArrayList<>(layouts.keySet()));
  }

  // ------------------------------------------------------------------ helpers

  private String quantity() {
    String[] units = {"MB", "GB", "TB", "PB", ""};
    String unit = units[r.nextInt(units.length)];
    String number = switch (r.nextInt(4)) {
      case 0 -> String.valueOf(r.nextInt(1000));
      case 1 -> r.nextInt(100) + "." + r.nextInt(100);
      case 2 -> "." + (1 + r.nextInt(9));
      default -> String.valueOf(1 + r.nextInt(20));
    };
    if (unit.equals("PB")) {
      number = String.valueOf(1 + r.nextInt(3));
    }
    return unit.isEmpty() ? number : number + " " + unit;
  }

  private String money() {
    String v = r.nextInt(3) + "." + String.format(java.util.Locale.ROOT, "%03d", r.nextInt(1000));
    return switch (r.nextInt(3)) {
      case 0 -> "$" + v;
      case 1 -> v + " USD";
      default -> v;
    };
  }

  private String fresh(String prefix) {
    return this.prefix + prefix + "-" + names++;
  }

  private <T> T pick(List<T> list) {
    return list.get(r.nextInt(list.size()));
  }

  /** One to three distinct elements. */
  private <T> List<T> few(List<T> list) {
    Set<T> out = new LinkedHashSet<>();
    for (int i = 1 + r.nextInt(3); i > 0; i--) {
      out.add(pick(list));
    }
    return new ArrayList<>(out);
  }

  /** A non-empty random subset, in list order. */
  private <T> List<T> some(List<T> list) {
    List<T> out = new ArrayList<>();
    for (T t : list) {
      if (r.nextInt(2) == 0) {
        out.add(t);
      }
    }
    if (out.isEmpty()) {
      out.add(pick(list));
    }
    return out;
  }

  private int lines;

  private int count() {
    return lines;
  }

  private void line(String s) {
    sb.append(s);
    if (!nice && r.nextInt(20) == 0) {
      sb.append("   # note");
    }
    sb.append('\n');
    lines++;
  }
}
