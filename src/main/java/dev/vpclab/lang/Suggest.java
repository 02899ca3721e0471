package dev.vpclab.lang;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean ...?": the nearest candidate by edit distance, when it is near enough. */
public final class Suggest {
  private Suggest() {}

  /** The closest candidate to {@code word}, or null when none is plausibly what was meant. */
  public static String nearest(String word, Collection<String> candidates) {
    if (word == null || word.isEmpty()) {
      return null;
    }
    String w = word.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      if (c.equals(word)) {
        continue;
      }
      int d = distance(w, c.toLowerCase(Locale.ROOT));
      if (d < bestDistance || (d == bestDistance && best != null && c.compareTo(best) < 0)) {
        best = c;
        bestDistance = d;
      }
    }
    if (best == null) {
      return null;
    }
    int allowed = Math.max(1, Math.min(3, (Math.max(w.length(), best.length()) + 1) / 3));
    boolean prefix = best.toLowerCase(Locale.ROOT).startsWith(w) && w.length() >= 3;
    return bestDistance <= allowed || prefix ? best : null;
  }

  /** "did you mean 'x'?" or null. */
  public static String didYouMean(String word, Collection<String> candidates) {
    String best = nearest(word, candidates);
    return best == null ? null : "did you mean '" + best + "'?";
  }

  /** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
  static int distance(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 3) {
      return 4 + Math.abs(a.length() - b.length());
    }
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
