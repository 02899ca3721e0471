package dev.vpclab.importer;

import dev.vpclab.model.AllowRule;
import dev.vpclab.model.Eni;
import dev.vpclab.model.GatewayEndpoint;
import dev.vpclab.model.Instance;
import dev.vpclab.model.InterfaceEndpoint;
import dev.vpclab.model.Layout;
import dev.vpclab.model.NatGateway;
import dev.vpclab.model.Origin;
import dev.vpclab.model.Peering;
import dev.vpclab.model.Region;
import dev.vpclab.model.Share;
import dev.vpclab.model.Subnet;
import dev.vpclab.model.Traffic;
import dev.vpclab.model.TransitGateway;
import dev.vpclab.model.Vpc;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a {@link Layout} as vpclab language: {@code region}, then one layout with the default
 * VPC's statements outside any block and a {@code vpc NAME cidr C { ... }} block per other VPC,
 * then transit gateways, peerings, shares and traffic. Every name, CIDR, AZ and subnet is written
 * out (nothing is left for the builder to choose), so building the text gives the same design.
 * Each statement of an imported element ends with a comment naming where it came from; the
 * choices an importer made are written first as {@code # assumed:} lines.
 */
public final class LayoutWriter {
  private static final String COMMENT_COLUMN_PAD = "  # ";

  private final Layout layout;
  private final Region region;
  private final StringBuilder out = new StringBuilder();

  private LayoutWriter(Layout layout) {
    this.layout = layout;
    this.region = layout.region();
  }

  /** The text of a layout, with no assumptions. */
  public static String write(Layout layout) {
    return write(layout, List.of());
  }

  /** The text of a layout, the importer's assumptions first. */
  public static String write(Layout layout, List<String> assumed) {
    LayoutWriter w = new LayoutWriter(layout);
    w.all(assumed);
    return w.out.toString();
  }

  private void all(List<String> assumed) {
    out.append("region ").append(region.code()).append('\n');
    out.append("layout ").append(layout.name()).append(" {\n");
    for (String a : assumed) {
      out.append("  # assumed: ").append(oneLine(a)).append('\n');
    }
    for (Vpc v : layout.vpcs()) {
      if (v.name().equals(Vpc.DEFAULT_NAME)) {
        line("  ", "vpc cidr " + v.cidr(), v.origin());
        parts(v, "  ");
      }
    }
    for (Vpc v : layout.vpcs()) {
      if (!v.name().equals(Vpc.DEFAULT_NAME)) {
        line("  ", "vpc " + v.name() + " cidr " + v.cidr() + " {", v.origin());
        parts(v, "    ");
        out.append("  }\n");
      }
    }
    links();
    for (Traffic t : layout.traffic()) {
      line("  ", "traffic " + t.sourceLabel() + " -> " + t.destination() + " "
          + t.gb().stripTrailingZeros().toPlainString() + " GB", t.origin());
    }
    out.append("}\n");
  }

  private void parts(Vpc v, String in) {
    if (!v.dnsSupport()) {
      line(in, "vpc dns off", v.origin());
    }
    if (!v.dnsHostnames()) {
      line(in, "vpc dns hostnames off", v.origin());
    }
    for (Subnet s : v.subnets()) {
      line(in, "az " + az(s.az()) + " subnet " + (s.isPublic() ? "public " : "private ")
          + s.name() + " cidr " + s.cidr(), s.origin());
    }
    for (NatGateway n : v.nats()) {
      line(in, "nat in " + az(n.az()), n.origin());
    }
    for (InterfaceEndpoint e : v.endpoints()) {
      line(in, endpoint(v, e), e.origin());
    }
    for (GatewayEndpoint g : v.gateways()) {
      line(in, "gateway " + g.service(), g.origin());
    }
    for (Instance i : v.instances()) {
      line(in, instance(i), i.origin());
    }
  }

  private String endpoint(Vpc v, InterfaceEndpoint e) {
    List<String> places = new ArrayList<>();
    for (Eni eni : e.enis()) {
      places.add(eni.subnet().name());
    }
    StringBuilder s = new StringBuilder("endpoint " + e.service() + " in "
        + String.join(", ", places));
    if (!e.privateDns()) {
      s.append(" private-dns off");
    } else if (!e.inboundOnly() && v.hasGateway(e.service())) {
      s.append(" inbound-only off");
    }
    if (!e.defaultAllow()) {
      List<String> allow = new ArrayList<>();
      for (AllowRule r : e.allow()) {
        allow.add(layout.subnet(r.label()).isPresent() ? r.label() : r.cidr().toString());
      }
      s.append(" allow ").append(String.join(", ", allow));
    }
    return s.toString();
  }

  private static String instance(Instance i) {
    List<String> subnets = new ArrayList<>();
    for (Instance.Placement p : i.placements()) {
      subnets.add(p.subnet().name());
    }
    StringBuilder s = new StringBuilder("instance " + i.name() + " in "
        + String.join(", ", subnets));
    if (i.count() != 1) {
      s.append(" count ").append(i.count());
    }
    if (!i.needs().isEmpty()) {
      s.append(" needs ").append(String.join(", ", i.needs()));
    }
    return s.toString();
  }

  private void links() {
    for (TransitGateway t : layout.tgws()) {
      for (TransitGateway.Attachment a : t.attachments()) {
        List<String> azs = new ArrayList<>();
        for (String az : a.azs()) {
          azs.add(az(az));
        }
        line("  ", "tgw " + t.name() + " attach " + a.vpc() + " in " + String.join(", ", azs),
            a.origin());
      }
    }
    for (Peering p : layout.peerings()) {
      line("  ", "peering " + p.a() + ", " + p.b(), p.origin());
    }
    for (Share sh : layout.shares()) {
      line("  ", "share " + sh.service() + " from " + sh.from() + " with "
          + String.join(", ", sh.with()), sh.origin());
    }
  }

  private String az(String fullAz) {
    return region.fullAz(region.shortAz(fullAz)).filter(fullAz::equals).isPresent()
        ? region.shortAz(fullAz) : fullAz;
  }

  private void line(String indent, String statement, Origin origin) {
    out.append(indent).append(statement);
    if (!(origin instanceof Origin.Source)) {
      out.append(COMMENT_COLUMN_PAD).append(oneLine(origin.describe()));
    }
    out.append('\n');
  }

  /** A comment's text on one line, whatever a file name or tag holds. */
  private static String oneLine(String text) {
    return text.replaceAll("[\\r\\n\\u2028\\u2029\\u0085]", " ");
  }
}
