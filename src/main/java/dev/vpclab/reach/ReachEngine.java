package dev.vpclab.reach;

import dev.vpclab.model.AllowRule;
import dev.vpclab.model.Eni;
import dev.vpclab.model.Instance;
import dev.vpclab.model.InterfaceEndpoint;
import dev.vpclab.model.Layout;
import dev.vpclab.model.NatGateway;
import dev.vpclab.model.Services;
import dev.vpclab.model.Share;
import dev.vpclab.model.Subnet;
import dev.vpclab.model.Vpc;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Decides, the way AWS does, whether an instance reaches a destination. Pure: no I/O, no printing.
 * The rules are in {@link Reachability} and docs/reach.md; this class adds the hops and texts.
 */
public final class ReachEngine {
  /** Interface endpoints per VPC before AWS needs a quota increase (adjustable). */
  public static final int ENDPOINT_QUOTA = 50;

  private ReachEngine() {}

  /**
   * How a placement's pairs name their instance: the instance's name, or for a spread group
   * {@code name@subnet}.
   */
  public static String label(Instance instance, Instance.Placement placement) {
    return instance.spread() ? instance.name() + "@" + placement.subnet().name() : instance.name();
  }

  /**
   * One pair, with the AZs in {@code failedAzs} (full names) down. For a spread group: its first
   * placement ({@link #paths} gives each).
   */
  public static PairResult path(Layout layout, Instance instance, String service,
      Set<String> failedAzs) {
    return path(new Reachability(layout, failedAzs), instance, service);
  }

  public static PairResult path(Reachability r, Instance instance, String service) {
    return path(r, instance, instance.placements().get(0), service);
  }

  /** One placement's pair. */
  public static PairResult path(Reachability r, Instance instance, Instance.Placement placement,
      String service) {
    Subnet subnet = placement.subnet();
    Decision d = r.decide(subnet, service);
    return result(r, label(instance, placement), subnet, service, d,
        hops(r, subnet, service, d), pathText(r, subnet, service, d));
  }

  /** The pair of every placement of an instance (one for an instance in one subnet). */
  public static List<PairResult> paths(Reachability r, Instance instance, String service) {
    List<PairResult> out = new ArrayList<>();
    for (Instance.Placement p : instance.placements()) {
      out.add(path(r, instance, p, service));
    }
    return out;
  }

  /**
   * A spread group's pair from its placements' pairs ({@link #paths}): reachable when every
   * placement that is up reaches the destination (none up: unreachable, {@link
   * Reason#INSTANCE_DOWN}); {@code via}, {@code targetAz} and {@code link} when every placement
   * that reaches it agrees on them, else null; cross-AZ when any is; the reasons of every
   * placement that is up and blocked, in the enum's order; the path each placement's, labelled;
   * no hops of its own (each placement has its hops).
   */
  public static PairResult group(Instance instance, String service, List<PairResult> placements) {
    List<PairResult> up = placements.stream()
        .filter(p -> !p.reasons().contains(Reason.INSTANCE_DOWN)).toList();
    boolean reachable = !up.isEmpty() && up.stream().allMatch(PairResult::reachable);
    EnumSet<Reason> reasons = EnumSet.noneOf(Reason.class);
    for (PairResult p : up) {
      reasons.addAll(p.reasons());
    }
    if (up.isEmpty()) {
      reasons.add(Reason.INSTANCE_DOWN);
    }
    List<PairResult> ok = up.stream().filter(PairResult::reachable).toList();
    Via via = reachable ? common(ok.stream().map(PairResult::via).toList()) : null;
    String targetAz = reachable ? common(ok.stream().map(PairResult::targetAz).toList()) : null;
    Link link = reachable ? common(ok.stream().map(PairResult::link).toList()) : null;
    boolean cross = reachable && ok.stream().anyMatch(PairResult::crossAz);
    String path = String.join("; ", placements.stream().map(p -> p.instance() + ": " + p.path())
        .toList());
    return new PairResult(instance.name(), service, reachable, via, targetAz, cross,
        List.copyOf(reasons), List.of(), path, instance.vpc(), link);
  }

  private static <T> T common(List<T> values) {
    return values.stream().distinct().count() == 1 ? values.get(0) : null;
  }

  /**
   * Every (instance, needed destination) pair of the layout, instances as declared (a spread
   * group's placements in order), destinations sorted.
   */
  public static List<PairResult> check(Layout layout, Set<String> failedAzs) {
    return check(new Reachability(layout, failedAzs));
  }

  public static List<PairResult> check(Reachability r) {
    Map<Decision, Object[]> texts = new IdentityHashMap<>();
    List<PairResult> out = new ArrayList<>();
    for (Instance i : r.layout().instances()) {
      for (Instance.Placement p : i.placements()) {
        Subnet subnet = p.subnet();
        String label = label(i, p);
        for (String s : i.needs()) {
          Decision d = r.decide(subnet, s);
          Object[] t = texts.get(d);
          if (t == null) {
            t = new Object[] {new LazyHops(() -> hops(r, subnet, s, d)),
                pathText(r, subnet, s, d)};
            texts.put(d, t);
          }
          @SuppressWarnings("unchecked")
          List<Hop> hops = (List<Hop>) t[0];
          out.add(result(r, label, subnet, s, d, hops, (String) t[1]));
        }
      }
    }
    return out;
  }

  private static PairResult result(Reachability r, String label, Subnet subnet, String service,
      Decision d, List<Hop> hops, String path) {
    return new PairResult(label, service, d.reachable(), d.via(), d.targetAz(), d.crossAz(),
        d.reasons(), hops, path, subnet.vpc(), d.link());
  }

  // ------------------------------------------------------------------ texts

  /** The short human description of a decision, as in check's "path". */
  static String pathText(Reachability r, Subnet subnet, String service, Decision d) {
    if (d.reachable()) {
      String through = d.link() == null ? "" : " via " + d.link().routeTarget();
      return switch (d.via()) {
        case ENDPOINT -> "ENI " + d.eni().ip() + " in " + d.eni().az() + az(d.crossAz())
            + through;
        case GATEWAY_ENDPOINT -> "gateway endpoint " + service + " (route table prefix list)";
        case NAT -> "NAT gateway " + natName(r, d.nat()) + " in " + d.nat().az() + az(d.crossAz());
        case IGW -> "internet gateway (public subnet " + subnet.name() + ")";
        case LOCAL, PEERING, TGW -> (d.link() == null ? "local route" : d.link().routeTarget())
            + " to " + members(r, service) + az(d.crossAz());
      };
    }
    List<String> parts = new ArrayList<>();
    for (Reason reason : d.reasons()) {
      parts.add(describe(r, subnet, service, d, reason));
    }
    return "blocked: " + String.join("; ", parts);
  }

  private static String az(boolean cross) {
    return cross ? " (cross-AZ)" : " (same AZ)";
  }

  private static String natName(Reachability r, NatGateway n) {
    return "nat-" + r.layout().region().shortAz(n.az()) + " " + n.ip();
  }

  /** An instance destination's members that are up: {@code db in db-a, db-b}. */
  private static String members(Reachability r, String instance) {
    List<String> up = new ArrayList<>();
    for (Instance.Placement p : r.layout().instance(instance).orElseThrow().placements()) {
      if (!r.outage().down(p)) {
        up.add(p.subnet().name() + " (" + p.az() + ")");
      }
    }
    return instance + " in " + String.join(", ", up);
  }

  /** One reason in words, for the pair's subnet and destination. */
  static String describe(Reachability r, Subnet subnet, String service, Decision d,
      Reason reason) {
    Layout l = r.layout();
    Vpc vpc = l.vpcOf(subnet);
    return switch (reason) {
      case NO_ROUTE -> noRoute(r, subnet, service);
      case SG_DENIED -> "security group of endpoint " + service + endpointVpc(r, subnet, service)
          + " does not allow 443 from " + subnet.name() + " " + subnet.cidr();
      case NO_ENI_UP -> "every ENI of endpoint " + service + " is in a failed AZ ("
          + String.join(", ", r.plan(vpc, service).endpoint().azs()) + ")";
      case NAT_DOWN -> "the route table's NAT gateway in " + d.nat().az() + " is down";
      case PRIVATE_DNS_UNAVAILABLE -> unusedText(r, vpc, service);
      case INSTANCE_DOWN -> "the instance's AZ " + subnet.az() + " is down";
      case DNS_SUPPORT_OFF -> Resolver.NO_DNS + ", not even " + (service.equals(Services.INTERNET)
          ? "a public one" : Resolver.name(l, service));
      case NO_ATTACHMENT_SUBNET -> noAttachment(r, subnet, service);
      case TARGET_DOWN -> "every member of " + service + " is in a failed AZ ("
          + String.join(", ", l.instance(service).orElseThrow().placements().stream()
              .map(Instance.Placement::az).distinct().toList()) + ")";
    };
  }

  /** " in VPC shared" when the endpoint answering is another VPC's, else nothing. */
  private static String endpointVpc(Reachability r, Subnet subnet, String service) {
    InterfaceEndpoint ep = r.plan(r.layout().vpcOf(subnet), service).endpoint();
    return ep == null || ep.vpc().equals(subnet.vpc()) ? "" : " in VPC " + ep.vpc();
  }

  private static String noRoute(Reachability r, Subnet subnet, String service) {
    String to = otherVpc(r, subnet, service);
    if (to != null) {
      return "no route from VPC " + subnet.vpc() + " to VPC " + to + " (" + (r.layout()
          .isInstance(service) ? "instance " : "endpoint ") + service
          + "): no peering connection or transit gateway joins them";
    }
    return "no route to " + service + " (no " + (service.equals(Services.INTERNET)
        ? "" : "usable endpoint, no ") + "NAT gateway, private subnet " + subnet.name() + ")";
  }

  /**
   * The VPC a pair must cross into: the destination instance's, or the VPC of the endpoint whose
   * private answer the subnet gets; null when that is the subnet's own VPC or there is none.
   */
  private static String otherVpc(Reachability r, Subnet subnet, String service) {
    Layout l = r.layout();
    String to = null;
    if (l.isInstance(service)) {
      to = l.instance(service).orElseThrow().vpc();
    } else if (!service.equals(Services.INTERNET)) {
      Reachability.ServicePlan p = r.plan(l.vpcOf(subnet), service);
      to = p.privateAnswer() ? p.endpoint().vpc() : null;
    }
    return to == null || to.equals(subnet.vpc()) ? null : to;
  }

  private static String noAttachment(Reachability r, Subnet subnet, String service) {
    VpcLinks.Crossing c = r.links().crossing(subnet.vpc(), otherVpc(r, subnet, service));
    if (!c.leaves(subnet.az(), r.outage())) {
      return attachmentMissing(c.tgw().name(), subnet.vpc(), List.of(subnet.az()));
    }
    return attachmentMissing(c.tgw().name(), c.target().vpc(), targetAzs(r, subnet, service));
  }

  private static String attachmentMissing(String tgw, String vpc, List<String> azs) {
    return "tgw " + tgw + " attachment of " + vpc + " has no subnet up in " + String.join(", ",
        azs);
  }

  /** The AZs a pair's targets that are up sit in: the endpoint's ENIs, or the instance's members. */
  private static List<String> targetAzs(Reachability r, Subnet subnet, String service) {
    Layout l = r.layout();
    List<String> azs = new ArrayList<>();
    if (l.isInstance(service)) {
      for (Instance.Placement p : l.instance(service).orElseThrow().placements()) {
        if (!r.outage().down(p) && !azs.contains(p.az())) {
          azs.add(p.az());
        }
      }
    } else {
      for (Eni e : r.plan(l.vpcOf(subnet), service).upEnis()) {
        azs.add(e.az());
      }
    }
    return azs;
  }

  private static String unusedText(Reachability r, Vpc vpc, String service) {
    InterfaceEndpoint ep = r.plan(vpc, service).endpoint();
    if (ep.vpc().equals(vpc.name())) {
      return "endpoint " + service + " unused: " + Resolver.whyNoPrivateDns(vpc, ep);
    }
    return "endpoint " + service + " of VPC " + ep.vpc() + " unused: VPC " + vpc.name()
        + " has DNS hostnames off, so the shared private hosted zone does not answer";
  }

  // ------------------------------------------------------------------ hops

  /** The hops of a pair: dns, route, attachment, security-group (endpoint paths), target. */
  static List<Hop> hops(Reachability r, Subnet subnet, String service, Decision d) {
    Layout l = r.layout();
    List<Hop> hops = new ArrayList<>();
    if (d.reasons().contains(Reason.INSTANCE_DOWN)) {
      hops.add(new Hop("source", "subnet " + subnet.name() + " in " + subnet.az()
          + " is in a failed AZ", false));
      return hops;
    }
    String table = " (route table of " + subnet.name() + ")";
    if (l.isInstance(service)) {
      InstanceHops.add(r, subnet, service, d, table, hops);
      return hops;
    }
    Vpc vpc = l.vpcOf(subnet);
    DnsAnswer dns = r.dns(vpc, service);
    if (!dns.answered()) {
      hops.add(new Hop("dns", dns.name() + " -> no answer (" + dns.note() + ")", false));
      return hops;
    }
    String vpcCidr = vpc.cidr().toString();
    if (dns.privateAnswer()) {
      boolean any = !dns.enis().isEmpty();
      hops.add(new Hop("dns", dns.name() + " -> " + (any ? String.join(", ", dns.addresses())
          : "no address") + " (" + dns.note() + ")", any));
      InterfaceEndpoint ep = r.plan(vpc, service).endpoint();
      VpcLinks.Crossing c = r.links().crossing(vpc.name(), ep.vpc());
      if (c == null || c.link() != null) {
        InstanceHops.crossing(r, subnet, c, l.vpcNamedOrThrow(ep.vpc()), table,
            d.eni() != null ? List.of(d.eni().az()) : targetAzs(r, subnet, service), hops);
      } else {
        hops.add(new Hop("route", "local " + vpcCidr + table, true));
      }
      String sg = "sg of endpoint " + service + endpointVpc(r, subnet, service);
      AllowRule rule = Reachability.admittingRule(ep, subnet);
      if (rule != null) {
        hops.add(new Hop("security-group", sg + " allows 443 from "
            + rule.cidr() + (rule.label().equals(rule.cidr().toString()) ? "" : " (" + rule.label()
            + ")"), true));
      } else {
        List<String> from = new ArrayList<>();
        for (AllowRule a : ep.allow()) {
          from.add(a.label().equals(a.cidr().toString()) ? a.label()
              : a.label() + " " + a.cidr());
        }
        hops.add(new Hop("security-group", sg + " allows 443 only from "
            + String.join(", ", from) + "; not from " + subnet.name() + " " + subnet.cidr(),
            false));
      }
      if (d.reachable()) {
        Eni e = d.eni();
        hops.add(new Hop("target", "ENI " + e.ip() + " in " + e.az() + az(d.crossAz())
            + ", subnet " + e.subnet().name(), true));
      } else {
        hops.add(new Hop("target", "no ENI of endpoint " + service + " reached", false));
      }
      return hops;
    }
    hops.add(new Hop("dns", dns.name() + " -> public address (" + dns.note() + ")", true));
    if (!service.equals(Services.INTERNET) && vpc.hasGateway(service)) {
      hops.add(new Hop("route", "prefix list com.amazonaws." + l.region().code() + "." + service
          + " -> gateway endpoint " + service + table, true));
      hops.add(new Hop("target", service + " through gateway endpoint (regional, no AZ)", true));
      return hops;
    }
    if (subnet.isPublic()) {
      hops.add(new Hop("route", "0.0.0.0/0 -> internet gateway" + table, true));
      hops.add(new Hop("target", "public endpoint of " + service + " through the internet gateway",
          true));
      return hops;
    }
    NatGateway nat = d.nat() != null ? d.nat() : r.natRoute(subnet);
    if (nat == null) {
      hops.add(new Hop("route", "local " + vpcCidr + " only: no route to " + service
          + " (no NAT gateway)" + table, false));
      hops.add(new Hop("target", describe(r, subnet, service, d, Reason.NO_ROUTE), false));
    } else if (r.outage().down(nat)) {
      hops.add(new Hop("route", "0.0.0.0/0 -> " + natName(r, nat) + " in " + nat.az()
          + ": blackhole, its AZ is down" + table, false));
      hops.add(new Hop("target", "public endpoint of " + service + " not reached", false));
    } else {
      boolean cross = !nat.az().equals(subnet.az());
      hops.add(new Hop("route", "0.0.0.0/0 -> " + natName(r, nat) + " in " + nat.az() + table,
          true));
      hops.add(new Hop("nat", "NAT gateway in public subnet " + nat.subnet().name()
          + ": 0.0.0.0/0 -> internet gateway", true));
      hops.add(new Hop("target", "public endpoint of " + service + " through NAT gateway in "
          + nat.az() + az(cross), true));
    }
    return hops;
  }

  // ------------------------------------------------------------------ warnings

  /**
   * What a reviewer wants to know about a layout, in a stable order, VPC by VPC (naming the VPC in
   * a design of several): DNS support off (nothing resolves), or endpoints whose private DNS cannot
   * work because DNS hostnames are off; then services reached through a NAT gateway although an
   * interface endpoint for them exists; then VPCs with more interface endpoints than the quota.
   */
  public static List<String> warnings(Layout layout) {
    return warnings(new Reachability(layout, Set.of()));
  }

  public static List<String> warnings(Reachability r) {
    Layout layout = r.layout();
    List<String> out = new ArrayList<>();
    for (Vpc vpc : layout.vpcs()) {
      String in = layout.severalVpcs() ? "VPC " + vpc.name() + ": " : "";
      if (!vpc.dnsSupport()) {
        boolean privateDns = vpc.endpoints().stream().anyMatch(InterfaceEndpoint::privateDns);
        out.add(in + Resolver.NO_DNS + ": no pair is reachable, whatever interface endpoints,"
            + " gateway endpoints or NAT gateways exist (fix: "
            + (privateDns ? vpc.privateDnsFix() : "vpc dns on") + ")");
      } else if (!vpc.privateDnsWorks()) {
        for (InterfaceEndpoint ep : vpc.endpoints()) {
          if (ep.privateDns()) {
            out.add(in + "endpoint " + ep.service() + ep.origin().aside()
                + ": private DNS cannot work because "
                + Resolver.whyNoPrivateDns(vpc, ep) + "; "
                + Services.dnsName(ep.service(), layout.region().code())
                + " resolves to the public address (fix: " + vpc.privateDnsFix() + ")");
          }
        }
        for (Share sh : layout.shares()) {
          if (sh.serves(vpc.name())) {
            out.add(in + "the private hosted zone of " + sh.service() + " (share from "
                + sh.from() + ") does not answer: Route 53 private hosted zones need DNS"
                + " support and DNS hostnames on; "
                + Services.dnsName(sh.service(), layout.region().code())
                + " resolves to the public address (fix: " + vpc.privateDnsFix() + ")");
          }
        }
      }
    }
    Map<String, List<String>> viaNat = new TreeMap<>();
    Map<String, InterfaceEndpoint> unused = new TreeMap<>();
    Map<String, Vpc> unusedIn = new TreeMap<>();
    for (Instance i : layout.instances()) {
      Vpc vpc = layout.vpcOf(i);
      for (Instance.Placement p : i.placements()) {
        for (String s : i.needs()) {
          Decision d = r.decide(p.subnet(), s);
          InterfaceEndpoint ep = d.reachable() && d.via() == Via.NAT
              ? r.plan(vpc, s).endpoint() : null;
          if (ep != null) {
            String key = s + (layout.severalVpcs() ? "\n" + vpc.name() : "");
            List<String> names = viaNat.computeIfAbsent(key, k -> new ArrayList<>());
            if (!names.contains(i.name())) {
              names.add(i.name());
            }
            unused.putIfAbsent(key, ep);
            unusedIn.putIfAbsent(key, vpc);
          }
        }
      }
    }
    for (Map.Entry<String, List<String>> e : viaNat.entrySet()) {
      String s = e.getKey().split("\n")[0];
      InterfaceEndpoint ep = unused.get(e.getKey());
      Vpc vpc = unusedIn.get(e.getKey());
      String why = ep.vpc().equals(vpc.name()) ? Resolver.whyNoPrivateDns(vpc, ep)
          : "VPC " + vpc.name() + " has DNS hostnames off, so the shared zone does not answer";
      out.add(s + " is reached through a NAT gateway by " + names(e.getValue())
          + (layout.severalVpcs() ? " in VPC " + vpc.name() : "")
          + " although endpoint " + s + ep.origin().aside()
          + (ep.vpc().equals(vpc.name()) ? "" : " of VPC " + ep.vpc()) + " exists ("
          + why + "): it pays NAT processing and the endpoint's hours");
    }
    for (Vpc vpc : layout.vpcs()) {
      int n = vpc.endpoints().size();
      if (n > ENDPOINT_QUOTA) {
        out.add(n + " interface endpoints in " + (layout.severalVpcs() ? "VPC " + vpc.name()
            : "the VPC") + ": above the quota of " + ENDPOINT_QUOTA
            + " per VPC (adjustable: request an increase of 'Interface VPC endpoints per VPC')");
      }
    }
    return out;
  }

  private static String names(List<String> names) {
    if (names.size() <= 3) {
      return String.join(", ", names);
    }
    return String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more";
  }
}
