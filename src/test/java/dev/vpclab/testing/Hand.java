package dev.vpclab.testing;

import dev.vpclab.model.Addresses;
import dev.vpclab.model.AllowRule;
import dev.vpclab.model.Cidr;
import dev.vpclab.model.Eni;
import dev.vpclab.model.GatewayEndpoint;
import dev.vpclab.model.Instance;
import dev.vpclab.model.InterfaceEndpoint;
import dev.vpclab.model.Layout;
import dev.vpclab.model.NatGateway;
import dev.vpclab.model.Origin;
import dev.vpclab.model.Peering;
import dev.vpclab.model.Region;
import dev.vpclab.model.Share;
import dev.vpclab.model.Subnet;
import dev.vpclab.model.Traffic;
import dev.vpclab.model.TransitGateway;
import dev.vpclab.model.Vpc;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Designs of several VPCs built by hand with the model's constructors (no parser), in us-east-1,
 * for the engines' tests that must not wait for the language to build them. AZs are written short
 * ("1a"); the Vth VPC (from 0) is 10.V.0.0/16 and its subnets get 10.V.1.0/24, 10.V.2.0/24, ... in
 * order; NAT gateways and ENIs get their addresses by the builder's rule ({@link Addresses}).
 */
public final class Hand {
  private static final Origin O = new Origin.TerraformAddress("main.tf", "hand");
  private static final Region REGION = Region.of("us-east-1").orElseThrow();

  private final String name;
  private final Map<String, V> vpcs = new LinkedHashMap<>();
  private final Map<String, Subnet> subnets = new LinkedHashMap<>();
  private final List<TransitGateway> tgws = new ArrayList<>();
  private final List<Peering> peerings = new ArrayList<>();
  private final List<Share> shares = new ArrayList<>();
  private final List<Traffic> traffic = new ArrayList<>();

  private static final class V {
    final String name;
    final Cidr cidr;
    boolean dnsSupport = true;
    boolean dnsHostnames = true;
    final List<Subnet> subnets = new ArrayList<>();
    final List<InterfaceEndpoint> endpoints = new ArrayList<>();
    final List<GatewayEndpoint> gateways = new ArrayList<>();
    final List<NatGateway> nats = new ArrayList<>();
    final List<Instance> instances = new ArrayList<>();

    V(String name, int octet) {
      this.name = name;
      this.cidr = Cidr.parse("10." + octet + ".0.0/16");
    }
  }

  public Hand(String name) {
    this.name = name;
  }

  private static String az(String shortAz) {
    return "us-east-" + shortAz;
  }

  public Hand vpc(String vpc) {
    vpcs.put(vpc, new V(vpc, vpcs.size()));
    return this;
  }

  public Hand dns(String vpc, boolean support, boolean hostnames) {
    vpcs.get(vpc).dnsSupport = support;
    vpcs.get(vpc).dnsHostnames = hostnames;
    return this;
  }

  public Hand subnet(String vpc, String subnet, String shortAz, boolean pub) {
    V v = vpcs.get(vpc);
    Cidr cidr = new Cidr(v.cidr.base() + ((v.subnets.size() + 1L) << 8), 24);
    Subnet s = new Subnet(vpc, subnet, az(shortAz), cidr, pub, false, O);
    v.subnets.add(s);
    subnets.put(subnet, s);
    return this;
  }

  public Hand subnet(String vpc, String subnet, String shortAz) {
    return subnet(vpc, subnet, shortAz, false);
  }

  /** An interface endpoint with an ENI in each subnet; allow null: the VPC's CIDR. */
  public Hand endpoint(String vpc, String service, boolean privateDns, String allow,
      String... inSubnets) {
    List<Eni> enis = new ArrayList<>();
    for (String s : inSubnets) {
      enis.add(new Eni(subnets.get(s), null, O));
    }
    V v = vpcs.get(vpc);
    AllowRule rule = allow != null ? new AllowRule(allow, Cidr.parse(allow))
        : new AllowRule("vpc", v.cidr);
    v.endpoints.add(new InterfaceEndpoint(vpc, service, enis, privateDns, false, List.of(rule),
        allow == null, O));
    return this;
  }

  public Hand gateway(String vpc, String service) {
    vpcs.get(vpc).gateways.add(new GatewayEndpoint(vpc, service, O));
    return this;
  }

  public Hand nat(String vpc, String publicSubnet) {
    vpcs.get(vpc).nats.add(new NatGateway(subnets.get(publicSubnet), null, O));
    return this;
  }

  /** An instance (group): its needs, then its subnets, one member each. */
  public Hand instance(String instance, List<String> needs, String... inSubnets) {
    List<Instance.Placement> ps = new ArrayList<>();
    for (String s : inSubnets) {
      ps.add(new Instance.Placement(subnets.get(s), 1));
    }
    return instance(new Instance(instance, ps, needs.stream().sorted().toList(), O));
  }

  /**
   * An instance group that needs nothing, with its members per subnet: subnet names and member
   * counts, {@code "app-a", 2, "app-b", 2}.
   */
  public Hand group(String instance, Object... subnetAndCount) {
    List<Instance.Placement> ps = new ArrayList<>();
    for (int i = 0; i < subnetAndCount.length; i += 2) {
      ps.add(new Instance.Placement(subnets.get((String) subnetAndCount[i]),
          (Integer) subnetAndCount[i + 1]));
    }
    return instance(new Instance(instance, ps, List.of(), O));
  }

  private Hand instance(Instance i) {
    vpcs.get(i.vpc()).instances.add(i);
    return this;
  }

  /** A transit gateway attachment of a VPC in these subnets (adds to the gateway named). */
  public Hand attach(String tgw, String vpc, String... inSubnets) {
    List<Subnet> ss = new ArrayList<>();
    for (String s : inSubnets) {
      ss.add(subnets.get(s));
    }
    ss.sort((a, b) -> a.az().compareTo(b.az()));
    TransitGateway.Attachment a = new TransitGateway.Attachment(vpc, ss, O);
    for (int i = 0; i < tgws.size(); i++) {
      TransitGateway t = tgws.get(i);
      if (t.name().equals(tgw)) {
        List<TransitGateway.Attachment> as = new ArrayList<>(t.attachments());
        as.add(a);
        tgws.set(i, new TransitGateway(tgw, as, O));
        return this;
      }
    }
    tgws.add(new TransitGateway(tgw, List.of(a), O));
    return this;
  }

  /** A transit gateway attaching each VPC in its first subnet of every AZ it has. */
  public Hand tgw(String tgw, String... attachedVpcs) {
    for (String vpc : attachedVpcs) {
      Map<String, String> firstByAz = new LinkedHashMap<>();
      for (Subnet s : vpcs.get(vpc).subnets) {
        firstByAz.putIfAbsent(s.az(), s.name());
      }
      attach(tgw, vpc, firstByAz.values().toArray(new String[0]));
    }
    return this;
  }

  public Hand peering(String a, String b) {
    peerings.add(new Peering(a, b, O));
    return this;
  }

  public Hand share(String service, String from, String... with) {
    shares.add(new Share(service, from, List.of(with), O));
    return this;
  }

  /** {@code traffic SRC -> DST GB} ({@code src} null for {@code *}). */
  public Hand traffic(String src, String dst, String gb) {
    traffic.add(new Traffic(src, dst, new BigDecimal(gb), O));
    return this;
  }

  public Layout build() {
    List<Vpc> vs = new ArrayList<>();
    for (V v : vpcs.values()) {
      vs.add(new Vpc(v.name, v.cidr, v.dnsSupport, v.dnsHostnames, O, v.subnets, v.endpoints,
          v.gateways, v.nats, v.instances));
    }
    return new Layout(name, REGION, Addresses.assign(vs), tgws, peerings, shares, traffic, O);
  }

  /**
   * LANGUAGE.md's {@code central}: shared (ep-a 1a, ep-b 1b, ssm in both, private DNS off, allow
   * 10.0.0.0/8, gateway s3), app (app-a 1a, app-b 1b, web spread over both needing ssm, db, s3),
   * data (db-a 1a, db-b 1b, db in db-a); tgw hub attaches shared and app in every AZ, data in 1a;
   * ssm shared from shared with app, data.
   */
  public static Hand central() {
    return new Hand("central")
        .vpc("shared").subnet("shared", "ep-a", "1a").subnet("shared", "ep-b", "1b")
        .endpoint("shared", "ssm", false, "10.0.0.0/8", "ep-a", "ep-b")
        .gateway("shared", "s3")
        .vpc("app").subnet("app", "app-a", "1a").subnet("app", "app-b", "1b")
        .instance("web", List.of("ssm", "db", "s3"), "app-a", "app-b")
        .vpc("data").subnet("data", "db-a", "1a").subnet("data", "db-b", "1b")
        .instance("db", List.of(), "db-a")
        .attach("hub", "shared", "ep-a", "ep-b").attach("hub", "app", "app-a", "app-b")
        .attach("hub", "data", "db-a")
        .share("ssm", "shared", "app", "data");
  }
}
