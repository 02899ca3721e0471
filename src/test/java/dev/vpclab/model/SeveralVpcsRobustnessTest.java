package dev.vpclab.model;
import dev.vpclab.lang.Ast;
import dev.vpclab.lang.Diagnostics;
import dev.vpclab.lang.SourceFile;
import dev.vpclab.lang.SourceParser;
import dev.vpclab.lang.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Designs of several VPCs put together at random from lines that name each other (removed,
 * repeated, in the wrong VPC, ...), alone and extended by one more line: the builder reports,
 * it never throws (the model's constructors throw on an inconsistent design).
 */
class SeveralVpcsRobustnessTest {
  static final String[] POOL = {
      "vpc a { az 1a subnet private a1; endpoint ssm in 1a private-dns off }",
      "vpc a cidr 10.1.0.0/16 { az 1b subnet public a2; nat in 1b }",
      "vpc b { az 1a subnet private b1; instance w in b1, b2 count 3 needs ssm, d }",
      "vpc b { az 1b subnet private b2 }",
      "vpc b cidr 10.1.0.0/16 { }",
      "vpc c { az 1a subnet private c1; instance d in c1; endpoint ssm in 1a }",
      "vpc c { vpc dns off; gateway s3 }",
      "vpc d { }",
      "az 1a subnet private x1",
      "instance z in x1 needs w",
      "endpoint ssm in 1a",
      "tgw t attach a, b",
      "tgw t attach c in 1a",
      "tgw u attach default, a in 1b",
      "no tgw t",
      "peering a, b", "peering b, c", "peering default, c", "no peering b, a",
      "share ssm from a with b, c", "share ssm from c with b", "share ssm from default with a",
      "no share ssm from a", "no vpc a", "no vpc b", "no vpc c",
      "traffic w -> d 1 TB", "traffic z -> w 3 GB", "traffic d -> ssm 1 GB", "no instance w",
      "no traffic w -> d", "vpc a { no endpoint ssm }", "vpc b { instance w in b2 }",
      "vpc c { instance w in c1 }", "instance w in x1", "vpc e { az 1c subnet private a1 }",
  };

  @Test
  void randomDesignsNeverThrow() {
    Random r = new Random(7);
    for (int it = 0; it < 1000; it++) {
      StringBuilder sb = new StringBuilder();
      int n = 1 + r.nextInt(12);
      for (int i = 0; i < n; i++) {
        sb.append(POOL[r.nextInt(POOL.length)]).append('\n');
      }
      String text = sb.toString();
      Diagnostics d = new Diagnostics();
      SourceFile src = new SourceFile("f.vpc", text);
      Ast.Program p = SourceParser.parse(src, d);
      List<SourcedStmt> stmts = new ArrayList<>();
      for (Ast.Item item : p.items()) {
        stmts.add(new SourcedStmt(src, (Ast.Stmt) item, "main"));
      }
      LayoutDef def = new LayoutDef("main", Region.of("us-east-1").orElseThrow(), stmts, src,
          Span.NONE);
      LayoutDef child = def.copyAs("child", src, Span.NONE)
          .plus(List.of(stmts.get(r.nextInt(stmts.size()))));
      try {
        LayoutBuilder.build(def, d);
        LayoutBuilder.build(child, d);
      } catch (RuntimeException e) {
        throw new AssertionError(text, e);
      }
    }
  }
}
