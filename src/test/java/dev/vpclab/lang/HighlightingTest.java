package dev.vpclab.lang;

import static org.junit.jupiter.api.Assertions.*;

import dev.vpclab.lang.Highlighting.Category;
import java.util.List;
import org.junit.jupiter.api.Test;

class HighlightingTest {
  static String show(String text) {
    StringBuilder sb = new StringBuilder();
    for (Highlighting.Token t : Highlighting.classify(text)) {
      sb.append(t.category()).append('(').append(t.text(text)).append(") ");
    }
    return sb.toString().strip();
  }

  @Test
  void aSampleCell() {
    String cell = """
        layout single {  # the seed
          az 1a subnet private app cidr 10.0.1.0/24
          endpoint ssm, # split
            logs in ap-northeast-1c
          traffic web -> ssm 1.5 TB
        }
        chart cost single to "cost.svg"
        expect cost single < $40
        """;
    assertEquals("KEYWORD(layout) NAME(single) OPERATOR({) COMMENT(# the seed) "
        + "KEYWORD(az) AZ(1a) KEYWORD(subnet) KEYWORD(private) NAME(app) KEYWORD(cidr) CIDR(10.0.1.0/24) "
        + "KEYWORD(endpoint) NAME(ssm) OPERATOR(,) COMMENT(# split) "
        + "NAME(logs) KEYWORD(in) AZ(ap-northeast-1c) "
        + "KEYWORD(traffic) NAME(web) OPERATOR(->) NAME(ssm) NUMBER(1.5) UNIT(TB) "
        + "OPERATOR(}) "
        + "KEYWORD(chart) KEYWORD(cost) NAME(single) KEYWORD(to) STRING(\"cost.svg\") "
        + "KEYWORD(expect) KEYWORD(cost) NAME(single) OPERATOR(<) UNIT($) NUMBER(40)", show(cell));
    assertEquals("KEYWORD(endpoint) NAME(s3) KEYWORD(in) AZ(1b) KEYWORD(inbound-only) KEYWORD(off)",
        show("endpoint s3 in 1b inbound-only off"));
  }

  @Test
  void theWordsOfSeveralVpcsAreKeywords() {
    assertEquals("KEYWORD(vpc) NAME(app) KEYWORD(cidr) CIDR(10.1.0.0/16) OPERATOR({) "
        + "KEYWORD(tgw) NAME(hub) KEYWORD(attach) NAME(a) OPERATOR(,) NAME(b) "
        + "KEYWORD(peering) NAME(a) OPERATOR(,) NAME(b) "
        + "KEYWORD(share) NAME(ssm) KEYWORD(from) NAME(a) KEYWORD(with) NAME(b) OPERATOR(}) "
        + "NUMBER(2) UNIT(TB)",
        show("vpc app cidr 10.1.0.0/16 {\ntgw hub attach a, b\npeering a, b\n"
            + "share ssm from a with b }\n2 TB"));
    for (String word : Keywords.ALL) {
      assertEquals("KEYWORD(" + word + ")", show(word), word);
    }
  }

  @Test
  void anUnknownCharacterIsAnError() {
    List<Highlighting.Token> t = Highlighting.classify("az 1a subnet @private");
    assertEquals(Category.ERROR, t.get(3).category());
    assertEquals("@", t.get(3).text("az 1a subnet @private"));
    assertEquals("ERROR(\") NAME(unterminated)", show("\"unterminated"));
  }

  @Test
  void spansAreJavaStringIndicesEvenAfterAnEmoji() {
    String text = "# 🚀 rocket\ncheck single";
    List<Highlighting.Token> t = Highlighting.classify(text);
    assertEquals("check", t.get(1).text(text));
    assertEquals("single", t.get(2).text(text));
  }

  @Test
  void emptyAndHugeInput() {
    assertTrue(Highlighting.classify("").isEmpty());
    String big = "az 1a subnet private x\n".repeat(20_000);
    assertEquals(100_000, Highlighting.classify(big).size());
  }
}
