package dev.vpclab.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A validated, immutable VPC layout: what the engines read. Lists keep a stable order: subnets and
 * instances as declared, endpoints and gateways by service name, NAT gateways by AZ. The layout and
 * each of its parts carry their {@link Origin}; a layout holds no syntax. It is built by
 * {@link LayoutBuilder} from statements, or by anything else that describes a design (an importer).
 */
public final class Layout {
  private final String name;
  private final Region region;
  private final Vpc vpc;
  private final List<Subnet> subnets;
  private final List<InterfaceEndpoint> endpoints;
  private final List<GatewayEndpoint> gateways;
  private final List<NatGateway> nats;
  private final List<Instance> instances;
  private final List<Traffic> traffic;
  private final Origin origin;
  private final Map<String, Subnet> subnetsByName = new LinkedHashMap<>();
  private final Map<String, Instance> instancesByName = new LinkedHashMap<>();
  private final Map<String, InterfaceEndpoint> endpointsByService = new LinkedHashMap<>();

  public Layout(String name, Region region, Vpc vpc, List<Subnet> subnets,
      List<InterfaceEndpoint> endpoints, List<GatewayEndpoint> gateways, List<NatGateway> nats,
      List<Instance> instances, List<Traffic> traffic, Origin origin) {
    this.name = name;
    this.region = region;
    this.vpc = vpc;
    this.subnets = List.copyOf(subnets);
    this.endpoints = List.copyOf(endpoints);
    this.gateways = List.copyOf(gateways);
    this.nats = List.copyOf(nats);
    this.instances = List.copyOf(instances);
    this.traffic = List.copyOf(traffic);
    this.origin = java.util.Objects.requireNonNull(origin);
    for (Subnet s : this.subnets) {
      subnetsByName.put(s.name(), s);
    }
    for (Instance i : this.instances) {
      instancesByName.put(i.name(), i);
    }
    for (InterfaceEndpoint e : this.endpoints) {
      endpointsByService.put(e.service(), e);
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

  public Vpc vpc() {
    return vpc;
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

  /** A copy of this layout with other traffic lines (a sweep rescales them). */
  public Layout withTraffic(List<Traffic> newTraffic) {
    return new Layout(name, region, vpc, subnets, endpoints, gateways, nats, instances, newTraffic,
        origin);
  }

  public Optional<Subnet> subnet(String name) {
    return Optional.ofNullable(subnetsByName.get(name));
  }

  public Optional<Instance> instance(String name) {
    return Optional.ofNullable(instancesByName.get(name));
  }

  public Optional<InterfaceEndpoint> endpoint(String service) {
    return Optional.ofNullable(endpointsByService.get(service));
  }

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
