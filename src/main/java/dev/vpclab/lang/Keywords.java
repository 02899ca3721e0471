package dev.vpclab.lang;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
      "gateway", "nat", "instance", "traffic", "tgw", "peering", "share", "check", "reach",
      "resolve", "fail", "resilience", "cost", "compare", "chart", "sweep", "expect");

  private static final Map<Integer, String> TEXT = new HashMap<>();

  static {
    Set<String> all = new TreeSet<>();
    for (String text : Tokenizer.keywordTexts()) {
      TEXT.put(Tokenizer.keywordType(text), text);
      if (Character.isLowerCase(text.charAt(0))) {
        all.add(text);
      }
    }
    ALL = Set.copyOf(all);
  }

  public static boolean isKeyword(String word) {
    return ALL.contains(word);
  }

  /** The text of a keyword or unit token type ("private", "GB"), or null for another type. */
  public static String text(int type) {
    return TEXT.get(type);
  }
}
