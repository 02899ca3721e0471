package dev.vpclab.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A validated, immutable design of VPCs: what the engines read. Each {@link Vpc} holds its own
 * parts; the layout holds its VPCs and what belongs to the design as a whole: transit gateways,
 * peering connections, endpoint shares, traffic. The lists of parts ({@link #subnets()}, {@link #endpoints()}, ...)
 * are views over every VPC, VPC by VPC in the design's order, each in its VPC's order (subnets and
 * instances as declared, endpoints and gateways by service name, NAT gateways by AZ). VPC, subnet
 * and instance names are unique in a layout. The layout and each of its parts carry their
 * {@link Origin}; a layout holds no syntax. It is built by {@link LayoutBuilder} from statements,
 * or by anything else that describes a design (an importer).
 */
public final class Layout {
  private final String name;
  private final Region region;
  private final List<Vpc> vpcs;
  private final List<Subnet> subnets;
  private final List<InterfaceEndpoint> endpoints;
  private final List<GatewayEndpoint> gateways;
  private final List<NatGateway> nats;
  private final List<Instance> instances;
  private final List<Traffic> traffic;
  private final List<TransitGateway> tgws;
  private final List<Peering> peerings;
  private final List<Share> shares;
  private final Origin origin;
  private final Map<String, Vpc> vpcsByName = new LinkedHashMap<>();
  private final Map<String, Subnet> subnetsByName = new LinkedHashMap<>();
  private final Map<String, Instance> instancesByName = new LinkedHashMap<>();
  private final Map<String, InterfaceEndpoint> endpointsByService = new LinkedHashMap<>();

  /** A design of these VPCs, in this order, with no transit gateway, peering or share. */
  public Layout(String name, Region region, List<Vpc> vpcs, List<Traffic> traffic,
      Origin origin) {
    this(name, region, vpcs, List.of(), List.of(), List.of(), traffic, origin);
  }

  /**
   * A design of these VPCs (in this order) joined by these transit gateways and peering
   * connections, with these endpoint shares. Every VPC they name must be in {@code vpcs}.
   */
  public Layout(String name, Region region, List<Vpc> vpcs, List<TransitGateway> tgws,
      List<Peering> peerings, List<Share> shares, List<Traffic> traffic, Origin origin) {
    this.name = name;
    this.tgws = List.copyOf(tgws);
    this.peerings = List.copyOf(peerings);
    this.shares = List.copyOf(shares);
    this.region = region;
    this.vpcs = List.copyOf(vpcs);
    this.subnets = union(Vpc::subnets);
    this.endpoints = union(Vpc::endpoints);
    this.gateways = union(Vpc::gateways);
    this.nats = union(Vpc::nats);
    this.instances = union(Vpc::instances);
    this.traffic = List.copyOf(traffic);
    this.origin = java.util.Objects.requireNonNull(origin);
    for (Vpc v : this.vpcs) {
      unique(vpcsByName, v.name(), v, "VPC");
    }
    for (Subnet s : this.subnets) {
      unique(subnetsByName, s.name(), s, "subnet");
    }
    for (Instance i : this.instances) {
      unique(instancesByName, i.name(), i, "instance");
    }
    for (InterfaceEndpoint e : this.endpoints) {
      endpointsByService.putIfAbsent(e.service(), e);
    }
    for (TransitGateway t : this.tgws) {
      for (TransitGateway.Attachment a : t.attachments()) {
        vpcNamed(a.vpc());
      }
    }
    for (Peering p : this.peerings) {
      vpcNamed(p.a());
      vpcNamed(p.b());
    }
    for (Share sh : this.shares) {
      vpcNamed(sh.from());
      sh.with().forEach(this::vpcNamed);
    }
  }

  /** A design of the one VPC {@code vpc}, with these parts instead of any it holds. */
  public Layout(String name, Region region, Vpc vpc, List<Subnet> subnets,
      List<InterfaceEndpoint> endpoints, List<GatewayEndpoint> gateways, List<NatGateway> nats,
      List<Instance> instances, List<Traffic> traffic, Origin origin) {
    this(name, region, List.of(vpc.withParts(subnets, endpoints, gateways, nats, instances)),
        traffic, origin);
  }

  private <T> List<T> union(Function<Vpc, List<T>> parts) {
    List<T> all = new ArrayList<>();
    for (Vpc v : vpcs) {
      all.addAll(parts.apply(v));
    }
    return List.copyOf(all);
  }

  private <T> void unique(Map<String, T> byName, String key, T value, String what) {
    if (byName.putIfAbsent(key, value) != null) {
      throw new IllegalArgumentException(what + " " + key + " is twice in layout " + name);
    }
  }

  public String name() {
    return name;
  }

  /** Where the layout was declared (or the design it was imported from). */
  public Origin origin() {
    return origin;
  }

  public Region region() {
    return region;
  }

  /** The VPCs of the design, in its order. */
  public List<Vpc> vpcs() {
    return vpcs;
  }

  /**
   * The design's only VPC. A design of several VPCs has none: ask for a part's VPC
   * ({@link #vpcOf}) or a VPC by name instead.
   */
  public Vpc vpc() {
    if (vpcs.size() != 1) {
      throw new IllegalStateException("layout " + name + " has " + vpcs.size()
          + " VPCs, not one");
    }
    return vpcs.get(0);
  }

  /** The VPC of this name. */
  public Optional<Vpc> vpc(String name) {
    return Optional.ofNullable(vpcsByName.get(name));
  }

  /** The VPC a subnet of this layout is in. */
  public Vpc vpcOf(Subnet subnet) {
    return vpcNamed(subnet.vpc());
  }

  /** The VPC an interface endpoint of this layout is in. */
  public Vpc vpcOf(InterfaceEndpoint endpoint) {
    return vpcNamed(endpoint.vpc());
  }

  private Vpc vpcNamed(String vpc) {
    Vpc v = vpcsByName.get(vpc);
    if (v == null) {
      throw new IllegalArgumentException("VPC " + vpc + " is not in layout " + name);
    }
    return v;
  }

  public List<Subnet> subnets() {
    return subnets;
  }

  public List<InterfaceEndpoint> endpoints() {
    return endpoints;
  }

  public List<GatewayEndpoint> gateways() {
    return gateways;
  }

  public List<NatGateway> nats() {
    return nats;
  }

  public List<Instance> instances() {
    return instances;
  }

  public List<Traffic> traffic() {
    return traffic;
  }

  /** The transit gateways, in the order they were declared. */
  public List<TransitGateway> tgws() {
    return tgws;
  }

  /** The peering connections, in the order they were declared. */
  public List<Peering> peerings() {
    return peerings;
  }

  /** The endpoint shares (one private hosted zone each), in the order they were declared. */
  public List<Share> shares() {
    return shares;
  }

  /** Whether the design has more than one VPC. */
  public boolean severalVpcs() {
    return vpcs.size() > 1;
  }

  /** The peering connection between two VPCs, if any. */
  public Optional<Peering> peering(String a, String b) {
    for (Peering p : peerings) {
      if (p.joins(a, b)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** The first transit gateway (in declaration order) both VPCs are attached to, if any. */
  public Optional<TransitGateway> tgwBetween(String a, String b) {
    for (TransitGateway t : tgws) {
      if (t.attachment(a).isPresent() && t.attachment(b).isPresent()) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** The share of a service whose private hosted zone is associated with a VPC, if any. */
  public Optional<Share> shareFor(String vpc, String service) {
    for (Share s : shares) {
      if (s.service().equals(service) && s.serves(vpc)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** The VPC an instance of this layout is in. */
  public Vpc vpcOf(Instance instance) {
    return vpcNamed(instance.vpc());
  }

  /** The VPC of this name (which must be in the layout). */
  public Vpc vpcNamedOrThrow(String vpc) {
    return vpcNamed(vpc);
  }

  /** A copy of this layout with other traffic lines. */
  public Layout withTraffic(List<Traffic> newTraffic) {
    return new Layout(name, region, vpcs, tgws, peerings, shares, newTraffic, origin);
  }

  public Optional<Subnet> subnet(String name) {
    return Optional.ofNullable(subnetsByName.get(name));
  }

  public Optional<Instance> instance(String name) {
    return Optional.ofNullable(instancesByName.get(name));
  }

  /**
   * The interface endpoint for a service: with several VPCs, the first VPC's that has one (a
   * VPC's own: {@link Vpc#endpoint}).
   */
  public Optional<InterfaceEndpoint> endpoint(String service) {
    return Optional.ofNullable(endpointsByService.get(service));
  }

  /** Whether any VPC has a gateway endpoint for a service (a VPC's own: {@link Vpc#hasGateway}). */
  public boolean hasGateway(String service) {
    return gateways.stream().anyMatch(g -> g.service().equals(service));
  }

  /** The AZs that hold at least one subnet, sorted. */
  public List<String> azs() {
    TreeSet<String> azs = new TreeSet<>();
    for (Subnet s : subnets) {
      azs.add(s.az());
    }
    return List.copyOf(azs);
  }

  /** How many ENIs the interface endpoints have in all (each is billed per hour). */
  public int eniCount() {
    return endpoints.stream().mapToInt(e -> e.enis().size()).sum();
  }

  /** Whether a destination name ({@code needs}, {@code traffic}) is an instance of the layout. */
  public boolean isInstance(String destination) {
    return instancesByName.containsKey(destination);
  }

  /** Instance counts weighted: the number of instances, tasks or pods the layout runs. */
  public int instanceCount() {
    return instances.stream().mapToInt(Instance::count).sum();
  }

  public Map<String, Subnet> subnetsByName() {
    return Collections.unmodifiableMap(subnetsByName);
  }

  @Override
  public String toString() {
    return "layout " + name;
  }
}
