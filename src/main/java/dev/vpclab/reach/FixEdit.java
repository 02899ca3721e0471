package dev.vpclab.reach;

import dev.vpclab.model.Cidr;
import dev.vpclab.model.Eni;
import dev.vpclab.model.InterfaceEndpoint;
import dev.vpclab.model.Layout;
import dev.vpclab.model.NatGateway;
import dev.vpclab.model.Origin;
import dev.vpclab.model.Subnet;
import dev.vpclab.model.TransitGateway;
import dev.vpclab.model.Vpc;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link FixSuggestion} made on a design, the way the builder would make its statements: a new
 * ENI goes in the VPC's first private subnet declared in its AZ (else the first subnet there) at
 * the first free address from offset 10; a public subnet {@code public-1c} takes the VPC's first
 * free /24; a NAT gateway sits in the AZ's first public subnet at the first free address from
 * offset 4; an attachment gains the VPC's subnet in each new AZ (picked like an ENI's). The new
 * elements carry the layout's origin. Pure.
 */
final class FixEdit {
  private FixEdit() {}

  private static final class Parts {
    final Vpc vpc;
    final List<Subnet> subnets;
    final List<InterfaceEndpoint> endpoints;
    final List<NatGateway> nats;

    Parts(Vpc vpc) {
      this.vpc = vpc;
      subnets = new ArrayList<>(vpc.subnets());
      endpoints = new ArrayList<>(vpc.endpoints());
      nats = new ArrayList<>(vpc.nats());
    }

    Vpc build() {
      nats.sort(Comparator.comparing(NatGateway::az));
      return new Vpc(vpc.name(), vpc.cidr(), vpc.dnsSupport(), vpc.dnsHostnames(), vpc.origin(),
          subnets, endpoints, vpc.gateways(), nats, vpc.instances());
    }

    /** The subnet an AZ written in a statement picks: the first private one, else the first. */
    Subnet pick(String az) {
      Subnet first = null;
      for (Subnet s : subnets) {
        if (s.az().equals(az)) {
          if (!s.isPublic()) {
            return s;
          }
          if (first == null) {
            first = s;
          }
        }
      }
      if (first == null) {
        throw new IllegalArgumentException("VPC " + vpc.name() + " has no subnet in " + az);
      }
      return first;
    }

    /** The first address of the subnet from {@code offset} up that no ENI or NAT gateway holds. */
    String freeAddress(Subnet s, long offset) {
      Set<String> taken = new HashSet<>();
      for (InterfaceEndpoint e : endpoints) {
        for (Eni eni : e.enis()) {
          taken.add(eni.ip());
        }
      }
      for (NatGateway n : nats) {
        taken.add(n.ip());
      }
      for (long o = offset; o <= s.cidr().size() - 2; o++) {
        String ip = s.cidr().address(o);
        if (!taken.contains(ip)) {
          return ip;
        }
      }
      throw new IllegalArgumentException("subnet " + s.name() + " has no free address");
    }
  }

  static Layout apply(Layout layout, FixSuggestion fix) {
    Map<String, Parts> parts = new LinkedHashMap<>();
    for (Vpc v : layout.vpcs()) {
      parts.put(v.name(), new Parts(v));
    }
    List<TransitGateway> tgws = new ArrayList<>(layout.tgws());
    Origin origin = layout.origin();
    for (FixSuggestion.Step step : fix.steps()) {
      Parts p = parts.get(step.vpc());
      switch (step.kind()) {
        case ENDPOINT -> addEnis(p, step, origin);
        case PUBLIC_SUBNET -> {
          for (String az : step.addAzs()) {
            p.subnets.add(new Subnet(p.vpc.name(), "public-" + layout.region().shortAz(az), az,
                free24(p), true, true, origin));
          }
        }
        case NAT -> {
          for (String az : step.addAzs()) {
            Subnet pub = p.subnets.stream().filter(s -> s.az().equals(az) && s.isPublic())
                .findFirst().orElseThrow();
            p.nats.add(new NatGateway(pub, p.freeAddress(pub, 4), origin));
          }
        }
        case ATTACHMENT -> attach(tgws, p, step);
      }
    }
    List<Vpc> vpcs = parts.values().stream().map(Parts::build).toList();
    return new Layout(layout.name(), layout.region(), vpcs, tgws, layout.peerings(),
        layout.shares(), layout.traffic(), layout.origin());
  }

  private static void addEnis(Parts p, FixSuggestion.Step step, Origin origin) {
    for (int i = 0; i < p.endpoints.size(); i++) { // the VPC's order, as the builder does
      InterfaceEndpoint ep = p.endpoints.get(i);
      if (step.services().contains(ep.service())) {
        List<Eni> enis = new ArrayList<>(ep.enis());
        for (String az : step.addAzs()) {
          if (!ep.azs().contains(az)) {
            Subnet s = p.pick(az);
            enis.add(new Eni(s, p.freeAddress(s, 10), origin));
          }
        }
        enis.sort(Comparator.comparing(Eni::az));
        InterfaceEndpoint fixed = new InterfaceEndpoint(ep.vpc(), ep.service(), enis,
            ep.privateDns(), ep.inboundOnly(), ep.allow(), ep.defaultAllow(), ep.origin());
        p.endpoints.set(i, fixed);
      }
    }
  }

  private static void attach(List<TransitGateway> tgws, Parts p, FixSuggestion.Step step) {
    for (int i = 0; i < tgws.size(); i++) {
      TransitGateway t = tgws.get(i);
      if (!t.name().equals(step.tgw())) {
        continue;
      }
      List<TransitGateway.Attachment> as = new ArrayList<>();
      for (TransitGateway.Attachment a : t.attachments()) {
        if (a.vpc().equals(p.vpc.name())) {
          List<Subnet> subnets = new ArrayList<>(a.subnets());
          for (String az : step.addAzs()) {
            if (a.subnetIn(az).isEmpty()) {
              subnets.add(p.pick(az));
            }
          }
          subnets.sort(Comparator.comparing(Subnet::az));
          a = new TransitGateway.Attachment(a.vpc(), subnets, a.origin());
        }
        as.add(a);
      }
      tgws.set(i, new TransitGateway(t.name(), as, t.origin()));
    }
  }

  /** The VPC's first /24 that overlaps none of its subnets. */
  private static Cidr free24(Parts p) {
    Cidr vpc = p.vpc.cidr();
    for (long base = vpc.base(); base + 256 <= vpc.base() + vpc.size(); base += 256) {
      Cidr c = new Cidr(base, 24);
      if (p.subnets.stream().noneMatch(s -> s.cidr().overlaps(c))) {
        return c;
      }
    }
    throw new IllegalArgumentException("VPC " + p.vpc.name() + " has no free /24");
  }
}
