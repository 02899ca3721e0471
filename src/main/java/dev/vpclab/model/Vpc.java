package dev.vpclab.model;

import java.util.List;
import java.util.Optional;

/**
 * A VPC of a design: its name (unique in the layout), its CIDR, its DNS attributes
 * (enableDnsSupport, enableDnsHostnames), its origin (from source, for the default VPC, the
 * layout's declaration), and its own parts: subnets and instances as declared, interface and
 * gateway endpoints by service name, NAT gateways by AZ. Every part names this VPC as its own.
 */
public record Vpc(String name, Cidr cidr, boolean dnsSupport, boolean dnsHostnames, Origin origin,
    List<Subnet> subnets, List<InterfaceEndpoint> endpoints, List<GatewayEndpoint> gateways,
    List<NatGateway> nats, List<Instance> instances) {
  public static final Cidr DEFAULT_CIDR = new Cidr(10L << 24, 16);

  /**
   * The name of a layout's default VPC, which holds the statements written outside any
   * {@code vpc} block: the same in every layout, so that {@code extends} keeps it.
   */
  public static final String DEFAULT_NAME = "default";

  public Vpc {
    subnets = List.copyOf(subnets);
    endpoints = List.copyOf(endpoints);
    gateways = List.copyOf(gateways);
    nats = List.copyOf(nats);
    instances = List.copyOf(instances);
    for (Subnet s : subnets) {
      belongs(name, "subnet " + s.name(), s.vpc());
    }
    for (InterfaceEndpoint e : endpoints) {
      belongs(name, "endpoint " + e.service(), e.vpc());
      for (Eni eni : e.enis()) {
        belongs(name, "an ENI of endpoint " + e.service(), eni.vpc());
      }
    }
    for (GatewayEndpoint g : gateways) {
      belongs(name, "gateway " + g.service(), g.vpc());
    }
    for (NatGateway n : nats) {
      belongs(name, "the NAT gateway in " + n.az(), n.vpc());
    }
    for (Instance i : instances) {
      belongs(name, "instance " + i.name(), i.vpc());
    }
  }

  /** The default VPC's attributes, with no parts yet ({@link #withParts} gives it its parts). */
  public Vpc(Cidr cidr, boolean dnsSupport, boolean dnsHostnames, Origin origin) {
    this(DEFAULT_NAME, cidr, dnsSupport, dnsHostnames, origin, List.of(), List.of(), List.of(),
        List.of(), List.of());
  }

  private static void belongs(String name, String part, String vpc) {
    if (!name.equals(vpc)) {
      throw new IllegalArgumentException(part + " is in VPC " + vpc + ", not in VPC " + name);
    }
  }

  /** This VPC with these parts instead of its own. */
  public Vpc withParts(List<Subnet> subnets, List<InterfaceEndpoint> endpoints,
      List<GatewayEndpoint> gateways, List<NatGateway> nats, List<Instance> instances) {
    return new Vpc(name, cidr, dnsSupport, dnsHostnames, origin, subnets, endpoints, gateways,
        nats, instances);
  }

  /** This VPC's interface endpoint for a service. */
  public Optional<InterfaceEndpoint> endpoint(String service) {
    return endpoints.stream().filter(e -> e.service().equals(service)).findFirst();
  }

  /** Whether this VPC has a gateway endpoint for a service. */
  public boolean hasGateway(String service) {
    return gateways.stream().anyMatch(g -> g.service().equals(service));
  }

  /** Private DNS of interface endpoints works only with both attributes on. */
  public boolean privateDnsWorks() {
    return dnsSupport && dnsHostnames;
  }

  /** The statements that make private DNS work again, one per attribute that is off. */
  public String privateDnsFix() {
    if (!dnsSupport && !dnsHostnames) {
      return "vpc dns on; vpc dns hostnames on";
    }
    return dnsSupport ? "vpc dns hostnames on" : "vpc dns on";
  }
}
