package dev.vpclab.model;

import dev.vpclab.lang.Ast;
import dev.vpclab.lang.Ast.Name;
import dev.vpclab.lang.SourceFile;
import dev.vpclab.lang.Span;
import dev.vpclab.lang.Suggest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What joins the VPCs of a layout, built from the statements about them as a whole, in written
 * order: transit gateways and their attachments ({@code tgw T attach V, ... [in AZ, ...]}),
 * peering connections, endpoint shares, and their {@code no} forms. {@code no vpc V} removes
 * every attachment, peering and share naming V written before it; a line naming a VPC that
 * {@code no vpc} removed for good is dropped silently. Every problem is reported at its name.
 */
final class LinkBuilder {
  /** What {@link LayoutBuilder} checks for the links as for any statement. */
  interface Checks {
    /** The full AZ name, or null after reporting why the name is not an AZ of the Region. */
    String az(SourceFile src, Name az);

    /** Whether a subnet of the VPC failed to declare in the AZ (its error says it all). */
    boolean failedIn(String vpc, String az);

    /** Reports a bundle where a service is meant, or warns about an unknown service. */
    void checkService(SourceFile src, Name service);
  }

  private record Attach(List<Subnet> subnets, Origin origin, SourceFile src, Span at) {}

  private record TgwPlan(Origin origin, Map<String, Attach> attachments) {}

  private record PeeringPlan(String a, String b, SourceFile src, Span span, Span at) {}

  private record ShareKey(String service, String from) {}

  private record SharePlan(Name service, Name from, Map<String, Name> with, SourceFile src,
      Span span) {}

  private final Region region;
  private final Reports reports;
  private final Checks checks;
  private final Map<String, Vpc> vpcs = new LinkedHashMap<>();
  private final Set<String> removed;
  private final Map<String, TgwPlan> tgwPlans = new LinkedHashMap<>();
  private final List<PeeringPlan> peeringPlans = new ArrayList<>();
  private final Map<ShareKey, SharePlan> sharePlans = new LinkedHashMap<>();
  private final List<TransitGateway> tgws = new ArrayList<>();
  private final List<Peering> peerings = new ArrayList<>();
  private final List<Share> shares = new ArrayList<>();

  LinkBuilder(Region region, Reports reports, Checks checks, List<Vpc> built,
      VpcStatements statements) {
    this.region = region;
    this.reports = reports;
    this.checks = checks;
    for (Vpc v : built) {
      vpcs.put(v.name(), v);
    }
    this.removed = statements.removed();
    for (VpcStatements.Entry e : statements.ordered()) {
      if (e.vpc() != null) {
        continue;
      }
      SourcedStmt s = e.stmt();
      SourceFile src = s.source();
      if (s.stmt() instanceof Ast.TgwAttach t) {
        attach(src, t);
      } else if (s.stmt() instanceof Ast.NoTgw t) {
        noTgw(src, t.tgw());
      } else if (s.stmt() instanceof Ast.Peering p) {
        peering(src, p);
      } else if (s.stmt() instanceof Ast.NoPeering p) {
        noPeering(src, p);
      } else if (s.stmt() instanceof Ast.Share sh) {
        share(src, sh);
      } else if (s.stmt() instanceof Ast.NoShare sh) {
        noShare(src, sh);
      } else if (s.stmt() instanceof Ast.NoVpc n && statements.removes(s)) {
        purge(n.name().text());
      }
    }
    buildTgws();
    buildPeerings();
    buildShares();
  }

  List<TransitGateway> tgws() {
    return tgws;
  }

  List<Peering> peerings() {
    return peerings;
  }

  List<Share> shares() {
    return shares;
  }

  static String label(String vpc) {
    return vpc.equals(Vpc.DEFAULT_NAME) ? "the default VPC" : "VPC " + vpc;
  }

  /** What to add in a VPC: the statement, inside its block unless it is the default VPC. */
  static String inVpc(String vpc, String stmt) {
    return vpc.equals(Vpc.DEFAULT_NAME) ? stmt : "vpc " + vpc + " { " + stmt + " }";
  }

  /**
   * The VPC a name means, or null: silently when {@code no vpc} removed it for good, else after
   * reporting an unknown VPC.
   */
  private Vpc vpc(SourceFile src, Name name) {
    Vpc v = vpcs.get(name.text());
    if (v != null || removed.contains(name.text())) {
      return v;
    }
    reports.error(src, name.span(), "unknown VPC " + name, () -> {
      Set<String> named = new LinkedHashSet<>(vpcs.keySet());
      String hint = Suggest.didYouMean(name.text(), named);
      if (hint != null) {
        return hint;
      }
      named.remove(Vpc.DEFAULT_NAME);
      return named.isEmpty() ? "declare it: vpc " + name + " { az "
          + region.shortAzs().get(0) + " subnet private }"
          : "the VPCs are: " + String.join(", ", named);
    });
    return null;
  }

  // ------------------------------------------------------------------ transit gateways

  private void attach(SourceFile src, Ast.TgwAttach t) {
    List<String> azs = new ArrayList<>();
    boolean azsOk = true;
    for (Name a : t.azs()) {
      String full = checks.az(src, a);
      if (full == null) {
        azsOk = false;
      } else if (!azs.contains(full)) {
        azs.add(full);
      }
    }
    TgwPlan plan = tgwPlans.computeIfAbsent(t.tgw().text(),
        k -> new TgwPlan(new Origin.Source(src, t.span()), new LinkedHashMap<>()));
    Set<String> seen = new LinkedHashSet<>();
    for (Name v : t.vpcs()) {
      if (!seen.add(v.text())) {
        reports.warning(src, v.span(), "VPC " + v + " is listed twice", () -> null);
        continue;
      }
      Vpc vpc = vpc(src, v);
      if (vpc == null || !azsOk) {
        continue;
      }
      List<Subnet> subnets = attachmentSubnets(src, t, v, vpc, azs);
      if (subnets != null) {
        // a later line for the same VPC replaces its attachment (in its place)
        plan.attachments().put(vpc.name(), new Attach(subnets, new Origin.Source(src, t.span()),
            src, v.span()));
      }
    }
  }

  /**
   * The subnets of an attachment, one per AZ (sorted by AZ): in each AZ listed, else in every AZ
   * the VPC has a subnet in, the first private subnet declared there, else the first one. Null
   * after reporting an AZ without a subnet.
   */
  private List<Subnet> attachmentSubnets(SourceFile src, Ast.TgwAttach t, Name v, Vpc vpc,
      List<String> azs) {
    Map<String, Subnet> byName = new LinkedHashMap<>();
    for (Subnet s : vpc.subnets()) {
      byName.put(s.name(), s);
    }
    Map<String, Subnet> byAz = new TreeMap<>();
    if (t.azs().isEmpty()) {
      for (Subnet s : vpc.subnets()) {
        byAz.putIfAbsent(s.az(), LayoutBuilder.subnetIn(s.az(), byName));
      }
      if (byAz.isEmpty()) {
        String az = region.shortAzs().get(0);
        reports.error(src, v.span(), label(vpc.name()) + " has no subnet for tgw " + t.tgw()
            + " to attach to", () -> "add: " + inVpc(vpc.name(), "az " + az + " subnet private"));
        return null;
      }
      return new ArrayList<>(byAz.values());
    }
    boolean ok = true;
    for (int i = 0; i < t.azs().size(); i++) {
      Name written = t.azs().get(i);
      String az = region.fullAz(written.text()).orElseThrow();
      Subnet s = LayoutBuilder.subnetIn(az, byName);
      if (s == null) {
        ok = false;
        if (!checks.failedIn(vpc.name(), az)) {
          reports.error(src, written.span(), label(vpc.name()) + " has no subnet in AZ "
              + written + " for its attachment to tgw " + t.tgw(), () -> "add: "
              + inVpc(vpc.name(), "az " + written + " subnet private"));
        }
        continue;
      }
      byAz.put(az, s);
    }
    return ok ? new ArrayList<>(byAz.values()) : null;
  }

  private void noTgw(SourceFile src, Name tgw) {
    if (tgwPlans.remove(tgw.text()) == null) {
      reports.error(src, tgw.span(), "unknown transit gateway " + tgw, () -> {
        String hint = Suggest.didYouMean(tgw.text(), tgwPlans.keySet());
        return hint != null ? hint : tgwPlans.isEmpty() ? "the layout has no transit gateway"
            : "the transit gateways are: " + String.join(", ", tgwPlans.keySet());
      });
    }
  }

  private void buildTgws() {
    tgwPlans.forEach((name, plan) -> {
      List<TransitGateway.Attachment> attachments = new ArrayList<>();
      List<Map.Entry<String, Attach>> list = new ArrayList<>(plan.attachments().entrySet());
      for (int j = 0; j < list.size(); j++) {
        Map.Entry<String, Attach> e = list.get(j);
        for (int i = 0; i < j; i++) {
          overlap(list.get(i).getKey(), e.getKey(), e.getValue().src(), e.getValue().at(),
              "VPCs attached to tgw " + name);
        }
        attachments.add(new TransitGateway.Attachment(e.getKey(), e.getValue().subnets(),
            e.getValue().origin()));
      }
      if (!attachments.isEmpty()) {
        tgws.add(new TransitGateway(name, attachments, plan.origin()));
      }
    });
  }

  /** Reports two VPCs whose CIDRs overlap, at {@code span} (where {@code b} is named). */
  private void overlap(String a, String b, SourceFile src, Span span, String why) {
    Cidr ca = vpcs.get(a).cidr();
    Cidr cb = vpcs.get(b).cidr();
    if (!ca.overlaps(cb)) {
      return;
    }
    reports.error(src, span, why + " need CIDRs that do not overlap: " + label(b) + " (" + cb
        + ") overlaps " + label(a) + " (" + ca + ")", () -> {
          List<Cidr> taken = vpcs.values().stream().map(Vpc::cidr).toList();
          return "give " + b + " a CIDR of its own, such as: " + (b.equals(Vpc.DEFAULT_NAME)
              ? "vpc cidr " : "vpc " + b + " cidr ") + LayoutBuilder.freeVpcCidr(taken)
              + (b.equals(Vpc.DEFAULT_NAME) ? "" : " { ... }");
        });
  }

  // ------------------------------------------------------------------ peerings

  private void peering(SourceFile src, Ast.Peering p) {
    Vpc a = vpc(src, p.a());
    Vpc b = vpc(src, p.b());
    if (a == null || b == null) {
      return;
    }
    if (a == b) {
      reports.error(src, p.b().span(), "a VPC cannot peer with itself: " + p.a(), () -> {
        String other = vpcs.keySet().stream().filter(x -> !x.equals(a.name())).findFirst()
            .orElse("OTHER");
        return "a peering connection joins two VPCs: peering " + p.a() + ", " + other;
      });
      return;
    }
    for (PeeringPlan q : peeringPlans) {
      if (joins(q, a.name(), b.name())) {
        return; // the same connection again
      }
    }
    peeringPlans.add(new PeeringPlan(a.name(), b.name(), src, p.span(), p.b().span()));
  }

  private static boolean joins(PeeringPlan q, String x, String y) {
    return q.a().equals(x) && q.b().equals(y) || q.a().equals(y) && q.b().equals(x);
  }

  private void noPeering(SourceFile src, Ast.NoPeering p) {
    Vpc a = vpc(src, p.a());
    Vpc b = vpc(src, p.b());
    if (a == null || b == null) {
      return;
    }
    if (!peeringPlans.removeIf(q -> joins(q, a.name(), b.name()))) {
      reports.warning(src, p.span(), "there is no peering " + p.a() + ", " + p.b()
          + " to remove", () -> null);
    }
  }

  private void buildPeerings() {
    for (PeeringPlan q : peeringPlans) {
      overlap(q.a(), q.b(), q.src(), q.at(), "peered VPCs");
      peerings.add(new Peering(q.a(), q.b(), new Origin.Source(q.src(), q.span())));
    }
  }

  // ------------------------------------------------------------------ shares

  private void share(SourceFile src, Ast.Share sh) {
    Vpc from = vpc(src, sh.from());
    Map<String, Name> with = new LinkedHashMap<>();
    for (Name w : sh.with()) {
      Vpc vpc = vpc(src, w);
      if (vpc == null) {
        continue;
      }
      if (vpc == from) {
        reports.error(src, w.span(), "the zone of a share is associated with " + label(w.text())
            + " already: it is the VPC shared from", () -> "list the VPCs it serves besides "
            + w + ": share " + sh.services().get(0) + " from " + w + " with " + vpcs.keySet()
                .stream().filter(x -> !x.equals(w.text())).findFirst().orElse("OTHER"));
        continue;
      }
      if (with.putIfAbsent(vpc.name(), w) != null) {
        reports.warning(src, w.span(), "VPC " + w + " is listed twice", () -> null);
      }
    }
    Set<String> seen = new LinkedHashSet<>();
    for (Name service : sh.services()) {
      if (!seen.add(service.text())) {
        reports.warning(src, service.span(), "service " + service + " is listed twice",
            () -> null);
        continue;
      }
      checks.checkService(src, service);
      if (from == null || Services.BUNDLES.containsKey(service.text())) {
        continue;
      }
      // a later line for the same service and VPC replaces its list (in its place)
      sharePlans.put(new ShareKey(service.text(), from.name()),
          new SharePlan(service, sh.from(), with, src, sh.span()));
    }
  }

  private void noShare(SourceFile src, Ast.NoShare sh) {
    Vpc from = vpc(src, sh.from());
    if (from == null) {
      return;
    }
    for (Name service : sh.services()) {
      if (sharePlans.remove(new ShareKey(service.text(), from.name())) == null) {
        reports.warning(src, service.span(), "there is no share of " + service + " from "
            + sh.from() + " to remove", () -> null);
      }
    }
  }

  private void buildShares() {
    // the share whose zone each (service, VPC) has, to find two zones for one name
    Map<ShareKey, SharePlan> zoneOf = new HashMap<>();
    sharePlans.forEach((key, plan) -> {
      if (plan.with().isEmpty()) {
        return; // every VPC it served is removed
      }
      checkEndpoints(key, plan);
      zone(zoneOf, key.from(), plan, plan.from());
      plan.with().forEach((w, at) -> zone(zoneOf, w, plan, at));
      shares.add(new Share(key.service(), key.from(), new ArrayList<>(plan.with().keySet()),
          new Origin.Source(plan.src(), plan.span())));
    });
  }

  /** Reports a second zone for a service in a VPC ({@code at}: where the VPC is named). */
  private void zone(Map<ShareKey, SharePlan> zoneOf, String vpc, SharePlan plan, Name at) {
    SharePlan before = zoneOf.putIfAbsent(new ShareKey(plan.service().text(), vpc), plan);
    if (before != null) {
      String s = plan.service().text();
      reports.error(plan.src(), at.span(), "two private zones for " + s + " in " + label(vpc)
          + ": the shares from " + before.from() + " and from " + plan.from(), () -> "a VPC"
          + " resolves a name through one zone: associate " + vpc + " with one share of " + s);
    }
  }

  /**
   * The VPC shared from must have an interface endpoint for the service (best with private DNS
   * off); a VPC shared with must not have its own with private DNS on (two zones for one name).
   */
  private void checkEndpoints(ShareKey key, SharePlan plan) {
    String s = key.service();
    Vpc from = vpcs.get(key.from());
    InterfaceEndpoint own = from.endpoint(s).orElse(null);
    if (own == null) {
      reports.error(plan.src(), plan.service().span(), label(from.name()) + " has no interface"
          + " endpoint for " + s + " to share", () -> "add: " + inVpc(from.name(), "endpoint " + s
          + " in " + (from.subnets().isEmpty() ? region.shortAzs().get(0)
              : region.shortAz(from.subnets().get(0).az())) + " private-dns off"));
    } else if (own.privateDns()) {
      reports.warning(plan.src(), plan.service().span(), "endpoint " + s + " of "
          + label(from.name()) + " has private DNS on: its own zone answers " + s + " there, and"
          + " Route 53 associates no second zone of that name with the VPC",
          () -> "write private-dns off on its endpoint line in " + (from.name().equals(
              Vpc.DEFAULT_NAME) ? "the layout" : "vpc " + from.name()));
    }
    plan.with().forEach((w, at) -> {
      InterfaceEndpoint theirs = vpcs.get(w).endpoint(s).orElse(null);
      if (theirs != null && theirs.privateDns()) {
        reports.error(plan.src(), at.span(), "two private zones for " + s + " in " + label(w)
            + ": its own endpoint's (private DNS on) and the share's", () -> "turn private DNS"
            + " off on the endpoint of " + w + " (private-dns off), or remove it: "
            + inVpc(w, "no endpoint " + s));
      }
    });
  }

  // ------------------------------------------------------------------ no vpc

  /** {@code no vpc V}: every attachment, peering and share naming V so far goes. */
  private void purge(String vpc) {
    for (TgwPlan t : tgwPlans.values()) {
      t.attachments().remove(vpc);
    }
    peeringPlans.removeIf(q -> q.a().equals(vpc) || q.b().equals(vpc));
    sharePlans.values().removeIf(p -> p.from().text().equals(vpc));
    List<ShareKey> keys = new ArrayList<>(sharePlans.keySet());
    for (ShareKey k : keys) {
      SharePlan p = sharePlans.get(k);
      if (p.with().containsKey(vpc)) {
        Map<String, Name> rest = new LinkedHashMap<>(p.with());
        rest.remove(vpc);
        sharePlans.put(k, new SharePlan(p.service(), p.from(), rest, p.src(), p.span()));
      }
    }
  }
}
