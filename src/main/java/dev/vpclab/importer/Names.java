package dev.vpclab.importer;

import dev.vpclab.lang.Keywords;
import dev.vpclab.model.Origin;
import dev.vpclab.model.Vpc;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Names for imported elements, valid in the language and unique in the layout: a Name tag made
 * fit (other characters become {@code -}), else the resource id. A keyword, {@code default} or a
 * name already taken gets the resource's own word appended: from Terraform its address's name and
 * key ({@code aws_subnet.spoke["a-1a"]} gives {@code spoke-a-1a}), never the id, so that a plan
 * and its state give the same names; from the AWS CLI its id. That word alone is the name when
 * it already begins with the tag and a {@code -} ({@code tgw} and {@code tgw-0t1} give
 * {@code tgw-0t1}); what is still taken gets {@code -2}, {@code -3}, ...
 */
final class Names {
  private final Set<String> taken = new HashSet<>();

  /** A name for a resource read from {@code record}, whose id is {@code id}. */
  String name(String tag, Json record, String id) {
    return name(tag, record.origin() instanceof Origin.TerraformAddress t
        ? addressWord(t.address()) : fit(id), fit(id));
  }

  private String name(String tag, String word, String id) {
    String base = tag == null ? id : fit(tag);
    if (base.isEmpty()) {
      base = id;
    }
    if (!usable(base)) {
      base = word.startsWith(base + "-") ? word : base + "-" + word;
    }
    String name = base;
    for (int n = 2; !usable(name); n++) {
      name = base + "-" + n;
    }
    taken.add(name);
    return name;
  }

  private boolean usable(String name) {
    return !Keywords.isKeyword(name.toLowerCase(Locale.ROOT)) && !name.equals(Vpc.DEFAULT_NAME)
        && !taken.contains(name);
  }

  /**
   * A Terraform address's name and key, fit ({@code module.net.aws_subnet.spoke["a-1a"]} gives
   * {@code spoke-a-1a}).
   */
  static String addressWord(String address) {
    String head = address;
    String key = "";
    int open = address.endsWith("]") ? address.lastIndexOf('[') : -1;
    if (open > 0) {
      head = address.substring(0, open);
      key = address.substring(open + 1, address.length() - 1).replace("\"", "");
    }
    return fit(head.substring(head.lastIndexOf('.') + 1) + (key.isEmpty() ? "" : "-" + key));
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
