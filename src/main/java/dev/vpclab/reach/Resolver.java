package dev.vpclab.reach;

import dev.vpclab.model.Eni;
import dev.vpclab.model.InterfaceEndpoint;
import dev.vpclab.model.Layout;
import dev.vpclab.model.Services;
import dev.vpclab.model.Vpc;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** The DNS answer a VPC's resolver (AmazonProvidedDNS) gives for a service. Pure. */
public final class Resolver {
  private Resolver() {}

  /** Why nothing resolves in a VPC with DNS support off. */
  static final String NO_DNS = "the VPC has DNS support off (enableDnsSupport = false), so the"
      + " Amazon resolver answers no name";

  /** The DNS name queried for a service ("internet" stands for any public name). */
  public static String name(Layout layout, String service) {
    return service.equals(Services.INTERNET) ? Services.INTERNET
        : Services.dnsName(service, layout.region().code());
  }

  /** What DNS answers for a service with these AZs (full names) down. */
  public static DnsAnswer resolve(Layout layout, String service, Set<String> failedAzs) {
    return resolve(layout, service, Outage.of(failedAzs));
  }

  static DnsAnswer resolve(Layout layout, String service, Outage outage) {
    String name = name(layout, service);
    if (!layout.vpc().dnsSupport()) {
      return new DnsAnswer(name, false, List.of(), layout.endpoint(service).isPresent(),
          NO_DNS, false);
    }
    if (service.equals(Services.INTERNET)) {
      return new DnsAnswer(name, false, List.of(), false,
          "public names resolve to public addresses, reached only by NAT or internet gateway");
    }
    InterfaceEndpoint ep = layout.endpoint(service).orElse(null);
    if (ep == null) {
      String note = layout.hasGateway(service)
          ? "public address; the gateway endpoint " + service + " routes it by prefix list"
          : "public address: there is no interface endpoint for " + service;
      return new DnsAnswer(name, false, List.of(), false, note);
    }
    String off = whyNoPrivateDns(layout.vpc(), ep);
    if (off != null) {
      return new DnsAnswer(name, false, List.of(), true,
          "public address: endpoint " + service + " is not used because " + off
              + (layout.hasGateway(service) ? "; the gateway endpoint " + service
                  + " routes it by prefix list" : ""));
    }
    List<Eni> up = new ArrayList<>();
    List<String> down = new ArrayList<>();
    for (Eni e : ep.enis()) {
      if (outage.down(e)) {
        down.add(e.az());
      } else {
        up.add(e);
      }
    }
    up.sort(Comparator.comparing(Eni::az));
    String note = "private DNS of endpoint " + service;
    if (!down.isEmpty()) {
      note += up.isEmpty() ? ": no address, every ENI is in a failed AZ (" + String.join(", ", down)
          + ")" : "; ENIs in failed AZs left out: " + String.join(", ", down);
    }
    return new DnsAnswer(name, true, up, true, note);
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
