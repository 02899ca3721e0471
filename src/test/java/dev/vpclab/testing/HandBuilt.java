package dev.vpclab.testing;

import dev.vpclab.lang.SourceFile;
import dev.vpclab.lang.Span;
import dev.vpclab.model.AllowRule;
import dev.vpclab.model.Cidr;
import dev.vpclab.model.Eni;
import dev.vpclab.model.Instance;
import dev.vpclab.model.InterfaceEndpoint;
import dev.vpclab.model.Layout;
import dev.vpclab.model.Origin;
import dev.vpclab.model.Peering;
import dev.vpclab.model.Region;
import dev.vpclab.model.Share;
import dev.vpclab.model.Subnet;
import dev.vpclab.model.TransitGateway;
import dev.vpclab.model.Traffic;
import dev.vpclab.model.Vpc;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Designs of several VPCs built from model constructors, for engine tests that must not wait for
 * the language to build them. Subnets are private, AZs short ("1a" in the Region); an attachment
 * takes the first subnet of each AZ of its VPC; endpoints admit 10.0.0.0/8 (every VPC here).
 */
public final class HandBuilt {
  static final Origin HERE = new Origin.Source(new SourceFile("hand.vpc", ""), Span.NONE);

  private final Region region;
  private final Map<String, Cidr> cidrs = new LinkedHashMap<>();
  private final Map<String, List<Subnet>> subnets = new LinkedHashMap<>();
  private final Map<String, List<InterfaceEndpoint>> endpoints = new LinkedHashMap<>();
  private final Map<String, List<Instance>> instances = new LinkedHashMap<>();
  private final Map<String, Subnet> subnetByName = new LinkedHashMap<>();
  private final List<TransitGateway> tgws = new ArrayList<>();
  private final List<Peering> peerings = new ArrayList<>();
  private final List<Share> shares = new ArrayList<>();
  private final List<Traffic> traffic = new ArrayList<>();

  private HandBuilt(String region) {
    this.region = Region.of(region).orElseThrow();
  }

  public static HandBuilt in(String region) {
    return new HandBuilt(region);
  }

  /** A VPC (a /16) with its subnets ("app-a 1a", "app-b 1b"): its first /24s, in order. */
  public HandBuilt vpc(String name, String cidr, String... subnetsInAzs) {
    cidrs.put(name, Cidr.parse(cidr));
    subnets.put(name, new ArrayList<>());
    endpoints.put(name, new ArrayList<>());
    instances.put(name, new ArrayList<>());
    String prefix = cidr.substring(0, cidr.indexOf(".0.0/"));
    int nextSubnet = 0;
    for (String s : subnetsInAzs) {
      String[] nameAz = s.split(" ");
      Subnet sub = new Subnet(name, nameAz[0], region.code() + nameAz[1].substring(1),
          Cidr.parse(prefix + "." + nextSubnet++ + ".0/24"), false, true, HERE);
      subnets.get(name).add(sub);
      subnetByName.put(sub.name(), sub);
    }
    return this;
  }

  /** An interface endpoint with an ENI in each subnet named. */
  public HandBuilt endpoint(String service, boolean privateDns, String... inSubnets) {
    List<Eni> enis = new ArrayList<>();
    String vpc = null;
    for (String s : inSubnets) {
      Subnet sub = subnetByName.get(s);
      vpc = sub.vpc();
      enis.add(new Eni(sub, sub.cidr().address(10 + enis.size()), HERE));
    }
    endpoints.get(vpc).add(new InterfaceEndpoint(vpc, service, enis, privateDns, false,
        List.of(new AllowRule("10.0.0.0/8", Cidr.parse("10.0.0.0/8"))), false, HERE));
    return this;
  }

  /** An instance (group): subnet names and member counts, "app-a", 2, "app-b", 2. */
  public HandBuilt instance(String name, Object... subnetAndCount) {
    List<Instance.Placement> ps = new ArrayList<>();
    for (int i = 0; i < subnetAndCount.length; i += 2) {
      ps.add(new Instance.Placement(subnetByName.get((String) subnetAndCount[i]),
          (Integer) subnetAndCount[i + 1]));
    }
    Instance inst = new Instance(name, ps, List.of(), HERE);
    instances.get(inst.vpc()).add(inst);
    return this;
  }

  /** A transit gateway attaching each VPC with its first subnet in every AZ it has. */
  public HandBuilt tgw(String name, String... vpcs) {
    List<TransitGateway.Attachment> as = new ArrayList<>();
    for (String v : vpcs) {
      Map<String, Subnet> byAz = new LinkedHashMap<>();
      for (Subnet s : subnets.get(v)) {
        byAz.putIfAbsent(s.az(), s);
      }
      as.add(new TransitGateway.Attachment(v, new ArrayList<>(byAz.values()), HERE));
    }
    tgws.add(new TransitGateway(name, as, HERE));
    return this;
  }

  public HandBuilt peering(String a, String b) {
    peerings.add(new Peering(a, b, HERE));
    return this;
  }

  public HandBuilt share(String service, String from, String... with) {
    shares.add(new Share(service, from, List.of(with), HERE));
    return this;
  }

  /** {@code traffic SRC -> DST GB} ({@code src} null for {@code *}). */
  public HandBuilt traffic(String src, String dst, String gb) {
    traffic.add(new Traffic(src, dst, new BigDecimal(gb), HERE));
    return this;
  }

  public Layout build(String name) {
    List<Vpc> vpcs = new ArrayList<>();
    for (String v : cidrs.keySet()) {
      vpcs.add(new Vpc(v, cidrs.get(v), true, true, HERE, subnets.get(v), endpoints.get(v),
          List.of(), List.of(), instances.get(v)));
    }
    return new Layout(name, region, vpcs, tgws, peerings, shares, traffic, HERE);
  }
}
