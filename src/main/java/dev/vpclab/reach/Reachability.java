package dev.vpclab.reach;

import dev.vpclab.model.AllowRule;
import dev.vpclab.model.Eni;
import dev.vpclab.model.Instance;
import dev.vpclab.model.InterfaceEndpoint;
import dev.vpclab.model.Layout;
import dev.vpclab.model.NatGateway;
import dev.vpclab.model.Services;
import dev.vpclab.model.Subnet;
import dev.vpclab.model.Vpc;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The reachability of one layout during an {@link Outage} (some AZs down; it alone says what is
 * down), memoised per (subnet, destination): every instance of a subnet gets the same answer, so
 * the work grows with subnets x destinations, not with instances. Not thread-safe (nor are the
 * reachabilities {@link #with} makes from one another); cheap to create. Pure: no I/O.
 *
 * <p>The rules (see docs/reach.md): for a service, DNS first, in the subnet's own VPC (no answer
 * at all with DNS support off; a private answer from the VPC's own interface endpoint with
 * working private DNS, else from a shared private hosted zone associated with the VPC), then the
 * route (local route to the VPC's own ENIs, a peering connection or a transit gateway to another
 * VPC's; the VPC's own gateway endpoint prefix list; the internet gateway for public subnets; the
 * route table's NAT gateway of the VPC for private subnets), then the endpoint's security group.
 * For an instance: the local route, a peering connection or a transit gateway to each of its
 * members that is up.
 */
public final class Reachability {
  private final Layout layout;
  private final Outage outage;
  private final Index index;
  private final Decision[][] memo;
  private final ServicePlan[][] plans;
  private final Map<String, DnsAnswer> answers = new HashMap<>();

  /**
   * What DNS answers for a service in one VPC, with the AZs down: shared by every subnet of the
   * VPC. {@code zone} null for a public answer; {@code unused} an endpoint that exists but does not
   * answer; {@code gateway} the VPC's own gateway endpoint for the service.
   */
  record ServicePlan(Resolver.Zone zone, List<Eni> upEnis, InterfaceEndpoint unused,
      boolean gateway, VpcLinks.Crossing crossing) {
    boolean privateAnswer() {
      return zone != null;
    }

    InterfaceEndpoint endpoint() {
      return zone != null ? zone.endpoint() : unused;
    }
  }

  /**
   * What every reachability of one layout shares, whatever is down: the subnets' and
   * destinations' numbers (decisions are memoised by number), the subnets' route tables and the
   * links between VPCs.
   */
  private static final class Index {
    final Layout layout;
    final List<Subnet> subnets;
    final Map<String, Integer> subnetIndex = new HashMap<>();
    final NatGateway[] natRoute;
    final int[] subnetVpc;
    final Map<String, Integer> vpcIndex = new HashMap<>();
    final Map<String, Integer> serviceIndex = new HashMap<>();
    final List<String> services = new ArrayList<>();
    /** The instance a destination names, by the destination's number (null for services). */
    final List<Instance> targets = new ArrayList<>();
    final VpcLinks links;

    Index(Layout layout) {
      this.layout = layout;
      subnets = layout.subnets();
      natRoute = new NatGateway[subnets.size()];
      subnetVpc = new int[subnets.size()];
      links = new VpcLinks(layout);
      for (Vpc v : layout.vpcs()) {
        vpcIndex.put(v.name(), vpcIndex.size());
      }
      for (int i = 0; i < subnets.size(); i++) {
        Subnet s = subnets.get(i);
        subnetIndex.put(s.name(), i);
        subnetVpc[i] = vpcIndex.get(s.vpc());
        natRoute[i] = s.isPublic() ? null : natFor(layout, s);
      }
    }

    int service(String name) {
      Integer i = serviceIndex.get(name);
      if (i == null) {
        i = services.size();
        services.add(name);
        targets.add(layout.instance(name).orElse(null));
        serviceIndex.put(name, i);
      }
      return i;
    }
  }

  /** The layout with these AZs (full names) down. */
  public Reachability(Layout layout, Set<String> failedAzs) {
    this(layout, Outage.of(failedAzs));
  }

  public Reachability(Layout layout, Outage outage) {
    this(layout, outage, new Index(layout));
  }

  private Reachability(Layout layout, Outage outage, Index index) {
    this.layout = layout;
    this.outage = outage;
    this.index = index;
    this.memo = new Decision[index.subnets.size()][];
    this.plans = new ServicePlan[layout.vpcs().size()][];
  }

  /**
   * The same layout with {@code other} down instead, sharing what does not depend on the outage
   * (the numbering, the route tables and the links); its decisions are memoised afresh.
   */
  public Reachability with(Outage other) {
    return new Reachability(layout, other, index);
  }

  /**
   * The NAT gateway a private subnet's route table sends 0.0.0.0/0 to, chosen among the NAT
   * gateways of the subnet's own VPC (a route table is static: it does not fail over): the one in
   * the subnet's AZ, else the first by AZ name (cross-AZ). Null when the VPC has none.
   */
  public static NatGateway natFor(Layout layout, Subnet subnet) {
    NatGateway first = null;
    for (NatGateway n : layout.vpcOf(subnet).nats()) {
      if (n.az().equals(subnet.az())) {
        return n;
      }
      if (first == null || n.az().compareTo(first.az()) < 0) {
        first = n;
      }
    }
    return first;
  }

  public Layout layout() {
    return layout;
  }

  /** What is down. */
  public Outage outage() {
    return outage;
  }

  /** How VPCs of the layout are joined. */
  VpcLinks links() {
    return index.links;
  }

  /** The NAT gateway of a subnet's route table (null for public subnets or when there is none). */
  public NatGateway natRoute(Subnet subnet) {
    return index.natRoute[subnetIndex(subnet)];
  }

  /** The subnet's number in this layout (for {@link #decide(int, int)}). */
  int subnetIndex(Subnet subnet) {
    Integer i = index.subnetIndex.get(subnet.name());
    if (i == null) {
      throw new IllegalArgumentException("subnet " + subnet.name() + " is not in " + layout);
    }
    return i;
  }

  /**
   * The destination's number (a service, internet or an instance's name), shared by every
   * reachability of this layout made by {@link #with}.
   */
  int serviceIndex(String service) {
    return index.service(service);
  }

  /** What DNS gives a subnet of {@code vpc} for a service, with the AZs down, memoised. */
  ServicePlan plan(Vpc vpc, String service) {
    return plan(index.vpcIndex.get(vpc.name()), serviceIndex(service));
  }

  private ServicePlan plan(int vpc, int service) {
    ServicePlan[] m = row(plans, vpc, service, ServicePlan[]::new);
    ServicePlan p = m[service];
    if (p == null) {
      p = makePlan(layout.vpcs().get(vpc), index.services.get(service));
      m[service] = p;
    }
    return p;
  }

  private ServicePlan makePlan(Vpc vpc, String service) {
    if (service.equals(Services.INTERNET)) {
      return new ServicePlan(null, List.of(), null, false, null);
    }
    boolean gateway = vpc.hasGateway(service);
    Resolver.Zone zone = Resolver.zone(layout, vpc, service);
    if (zone != null) {
      List<Eni> up = new ArrayList<>();
      for (Eni e : zone.endpoint().enis()) {
        if (!outage.down(e)) {
          up.add(e);
        }
      }
      up.sort((a, b) -> a.az().compareTo(b.az()));
      return new ServicePlan(zone, List.copyOf(up), null, gateway,
          index.links.crossing(vpc.name(), zone.endpoint().vpc()));
    }
    return new ServicePlan(null, List.of(), Resolver.unusedEndpoint(layout, vpc, service),
        gateway, null);
  }

  /** The DNS answer for a service in a VPC with these AZs down, memoised. */
  public DnsAnswer dns(Vpc vpc, String service) {
    String key = vpc.name() + '\n' + service;
    DnsAnswer a = answers.get(key);
    if (a == null) {
      a = Resolver.resolve(layout, vpc, service, outage);
      answers.put(key, a);
    }
    return a;
  }

  /** Whether the subnet's instances reach the destination. */
  public boolean reachable(Subnet subnet, String destination) {
    return decide(subnet, destination).reachable();
  }

  /**
   * The decision for every instance of {@code subnet} and {@code destination} (a service,
   * {@code internet} or an instance of the layout), memoised.
   */
  public Decision decide(Subnet subnet, String destination) {
    return decide(subnetIndex(subnet), serviceIndex(destination));
  }

  /** {@link #decide(Subnet, String)} by the subnet's and destination's numbers. */
  Decision decide(int subnet, int service) {
    Decision[] m = row(memo, subnet, service, Decision[]::new);
    Decision d = m[service];
    if (d == null) {
      d = compute(subnet, service);
      m[service] = d;
    }
    return d;
  }

  /**
   * Row {@code r} of a memo table by destination number, made, or grown to hold every destination
   * numbered so far, when it cannot hold {@code service}.
   */
  private <T> T[] row(T[][] table, int r, int service, IntFunction<T[]> make) {
    T[] m = table[r];
    if (m == null || service >= m.length) {
      int size = index.services.size();
      m = m == null ? make.apply(size) : Arrays.copyOf(m, size);
      table[r] = m;
    }
    return m;
  }

  private Decision compute(int subnetIndex, int service) {
    Subnet subnet = index.subnets.get(subnetIndex);
    if (outage.down(subnet)) {
      return Decision.blocked(List.of(Reason.INSTANCE_DOWN));
    }
    Instance target = index.targets.get(service);
    if (target != null) {
      return toInstance(subnet, target);
    }
    int vpc = index.subnetVpc[subnetIndex];
    if (!layout.vpcs().get(vpc).dnsSupport()) {
      return Decision.blocked(List.of(Reason.DNS_SUPPORT_OFF));
    }
    NatGateway nat = index.natRoute[subnetIndex];
    ServicePlan p = plan(vpc, service);
    if (p.privateAnswer()) {
      return toEndpoint(subnet, p);
    }
    if (p.gateway()) {
      return new Decision(true, Via.GATEWAY_ENDPOINT, null, false, List.of(), null, null);
    }
    if (subnet.isPublic()) {
      return new Decision(true, Via.IGW, null, false, List.of(), null, null);
    }
    Reason blocked;
    if (nat == null) {
      blocked = Reason.NO_ROUTE;
    } else if (outage.down(nat)) {
      blocked = Reason.NAT_DOWN;
    } else {
      return new Decision(true, Via.NAT, nat.az(), !nat.az().equals(subnet.az()), List.of(),
          null, nat);
    }
    List<Reason> reasons = p.unused() != null
        ? List.of(blocked, Reason.PRIVATE_DNS_UNAVAILABLE) : List.of(blocked);
    return new Decision(false, null, null, false, reasons, null, nat);
  }

  /** A private answer: the route to the endpoint's VPC, its ENIs that are up, its security group. */
  private Decision toEndpoint(Subnet subnet, ServicePlan p) {
    InterfaceEndpoint ep = p.zone().endpoint();
    VpcLinks.Crossing crossing = p.crossing();
    if (crossing != null && !crossing.viaTgw() && !p.upEnis().isEmpty()
        && ep.admits(subnet.cidr())) {
      return reached(subnet, p.upEnis(), crossing.link()); // the usual case: nothing to check
    }
    EnumSet<Reason> reasons = EnumSet.noneOf(Reason.class);
    if (crossing == null) {
      reasons.add(Reason.NO_ROUTE);
    }
    if (!ep.admits(subnet.cidr())) {
      reasons.add(Reason.SG_DENIED);
    }
    List<Eni> usable = p.upEnis();
    if (usable.isEmpty()) {
      reasons.add(Reason.NO_ENI_UP);
    } else if (crossing != null && crossing.viaTgw()) {
      if (!crossing.leaves(subnet.az(), outage)) {
        reasons.add(Reason.NO_ATTACHMENT_SUBNET);
      }
      usable = usable.stream().filter(e -> crossing.arrives(e.az(), outage)).toList();
      if (usable.isEmpty()) {
        reasons.add(Reason.NO_ATTACHMENT_SUBNET);
      }
    }
    if (!reasons.isEmpty()) {
      return Decision.blocked(List.copyOf(reasons));
    }
    return reached(subnet, usable, crossing.link());
  }

  /** Through the usable ENI in the subnet's AZ, else the first by AZ name (cross-AZ). */
  private static Decision reached(Subnet subnet, List<Eni> usable, Link link) {
    Eni eni = usable.get(0);
    for (Eni e : usable) {
      if (e.az().equals(subnet.az())) {
        eni = e;
        break;
      }
    }
    return new Decision(true, Via.ENDPOINT, eni.az(), !eni.az().equals(subnet.az()), List.of(),
        eni, null, link);
  }

  /**
   * An instance: every member that is up must be reached, by the local route, a peering
   * connection or a transit gateway (with attachment subnets in the source's AZ and in each
   * member's AZ). No DNS is involved (addresses are taken as known).
   */
  private Decision toInstance(Subnet subnet, Instance target) {
    List<String> upAzs = new ArrayList<>();
    for (Instance.Placement p : target.placements()) {
      if (!outage.down(p) && !upAzs.contains(p.az())) {
        upAzs.add(p.az());
      }
    }
    if (upAzs.isEmpty()) {
      return Decision.blocked(List.of(Reason.TARGET_DOWN));
    }
    VpcLinks.Crossing crossing = index.links.crossing(subnet.vpc(), target.vpc());
    if (crossing == null) {
      return Decision.blocked(List.of(Reason.NO_ROUTE));
    }
    if (crossing.viaTgw()) {
      boolean ok = crossing.leaves(subnet.az(), outage);
      for (String az : upAzs) {
        ok &= crossing.arrives(az, outage);
      }
      if (!ok) {
        return Decision.blocked(List.of(Reason.NO_ATTACHMENT_SUBNET));
      }
    }
    boolean cross = upAzs.stream().anyMatch(az -> !az.equals(subnet.az()));
    String targetAz = upAzs.size() == 1 ? upAzs.get(0) : null;
    Via via = crossing.link() == null ? Via.LOCAL
        : crossing.viaTgw() ? Via.TGW : Via.PEERING;
    return new Decision(true, via, targetAz, cross, List.of(), null, null, crossing.link());
  }

  /** The first rule of the endpoint's security group admitting the subnet, or null. */
  static AllowRule admittingRule(InterfaceEndpoint ep, Subnet subnet) {
    for (AllowRule r : ep.allow()) {
      if (r.cidr().contains(subnet.cidr())) {
        return r;
      }
    }
    return null;
  }
}
