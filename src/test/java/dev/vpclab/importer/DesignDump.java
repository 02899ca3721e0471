package dev.vpclab.importer;

import dev.vpclab.lang.Diagnostic;
import dev.vpclab.lang.SourceFile;
import dev.vpclab.model.AllowRule;
import dev.vpclab.model.Eni;
import dev.vpclab.model.GatewayEndpoint;
import dev.vpclab.model.Instance;
import dev.vpclab.model.InterfaceEndpoint;
import dev.vpclab.model.Layout;
import dev.vpclab.model.NatGateway;
import dev.vpclab.model.Peering;
import dev.vpclab.model.Share;
import dev.vpclab.model.Subnet;
import dev.vpclab.model.Traffic;
import dev.vpclab.model.TransitGateway;
import dev.vpclab.model.Vpc;
import dev.vpclab.notebook.Notebook;
import dev.vpclab.notebook.SourceLoader;
import java.util.stream.Collectors;

/**
 * A design as text, every attribute the engines read and no origin: two layouts with the same
 * dump are the same design, wherever they came from.
 */
final class DesignDump {
  private DesignDump() {}

  /** The one layout a scenario text declares, built by the notebook (fails on any error). */
  static Layout build(String text, String layout) {
    Notebook nb = new Notebook(SourceLoader.NONE);
    Notebook.Result r = nb.eval(new SourceFile("written.vpc", text));
    if (r.hasErrors()) {
      throw new AssertionError(r.diagnostics().all().stream().map(Diagnostic::render)
          .collect(Collectors.joining()) + "\nin:\n" + text);
    }
    return nb.state().layouts().get(layout).layout();
  }

  static String of(Layout l) {
    StringBuilder b = new StringBuilder("layout " + l.name() + " " + l.region().code() + "\n");
    for (Vpc v : l.vpcs()) {
      b.append("vpc ").append(v.name()).append(' ').append(v.cidr()).append(" dns ")
          .append(v.dnsSupport()).append(' ').append(v.dnsHostnames()).append('\n');
      for (Subnet s : v.subnets()) {
        b.append("  subnet ").append(s.vpc()).append(' ').append(s.name()).append(' ')
            .append(s.az()).append(' ').append(s.cidr()).append(' ').append(s.isPublic())
            .append('\n');
      }
      for (InterfaceEndpoint e : v.endpoints()) {
        b.append("  endpoint ").append(e.vpc()).append(' ').append(e.service()).append(" dns ")
            .append(e.privateDns()).append(" inbound ").append(e.inboundOnly())
            .append(" default ").append(e.defaultAllow()).append(" allow");
        for (AllowRule r : e.allow()) {
          b.append(' ').append(r.cidr());
        }
        for (Eni eni : e.enis()) {
          b.append(" eni ").append(eni.subnet().name()).append(' ').append(eni.ip());
        }
        b.append('\n');
      }
      for (GatewayEndpoint g : v.gateways()) {
        b.append("  gateway ").append(g.vpc()).append(' ').append(g.service()).append('\n');
      }
      for (NatGateway n : v.nats()) {
        b.append("  nat ").append(n.subnet().name()).append(' ').append(n.ip()).append('\n');
      }
      for (Instance i : v.instances()) {
        b.append("  instance ").append(i.name());
        for (Instance.Placement p : i.placements()) {
          b.append(' ').append(p.subnet().name()).append('x').append(p.count());
        }
        b.append(" needs ").append(i.needs()).append('\n');
      }
    }
    for (TransitGateway t : l.tgws()) {
      for (TransitGateway.Attachment a : t.attachments()) {
        b.append("tgw ").append(t.name()).append(' ').append(a.vpc()).append(' ')
            .append(a.subnets().stream().map(Subnet::name).toList()).append('\n');
      }
    }
    for (Peering p : l.peerings()) {
      b.append("peering ").append(p.a()).append(' ').append(p.b()).append('\n');
    }
    for (Share s : l.shares()) {
      b.append("share ").append(s.service()).append(' ').append(s.from()).append(' ')
          .append(s.with()).append('\n');
    }
    for (Traffic t : l.traffic()) {
      b.append("traffic ").append(t.sourceLabel()).append(' ').append(t.destination())
          .append(' ').append(t.gb().stripTrailingZeros().toPlainString()).append('\n');
    }
    return b.toString();
  }
}
