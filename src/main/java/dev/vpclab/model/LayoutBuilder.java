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
    LayoutBuilder builder = new LayoutBuilder(def, diagnostics);
    if (builder.severalVpcs()) {
      return Optional.empty();
    }
    Layout layout = builder.build();
    return diagnostics.errorCount() > before ? Optional.empty() : Optional.of(layout);
  }

  /**
   * Reports each statement of a design of several VPCs, which vpclab reads but does not evaluate
   * yet, once; true when there is one (the layout is then not built, so nothing else about it is
   * reported).
   */
  private boolean severalVpcs() {
    List<SeveralVpcForms.Form> forms = SeveralVpcForms.find(def.stmts());
    for (SeveralVpcForms.Form f : forms) {
      error(f.source(), f.span(), SeveralVpcForms.MESSAGE + f.what(), f.hint());
    }
    return !forms.isEmpty();
  }

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

  private Layout build() {
    Vpc vpc = vpc();
    Map<String, Subnet> subnets = subnets(vpc);
    List<GatewayEndpoint> gateways = gateways(vpc);
    List<InterfaceEndpoint> endpoints = endpoints(vpc, subnets, gateways);
    List<NatGateway> nats = nats(subnets);
    Map<String, Ast.InstanceDecl> instanceDecls = instanceDecls();
    List<Traffic> traffic = traffic(instanceDecls);
    List<Instance> instances = instances(instanceDecls, subnets, traffic);
    assignAddresses(endpoints, nats);
    if (!vpc.dnsSupport()) {
      warning(dnsSupportOff.source(), dnsSupportOff.stmt().span(), "the VPC has DNS support off"
          + " (enableDnsSupport = false): the Amazon resolver answers no name, so no instance"
          + " reaches an AWS service or the internet by name", "turn it on with: "
          + (endpoints.stream().anyMatch(InterfaceEndpoint::privateDns) ? vpc.privateDnsFix()
              : "vpc dns on"));
    } else if (!vpc.privateDnsWorks()) {
      for (InterfaceEndpoint e : endpoints) {
        if (e.privateDns()) {
          report(Severity.WARNING, e.origin(), "endpoint " + e.service() + " has private DNS on,"
              + " but the VPC has DNS hostnames off: its name resolves to the public address",
              "turn it on with: " + vpc.privateDnsFix());
        }
      }
    }
    Vpc built = vpc.withParts(new ArrayList<>(subnets.values()), withAddresses(endpoints),
        gateways, natsWithAddresses(nats), instances);
    return new Layout(def.name(), region, List.of(built), traffic, layoutOrigin());
  }

  // ------------------------------------------------------------------ vpc

  /** The statement that turned DNS support off (the last {@code vpc dns} one), or null. */
  private SourcedStmt dnsSupportOff;

  /** The layout's default VPC: its attributes, with no parts yet. */
  private Vpc vpc() {
    Cidr cidr = Vpc.DEFAULT_CIDR;
    boolean support = true;
    boolean hostnames = true;
    SourcedStmt cidrAt = null;
    for (SourcedStmt s : def.stmts()) {
      if (s.stmt() instanceof Ast.VpcCidr v) {
        if (cidrAt != null && secondCidr(cidrAt, s)) {
          continue;
        }
        cidrAt = s;
        Cidr c = cidr(s.source(), v.cidr());
        if (c != null) {
          if (c.prefix() < 16 || c.prefix() > 28) {
            error(s.source(), v.cidr().span(), "a VPC CIDR must be between /16 and /28",
                "for example: vpc cidr 10.0.0.0/16");
          } else {
            cidr = c;
          }
        }
      } else if (s.stmt() instanceof Ast.VpcDns d) {
        if (d.hostnames()) {
          hostnames = d.on();
        } else {
          support = d.on();
          dnsSupportOff = d.on() ? null : s;
        }
      }
    }
    return new Vpc(cidr, support, hostnames, layoutOrigin());
  }

  /**
   * A second {@code vpc cidr} written in the same layout and file or cell as the first one is an
   * error (reported here: true); after {@code extends}, or in a later REPL cell, it replaces the
   * first (false).
   */
  private boolean secondCidr(SourcedStmt first, SourcedStmt second) {
    if (second.layout() == null || !second.layout().equals(first.layout())
        || second.source() != first.source()) {
      return false;
    }
    Ast.CidrText was = ((Ast.VpcCidr) first.stmt()).cidr();
    error(second.source(), ((Ast.VpcCidr) second.stmt()).cidr().span(), "layout "
        + second.layout() + " already has the VPC CIDR " + was.text() + " (line "
        + first.stmt().span().line() + ")", "keep one 'vpc cidr' line; a layout that extends "
        + second.layout() + " may set its own");
    return true;
  }

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
  private record FailedSubnet(String az, boolean isPublic) {}

  private final Map<String, FailedSubnet> failedSubnets = new LinkedHashMap<>();

  private void failed(String name, String az, boolean isPublic) {
    failedSubnets.putIfAbsent(name, new FailedSubnet(az, isPublic));
  }

  /** Whether a subnet of this kind (public only, or any) failed to declare in this AZ. */
  private boolean failedIn(String az, boolean publicOnly) {
    for (FailedSubnet f : failedSubnets.values()) {
      if (az.equals(f.az()) && (f.isPublic() || !publicOnly)) {
        return true;
      }
    }
    return false;
  }

  private Map<String, Subnet> subnets(Vpc vpc) {
    Map<String, Subnet> byName = new LinkedHashMap<>();
    Map<String, SourcedStmt> declaredAt = new LinkedHashMap<>();
    List<Object[]> auto = new ArrayList<>(); // {name, az, isPublic, span}
    for (SourcedStmt s : def.stmts()) {
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
      Cidr free = nextFree24(vpc.cidr(), taken);
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

  static Cidr nextFree24(Cidr vpc, List<Cidr> taken) {
    if (vpc.prefix() > 24) {
      return null;
    }
    long blocks = 1L << (24 - vpc.prefix());
    for (long k = 1; k <= blocks; k++) {
      long index = k % blocks; // 1, 2, ..., then 0 last
      Cidr candidate = new Cidr(vpc.base() + (index << 8), 24);
      boolean free = true;
      for (Cidr t : taken) {
        if (t.overlaps(candidate)) {
          free = false;
          break;
        }
      }
      if (free) {
        return candidate;
      }
    }
    return null;
  }

  private static String freeBlockHint(Vpc vpc, java.util.Collection<Subnet> subnets, int prefix) {
    List<Cidr> taken = subnets.stream().map(Subnet::cidr).filter(c -> c != null).toList();
    if (prefix == 24) {
      Cidr free = nextFree24(vpc.cidr(), taken);
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

  private List<InterfaceEndpoint> endpoints(Vpc vpc, Map<String, Subnet> subnets,
      List<GatewayEndpoint> gateways) {
    Map<String, EndpointPlan> plans = new TreeMap<>();
    for (SourcedStmt s : def.stmts()) {
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
              Subnet sn = subnets.get(e.subnet().text());
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
      warning(def.source(), def.span(), "layout " + def.name() + " has " + out.size()
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
  private static Subnet subnetIn(String az, Map<String, Subnet> subnets) {
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
    String s = service.text();
    if (Services.BUNDLES.containsKey(s)) {
      error(src, service.span(), s + " is a bundle, not a service",
          "write its services: " + String.join(", ", Services.BUNDLES.get(s).stream()
              .filter(x -> !interfaceEndpoint || !Services.GATEWAY.contains(x)).toList()));
      return;
    }
    if (!Services.isKnown(s)) {
      String hint = Suggest.didYouMean(s, Services.KNOWN);
      warning(src, service.span(), "vpclab does not know the service " + s,
          hint != null ? hint : "it is taken as com.amazonaws." + region.code() + "." + s);
    }
  }

  // ------------------------------------------------------------------ gateways and NAT

  private List<GatewayEndpoint> gateways(Vpc vpc) {
    Map<String, GatewayEndpoint> out = new TreeMap<>();
    for (SourcedStmt s : def.stmts()) {
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

  private List<NatGateway> nats(Map<String, Subnet> subnets) {
    Map<String, NatGateway> byAz = new TreeMap<>();
    for (SourcedStmt s : def.stmts()) {
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

  private Map<String, Ast.InstanceDecl> instanceDecls() {
    Map<String, Ast.InstanceDecl> decls = new LinkedHashMap<>();
    for (SourcedStmt s : def.stmts()) {
      if (s.stmt() instanceof Ast.InstanceDecl d) {
        decls.remove(d.name().text()); // a redeclaration moves to the end, replacing the first
        decls.put(d.name().text(), d);
        sources.put(d, s.source());
      } else if (s.stmt() instanceof Ast.BrokenDecl b
          && b.kind() == Ast.BrokenDecl.Kind.INSTANCE) {
        brokenInstances.add(b.name().text()); // its syntax error is reported
      } else if (s.stmt() instanceof Ast.NoInstance n) {
        for (Name name : n.names()) {
          if (decls.remove(name.text()) == null) {
            report(Severity.WARNING, s.source(), name.span(), "there is no instance " + name.text()
                + " to remove", () -> Suggest.didYouMean(name.text(), decls.keySet()));
          } else {
            removedInstances.add(name.text());
          }
        }
      }
    }
    return decls;
  }

  private final Map<Ast.Stmt, SourceFile> sources = new java.util.IdentityHashMap<>();
  private final Set<String> removedInstances = new TreeSet<>();
  /** Instances whose statement has a syntax error: their traffic is not reported again. */
  private final Set<String> brokenInstances = new TreeSet<>();

  private List<Traffic> traffic(Map<String, Ast.InstanceDecl> instances) {
    Map<String, Traffic> byPair = new LinkedHashMap<>();
    for (SourcedStmt s : def.stmts()) {
      SourceFile src = s.source();
      if (s.stmt() instanceof Ast.TrafficDecl t) {
        String source = t.fromAll() ? null : t.source().text();
        if (source != null && !instances.containsKey(source)) {
          if (removedInstances.contains(source) || brokenInstances.contains(source)) {
            continue; // 'no instance' removes the instance's traffic too
          }
          unknownInstance(src, t.source(), instances.keySet());
          continue;
        }
        String dest = t.dest().text();
        if (!dest.equals(Services.INTERNET)) {
          if (Services.BUNDLES.containsKey(dest)) {
            error(src, t.dest().span(), "traffic goes to a service, not to the bundle " + dest,
                "name one of its services: " + String.join(", ", Services.BUNDLES.get(dest)));
            continue;
          }
          checkService(src, t.dest(), false);
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

  private List<Instance> instances(Map<String, Ast.InstanceDecl> decls, Map<String, Subnet> subnets,
      List<Traffic> traffic) {
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
      if (Region.looksLikeAz(name)) {
        error(src, d.name().span(), "an instance cannot be named like an AZ: " + name, null);
        continue;
      }
      Subnet subnet = subnets.get(d.subnet().text());
      if (subnet == null) {
        if (Region.looksLikeAz(d.subnet().text())) {
          error(src, d.subnet().span(), "an instance goes in a subnet, not in an AZ",
              subnetOfAzHint("instance " + name + " in ", d.subnet().text(), subnets));
        } else {
          unknownSubnet(src, d.subnet(), subnets);
        }
        continue;
      }
      int count = 1;
      if (d.count() != null) {
        BigDecimal c = d.count().value();
        if (c.signum() <= 0 || c.stripTrailingZeros().scale() > 0
            || c.compareTo(BigDecimal.valueOf(MAX_COUNT)) > 0) {
          error(src, d.count().span(), "count must be a whole number from 1 to " + MAX_COUNT, null);
          continue;
        }
        count = c.intValueExact();
      }
      Set<String> needs = new TreeSet<>();
      for (Name n : d.needs()) {
        List<String> bundle = Services.BUNDLES.get(n.text());
        if (bundle != null) {
          needs.addAll(bundle);
        } else {
          if (!n.text().equals(Services.INTERNET)) {
            checkService(src, n, false);
          }
          needs.add(n.text());
        }
      }
      needs.addAll(trafficTo.getOrDefault(null, List.of()));
      needs.addAll(trafficTo.getOrDefault(name, List.of()));
      out.add(new Instance(name, subnet, count, new ArrayList<>(needs),
          new Origin.Source(src, d.span())));
    }
    return out;
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
      if (az.get().equals(f.az())) {
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

  private Map<InterfaceEndpoint, List<Eni>> enis;
  private Map<NatGateway, String> natIps;

  /**
   * Deterministic private addresses ({@link SubnetAddresses}): in each subnet the NAT gateway takes
   * the first usable address (.4, after AWS's reserved ones) and the endpoint ENIs take .10, .11,
   * ... in service order, then the free usable addresses from .4 up when the subnet is small.
   */
  private void assignAddresses(List<InterfaceEndpoint> endpoints, List<NatGateway> nats) {
    enis = new java.util.IdentityHashMap<>();
    natIps = new java.util.IdentityHashMap<>();
    Map<String, SubnetAddresses> pools = new TreeMap<>();
    for (NatGateway n : nats) {
      natIps.put(n, pool(pools, n.subnet()).nat());
    }
    for (InterfaceEndpoint e : endpoints) {
      List<Eni> list = new ArrayList<>();
      for (Eni eni : e.enis()) {
        Subnet sn = eni.subnet();
        String ip = pool(pools, sn).eni();
        if (ip == null) {
          noFreeAddress(e, sn);
        }
        list.add(new Eni(sn, ip, eni.origin()));
      }
      enis.put(e, list);
    }
  }

  private static SubnetAddresses pool(Map<String, SubnetAddresses> pools, Subnet subnet) {
    return pools.computeIfAbsent(subnet.name(), k -> new SubnetAddresses(subnet.cidr()));
  }

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

  private List<InterfaceEndpoint> withAddresses(List<InterfaceEndpoint> endpoints) {
    List<InterfaceEndpoint> out = new ArrayList<>();
    for (InterfaceEndpoint e : endpoints) {
      out.add(new InterfaceEndpoint(e.vpc(), e.service(), enis.get(e), e.privateDns(),
          e.inboundOnly(), e.allow(), e.defaultAllow(), e.origin()));
    }
    return out;
  }

  private List<NatGateway> natsWithAddresses(List<NatGateway> nats) {
    List<NatGateway> out = new ArrayList<>();
    for (NatGateway n : nats) {
      out.add(new NatGateway(n.subnet(), natIps.get(n), n.origin()));
    }
    return out;
  }
}
