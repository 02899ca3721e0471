package dev.vpclab.model;

import dev.vpclab.lang.Ast;
import dev.vpclab.lang.Ast.Name;
import dev.vpclab.lang.Suggest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A layout's statements sorted by VPC. A {@code vpc NAME { ... }} block is cut into its
 * statements, each belonging to that VPC (its {@code cidr} becomes a {@code vpc cidr} statement
 * of the VPC, {@link #isHeaderCidr}); statements outside any block belong to the default VPC; the
 * statements about the VPCs as a whole ({@code tgw}, {@code peering}, {@code share}, {@code no
 * vpc}, ...) belong to none. {@code no vpc V} drops every statement of V written before it: V
 * exists when a block of it follows its last {@code no vpc}.
 *
 * <p>The default VPC exists when no named VPC does, or when a subnet is declared outside the
 * blocks. The VPCs are ordered default first, then by their first block (after their last
 * {@code no vpc}).
 */
final class VpcStatements {
  /** A statement in written order, and its VPC (null for a statement about the VPCs as a whole). */
  record Entry(SourcedStmt stmt, String vpc) {}

  private final List<Entry> ordered = new ArrayList<>();
  private final Set<Ast.Stmt> headerCidrs = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Map<String, List<SourcedStmt>> byVpc = new LinkedHashMap<>();
  private final Map<String, Origin> origins = new LinkedHashMap<>();
  private final Set<String> removed = new LinkedHashSet<>();
  private final List<SourcedStmt> orphans = new ArrayList<>();
  private final Set<SourcedStmt> removals = Collections.newSetFromMap(new IdentityHashMap<>());

  VpcStatements(LayoutDef def, Reports reports) {
    // where each VPC's blocks start, and its last 'no vpc', as indexes into ordered
    Map<String, List<Integer>> blocks = new LinkedHashMap<>();
    Map<String, Integer> lastNo = new HashMap<>();
    Map<Integer, Origin> blockOrigins = new HashMap<>();
    for (SourcedStmt s : def.stmts()) {
      if (s.stmt() instanceof Ast.VpcBlock b) {
        String v = b.name().text();
        if (v.equals(Vpc.DEFAULT_NAME)) {
          reports.error(s.source(), b.name().span(), "a VPC cannot be named " + v + ": it is the"
              + " name of the layout's default VPC", () -> "the statements outside any vpc block"
              + " belong to the default VPC; give this VPC another name");
          continue;
        }
        blocks.computeIfAbsent(v, k -> new ArrayList<>()).add(ordered.size());
        blockOrigins.put(ordered.size(), new Origin.Source(s.source(), b.span().to(
            b.name().span())));
        if (b.cidr() != null) {
          Ast.VpcCidr header = new Ast.VpcCidr(b.cidr(), b.cidr().span());
          headerCidrs.add(header);
          ordered.add(new Entry(new SourcedStmt(s.source(), header, s.layout()), v));
        }
        for (Ast.Stmt inner : b.body()) {
          ordered.add(new Entry(new SourcedStmt(s.source(), inner, s.layout()), v));
        }
      } else if (s.stmt() instanceof Ast.NoVpc n) {
        String v = n.name().text();
        if (noVpcOk(s, n.name(), blocks.keySet(), reports)) {
          lastNo.put(v, ordered.size());
          removals.add(s);
        }
        ordered.add(new Entry(s, null));
      } else {
        ordered.add(new Entry(s, s.stmt() instanceof Ast.LayoutWide ? null : Vpc.DEFAULT_NAME));
      }
    }
    // the named VPCs that exist, by their first block after their last 'no vpc'
    Map<Integer, String> firstBlock = new java.util.TreeMap<>();
    blocks.forEach((v, at) -> {
      int no = lastNo.getOrDefault(v, -1);
      at.stream().filter(i -> i >= no).findFirst().ifPresentOrElse(
          i -> firstBlock.put(i, v), () -> removed.add(v));
    });
    boolean defaultSubnet = false;
    for (Entry e : ordered) {
      if (Vpc.DEFAULT_NAME.equals(e.vpc()) && declaresSubnet(e.stmt().stmt())) {
        defaultSubnet = true;
      }
    }
    if (firstBlock.isEmpty() || defaultSubnet) {
      byVpc.put(Vpc.DEFAULT_NAME, new ArrayList<>());
    }
    firstBlock.forEach((i, v) -> {
      byVpc.put(v, new ArrayList<>());
      origins.put(v, blockOrigins.get(i));
    });
    for (int i = 0; i < ordered.size(); i++) {
      Entry e = ordered.get(i);
      if (e.vpc() == null) {
        continue;
      }
      List<SourcedStmt> own = byVpc.get(e.vpc());
      if (own != null && i >= lastNo.getOrDefault(e.vpc(), -1)) {
        own.add(e.stmt());
      } else if (own == null && Vpc.DEFAULT_NAME.equals(e.vpc())) {
        orphans.add(e.stmt());
      }
    }
  }

  private static boolean declaresSubnet(Ast.Stmt s) {
    return s instanceof Ast.SubnetDecl
        || s instanceof Ast.BrokenDecl b && b.kind() == Ast.BrokenDecl.Kind.SUBNET;
  }

  /** Whether {@code no vpc V} names a VPC declared before it (else reported). */
  private static boolean noVpcOk(SourcedStmt s, Name name, Set<String> declared,
      Reports reports) {
    String v = name.text();
    if (v.equals(Vpc.DEFAULT_NAME)) {
      reports.error(s.source(), name.span(), "the default VPC cannot be removed", () ->
          "remove its statements instead (no endpoint ..., no instance ...)");
      return false;
    }
    if (!declared.contains(v)) {
      reports.error(s.source(), name.span(), "unknown VPC " + v, () -> {
        String hint = Suggest.didYouMean(v, declared);
        return hint != null ? hint : declared.isEmpty() ? "the layout has no vpc block"
            : "the VPCs are: " + String.join(", ", declared);
      });
      return false;
    }
    return true;
  }

  /** Whether a {@code no vpc} statement removes a VPC (else it was reported). */
  boolean removes(SourcedStmt noVpc) {
    return removals.contains(noVpc);
  }

  /** Every statement in written order, with its VPC. */
  List<Entry> ordered() {
    return ordered;
  }

  /** The VPCs that exist and their statements, in the design's order. */
  Map<String, List<SourcedStmt>> byVpc() {
    return byVpc;
  }

  /** Where a named VPC is declared: its first block (after its last {@code no vpc}). */
  Origin origin(String vpc) {
    return origins.get(vpc);
  }

  /** The VPCs removed by {@code no vpc} and not declared again. */
  Set<String> removed() {
    return removed;
  }

  /**
   * The statements of a VPC written outside any block when the layout has no default VPC (each is
   * an error).
   */
  List<SourcedStmt> orphans() {
    return orphans;
  }

  /** Whether a {@code vpc cidr} statement stands for the {@code cidr} of a vpc block's head. */
  boolean isHeaderCidr(Ast.Stmt s) {
    return headerCidrs.contains(s);
  }
}
