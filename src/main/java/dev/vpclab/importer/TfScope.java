package dev.vpclab.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a configuration expression is evaluated: the module instance
 * ({@code module.vpc["app"]}, empty for the root), the index of the resource or module call it
 * belongs to ({@code count.index}, or the {@code each.key}), that block's {@code for_each}
 * (its constant value and its references), and how deep in modules' outputs and variables the
 * reference that led here already is.
 */
record TfScope(String module, JsonNode index, JsonNode forEach, JsonNode forEachRefs,
    int depth) {
  /** Deeper than this, module outputs and variables are not followed (a cycle, or a maze). */
  static final int MAX_DEPTH = 32;

  private static final Pattern BLOCK = Pattern.compile(
      "^(module\\.[A-Za-z0-9_-]+|[a-z][a-z0-9_]*\\.[A-Za-z_][A-Za-z0-9_-]*)$");
  private static final Set<String> NOT_BLOCKS = Set.of("var", "local", "each", "count", "path",
      "terraform", "self", "data");

  static TfScope of(String module, JsonNode index, JsonNode forEachExpression, int depth) {
    JsonNode e = forEachExpression == null ? MissingNode.getInstance() : forEachExpression;
    return new TfScope(module, index, e.path("constant_value"), e.path("references"), depth);
  }

  boolean tooDeep() {
    return depth >= MAX_DEPTH;
  }

  /** An address in this scope's module ({@code module.vpc["app"].aws_subnet.private}). */
  String inModule(String address) {
    return (module.isEmpty() ? "" : module + ".") + address;
  }

  /** The index {@code [n]} or {@code ["key"]} the instance's own count or each stands for. */
  String ownIndex(Set<String> refs) {
    if (index == null || index.isNull()) {
      return "";
    }
    if (refs.contains("count.index") && index.isInt()) {
      return "[" + index.asInt() + "]";
    }
    if (refs.contains("each.key") && index.isTextual()) {
      return "[" + quoted(index.asText()) + "]";
    }
    JsonNode each = forEach == null ? null : forEach.get(index.asText());
    if (refs.contains("each.value") && each != null) {
      return each.isInt() ? "[" + each.asInt() + "]"
          : each.isTextual() ? "[" + quoted(each.asText()) + "]" : "";
    }
    return "";
  }

  /** The list index the instance's own {@code count.index} or {@code each.value} stands for. */
  Integer listIndex(Set<String> refs) {
    if (index == null || index.isNull()) {
      return null;
    }
    if (refs.contains("count.index") && index.isInt()) {
      return index.asInt();
    }
    JsonNode each = forEach == null ? null : forEach.get(index.asText());
    return refs.contains("each.value") && each != null && each.isInt() && each.asInt() >= 0
        ? each.asInt() : null;
  }

  /**
   * With {@code for_each} over a module call or a resource ({@code for_each = module.vpc}),
   * {@code each.value} is that module's or resource's instance of the same key: the references
   * {@code each.value.vpc_id} and {@code each.value} become {@code module.vpc["app"].vpc_id} and
   * {@code module.vpc["app"]}.
   */
  Set<String> withEach(Set<String> refs) {
    if (forEachRefs == null || forEachRefs.size() != 1 || index == null || !index.isTextual()) {
      return refs;
    }
    String over = forEachRefs.get(0).asText();
    if (!BLOCK.matcher(over).matches()
        || NOT_BLOCKS.contains(over.substring(0, over.indexOf('.')))) {
      return refs;
    }
    String instance = over + "[" + quoted(index.asText()) + "]";
    Set<String> out = new LinkedHashSet<>();
    for (String ref : refs) {
      boolean each = ref.equals("each.value") || ref.startsWith("each.value.")
          || ref.startsWith("each.value[");
      out.add(each ? instance + ref.substring("each.value".length()) : ref);
    }
    return out;
  }

  static String quoted(String key) {
    return "\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
