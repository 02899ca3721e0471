package dev.vpclab.reach;

import dev.vpclab.model.Eni;
import dev.vpclab.model.InterfaceEndpoint;
import dev.vpclab.model.Layout;
import dev.vpclab.model.Services;
import dev.vpclab.model.Share;
import dev.vpclab.model.Vpc;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The DNS answer a VPC's resolver (AmazonProvidedDNS) gives for a service: the VPC's own
 * endpoint's private zone, else a shared private hosted zone associated with the VPC, else the
 * public answer. Pure.
 */
public final class Resolver {
  private Resolver() {}

  /** Why nothing resolves in a VPC with DNS support off. */
  static final String NO_DNS = "the VPC has DNS support off (enableDnsSupport = false), so the"
      + " Amazon resolver answers no name";

  /**
   * The zone that answers a service privately in a VPC: the VPC's own interface endpoint (its
   * private DNS working), or a share's private hosted zone aliased to another (or the same) VPC's
   * endpoint ({@code share} not null).
   */
  record Zone(InterfaceEndpoint endpoint, Share share) {}

  /** The DNS name queried for a service ("internet" stands for any public name). */
  public static String name(Layout layout, String service) {
    return service.equals(Services.INTERNET) ? Services.INTERNET
        : Services.dnsName(service, layout.region().code());
  }

  /** What DNS answers for a service in a layout of one VPC with these AZs (full names) down. */
  public static DnsAnswer resolve(Layout layout, String service, Set<String> failedAzs) {
    return resolve(layout, layout.vpcs().get(0), service, Outage.of(failedAzs));
  }

  /** What DNS answers for a service in VPC {@code vpc} with these AZs (full names) down. */
  public static DnsAnswer resolve(Layout layout, Vpc vpc, String service, Set<String> failedAzs) {
    return resolve(layout, vpc, service, Outage.of(failedAzs));
  }

  /**
   * The private zone answering {@code service} in {@code vpc}, or null when the answer is public
   * (or there is none: DNS support off).
   */
  static Zone zone(Layout layout, Vpc vpc, String service) {
    if (!vpc.dnsSupport() || service.equals(Services.INTERNET)) {
      return null;
    }
    InterfaceEndpoint own = vpc.endpoint(service).orElse(null);
    if (own != null && whyNoPrivateDns(vpc, own) == null) {
      return new Zone(own, null);
    }
    Share share = layout.shareFor(vpc.name(), service).orElse(null);
    if (share != null && vpc.dnsHostnames()) {
      InterfaceEndpoint ep = sharedEndpoint(layout, share);
      if (ep != null) {
        return new Zone(ep, share);
      }
    }
    return null;
  }

  /** The endpoint a share's zone is aliased to (null if its VPC has none, which builds refuse). */
  static InterfaceEndpoint sharedEndpoint(Layout layout, Share share) {
    return layout.vpc(share.from()).flatMap(v -> v.endpoint(share.service())).orElse(null);
  }

  /**
   * An interface endpoint for the service that {@code vpc}'s instances could use but whose name
   * does not answer privately there: the VPC's own, else a shared one. Null when there is none.
   */
  static InterfaceEndpoint unusedEndpoint(Layout layout, Vpc vpc, String service) {
    InterfaceEndpoint own = vpc.endpoint(service).orElse(null);
    if (own != null) {
      return own;
    }
    return layout.shareFor(vpc.name(), service).map(s -> sharedEndpoint(layout, s)).orElse(null);
  }

  static DnsAnswer resolve(Layout layout, Vpc vpc, String service, Outage outage) {
    String name = name(layout, service);
    if (!vpc.dnsSupport()) {
      return new DnsAnswer(name, false, List.of(), unusedEndpoint(layout, vpc, service) != null,
          NO_DNS, false);
    }
    if (service.equals(Services.INTERNET)) {
      return new DnsAnswer(name, false, List.of(), false,
          "public names resolve to public addresses, reached only by NAT or internet gateway");
    }
    Zone zone = zone(layout, vpc, service);
    if (zone == null) {
      return new DnsAnswer(name, false, List.of(), unusedEndpoint(layout, vpc, service) != null,
          publicNote(layout, vpc, service));
    }
    List<Eni> up = new ArrayList<>();
    List<String> down = new ArrayList<>();
    for (Eni e : zone.endpoint().enis()) {
      if (outage.down(e)) {
        down.add(e.az());
      } else {
        up.add(e);
      }
    }
    up.sort(Comparator.comparing(Eni::az));
    String note = zoneName(layout, zone, service);
    if (!down.isEmpty()) {
      note += up.isEmpty() ? ": no address, every ENI is in a failed AZ (" + String.join(", ", down)
          + ")" : "; ENIs in failed AZs left out: " + String.join(", ", down);
    }
    return new DnsAnswer(name, true, up, true, note);
  }

  /** How a private answer's zone is named in notes and hops. */
  static String zoneName(Layout layout, Zone zone, String service) {
    if (zone.share() == null) {
      return "private DNS of endpoint " + service;
    }
    return "private hosted zone " + name(layout, service) + " (share from "
        + zone.share().from() + ")";
  }

  private static String publicNote(Layout layout, Vpc vpc, String service) {
    String gateway = vpc.hasGateway(service)
        ? "the gateway endpoint " + service + " routes it by prefix list" : null;
    InterfaceEndpoint own = vpc.endpoint(service).orElse(null);
    if (own != null) {
      return "public address: endpoint " + service + " is not used because "
          + whyNoPrivateDns(vpc, own) + (gateway == null ? "" : "; " + gateway);
    }
    Share share = layout.shareFor(vpc.name(), service).orElse(null);
    if (share != null) {
      return "public address: the private hosted zone of " + service + " (share from "
          + share.from() + ") is not used because VPC " + vpc.name() + " has DNS hostnames off"
          + " (private hosted zones need DNS support and hostnames)"
          + (gateway == null ? "" : "; " + gateway);
    }
    return gateway != null ? "public address; " + gateway
        : "public address: there is no interface endpoint for " + service;
  }

  /**
   * Why an endpoint's private DNS does not answer clients in the VPC, or null when it does. (With
   * DNS support off no name resolves at all: {@link Reason#DNS_SUPPORT_OFF}.)
   */
  public static String whyNoPrivateDns(Vpc vpc, InterfaceEndpoint ep) {
    if (!ep.privateDns()) {
      return "its private DNS is off";
    }
    if (ep.inboundOnly()) {
      return "it has private DNS only for inbound endpoints (on-premises clients)";
    }
    if (!vpc.dnsSupport() && !vpc.dnsHostnames()) {
      return "the VPC has DNS support and DNS hostnames off";
    }
    if (!vpc.dnsSupport()) {
      return "the VPC has DNS support off";
    }
    if (!vpc.dnsHostnames()) {
      return "the VPC has DNS hostnames off";
    }
    return null;
  }
}
