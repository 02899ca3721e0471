package dev.vpclab.reach;

import dev.vpclab.model.Addresses;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link FixSuggestion} made on a design, the way the builder would make its statements: a new
 * ENI goes in the VPC's first private subnet declared in its AZ (else the first subnet there); a
 * public subnet (named as its step says) takes the VPC's first free /24; a NAT gateway sits in the
 * AZ's first public subnet; an attachment gains the VPC's subnet in each new AZ (picked like an
 * ENI's); every address is then handed out by the builder's rule ({@link Addresses}). The new
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
            p.subnets.add(new Subnet(p.vpc.name(), step.subnet(), az, free24(p), true, true,
                origin));
          }
        }
        case NAT -> {
          for (String az : step.addAzs()) {
            Subnet pub = p.subnets.stream().filter(s -> s.az().equals(az) && s.isPublic())
                .findFirst().orElseThrow();
            p.nats.add(new NatGateway(pub, null, origin)); // addressed below
          }
        }
        case ATTACHMENT -> attach(tgws, p, step);
      }
    }
    // every address as the builder hands them out, so the fixed design is what its statements build
    List<Vpc> vpcs = Addresses.assign(parts.values().stream().map(Parts::build).toList());
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
            enis.add(new Eni(s, null, origin)); // addressed below
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

  /** The VPC's first free /24, as the builder picks one for a subnet without a CIDR. */
  private static Cidr free24(Parts p) {
    Cidr c = p.vpc.cidr().nextFree24(p.subnets.stream().map(Subnet::cidr).toList());
    if (c == null) {
      throw new IllegalArgumentException("VPC " + p.vpc.name() + " has no free /24");
    }
    return c;
  }
}
