package dev.vpclab.reach;

import dev.vpclab.model.AllowRule;
import dev.vpclab.model.Eni;
import dev.vpclab.model.InterfaceEndpoint;
import dev.vpclab.model.Layout;
import dev.vpclab.model.NatGateway;
import dev.vpclab.model.Services;
import dev.vpclab.model.Subnet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reachability of one layout during an {@link Outage} (some AZs down; it alone says what is
 * down), memoised per (subnet, service): every instance of a subnet gets the same answer, so the
 * work grows with subnets x services, not with instances. Not thread-safe (nor are the
 * reachabilities {@link #with} makes from one another); cheap to create. Pure: no I/O.
 *
 * <p>The rules (see docs/reach.md): DNS first (no answer at all when the subnet's VPC has DNS
 * support off; a private answer when the service has an interface endpoint with private DNS on
 * and the endpoint's VPC has DNS support and hostnames on), then the route (local
 * route for ENIs; gateway endpoint prefix list; internet gateway for public subnets; the route
 * table's NAT gateway for private subnets), then the endpoint's security group.
 */
public final class Reachability {
  private final Layout layout;
  private final Outage outage;
  private final Index index;
  private final Decision[][] memo;
  private ServicePlan[] plans = new ServicePlan[0];
  private final Map<String, DnsAnswer> answers = new HashMap<>();

  /** What DNS answers for a service, with the AZs down: shared by every subnet. */
  record ServicePlan(InterfaceEndpoint endpoint, boolean privateAnswer, List<Eni> upEnis,
      Map<String, Eni> upByAz, boolean gateway) {}

  /**
   * What every reachability of one layout shares, whatever is down: the subnets' and services'
   * numbers (decisions are memoised by number) and the subnets' route tables.
   */
  private static final class Index {
    final List<Subnet> subnets;
    final Map<String, Integer> subnetIndex = new HashMap<>();
    final NatGateway[] natRoute;
    final Map<String, Integer> serviceIndex = new HashMap<>();
    final List<String> services = new ArrayList<>();

    Index(Layout layout) {
      subnets = layout.subnets();
      natRoute = new NatGateway[subnets.size()];
      for (int i = 0; i < subnets.size(); i++) {
        Subnet s = subnets.get(i);
        subnetIndex.put(s.name(), i);
        natRoute[i] = s.isPublic() ? null : natFor(layout, s);
      }
    }

    int service(String name) {
      Integer i = serviceIndex.get(name);
      if (i == null) {
        i = services.size();
        services.add(name);
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
  }

  /**
   * The same layout with {@code other} down instead, sharing what does not depend on the outage
   * (the numbering and the route tables); its decisions are memoised afresh.
   */
  public Reachability with(Outage other) {
    return new Reachability(layout, other, index);
  }

  /**
   * The NAT gateway a private subnet's route table sends 0.0.0.0/0 to, chosen on the whole layout
   * (a route table is static: it does not fail over): the one in the subnet's AZ, else the first
   * by AZ name (cross-AZ). Null when the layout has none.
   */
  public static NatGateway natFor(Layout layout, Subnet subnet) {
    NatGateway first = null;
    for (NatGateway n : layout.nats()) {
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

  /** The service's number, shared by every reachability of this layout made by {@link #with}. */
  int serviceIndex(String service) {
    return index.service(service);
  }

  ServicePlan plan(String service) {
    return plan(serviceIndex(service));
  }

  private ServicePlan plan(int service) {
    if (service >= plans.length) {
      plans = Arrays.copyOf(plans, index.services.size());
    }
    ServicePlan p = plans[service];
    if (p == null) {
      p = makePlan(index.services.get(service));
      plans[service] = p;
    }
    return p;
  }

  private ServicePlan makePlan(String service) {
    if (service.equals(Services.INTERNET)) {
      return new ServicePlan(null, false, List.of(), Map.of(), false);
    }
    InterfaceEndpoint ep = layout.endpoint(service).orElse(null);
    boolean gateway = layout.hasGateway(service);
    if (ep != null && Resolver.whyNoPrivateDns(layout.vpcOf(ep), ep) == null) {
      List<Eni> up = new ArrayList<>();
      Map<String, Eni> byAz = new HashMap<>();
      for (Eni e : ep.enis()) {
        if (!outage.down(e)) {
          up.add(e);
          byAz.putIfAbsent(e.az(), e);
        }
      }
      up.sort((a, b) -> a.az().compareTo(b.az()));
      return new ServicePlan(ep, true, List.copyOf(up), byAz, gateway);
    }
    return new ServicePlan(ep, false, List.of(), Map.of(), gateway);
  }

  /** The DNS answer for a service with these AZs down, memoised. */
  public DnsAnswer dns(String service) {
    DnsAnswer a = answers.get(service);
    if (a == null) {
      a = Resolver.resolve(layout, service, outage);
      answers.put(service, a);
    }
    return a;
  }

  /** Whether the subnet's instances reach the service. */
  public boolean reachable(Subnet subnet, String service) {
    return decide(subnet, service).reachable();
  }

  /** The decision for every instance of {@code subnet} and {@code service}, memoised. */
  public Decision decide(Subnet subnet, String service) {
    return decide(subnetIndex(subnet), serviceIndex(service));
  }

  /** {@link #decide(Subnet, String)} by the subnet's and service's numbers. */
  Decision decide(int subnet, int service) {
    Decision[] m = memo[subnet];
    if (m == null || service >= m.length) {
      int size = index.services.size();
      m = m == null ? new Decision[size] : Arrays.copyOf(m, size);
      memo[subnet] = m;
    }
    Decision d = m[service];
    if (d == null) {
      d = compute(index.subnets.get(subnet), index.natRoute[subnet], service);
      m[service] = d;
    }
    return d;
  }

  private Decision compute(Subnet subnet, NatGateway nat, int service) {
    if (outage.down(subnet)) {
      return new Decision(false, null, null, false, List.of(Reason.INSTANCE_DOWN), null, null);
    }
    if (!layout.vpcOf(subnet).dnsSupport()) {
      return new Decision(false, null, null, false, List.of(Reason.DNS_SUPPORT_OFF), null, null);
    }
    ServicePlan p = plan(service);
    if (p.privateAnswer()) {
      boolean noEni = p.upEnis().isEmpty();
      boolean denied = !p.endpoint().admits(subnet.cidr());
      if (noEni || denied) {
        List<Reason> reasons = new ArrayList<>(2);
        if (denied) {
          reasons.add(Reason.SG_DENIED);
        }
        if (noEni) {
          reasons.add(Reason.NO_ENI_UP);
        }
        return new Decision(false, null, null, false, reasons, null, null);
      }
      Eni eni = p.upByAz().get(subnet.az());
      if (eni == null) {
        eni = p.upEnis().get(0);
      }
      boolean cross = !eni.az().equals(subnet.az());
      return new Decision(true, Via.ENDPOINT, eni.az(), cross, List.of(), eni, null);
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
    List<Reason> reasons = p.endpoint() != null
        ? List.of(blocked, Reason.PRIVATE_DNS_UNAVAILABLE) : List.of(blocked);
    return new Decision(false, null, null, false, reasons, null, nat);
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
