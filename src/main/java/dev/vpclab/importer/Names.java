package dev.vpclab.importer;

import dev.vpclab.lang.Keywords;
import dev.vpclab.model.Vpc;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Names for imported elements, valid in the language and unique in the layout: a Name tag made
 * fit (other characters become {@code -}), else the resource id; a keyword, {@code default} or a
 * name already taken gets the resource id appended.
 */
final class Names {
  private final Set<String> taken = new HashSet<>();

  String name(String tag, String id) {
    String base = tag == null ? fit(id) : fit(tag);
    if (base.isEmpty()) {
      base = fit(id);
    }
    if (Keywords.isKeyword(base.toLowerCase(Locale.ROOT)) || base.equals(Vpc.DEFAULT_NAME)
        || taken.contains(base)) {
      base = base + "-" + fit(id);
    }
    String name = base;
    for (int n = 2; taken.contains(name); n++) {
      name = base + "-" + n;
    }
    taken.add(name);
    return name;
  }

  static String fit(String text) {
    StringBuilder b = new StringBuilder();
    for (char c : text.toCharArray()) {
      boolean ok = c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-');
      b.append(ok ? c : '-');
    }
    String s = b.toString().replaceAll("-{2,}", "-");
    s = s.replaceAll("^[^A-Za-z_]+", "").replaceAll("[^A-Za-z0-9_]+$", "");
    return s;
  }
}
