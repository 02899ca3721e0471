package dev.vpclab.model;

import dev.vpclab.lang.Ast;
import dev.vpclab.lang.Ast.Name;
import dev.vpclab.lang.Diagnostics;
import dev.vpclab.lang.Severity;
import dev.vpclab.lang.SourceFile;
import dev.vpclab.lang.Span;
import dev.vpclab.lang.Suggest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Validates a {@link LayoutDef} and builds its {@link Layout}. Order inside a layout does not
 * matter: subnets are gathered first, then everything that refers to them. A later statement for
 * the same endpoint service, instance or traffic pair replaces the earlier one. Every problem is
 * reported to the diagnostics, located at the statement that caused it; the build goes on so that
 * all problems are seen at once.
 */
public final class LayoutBuilder {
  /** At most this many instances of one kind ({@code count}). */
  public static final int MAX_COUNT = 1_000_000;
  /** At most this much traffic on one line: 1024 PB a month. */
  public static final BigDecimal MAX_GB = BigDecimal.valueOf(1024L * 1024 * 1024);
  /** The interface endpoints a VPC may have before AWS needs a quota increase. */
  public static final int ENDPOINT_QUOTA = 50;

  private final LayoutDef def;
  private final Diagnostics diagnostics;
  private final Region region;

  private LayoutBuilder(LayoutDef def, Diagnostics diagnostics) {
    this.def = def;
    this.diagnostics = diagnostics;
    this.region = def.region();
  }

  /** The layout, or empty when it has errors (all of them reported). */
  public static Optional<Layout> build(LayoutDef def, Diagnostics diagnostics) {
    int before = diagnostics.errorCount();
    Layout layout = new LayoutBuilder(def, diagnostics).build();
    return diagnostics.errorCount() > before ? Optional.empty() : Optional.of(layout);
  }

  /** The builder's reports, for the parts of it that live in classes of their own. */
  private final Reports reports = new Reports() {
    @Override
    public void error(SourceFile src, Span span, String message, Supplier<String> hint) {
      report(Severity.ERROR, src, span, message, hint);
    }

    @Override
    public void warning(SourceFile src, Span span, String message, Supplier<String> hint) {
      report(Severity.WARNING, src, span, message, hint);
    }
  };

  private void error(SourceFile src, Span span, String message, String hint) {
    report(Severity.ERROR, src, span, message, () -> hint);
  }

  private void warning(SourceFile src, Span span, String message, String hint) {
    report(Severity.WARNING, src, span, message, () -> hint);
  }

  /** A message about an element this builder made: at the statement it was made from. */
  private void report(Severity severity, Origin origin, String message, String hint) {
    Origin.Source at = (Origin.Source) origin; // the builder makes source origins only
    report(severity, at.file(), at.span(), message, () -> hint);
  }

  /** The layout's declaration: the origin of the layout and of its VPC. */
  private Origin layoutOrigin() {
    return new Origin.Source(def.source(), def.span());
  }

  /**
   * Every message of the builder goes through here. A message already reported (by the parent
   * layout's build, or an earlier build of this one) is not repeated; one about a line this
   * layout inherits through {@code extends} names this layout and the one the line is from.
   */
  private void report(Severity severity, SourceFile src, Span span, String message,
      Supplier<String> hint) {
    if (diagnostics.has(severity, src, span, message)) {
      return;
    }
    String from = inheritedFrom(src, span);
    String shown = from == null ? message
        : "layout " + def.name() + " inherits this line from " + from + ": " + message;
    if (severity == Severity.ERROR) {
      diagnostics.errorLazy(src, span, shown, hint);
    } else {
      diagnostics.warningLazy(src, span, shown, hint);
    }
    if (from != null) { // a layout that extends this one inherits it too: once is enough
      diagnostics.cover(severity, src, span, message);
    }
  }

  /** The layout an inherited statement covering this spot was written in, or null. */
  private String inheritedFrom(SourceFile src, Span span) {
    for (int i = 0; i < def.inherited(); i++) {
      SourcedStmt s = def.stmts().get(i);
      Span at = s.stmt().span();
      if (s.source() == src && at.offset() <= span.offset() && span.end() <= at.end()) {
        return s.layout();
      }
    }
    return null;
  }

  private VpcStatements statements;
  private VpcAttributes attributes;
  /** Every VPC's subnets by name, VPC by VPC in the design's order. */
  private final Map<String, Map<String, Subnet>> subnetsByVpc = new LinkedHashMap<>();
  /** Every subnet of the layout by name (names are unique in a layout), and its declaration. */
  private final Map<String, Subnet> allSubnets = new LinkedHashMap<>();
  private final Map<String, SourcedStmt> subnetDeclaredAt = new HashMap<>();
  /** Whether the layout is one VPC (the messages about it then do not name it). */
  private boolean oneVpc;

  private Layout build() {
    statements = new VpcStatements(def, reports);
    reportOrphans();
    attributes = new VpcAttributes(statements, reports, layoutOrigin(), this::cidr);
    List<Vpc> vpcs = attributes.vpcs();
    oneVpc = vpcs.size() == 1;
    for (Vpc vpc : vpcs) {
      Map<String, Subnet> subnets = subnets(vpc, own(vpc));
      subnetsByVpc.put(vpc.name(), subnets);
      allSubnets.putAll(subnets);
    }
    Map<String, List<GatewayEndpoint>> gateways = new HashMap<>();
    Map<String, List<InterfaceEndpoint>> endpoints = new HashMap<>();
    Map<String, List<NatGateway>> nats = new HashMap<>();
    for (Vpc vpc : vpcs) {
      Map<String, Subnet> subnets = subnetsByVpc.get(vpc.name());
      reading = vpc.name();
      List<GatewayEndpoint> g = gateways(vpc, own(vpc));
      List<InterfaceEndpoint> e = endpoints(vpc, own(vpc), subnets, g);
      List<NatGateway> n = nats(own(vpc), subnets);
      gateways.put(vpc.name(), g);
      endpoints.put(vpc.name(), e);
      nats.put(vpc.name(), n);
    }
    Map<String, Ast.InstanceDecl> instanceDecls = instanceDecls();
    List<Traffic> traffic = traffic(instanceDecls);
    List<Instance> instances = instances(instanceDecls, traffic);
    List<Vpc> parts = new ArrayList<>();
    for (Vpc vpc : vpcs) {
      String v = vpc.name();
      parts.add(vpc.withParts(new ArrayList<>(subnetsByVpc.get(v).values()), endpoints.get(v),
          gateways.get(v), nats.get(v), instances.stream().filter(i -> i.vpc().equals(v))
              .toList()));
    }
    List<Vpc> built = Addresses.assign(parts, this::noFreeAddress);
    for (Vpc vpc : vpcs) {
      dnsWarnings(vpc, endpoints.get(vpc.name()));
    }
    LinkBuilder links = new LinkBuilder(region, reports, new LinkBuilder.Checks() {
      @Override
      public String az(SourceFile src, Name az) {
        return LayoutBuilder.this.az(src, az);
      }

      @Override
      public boolean failedIn(String vpc, String az) {
        return LayoutBuilder.this.failedIn(vpc, az, false);
      }

      @Override
      public void checkService(SourceFile src, Name service) {
        LayoutBuilder.this.checkService(src, service, true);
      }
    }, built, statements);
    return new Layout(def.name(), region, built, links.tgws(), links.peerings(), links.shares(),
        traffic, layoutOrigin());
  }

  /** The statements of a VPC. */
  private List<SourcedStmt> own(Vpc vpc) {
    return statements.byVpc().get(vpc.name());
  }

  /** How messages name a VPC: not at all in a layout of one VPC. */
  private String label(Vpc vpc) {
    return label(vpc.name());
  }

  private String label(String vpc) {
    if (oneVpc) {
      return "the VPC";
    }
    return vpc.equals(Vpc.DEFAULT_NAME) ? "the default VPC" : "VPC " + vpc;
  }

  private void dnsWarnings(Vpc vpc, List<InterfaceEndpoint> endpoints) {
    SourcedStmt off = attributes.dnsSupportOff(vpc.name());
    if (!vpc.dnsSupport()) {
      warning(off.source(), off.stmt().span(), label(vpc) + " has DNS support off"
          + " (enableDnsSupport = false): the Amazon resolver answers no name, so no instance"
          + " reaches an AWS service or the internet by name", "turn it on with: "
          + (endpoints.stream().anyMatch(InterfaceEndpoint::privateDns) ? vpc.privateDnsFix()
              : "vpc dns on"));
    } else if (!vpc.privateDnsWorks()) {
      for (InterfaceEndpoint e : endpoints) {
        if (e.privateDns()) {
          report(Severity.WARNING, e.origin(), "endpoint " + e.service() + " has private DNS on,"
              + " but " + label(vpc) + " has DNS hostnames off: its name resolves to the public"
              + " address", "turn it on with: " + vpc.privateDnsFix());
        }
      }
    }
  }

  /**
   * The statements of a VPC written outside any vpc block in a layout that has no default VPC
   * (its VPCs are all in blocks): each is an error; an instance among them is not built.
   */
  private void reportOrphans() {
    for (SourcedStmt s : statements.orphans()) {
      Ast.Stmt st = s.stmt();
      if (st instanceof Ast.NoInstance || st instanceof Ast.TrafficDecl
          || st instanceof Ast.NoTraffic || st instanceof Ast.BrokenDecl) {
        continue; // about the layout's instances, wherever they are
      }
      if (st instanceof Ast.InstanceDecl d) {
        orphanInstances.add(d);
      }
      String first = statements.byVpc().keySet().iterator().next();
      error(s.source(), st.span(), "this line stands outside any vpc block, but layout "
          + def.name() + " has no default VPC (no subnet is declared outside its vpc blocks)",
          "move it into the block of its VPC: vpc " + first + " { ... }");
    }
  }

  /** Instances written outside any block in a layout without a default VPC (reported). */
  private final Set<Ast.InstanceDecl> orphanInstances =
      java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

  // ------------------------------------------------------------------ vpc

  private Cidr cidr(SourceFile src, Ast.CidrText text) {
    try {
      return Cidr.parse(text.text());
    } catch (IllegalArgumentException | ArithmeticException e) {
      error(src, text.span(), "invalid CIDR " + text.text() + ": " + e.getMessage(), null);
      return null;
    }
  }

  // ------------------------------------------------------------------ subnets

  /** The full AZ name, or null after reporting why the name is not an AZ of this Region. */
  private String az(SourceFile src, Name name) {
    Optional<String> full = region.fullAz(name.text());
    if (full.isPresent()) {
      return full.get();
    }
    String azList = String.join(", ", region.shortAzs());
    Optional<String> other = Region.regionOfAz(name.text());
    if (other.isPresent() && !other.get().equals(region.code())) {
      error(src, name.span(), "AZ " + name.text() + " is in " + other.get() + ", not in "
          + region.code(), "this layout's Region is " + region.code() + " (AZs " + azList
          + "); set 'region " + other.get() + "' before the layout to use it");
    } else if (name.text().length() == 2 && name.text().charAt(0) != region.digit()) {
      error(src, name.span(), "AZ " + name.text() + " is not in " + region.code(),
          "the AZs of " + region.code() + " are " + azList);
    } else {
      error(src, name.span(), "unknown AZ " + name.text() + " in " + region.code(),
          "the AZs of " + region.code() + " are " + azList);
    }
    return null;
  }

  /**
   * A subnet whose declaration had an error (reported there): its name is still declared, so that
   * its uses are not reported again as unknown. {@code az} is null when the AZ was the problem.
   */
  private record FailedSubnet(String vpc, String az, boolean isPublic) {}

  private final Map<String, FailedSubnet> failedSubnets = new LinkedHashMap<>();

  /** The VPC whose statements are being read (for the subnets that fail to declare). */
  private String reading = Vpc.DEFAULT_NAME;

  private void failed(String name, String az, boolean isPublic) {
    failedSubnets.putIfAbsent(name, new FailedSubnet(reading, az, isPublic));
  }

  /**
   * Whether a subnet of this kind (public only, or any) failed to declare in this AZ, in the VPC
   * whose statements are being read.
   */
  boolean failedIn(String az, boolean publicOnly) {
    return failedIn(reading, az, publicOnly);
  }

  boolean failedIn(String vpc, String az, boolean publicOnly) {
    for (FailedSubnet f : failedSubnets.values()) {
      if (f.vpc().equals(vpc) && az.equals(f.az()) && (f.isPublic() || !publicOnly)) {
        return true;
      }
    }
    return false;
  }

  /** The VPC other than the one being read that declares (or failed to declare) a subnet. */
  private String otherVpcOf(String subnet) {
    Subnet there = allSubnets.get(subnet);
    if (there != null) {
      return there.vpc();
    }
    FailedSubnet f = failedSubnets.get(subnet);
    return f != null && !f.vpc().equals(reading) ? f.vpc() : null;
  }

  private Map<String, Subnet> subnets(Vpc vpc, List<SourcedStmt> stmts) {
    reading = vpc.name();
    Map<String, Subnet> byName = new LinkedHashMap<>();
    Map<String, SourcedStmt> declaredAt = subnetDeclaredAt;
    for (SourcedStmt s : stmts) {
      if (s.stmt() instanceof Ast.BrokenDecl b && b.kind() == Ast.BrokenDecl.Kind.SUBNET) {
        failed(b.name().text(), null, false); // its syntax error is reported
        continue;
      }
      if (!(s.stmt() instanceof Ast.SubnetDecl d)) {
        continue;
      }
      String az = az(s.source(), d.az());
      if (az == null) {
        if (d.name() != null) {
          failed(d.name().text(), null, d.isPublic());
        }
        continue;
      }
      String kind = d.isPublic() ? "public" : "private";
      String name = d.name() != null ? d.name().text() : kind + "-" + region.shortAz(az);
      Span nameSpan = d.name() != null ? d.name().span() : d.span();
      if (d.name() != null && Region.looksLikeAz(name)) {
        error(s.source(), nameSpan, "a subnet cannot be named like an AZ: " + name,
            "choose a name such as app-" + name);
        continue;
      }
      Cidr cidr = null;
      if (d.cidr() != null) {
        cidr = cidr(s.source(), d.cidr());
        if (cidr == null) {
          failed(name, az, d.isPublic());
          continue;
        }
        if (cidr.prefix() < 16 || cidr.prefix() > 28) {
          error(s.source(), d.cidr().span(), "a subnet CIDR must be between /16 and /28", null);
          failed(name, az, d.isPublic());
          continue;
        }
        if (!vpc.cidr().contains(cidr)) {
          error(s.source(), d.cidr().span(), "subnet " + name + " (" + cidr
              + ") is outside the VPC CIDR " + vpc.cidr(),
              "pick a block inside " + vpc.cidr() + ", or change it with: vpc cidr ...");
          failed(name, az, d.isPublic());
          continue;
        }
      }
      String otherVpc = otherVpcOf(name);
      if (otherVpc != null) {
        SourcedStmt first = declaredAt.get(name);
        error(s.source(), nameSpan, "subnet " + name + " is declared twice", (first == null ? "declared "
            : "first declared at " + first.source().name() + ":" + first.stmt().span().line()
                + ", ") + "in " + label(otherVpc) + "; subnet names are unique in a layout");
        continue;
      }
      Subnet existing = byName.get(name);
      if (existing != null) {
        boolean same = existing.az().equals(az) && existing.isPublic() == d.isPublic()
            && (cidr == null || cidr.equals(existing.cidr()));
        if (!same) {
          SourcedStmt first = declaredAt.get(name);
          error(s.source(), nameSpan, "subnet " + name + " is declared twice",
              "first declared at " + first.source().name() + ":" + first.stmt().span().line()
                  + (d.name() == null ? "; give this one a name: az " + d.az().text()
                      + " subnet " + kind + " NAME" : ""));
        }
        continue;
      }
      if (cidr != null) {
        for (Subnet other : byName.values()) {
          if (other.cidr() != null && other.cidr().overlaps(cidr)) {
            error(s.source(), d.cidr().span(), "subnet " + name + " (" + cidr
                + ") overlaps subnet " + other.name() + " (" + other.cidr() + ")",
                freeBlockHint(vpc, byName.values(), cidr.prefix()));
            cidr = null;
            break;
          }
        }
        if (cidr == null) {
          failed(name, az, d.isPublic());
          continue;
        }
      }
      // subnets without a CIDR get one after all explicit ones are known
      byName.put(name, new Subnet(vpc.name(), name, az, cidr, d.isPublic(), cidr == null,
          new Origin.Source(s.source(), d.span())));
      declaredAt.put(name, s);
    }
    // automatic CIDRs: the next free /24 of the VPC, counting from its second /24
    Map<String, Subnet> result = new LinkedHashMap<>();
    List<Cidr> taken = new ArrayList<>();
    for (Subnet sn : byName.values()) {
      if (sn.cidr() != null) {
        taken.add(sn.cidr());
      }
    }
    for (Subnet sn : byName.values()) {
      if (sn.cidr() != null) {
        result.put(sn.name(), sn);
        continue;
      }
      Cidr free = vpc.cidr().nextFree24(taken);
      if (free == null) {
        SourcedStmt at = declaredAt.get(sn.name());
        error(at.source(), at.stmt().span(), "no free /24 left in the VPC CIDR " + vpc.cidr()
            + " for subnet " + sn.name(), "give the subnet a CIDR: az ... subnet ... "
            + sn.name() + " cidr A.B.C.D/N");
        failed(sn.name(), sn.az(), sn.isPublic());
        continue;
      }
      taken.add(free);
      result.put(sn.name(),
          new Subnet(sn.vpc(), sn.name(), sn.az(), free, sn.isPublic(), true, sn.origin()));
    }
    return result;
  }

  private static String freeBlockHint(Vpc vpc, java.util.Collection<Subnet> subnets, int prefix) {
    List<Cidr> taken = subnets.stream().map(Subnet::cidr).filter(c -> c != null).toList();
    if (prefix == 24) {
      Cidr free = vpc.cidr().nextFree24(taken);
      if (free != null) {
        return "the next free /24 is " + free;
      }
    }
    return "leave out 'cidr' and vpclab picks the next free /24";
  }

  // ------------------------------------------------------------------ endpoints

  private record EndpointPlan(String service, List<Subnet> subnets, boolean privateDns,
      Ast.Toggle inboundOnly, List<AllowRule> allow, boolean defaultAllow, SourceFile source,
      Span span) {
    Origin origin() {
      return new Origin.Source(source, span);
    }
  }

  private List<InterfaceEndpoint> endpoints(Vpc vpc, List<SourcedStmt> stmts,
      Map<String, Subnet> subnets, List<GatewayEndpoint> gateways) {
    reading = vpc.name();
    Map<String, EndpointPlan> plans = new TreeMap<>();
    for (SourcedStmt s : stmts) {
      SourceFile src = s.source();
      if (s.stmt() instanceof Ast.EndpointDecl d) {
        List<Subnet> placed = placements(src, d, subnets);
        List<AllowRule> allow = new ArrayList<>();
        boolean defaultAllow = d.allow() == null;
        if (defaultAllow) {
          allow.add(new AllowRule("vpc", vpc.cidr()));
        } else {
          for (Ast.AllowEntry e : d.allow()) {
            if (e.cidr() != null) {
              Cidr c = cidr(src, e.cidr());
              if (c != null) {
                allow.add(new AllowRule(c.toString(), c));
              }
            } else {
              // the subnets of other VPCs too: a security group rule takes any CIDR
              Subnet sn = allSubnets.get(e.subnet().text());
              if (sn == null && Region.looksLikeAz(e.subnet().text())) {
                error(src, e.subnet().span(), "an endpoint allows subnets or CIDRs, not an AZ",
                    subnetOfAzHint("allow ", e.subnet().text(), subnets));
              } else if (sn == null) {
                unknownSubnet(src, e.subnet(), subnets);
              } else {
                allow.add(new AllowRule(sn.name(), sn.cidr()));
              }
            }
          }
        }
        boolean privateDns = d.privateDns() == null || d.privateDns();
        checkInboundOnly(src, d, privateDns);
        Set<String> seen = new LinkedHashSet<>();
        for (Name service : d.services()) {
          if (!seen.add(service.text())) {
            warning(src, service.span(), "service " + service.text() + " is listed twice", null);
            continue;
          }
          checkService(src, service, true);
          if (placed != null) {
            plans.put(service.text(), new EndpointPlan(service.text(), placed, privateDns,
                d.inboundOnly(), allow, defaultAllow, src, d.span()));
          }
        }
      } else if (s.stmt() instanceof Ast.NoEndpoint n) {
        for (Name service : n.services()) {
          if (plans.remove(service.text()) == null) {
            warning(src, service.span(), "there is no endpoint " + service.text() + " to remove",
                Suggest.didYouMean(service.text(), plans.keySet()));
          }
        }
      }
    }
    List<InterfaceEndpoint> out = new ArrayList<>();
    for (EndpointPlan p : plans.values()) {
      List<Eni> enis = new ArrayList<>();
      for (Subnet sn : p.subnets()) {
        enis.add(new Eni(sn, null, p.origin()));
      }
      enis.sort(Comparator.comparing(Eni::az));
      boolean gateway = gateways.stream().anyMatch(g -> g.service().equals(p.service()));
      Ast.Toggle written = p.inboundOnly();
      if (written != null && written.on() && !gateway
          && Services.GATEWAY.contains(p.service())) {
        error(p.source(), written.span(), "endpoint " + p.service() + " is inbound-only, which AWS"
            + " allows only when the VPC has a gateway endpoint for " + p.service() + " (its"
            + " clients inside the VPC use it)", "add: gateway " + p.service());
      }
      // AWS's default: private DNS only for inbound endpoints when a gateway endpoint exists
      boolean inboundOnly = p.privateDns() && (written != null ? written.on()
          : gateway && Services.GATEWAY.contains(p.service()));
      out.add(new InterfaceEndpoint(vpc.name(), p.service(), enis, p.privateDns(), inboundOnly,
          p.allow(), p.defaultAllow(), p.origin()));
    }
    if (out.size() > ENDPOINT_QUOTA) {
      Origin.Source at = (Origin.Source) vpc.origin();
      warning(at.file(), at.span(), (vpc.name().equals(Vpc.DEFAULT_NAME) ? ""
          : label(vpc) + " of ") + "layout " + def.name() + " has " + out.size()
          + " interface endpoints; a VPC may have " + ENDPOINT_QUOTA + " before AWS needs a quota "
          + "increase", "request an increase of 'Interface VPC endpoints per VPC'");
    }
    return out;
  }

  /**
   * {@code inbound-only} ("private DNS only for inbound endpoints") exists only for the services
   * that have gateway endpoints too, and only with private DNS on.
   */
  private void checkInboundOnly(SourceFile src, Ast.EndpointDecl d, boolean privateDns) {
    Ast.Toggle t = d.inboundOnly();
    if (t == null) {
      return;
    }
    List<String> gatewayServices = new ArrayList<>();
    List<String> others = new ArrayList<>();
    for (Name service : d.services()) {
      (Services.GATEWAY.contains(service.text()) ? gatewayServices : others).add(service.text());
    }
    String option = t.on() ? "inbound-only" : "inbound-only off";
    if (!others.isEmpty()) {
      error(src, t.span(), "inbound-only is for s3 and dynamodb, not " + String.join(", ", others)
          + ": AWS offers private DNS only for inbound endpoints for the services that also have"
          + " a gateway endpoint", gatewayServices.isEmpty()
              ? "remove " + option + ": it applies to s3 and dynamodb interface endpoints only"
              : "write " + String.join(", ", gatewayServices) + " on a line of its own: endpoint "
                  + String.join(", ", gatewayServices) + " in " + String.join(", ",
                      d.places().stream().map(Name::text).toList()) + " " + option);
    } else if (t.on() && !privateDns) {
      error(src, t.span(), "inbound-only needs private DNS on: it chooses which resolvers get the"
          + " private answer", "remove private-dns off, or inbound-only");
    }
  }

  /** The subnets an endpoint's ENIs go in, or null after reporting a problem. */
  private List<Subnet> placements(SourceFile src, Ast.EndpointDecl d, Map<String, Subnet> subnets) {
    Map<String, Subnet> byAz = new TreeMap<>();
    boolean ok = true;
    for (Name place : d.places()) {
      Subnet chosen;
      if (Region.looksLikeAz(place.text())) {
        String az = az(src, place);
        if (az == null) {
          ok = false;
          continue;
        }
        chosen = subnetIn(az, subnets);
        if (chosen == null && failedIn(az, false)) {
          ok = false; // the subnet's own error says it all
          continue;
        }
        if (chosen == null) {
          error(src, place.span(), "no subnet in AZ " + place.text() + " for endpoint "
              + d.services().get(0).text(), "add: az " + place.text() + " subnet private");
          ok = false;
          continue;
        }
      } else {
        chosen = subnets.get(place.text());
        if (chosen == null && otherVpcOf(place.text()) != null) {
          subnetOfOtherVpc(src, place, "endpoint " + d.services().get(0).text(), subnets);
          ok = false;
          continue;
        }
        if (chosen == null) {
          unknownSubnet(src, place, subnets);
          ok = false;
          continue;
        }
      }
      Subnet before = byAz.put(chosen.az(), chosen);
      if (before != null && !before.name().equals(chosen.name())) {
        error(src, place.span(), "endpoint " + d.services().get(0).text()
            + " has two subnets in AZ " + region.shortAz(chosen.az()) + " (" + before.name()
            + " and " + chosen.name() + ")", "AWS allows one subnet per AZ for an endpoint");
        ok = false;
      }
    }
    return ok ? new ArrayList<>(byAz.values()) : null;
  }

  /** The subnet an endpoint or NAT takes in an AZ: the first private one declared, else any. */
  static Subnet subnetIn(String az, Map<String, Subnet> subnets) {
    Subnet any = null;
    for (Subnet s : subnets.values()) {
      if (s.az().equals(az)) {
        if (!s.isPublic()) {
          return s;
        }
        if (any == null) {
          any = s;
        }
      }
    }
    return any;
  }

  /**
   * A subnet of another VPC named where the VPC being read needs one of its own: an endpoint's
   * place, an instance's subnet ({@code what} names the statement).
   */
  private void subnetOfOtherVpc(SourceFile src, Name name, String what,
      Map<String, Subnet> subnets) {
    String other = otherVpcOf(name.text());
    report(Severity.ERROR, src, name.span(), "subnet " + name.text() + " is in " + label(other)
        + ", not in " + label(reading), () -> what + " stays in " + label(reading)
        + (subnets.isEmpty() ? "" : " (its subnets: " + String.join(", ", subnets.keySet())
            + ")") + "; to place it in " + label(other) + ", write it in "
        + (other.equals(Vpc.DEFAULT_NAME) ? "no vpc block" : "vpc " + other + " { ... }"));
  }

  private void unknownSubnet(SourceFile src, Name name, Map<String, Subnet> subnets) {
    if (failedSubnets.containsKey(name.text())) {
      return; // declared, with an error reported at its declaration
    }
    report(Severity.ERROR, src, name.span(), "unknown subnet " + name.text(), () -> {
      Set<String> names = new LinkedHashSet<>(subnets.keySet());
      names.addAll(failedSubnets.keySet());
      String hint = Suggest.didYouMean(name.text(), names);
      if (hint == null) {
        hint = subnets.isEmpty() ? "declare one first: az 1a subnet private " + name.text()
            : "the subnets are: " + String.join(", ", subnets.keySet());
      }
      return hint;
    });
  }

  private void checkService(SourceFile src, Name service, boolean interfaceEndpoint) {
    checkService(src, service, interfaceEndpoint, Set.of());
  }

  /**
   * Reports a bundle where a service is meant, and warns about a service vpclab does not know
   * (suggesting a known service, else one of {@code instances}: needs and traffic may name one).
   */
  private void checkService(SourceFile src, Name service, boolean interfaceEndpoint,
      Set<String> instances) {
    String s = service.text();
    if (Services.BUNDLES.containsKey(s)) {
      error(src, service.span(), s + " is a bundle, not a service",
          "write its services: " + String.join(", ", Services.BUNDLES.get(s).stream()
              .filter(x -> !interfaceEndpoint || !Services.GATEWAY.contains(x)).toList()));
      return;
    }
    if (!Services.isKnown(s)) {
      String hint = Suggest.didYouMean(s, instances); // needs and traffic: an instance first
      if (hint == null) {
        hint = Suggest.didYouMean(s, Services.KNOWN);
      }
      warning(src, service.span(), "vpclab does not know the service " + s,
          hint != null ? hint : "it is taken as com.amazonaws." + region.code() + "." + s);
    }
  }

  // ------------------------------------------------------------------ gateways and NAT

  private List<GatewayEndpoint> gateways(Vpc vpc, List<SourcedStmt> stmts) {
    Map<String, GatewayEndpoint> out = new TreeMap<>();
    for (SourcedStmt s : stmts) {
      if (s.stmt() instanceof Ast.GatewayDecl g) {
        for (Name service : g.services()) {
          if (!Services.GATEWAY.contains(service.text())) {
            String hint = Suggest.didYouMean(service.text(), Services.GATEWAY);
            error(s.source(), service.span(), "there is no gateway endpoint for " + service.text()
                + "; only s3 and dynamodb have one", hint != null ? hint
                    : "use an interface endpoint: endpoint " + service.text() + " in "
                        + region.shortAzs().get(0));
            continue;
          }
          out.put(service.text(), new GatewayEndpoint(vpc.name(), service.text(),
              new Origin.Source(s.source(), g.span())));
        }
      } else if (s.stmt() instanceof Ast.NoGateway g) {
        for (Name service : g.services()) {
          if (out.remove(service.text()) == null) {
            warning(s.source(), service.span(), "there is no gateway " + service.text()
                + " to remove", null);
          }
        }
      }
    }
    return new ArrayList<>(out.values());
  }

  private List<NatGateway> nats(List<SourcedStmt> stmts, Map<String, Subnet> subnets) {
    Map<String, NatGateway> byAz = new TreeMap<>();
    for (SourcedStmt s : stmts) {
      if (s.stmt() instanceof Ast.NatDecl n) {
        for (Name azName : n.azs()) {
          String az = az(s.source(), azName);
          if (az == null) {
            continue;
          }
          Subnet pub = null;
          for (Subnet sn : subnets.values()) {
            if (sn.az().equals(az) && sn.isPublic()) {
              pub = sn;
              break;
            }
          }
          if (pub == null && failedIn(az, true)) {
            continue; // the public subnet's own error says it all
          }
          if (pub == null) {
            error(s.source(), azName.span(), "no public subnet in AZ " + azName.text()
                + " for the NAT gateway", "add: az " + azName.text() + " subnet public");
            continue;
          }
          byAz.put(az, new NatGateway(pub, null, new Origin.Source(s.source(), n.span())));
        }
      } else if (s.stmt() instanceof Ast.NoNat n) {
        if (n.azs().isEmpty()) {
          byAz.clear();
        }
        for (Name azName : n.azs()) {
          String az = az(s.source(), azName);
          if (az != null && byAz.remove(az) == null) {
            warning(s.source(), azName.span(), "there is no NAT gateway in " + azName.text()
                + " to remove", null);
          }
        }
      }
    }
    return new ArrayList<>(byAz.values());
  }

  // ------------------------------------------------------------------ instances and traffic

  /**
   * The instance declarations of the layout, by name, in order (a redeclaration moves to the end,
   * replacing the first), wherever they are written: names are unique in a layout. {@code no vpc}
   * removes the instances of the VPC declared before it, like {@code no instance}.
   */
  private Map<String, Ast.InstanceDecl> instanceDecls() {
    Map<String, Ast.InstanceDecl> decls = new LinkedHashMap<>();
    for (VpcStatements.Entry e : statements.ordered()) {
      SourcedStmt s = e.stmt();
      if (s.stmt() instanceof Ast.InstanceDecl d) {
        if (orphanInstances.contains(d)) {
          brokenInstances.add(d.name().text()); // reported: outside any block
          continue;
        }
        Ast.InstanceDecl before = decls.get(d.name().text());
        if (before != null && !vpcOfDecl.get(before).equals(e.vpc())) {
          SourcedStmt at = new SourcedStmt(sources.get(before), before, null);
          error(s.source(), d.name().span(), "instance " + d.name() + " is already declared in "
              + label(vpcOfDecl.get(before)) + " (line " + at.stmt().span().line() + ")",
              "instance names are unique in a layout: give this one another name, or move it"
                  + " with 'no instance " + d.name() + "' before this line");
          continue;
        }
        decls.remove(d.name().text()); // a redeclaration moves to the end, replacing the first
        decls.put(d.name().text(), d);
        sources.put(d, s.source());
        vpcOfDecl.put(d, e.vpc());
        removedInstances.remove(d.name().text());
      } else if (s.stmt() instanceof Ast.BrokenDecl b
          && b.kind() == Ast.BrokenDecl.Kind.INSTANCE) {
        brokenInstances.add(b.name().text()); // its syntax error is reported
      } else if (s.stmt() instanceof Ast.NoInstance n && !e.dropped()) {
        for (Name name : n.names()) {
          if (decls.remove(name.text()) == null) {
            report(Severity.WARNING, s.source(), name.span(), "there is no instance " + name.text()
                + " to remove", () -> Suggest.didYouMean(name.text(), decls.keySet()));
          } else {
            removedInstances.add(name.text());
          }
        }
      } else if (s.stmt() instanceof Ast.NoVpc n && statements.removes(s)) {
        decls.values().removeIf(d -> {
          boolean gone = vpcOfDecl.get(d).equals(n.name().text());
          if (gone) {
            removedInstances.add(d.name().text());
          }
          return gone;
        });
      }
    }
    return decls;
  }

  private final Map<Ast.Stmt, SourceFile> sources = new java.util.IdentityHashMap<>();
  private final Map<Ast.Stmt, String> vpcOfDecl = new java.util.IdentityHashMap<>();
  private final Set<String> removedInstances = new TreeSet<>();
  /** Instances whose statement has a syntax error: their traffic is not reported again. */
  private final Set<String> brokenInstances = new TreeSet<>();

  /** Whether a name is of an instance that is gone ({@code no instance}, {@code no vpc}, ...). */
  private boolean goneInstance(String name) {
    return removedInstances.contains(name) || brokenInstances.contains(name);
  }

  private List<Traffic> traffic(Map<String, Ast.InstanceDecl> instances) {
    Map<String, Traffic> byPair = new LinkedHashMap<>();
    for (VpcStatements.Entry e : statements.ordered()) {
      SourcedStmt s = e.stmt();
      SourceFile src = s.source();
      if (e.dropped()) {
        continue; // written in a block of a VPC that 'no vpc' removed after it
      }
      if (s.stmt() instanceof Ast.TrafficDecl t) {
        String source = t.fromAll() ? null : t.source().text();
        if (source != null && !instances.containsKey(source)) {
          if (goneInstance(source)) {
            continue; // 'no instance' removes the instance's traffic too
          }
          unknownInstance(src, t.source(), instances.keySet());
          continue;
        }
        String dest = t.dest().text();
        if (instances.containsKey(dest)) {
          if (ambiguous(src, t.dest()) || !trafficToInstance(src, t)) {
            continue;
          }
        } else if (goneInstance(dest) && !Services.isKnown(dest)) {
          continue;
        } else if (!dest.equals(Services.INTERNET)) {
          if (Services.BUNDLES.containsKey(dest)) {
            error(src, t.dest().span(), "traffic goes to a service, not to the bundle " + dest,
                "name one of its services: " + String.join(", ", Services.BUNDLES.get(dest)));
            continue;
          }
          checkService(src, t.dest(), false, instances.keySet());
        }
        BigDecimal gb = t.volume().gb();
        if (gb.compareTo(MAX_GB) > 0) {
          error(src, t.volume().span(), "traffic of more than 1024 PB a month is not supported",
              null);
          continue;
        }
        String key = (source == null ? "*" : source) + "->" + dest;
        byPair.remove(key);
        byPair.put(key, new Traffic(source, dest, gb, new Origin.Source(src, t.span())));
      } else if (s.stmt() instanceof Ast.NoTraffic n) {
        String key = (n.source() == null ? "*" : n.source().text()) + "->" + n.dest().text();
        if (byPair.remove(key) == null) {
          warning(src, n.span(), "there is no traffic " + key.replace("->", " -> ")
              + " to remove", null);
        }
      }
    }
    if (instances.isEmpty()) {
      for (Traffic t : byPair.values()) {
        if (t.fromAll()) {
          report(Severity.WARNING, t.origin(),
              "traffic from * but layout " + def.name() + " has no instances", null);
        }
      }
    }
    return new ArrayList<>(byPair.values());
  }

  /**
   * Whether a destination names an instance that is named like a service, or {@code internet}
   * (reported: needs and traffic name both alike).
   */
  private boolean ambiguous(SourceFile src, Name dest) {
    String d = dest.text();
    if (!Services.isKnown(d) && !d.equals(Services.INTERNET)) {
      return false;
    }
    error(src, dest.span(), d + " is both an instance of layout " + def.name() + " and "
        + (d.equals(Services.INTERNET) ? "the internet" : "a service"), "needs and traffic name"
        + " services and instances alike: rename the instance, such as " + d + "-app");
    return true;
  }

  /**
   * Whether traffic to an instance ("east-west") is accepted: from a named instance other than
   * itself (else reported).
   */
  private boolean trafficToInstance(SourceFile src, Ast.TrafficDecl t) {
    String dest = t.dest().text();
    if (t.fromAll()) {
      error(src, t.sourceSpan(), "traffic from * goes to a service or internet, not to the"
          + " instance " + dest, "name each source instance: traffic SOURCE -> " + dest + " "
          + t.volume().value().toPlainString() + (t.volume().unit() == null ? ""
              : " " + t.volume().unit()));
      return false;
    }
    if (t.source().text().equals(dest)) {
      error(src, t.dest().span(), "traffic from instance " + dest + " to itself",
          "vpclab prices traffic between instances (or groups), not inside one; split the group"
              + " into two instances to price what its members send each other");
      return false;
    }
    return true;
  }

  private void unknownInstance(SourceFile src, Name name, Set<String> instances) {
    report(Severity.ERROR, src, name.span(), "unknown instance " + name.text(), () -> {
      String hint = Suggest.didYouMean(name.text(), instances);
      if (hint == null) {
        hint = instances.isEmpty() ? "declare it: instance " + name.text() + " in SUBNET"
            : "the instances are: " + String.join(", ", instances);
      }
      return hint;
    });
  }

  private List<Instance> instances(Map<String, Ast.InstanceDecl> decls, List<Traffic> traffic) {
    List<Instance> out = new ArrayList<>();
    // the destinations of each source's traffic, in traffic order ("*" for every instance)
    Map<String, List<String>> trafficTo = new java.util.HashMap<>();
    for (Traffic t : traffic) {
      trafficTo.computeIfAbsent(t.fromAll() ? null : t.source(), k -> new ArrayList<>())
          .add(t.destination());
    }
    for (Ast.InstanceDecl d : decls.values()) {
      SourceFile src = sources.get(d);
      String name = d.name().text();
      reading = vpcOfDecl.get(d);
      if (Region.looksLikeAz(name)) {
        error(src, d.name().span(), "an instance cannot be named like an AZ: " + name, null);
        continue;
      }
      List<Subnet> subnets = instanceSubnets(src, d);
      if (subnets == null) {
        continue;
      }
      int count = subnets.size(); // one member per subnet unless a count is written
      if (d.count() != null) {
        BigDecimal c = d.count().value();
        if (c.signum() <= 0 || c.stripTrailingZeros().scale() > 0
            || c.compareTo(BigDecimal.valueOf(MAX_COUNT)) > 0) {
          error(src, d.count().span(), "count must be a whole number from 1 to " + MAX_COUNT, null);
          continue;
        }
        count = c.intValueExact();
        if (count < subnets.size()) {
          error(src, d.count().span(), "count " + count + " is fewer than the " + subnets.size()
              + " subnets of group " + name, "a group has at least one member in each of its"
              + " subnets: write count " + subnets.size() + " or more, or list fewer subnets");
          continue;
        }
      }
      Set<String> needs = needs(src, d, decls.keySet());
      if (needs == null) {
        continue;
      }
      needs.addAll(trafficTo.getOrDefault(null, List.of()));
      needs.addAll(trafficTo.getOrDefault(name, List.of()));
      out.add(new Instance(name, placements(subnets, count), new ArrayList<>(needs),
          new Origin.Source(src, d.span())));
    }
    return out;
  }

  /** {@code count} members over the subnets: evenly, the remainder to the first subnets. */
  static List<Instance.Placement> placements(List<Subnet> subnets, int count) {
    List<Instance.Placement> out = new ArrayList<>();
    int n = subnets.size();
    for (int i = 0; i < n; i++) {
      out.add(new Instance.Placement(subnets.get(i), count / n + (i < count % n ? 1 : 0)));
    }
    return out;
  }

  /** An instance's needs with bundles expanded, or null after reporting a problem. */
  private Set<String> needs(SourceFile src, Ast.InstanceDecl d, Set<String> instances) {
    Set<String> needs = new TreeSet<>();
    for (Name n : d.needs()) {
      List<String> bundle = Services.BUNDLES.get(n.text());
      if (bundle != null) {
        needs.addAll(bundle);
      } else if (n.text().equals(d.name().text())) {
        error(src, n.span(), "instance " + n + " needs itself", "the members of a group reach"
            + " each other inside their VPC; remove " + n + " from its needs");
        return null;
      } else if (instances.contains(n.text())) {
        if (ambiguous(src, n)) {
          return null;
        }
        needs.add(n.text());
      } else if (!goneInstance(n.text()) || Services.isKnown(n.text())) {
        if (!n.text().equals(Services.INTERNET)) {
          checkService(src, n, false, instances);
        }
        needs.add(n.text());
      }
    }
    return needs;
  }

  /**
   * The subnets of an instance (group), in the order listed, all of its VPC's; or null after
   * reporting a problem.
   */
  private List<Subnet> instanceSubnets(SourceFile src, Ast.InstanceDecl d) {
    Map<String, Subnet> subnets = subnetsByVpc.get(reading);
    List<Subnet> out = new ArrayList<>();
    String name = d.name().text();
    for (Name place : d.subnets()) {
      Subnet subnet = subnets.get(place.text());
      if (subnet == null) {
        if (Region.looksLikeAz(place.text())) {
          error(src, place.span(), "an instance goes in a subnet, not in an AZ",
              subnetOfAzHint("instance " + name + " in ", place.text(), subnets));
        } else if (otherVpcOf(place.text()) != null && d.spread()) {
          spreadOverVpcs(src, d, place);
        } else if (otherVpcOf(place.text()) != null) {
          subnetOfOtherVpc(src, place, "instance " + name, subnets);
        } else {
          unknownSubnet(src, place, subnets);
        }
        return null;
      }
      if (out.contains(subnet)) {
        error(src, place.span(), "subnet " + place + " is listed twice for instance " + name,
            "list each subnet once; count says how many members the group has");
        return null;
      }
      out.add(subnet);
    }
    return out;
  }

  private void spreadOverVpcs(SourceFile src, Ast.InstanceDecl d, Name place) {
    String other = otherVpcOf(place.text());
    error(src, place.span(), "group " + d.name() + " spreads over " + label(reading) + " and "
        + label(other) + " (subnet " + place + ")", "a group stays in one VPC: declare one"
        + " group in each, such as: " + (other.equals(Vpc.DEFAULT_NAME) ? ""
            : "vpc " + other + " { ") + "instance " + d.name() + "-" + other + " in " + place
        + (other.equals(Vpc.DEFAULT_NAME) ? "" : " }"));
  }

  /**
   * Where a subnet is meant but an AZ written ({@code instance web in 1a}, {@code allow 1a}): the
   * statement with the subnet of that AZ ({@code write} is what comes before it), naming them
   * all, or how to add one.
   */
  private String subnetOfAzHint(String write, String azText, Map<String, Subnet> subnets) {
    Optional<String> az = region.fullAz(azText);
    if (az.isEmpty()) {
      return subnets.isEmpty() ? "declare a subnet first: az " + region.shortAzs().get(0)
          + " subnet private NAME" : "the subnets are: " + String.join(", ", subnets.keySet());
    }
    List<String> inAz = new ArrayList<>();
    for (Subnet sn : subnets.values()) {
      if (sn.az().equals(az.get())) {
        inAz.add(sn.name());
      }
    }
    Subnet chosen = subnetIn(az.get(), subnets);
    failedSubnets.forEach((name, f) -> {
      if (az.get().equals(f.az()) && f.vpc().equals(reading)) {
        inAz.add(name); // declared with an error, reported at its line
      }
    });
    if (inAz.isEmpty()) {
      return azText + " has no subnet; add one: az " + azText + " subnet private NAME";
    }
    String written = "write: " + write + (chosen != null ? chosen.name() : inAz.get(0));
    return inAz.size() == 1 ? written + " (the subnet in " + azText + ")"
        : written + " (the subnets in " + azText + ": " + String.join(", ", inAz) + ")";
  }

  // ------------------------------------------------------------------ addresses

  /**
   * An ENI for which its subnet has no free address ({@link Addresses}: in each subnet the NAT
   * gateway takes the first usable address, .4, and the endpoint ENIs .10, .11, ... in service
   * order, then the free usable addresses from .4 up when the subnet is small): an error at the
   * endpoint's statement.
   */
  private void noFreeAddress(InterfaceEndpoint e, Subnet sn) {
    Cidr c = sn.cidr();
    String larger = c.prefix() > 16 ? " (a /" + (c.prefix() - 1) + " holds "
        + SubnetAddresses.usable(new Cidr(0, c.prefix() - 1)) + " addresses)" : "";
    report(Severity.ERROR, e.origin(), "subnet " + sn.name() + " (" + c + ") has no free"
        + " address for the ENI of endpoint " + e.service() + ": its " + SubnetAddresses.usable(c)
        + " usable addresses are taken", "AWS reserves the first four and the last address of a"
        + " subnet; give " + sn.name() + " a larger CIDR" + larger + " or place " + e.service()
        + " in another subnet");
  }
}
