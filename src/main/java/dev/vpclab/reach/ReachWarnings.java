package dev.vpclab.reach;

import dev.vpclab.model.Instance;
import dev.vpclab.model.InterfaceEndpoint;
import dev.vpclab.model.Layout;
import dev.vpclab.model.Services;
import dev.vpclab.model.Share;
import dev.vpclab.model.Vpc;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The reviewer warnings of a layout ({@link ReachEngine#warnings}). Pure. */
final class ReachWarnings {
  private ReachWarnings() {}

  static List<String> of(Reachability r) {
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
    unusableEnis(r, out);
    for (Vpc vpc : layout.vpcs()) {
      int n = vpc.endpoints().size();
      if (n > ReachEngine.ENDPOINT_QUOTA) {
        out.add(n + " interface endpoints in " + (layout.severalVpcs() ? "VPC " + vpc.name()
            : "the VPC") + ": above the quota of " + ReachEngine.ENDPOINT_QUOTA
            + " per VPC (adjustable: request an increase of 'Interface VPC endpoints per VPC')");
      }
    }
    return out;
  }

  /**
   * A shared endpoint's ENIs that VPCs reaching it through a transit gateway cannot use: in AZs
   * where the transit gateway's attachment of the endpoint's VPC has no subnet (they are paid
   * for, and replies from them cannot reach the transit gateway).
   */
  private static void unusableEnis(Reachability r, List<String> out) {
    Layout layout = r.layout();
    Set<String> said = new HashSet<>();
    for (Share sh : layout.shares()) {
      InterfaceEndpoint ep = Resolver.sharedEndpoint(layout, sh);
      for (String w : sh.with()) {
        VpcLinks.Crossing c = ep == null ? null : r.links().crossing(w, sh.from());
        if (c == null || !c.viaTgw() || !said.add(sh.service() + "\n" + c.tgw().name())) {
          continue;
        }
        List<String> unused = ep.azs().stream().filter(az -> c.target().subnetIn(az).isEmpty())
            .toList();
        if (!unused.isEmpty()) {
          TreeSet<String> all = new TreeSet<>(c.target().azs());
          all.addAll(unused);
          out.add("endpoint " + ep.service() + ep.origin().aside() + " of VPC " + ep.vpc()
              + ": its ENIs in " + String.join(", ", unused) + " are not used from VPCs that"
              + " reach it through tgw " + c.tgw().name() + ", whose attachment of " + ep.vpc()
              + " has no subnet there (fix: tgw " + c.tgw().name() + " attach " + ep.vpc()
              + " in " + String.join(", ", all.stream().map(layout.region()::shortAz).toList())
              + ")");
        }
      }
    }
  }

  private static String names(List<String> names) {
    if (names.size() <= 3) {
      return String.join(", ", names);
    }
    return String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more";
  }
}
