package dev.vpclab.reach;

import dev.vpclab.model.Instance;
import dev.vpclab.model.Layout;
import dev.vpclab.model.Subnet;
import dev.vpclab.model.TransitGateway;
import dev.vpclab.model.Vpc;
import java.util.ArrayList;
import java.util.List;

/**
 * The hops of a path into another VPC (route table entry, transit gateway attachments on both
 * sides) and of a path to an instance (those, then its members). Pure.
 */
final class InstanceHops {
  private InstanceHops() {}

  /** Route, attachments and target of a pair whose destination is an instance. */
  static void add(Reachability r, Subnet subnet, String instance, Decision d, String table,
      List<Hop> hops) {
    Layout l = r.layout();
    Instance target = l.instance(instance).orElseThrow();
    List<String> upAzs = new ArrayList<>();
    List<String> members = new ArrayList<>();
    for (Instance.Placement p : target.placements()) {
      boolean down = r.outage().down(p);
      if (!down && !upAzs.contains(p.az())) {
        upAzs.add(p.az());
      }
      members.add(p.subnet().name() + " (" + p.az() + (down ? ", down"
          : p.az().equals(subnet.az()) ? ", same AZ" : ", cross-AZ") + ")");
    }
    if (upAzs.isEmpty()) {
      hops.add(new Hop("target", "instance " + instance + ": every member is in a failed AZ: "
          + String.join(", ", members), false));
      return;
    }
    VpcLinks.Crossing c = r.links().crossing(subnet.vpc(), target.vpc());
    Vpc to = l.vpcNamedOrThrow(target.vpc());
    if (c != null && c.link() == null) {
      hops.add(new Hop("route", "local " + to.cidr() + table, true));
    } else {
      crossing(r, subnet, c, to, table, upAzs, hops);
    }
    hops.add(new Hop("target", "instance " + instance + " (" + target.count()
        + (target.count() == 1 ? " member" : " members") + ") in " + String.join(", ", members),
        d.reachable()));
  }

  /**
   * The route table entry towards VPC {@code to} ({@code c} null: none), and for a transit
   * gateway its attachment in the source's AZ and in each of {@code targetAzs}.
   */
  static void crossing(Reachability r, Subnet subnet, VpcLinks.Crossing c, Vpc to, String table,
      List<String> targetAzs, List<Hop> hops) {
    if (c == null) {
      hops.add(new Hop("route", "no route to " + to.cidr() + " (VPC " + to.name()
          + "): no peering connection or transit gateway joins VPC " + subnet.vpc() + " and VPC "
          + to.name() + table, false));
      return;
    }
    hops.add(new Hop("route", to.cidr() + " -> " + c.link().routeTarget() + table, true));
    if (!c.viaTgw()) {
      return;
    }
    hops.add(attachment(r, c.tgw(), c.source(), subnet.az()));
    for (String az : targetAzs) {
      hops.add(attachment(r, c.tgw(), c.target(), az));
    }
  }

  private static Hop attachment(Reachability r, TransitGateway tgw,
      TransitGateway.Attachment a, String az) {
    Subnet s = a.subnetIn(az).orElse(null);
    String head = "tgw " + tgw.name() + " attachment of " + a.vpc();
    if (s == null) {
      return new Hop("attachment", head + " has no subnet in " + az + " (it has: "
          + String.join(", ", a.azs()) + ")", false);
    }
    boolean down = r.outage().down(s);
    return new Hop("attachment", head + " in " + az + ": subnet " + s.name()
        + (down ? ", in a failed AZ" : ""), !down);
  }
}
