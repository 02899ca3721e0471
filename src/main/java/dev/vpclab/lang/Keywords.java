package dev.vpclab.lang;

import dev.vpclab.lang.antlr.VpcLexer;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The language's reserved words, for hints, completion and highlighting. */
public final class Keywords {
  private Keywords() {}

  /** Every lower-case keyword. */
  public static final Set<String> ALL;

  /** The words a statement or query may start with. */
  public static final List<String> STATEMENT_STARTS = List.of(
      "region", "hours", "price", "prices", "layout", "use", "vpc", "az", "endpoint", "no",
      "gateway", "nat", "instance", "traffic", "check", "reach", "resolve", "fail", "resilience",
      "cost", "compare", "chart", "sweep", "expect");

  static {
    Set<String> all = new TreeSet<>();
    for (int t = 1; t <= VpcLexer.VOCABULARY.getMaxTokenType(); t++) {
      String lit = VpcLexer.VOCABULARY.getLiteralName(t);
      if (lit != null && lit.length() > 2 && Character.isLetter(lit.charAt(1))
          && Character.isLowerCase(lit.charAt(1))) {
        all.add(lit.substring(1, lit.length() - 1));
      }
    }
    ALL = Set.copyOf(all);
  }

  public static boolean isKeyword(String word) {
    return ALL.contains(word);
  }
}
