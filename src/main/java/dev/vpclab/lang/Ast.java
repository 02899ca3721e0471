package dev.vpclab.lang;

import java.math.BigDecimal;
import java.util.List;

/**
 * The abstract syntax of the layout language: records built once from ANTLR's parse tree by
 * {@link AstBuilder}. Nothing outside this package sees a parse-tree type.
 */
public final class Ast {
  private Ast() {}

  /** A name as written, with where it was written. */
  public record Name(String text, Span span) {
    @Override
    public String toString() {
      return text;
    }
  }

  /** A number as written, exact. */
  public record Num(BigDecimal value, String text, Span span) {}

  /** A data volume, normalised to GB (binary steps: 1 TB = 1024 GB). {@code unit} as written or null. */
  public record Quantity(BigDecimal gb, BigDecimal value, String unit, Span span) {}

  /** An amount of US dollars. */
  public record Money(BigDecimal usd, Span span) {}

  /** A whole file or REPL cell. */
  public record Program(SourceFile source, List<Item> items) {}

  /** Anything that may stand at the top level. */
  public sealed interface Item permits Setting, LayoutDecl, BrokenLayout, Use, Stmt, Query {
    Span span();
  }

  // ------------------------------------------------------------------ top level

  public sealed interface Setting extends Item permits RegionSet, HoursSet, PriceSet, PricesLoad {}

  public record RegionSet(Name region, Span span) implements Setting {}

  public record HoursSet(Num hours, Span span) implements Setting {}

  public record PriceSet(Name item, Money value, Span span) implements Setting {}

  public record PricesLoad(String path, Span pathSpan, Span span) implements Setting {}

  public record LayoutDecl(Name name, Name parent, List<Stmt> body, Span span) implements Item {}

  /**
   * A layout whose first line has a syntax error (already reported), reduced to its name, so
   * that its uses are not reported again as unknown layouts. Only in a program with errors.
   */
  public record BrokenLayout(Name name, Span span) implements Item {}

  public record Use(Name layout, Span span) implements Item {}

  // ------------------------------------------------------------------ layout statements

  public sealed interface Stmt extends Item
      permits VpcCidr, VpcDns, SubnetDecl, EndpointDecl, NoEndpoint, GatewayDecl, NoGateway,
          NatDecl, NoNat, InstanceDecl, NoInstance, TrafficDecl, NoTraffic, BrokenDecl,
          LayoutWide {}

  /** An IPv4 CIDR as written. */
  public record CidrText(String text, Span span) {}

  public record VpcCidr(CidrText cidr, Span span) implements Stmt {}

  /** {@code vpc dns on|off} (hostnames == false) or {@code vpc dns hostnames on|off}. */
  public record VpcDns(boolean hostnames, boolean on, Span span) implements Stmt {}

  /** {@code az 1a subnet private [name] [cidr C]}: az is the short or full AZ name as written. */
  public record SubnetDecl(Name az, boolean isPublic, Name name, CidrText cidr, Span span)
      implements Stmt {}

  /**
   * A subnet or instance statement with a syntax error (already reported), reduced to the name it
   * declares, so that its uses are not reported again as unknown names. Only in a program with
   * errors.
   */
  public record BrokenDecl(Kind kind, Name name, Span span) implements Stmt {
    public enum Kind { SUBNET, INSTANCE }
  }

  /** An AZ or a subnet name after {@code endpoint ... in}; which one is decided by the model. */
  public record Place(Name text) {}

  /** An entry of an {@code allow} list: a subnet name or a CIDR (exactly one is set). */
  public record AllowEntry(Name subnet, CidrText cidr) {
    public Span span() {
      return subnet != null ? subnet.span() : cidr.span();
    }
  }

  /** An on/off option as written ({@code inbound-only} alone is on), with where it is written. */
  public record Toggle(boolean on, Span span) {}

  /**
   * {@code endpoint a, b in 1a, 1c [private-dns on|off] [inbound-only [on|off]] [allow x,
   * 10.0.9.0/24]}. {@code privateDns}, {@code inboundOnly} and {@code allow} are null when not
   * written.
   */
  public record EndpointDecl(List<Name> services, List<Name> places, Boolean privateDns,
      Toggle inboundOnly, List<AllowEntry> allow, Span span) implements Stmt {}

  public record NoEndpoint(List<Name> services, Span span) implements Stmt {}

  public record GatewayDecl(List<Name> services, Span span) implements Stmt {}

  public record NoGateway(List<Name> services, Span span) implements Stmt {}

  public record NatDecl(List<Name> azs, Span span) implements Stmt {}

  /** {@code no nat} (every NAT gateway) or {@code no nat in 1a, 1c}. azs is empty for all. */
  public record NoNat(List<Name> azs, Span span) implements Stmt {}

  /**
   * {@code instance web in app [count N] [needs ...]}, or a group spread over several subnets:
   * {@code instance web in app-a, app-b ...}. {@code subnets} is never empty.
   */
  public record InstanceDecl(Name name, List<Name> subnets, Num count, List<Name> needs, Span span)
      implements Stmt {
    /** The first subnet listed: the instance's only one unless it is spread. */
    public Name subnet() {
      return subnets.get(0);
    }

    public boolean spread() {
      return subnets.size() > 1;
    }
  }

  public record NoInstance(List<Name> names, Span span) implements Stmt {}

  /** A traffic source is an instance name or {@code *} (every instance): source == null for *. */
  public record TrafficDecl(Name source, Span sourceSpan, Name dest, Quantity volume, Span span)
      implements Stmt {
    public boolean fromAll() {
      return source == null;
    }
  }

  public record NoTraffic(Name source, Span sourceSpan, Name dest, Span span) implements Stmt {}

  // ------------------------------------------------------------------ designs of several VPCs

  /**
   * A statement about a layout's VPCs as a whole, or a VPC of its own: it stands in the layout
   * (or as a bare statement), never inside a vpc block.
   */
  public sealed interface LayoutWide extends Stmt
      permits VpcBlock, NoVpc, TgwAttach, NoTgw, Peering, NoPeering, Share, NoShare {}

  /**
   * {@code vpc NAME [cidr C] { ... }}: a VPC of the layout and its statements (never a vpc block
   * or another {@link LayoutWide} statement). {@code cidr} is null when not written.
   */
  public record VpcBlock(Name name, CidrText cidr, List<Stmt> body, Span span)
      implements LayoutWide {}

  public record NoVpc(Name name, Span span) implements LayoutWide {}

  /** {@code tgw NAME attach V1, V2 [in 1a, ...]}: azs is empty when not written (every AZ). */
  public record TgwAttach(Name tgw, List<Name> vpcs, List<Name> azs, Span span)
      implements LayoutWide {}

  public record NoTgw(Name tgw, Span span) implements LayoutWide {}

  /** {@code peering A, B}. */
  public record Peering(Name a, Name b, Span span) implements LayoutWide {}

  public record NoPeering(Name a, Name b, Span span) implements LayoutWide {}

  /** {@code share S, ... from V with W, ...}. */
  public record Share(List<Name> services, Name from, List<Name> with, Span span)
      implements LayoutWide {}

  /** {@code no share S, ... from V}. */
  public record NoShare(List<Name> services, Name from, Span span) implements LayoutWide {}

  // ------------------------------------------------------------------ queries

  /** A query: each prints one output cell. {@code text} is the query as written. */
  public sealed interface Query extends Item
      permits Check, Reach, Resolve, Fail, Resilience, CostQuery, Compare, Chart, Sweep,
          ExpectReaches, ExpectSurvives, ExpectCost {
    String text();
  }

  public record Check(Name layout, String text, Span span) implements Query {}

  public record Reach(Name instance, Name service, Name layout, String text, Span span)
      implements Query {}

  public record Resolve(Name service, Name from, Name layout, String text, Span span)
      implements Query {}

  public record Fail(List<Name> azs, Name layout, String text, Span span) implements Query {}

  public record Resilience(Name layout, String text, Span span) implements Query {}

  public record CostQuery(Name layout, String text, Span span) implements Query {}

  public record Compare(List<Name> layouts, String text, Span span) implements Query {}

  public enum ChartKind { COST, RESILIENCE }

  public record Chart(ChartKind what, List<Name> layouts, String file, Span fileSpan, String text,
      Span span) implements Query {}

  public record Sweep(Quantity from, Quantity to, Quantity step, List<Name> layouts, String file,
      Span fileSpan, String text, Span span) implements Query {}

  /**
   * {@code expect L reaches} (service == null: subject is a layout) or {@code expect I reaches S
   * [in L]} (subject is an instance).
   */
  public record ExpectReaches(Name subject, Name service, Name layout, String text, Span span)
      implements Query {}

  public record ExpectSurvives(Name layout, String text, Span span) implements Query {}

  public enum Cmp {
    LT("<"), LE("<="), GT(">"), GE(">=");

    private final String symbol;

    Cmp(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }

    public boolean test(int compareResult) {
      return switch (this) {
        case LT -> compareResult < 0;
        case LE -> compareResult <= 0;
        case GT -> compareResult > 0;
        case GE -> compareResult >= 0;
      };
    }
  }

  /**
   * {@code expect cost [L] < 40 USD} (limit set) or {@code expect cost [L] < cost [M]} (other set;
   * other.text may be null for the current layout).
   */
  public record ExpectCost(Name layout, Cmp cmp, Money limit, CostRef other, String text, Span span)
      implements Query {}

  /** {@code cost [M]} on the right of a comparison; layout null means the current layout. */
  public record CostRef(Name layout, Span span) {}
}
