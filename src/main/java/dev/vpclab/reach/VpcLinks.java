package dev.vpclab.reach;

import dev.vpclab.model.Layout;
import dev.vpclab.model.Peering;
import dev.vpclab.model.Subnet;
import dev.vpclab.model.TransitGateway;
import java.util.HashMap;
import java.util.Map;

/**
 * How the route tables of one VPC reach another: the local route within a VPC; between two VPCs a
 * peering connection, else the first transit gateway both are attached to (a peering's route is
 * more specific than the summary route vpclab writes for a transit gateway, so it wins when both
 * exist); else none. Decided once per pair of VPCs, whatever is down. Pure.
 */
final class VpcLinks {
  private final Layout layout;
  private final Map<String, Crossing> crossings = new HashMap<>();
  private static final Crossing NONE = new Crossing(null, null, null, null);

  /**
   * The way from VPC {@code from} to VPC {@code to}: {@code link} null within one VPC; for a
   * transit gateway, its attachments of both VPCs.
   */
  record Crossing(Link link, TransitGateway tgw, TransitGateway.Attachment source,
      TransitGateway.Attachment target) {
    boolean viaTgw() {
      return tgw != null;
    }

    /** Whether the source VPC's attachment has a subnet that is up in {@code az}. */
    boolean leaves(String az, Outage outage) {
      return up(source, az, outage);
    }

    /** Whether the target VPC's attachment has a subnet that is up in {@code az}. */
    boolean arrives(String az, Outage outage) {
      return up(target, az, outage);
    }

    private static boolean up(TransitGateway.Attachment a, String az, Outage outage) {
      Subnet s = a.subnetIn(az).orElse(null);
      return s != null && !outage.down(s);
    }
  }

  VpcLinks(Layout layout) {
    this.layout = layout;
  }

  /** The way from one VPC to another (names), or null when no route joins them. */
  Crossing crossing(String from, String to) {
    String key = from + '\n' + to;
    Crossing c = crossings.get(key);
    if (c == null) {
      c = find(from, to);
      crossings.put(key, c);
    }
    return c == NONE ? null : c;
  }

  private Crossing find(String from, String to) {
    if (from.equals(to)) {
      return new Crossing(null, null, null, null);
    }
    Peering p = layout.peering(from, to).orElse(null);
    if (p != null) {
      return new Crossing(new Link(Link.Kind.PEERING, name(p)), null, null, null);
    }
    TransitGateway t = layout.tgwBetween(from, to).orElse(null);
    if (t != null) {
      return new Crossing(new Link(Link.Kind.TGW, t.name()), t, t.attachment(from).orElseThrow(),
          t.attachment(to).orElseThrow());
    }
    return NONE;
  }

  /** A peering connection's name: its VPCs as written, {@code app-data}. */
  static String name(Peering p) {
    return p.a() + "-" + p.b();
  }
}
