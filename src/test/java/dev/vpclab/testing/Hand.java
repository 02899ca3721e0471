package dev.vpclab.testing;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Designs of several VPCs built by hand with the model's constructors (no parser), in us-east-1,
 * for the engine's tests. AZs are written short ("1a"); subnets get 10.V.N.0/24 in order.
 */
public final class Hand {
  public static final Origin O = new Origin.TerraformAddress("main.tf", "hand");
  public static final Region REGION = Region.of("us-east-1").orElseThrow();

  private final String name;
  private final Map<String, V> vpcs = new LinkedHashMap<>();
  private final Map<String, Subnet> subnets = new LinkedHashMap<>();
  private final List<TransitGateway> tgws = new ArrayList<>();
  private final List<Peering> peerings = new ArrayList<>();
  private final List<Share> shares = new ArrayList<>();
  private final List<Traffic> traffic = new ArrayList<>();

  private static final class V {
    final String name;
    final int octet;
    boolean dnsSupport = true;
    boolean dnsHostnames = true;
    final List<Subnet> subnets = new ArrayList<>();
    final List<InterfaceEndpoint> endpoints = new ArrayList<>();
    final List<GatewayEndpoint> gateways = new ArrayList<>();
    final List<NatGateway> nats = new ArrayList<>();
    final List<Instance> instances = new ArrayList<>();

    V(String name, int octet) {
      this.name = name;
      this.octet = octet;
    }
  }

  public Hand(String name) {
    this.name = name;
  }

  public static String az(String shortAz) {
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
    Subnet s = new Subnet(vpc, subnet, az(shortAz),
        Cidr.parse("10." + v.octet + "." + (v.subnets.size() + 1) + ".0/24"), pub, false, O);
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
      Subnet sn = subnets.get(s);
      enis.add(new Eni(sn, sn.cidr().address(10), O));
    }
    String cidr = allow != null ? allow : "10." + vpcs.get(vpc).octet + ".0.0/16";
    vpcs.get(vpc).endpoints.add(new InterfaceEndpoint(vpc, service, enis, privateDns, false,
        List.of(new AllowRule(allow != null ? allow : "vpc", Cidr.parse(cidr))), allow == null,
        O));
    return this;
  }

  public Hand gateway(String vpc, String service) {
    vpcs.get(vpc).gateways.add(new GatewayEndpoint(vpc, service, O));
    return this;
  }

  public Hand nat(String vpc, String publicSubnet) {
    Subnet s = subnets.get(publicSubnet);
    vpcs.get(vpc).nats.add(new NatGateway(s, s.cidr().address(4), O));
    return this;
  }

  /** An instance (group): its needs, then its subnets, one member each. */
  public Hand instance(String instance, List<String> needs, String... inSubnets) {
    List<Instance.Placement> ps = new ArrayList<>();
    for (String s : inSubnets) {
      ps.add(new Instance.Placement(subnets.get(s), 1));
    }
    Subnet first = ps.get(0).subnet();
    vpcs.get(first.vpc()).instances.add(new Instance(instance, ps, needs.stream().sorted()
        .toList(), O));
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

  public Hand peering(String a, String b) {
    peerings.add(new Peering(a, b, O));
    return this;
  }

  public Hand share(String service, String from, String... with) {
    shares.add(new Share(service, from, List.of(with), O));
    return this;
  }

  public Layout build() {
    List<Vpc> vs = new ArrayList<>();
    for (V v : vpcs.values()) {
      vs.add(new Vpc(v.name, Cidr.parse("10." + v.octet + ".0.0/16"), v.dnsSupport,
          v.dnsHostnames, O, v.subnets, v.endpoints, v.gateways, v.nats, v.instances));
    }
    return new Layout(name, REGION, vs, tgws, peerings, shares, traffic, O);
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
