package dev.vpclab.reach;

import dev.vpclab.model.AllowRule;
import dev.vpclab.model.Eni;
import dev.vpclab.model.Instance;
import dev.vpclab.model.InterfaceEndpoint;
import dev.vpclab.model.Layout;
import dev.vpclab.model.NatGateway;
import dev.vpclab.model.Services;
import dev.vpclab.model.Subnet;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Decides, the way AWS does, whether an instance reaches a service. Pure: no I/O, no printing.
 * The rules are in {@link Reachability} and docs/reach.md; this class adds the hops and texts.
 */
public final class ReachEngine {
  /** Interface endpoints per VPC before AWS needs a quota increase (adjustable). */
  public static final int ENDPOINT_QUOTA = 50;

  private ReachEngine() {}

  /** One pair, with the AZs in {@code failedAzs} (full names) down. */
  public static PairResult path(Layout layout, Instance instance, String service,
      Set<String> failedAzs) {
    return path(new Reachability(layout, failedAzs), instance, service);
  }

  public static PairResult path(Reachability r, Instance instance, String service) {
    Decision d = r.decide(instance.subnet(), service);
    return result(instance, service, d, hops(r, instance.subnet(), service, d),
        pathText(r, instance.subnet(), service, d));
  }

  /** Every (instance, needed service) pair of the layout, instances as declared, services sorted. */
  public static List<PairResult> check(Layout layout, Set<String> failedAzs) {
    return check(new Reachability(layout, failedAzs));
  }

  public static List<PairResult> check(Reachability r) {
    Map<Decision, Object[]> texts = new IdentityHashMap<>();
    List<PairResult> out = new ArrayList<>();
    for (Instance i : r.layout().instances()) {
      for (String s : i.needs()) {
        Decision d = r.decide(i.subnet(), s);
        Object[] t = texts.get(d);
        if (t == null) {
          Subnet subnet = i.subnet();
          t = new Object[] {new LazyHops(() -> hops(r, subnet, s, d)),
              pathText(r, subnet, s, d)};
          texts.put(d, t);
        }
        @SuppressWarnings("unchecked")
        List<Hop> hops = (List<Hop>) t[0];
        out.add(result(i, s, d, hops, (String) t[1]));
      }
    }
    return out;
  }

  private static PairResult result(Instance i, String service, Decision d, List<Hop> hops,
      String path) {
    return new PairResult(i.name(), service, d.reachable(), d.via(), d.targetAz(), d.crossAz(),
        d.reasons(), hops, path);
  }

  // ------------------------------------------------------------------ texts

  /** The short human description of a decision, as in check's "path". */
  static String pathText(Reachability r, Subnet subnet, String service, Decision d) {
    if (d.reachable()) {
      return switch (d.via()) {
        case ENDPOINT -> "ENI " + d.eni().ip() + " in " + d.eni().az() + az(d.crossAz());
        case GATEWAY_ENDPOINT -> "gateway endpoint " + service + " (route table prefix list)";
        case NAT -> "NAT gateway " + natName(r, d.nat()) + " in " + d.nat().az() + az(d.crossAz());
        case IGW -> "internet gateway (public subnet " + subnet.name() + ")";
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

  /** One reason in words, for the pair's subnet and service. */
  static String describe(Reachability r, Subnet subnet, String service, Decision d,
      Reason reason) {
    Layout l = r.layout();
    return switch (reason) {
      case NO_ROUTE -> "no route to " + service + " (no " + (service.equals(Services.INTERNET)
          ? "" : "usable endpoint, no ") + "NAT gateway, private subnet " + subnet.name() + ")";
      case SG_DENIED -> "security group of endpoint " + service + " does not allow 443 from "
          + subnet.name() + " " + subnet.cidr();
      case NO_ENI_UP -> "every ENI of endpoint " + service + " is in a failed AZ ("
          + String.join(", ", l.endpoint(service).orElseThrow().azs()) + ")";
      case NAT_DOWN -> "the route table's NAT gateway in " + d.nat().az() + " is down";
      case PRIVATE_DNS_UNAVAILABLE -> "endpoint " + service + " unused: " + Resolver
          .whyNoPrivateDns(l.vpc(), l.endpoint(service).orElseThrow());
      case INSTANCE_DOWN -> "the instance's AZ " + subnet.az() + " is down";
      case DNS_SUPPORT_OFF -> Resolver.NO_DNS + ", not even " + (service.equals(Services.INTERNET)
          ? "a public one" : Resolver.name(l, service));
    };
  }

  /** The hops of a pair: dns, route, security-group (endpoint paths), target. */
  static List<Hop> hops(Reachability r, Subnet subnet, String service, Decision d) {
    Layout l = r.layout();
    List<Hop> hops = new ArrayList<>();
    if (d.reasons().contains(Reason.INSTANCE_DOWN)) {
      hops.add(new Hop("source", "subnet " + subnet.name() + " in " + subnet.az()
          + " is in a failed AZ", false));
      return hops;
    }
    DnsAnswer dns = r.dns(service);
    if (!dns.answered()) {
      hops.add(new Hop("dns", dns.name() + " -> no answer (" + dns.note() + ")", false));
      return hops;
    }
    String vpcCidr = l.vpc().cidr().toString();
    String table = " (route table of " + subnet.name() + ")";
    if (dns.privateAnswer()) {
      boolean any = !dns.enis().isEmpty();
      hops.add(new Hop("dns", dns.name() + " -> " + (any ? String.join(", ", dns.addresses())
          : "no address") + " (" + dns.note() + ")", any));
      hops.add(new Hop("route", "local " + vpcCidr + table, true));
      InterfaceEndpoint ep = l.endpoint(service).orElseThrow();
      AllowRule rule = Reachability.admittingRule(ep, subnet);
      if (rule != null) {
        hops.add(new Hop("security-group", "sg of endpoint " + service + " allows 443 from "
            + rule.cidr() + (rule.label().equals(rule.cidr().toString()) ? "" : " (" + rule.label()
            + ")"), true));
      } else {
        List<String> from = new ArrayList<>();
        for (AllowRule a : ep.allow()) {
          from.add(a.label().equals(a.cidr().toString()) ? a.label()
              : a.label() + " " + a.cidr());
        }
        hops.add(new Hop("security-group", "sg of endpoint " + service + " allows 443 only from "
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
    if (!service.equals(Services.INTERNET) && l.hasGateway(service)) {
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
   * What a reviewer wants to know about a layout, in a stable order: DNS support off (nothing
   * resolves), or endpoints whose private DNS cannot work because DNS hostnames are off; services reached through a NAT gateway
   * although an interface endpoint for them exists; more interface endpoints than the quota.
   */
  public static List<String> warnings(Layout layout) {
    return warnings(new Reachability(layout, Set.of()));
  }

  public static List<String> warnings(Reachability r) {
    Layout layout = r.layout();
    List<String> out = new ArrayList<>();
    if (!layout.vpc().dnsSupport()) {
      boolean privateDns = layout.endpoints().stream().anyMatch(InterfaceEndpoint::privateDns);
      out.add(Resolver.NO_DNS + ": no pair is reachable, whatever interface endpoints, gateway"
          + " endpoints or NAT gateways exist (fix: "
          + (privateDns ? layout.vpc().privateDnsFix() : "vpc dns on") + ")");
    } else if (!layout.vpc().privateDnsWorks()) {
      for (InterfaceEndpoint ep : layout.endpoints()) {
        if (ep.privateDns()) {
          out.add("endpoint " + ep.service() + ep.origin().aside()
              + ": private DNS cannot work because "
              + Resolver.whyNoPrivateDns(layout.vpc(), ep) + "; "
              + Services.dnsName(ep.service(), layout.region().code())
              + " resolves to the public address (fix: " + layout.vpc().privateDnsFix() + ")");
        }
      }
    }
    Map<String, List<String>> viaNat = new TreeMap<>();
    for (Instance i : layout.instances()) {
      for (String s : i.needs()) {
        Decision d = r.decide(i.subnet(), s);
        if (d.reachable() && d.via() == Via.NAT && layout.endpoint(s).isPresent()) {
          viaNat.computeIfAbsent(s, k -> new ArrayList<>()).add(i.name());
        }
      }
    }
    for (Map.Entry<String, List<String>> e : viaNat.entrySet()) {
      InterfaceEndpoint ep = layout.endpoint(e.getKey()).orElseThrow();
      out.add(e.getKey() + " is reached through a NAT gateway by " + names(e.getValue())
          + " although endpoint " + e.getKey() + ep.origin().aside() + " exists ("
          + Resolver.whyNoPrivateDns(layout.vpc(), ep)
          + "): it pays NAT processing and the endpoint's hours");
    }
    int n = layout.endpoints().size();
    if (n > ENDPOINT_QUOTA) {
      out.add(n + " interface endpoints in the VPC: above the quota of " + ENDPOINT_QUOTA
          + " per VPC (adjustable: request an increase of 'Interface VPC endpoints per VPC')");
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
