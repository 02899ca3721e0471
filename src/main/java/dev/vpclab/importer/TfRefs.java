package dev.vpclab.importer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an attribute of a resource instance refers to, from the {@code references} of its
 * expression in the plan's {@code configuration} (in the instance's own module). A reference with
 * a constant index names that instance; one without an index is resolved with the instance's own
 * {@code count.index} or {@code each.key} (or {@code each.value}, when {@code for_each} is a
 * constant map), when those are among the references and such an instance exists; otherwise it
 * stands for every instance of the resource (candidates). Module variables, data sources, locals
 * and other modules' outputs cannot be followed: they are reported as such.
 */
final class TfRefs {
  /**
   * The instances found for sure, the candidates, what could not be followed, and whether the
   * configuration sets the attribute at all.
   */
  record Found(List<TfResource> exact, List<TfResource> candidates, List<String> unfollowed,
      boolean written) {
    boolean isEmpty() {
      return exact.isEmpty() && candidates.isEmpty();
    }
  }

  private static final Pattern RESOURCE = Pattern.compile(
      "^([a-z][a-z0-9_]*)\\.([A-Za-z_][A-Za-z0-9_-]*)(\\[(\\d+|\"(?:[^\"\\\\]|\\\\.)*\")\\])?");
  private static final Set<String> NOT_RESOURCES = Set.of("var", "local", "each", "count",
      "path", "terraform", "self", "module", "data");

  private final TfResources resources;

  TfRefs(TfResources resources) {
    this.resources = resources;
  }

  Found find(TfResource r, String attribute, Set<String> types) {
    Set<String> refs = new LinkedHashSet<>();
    boolean written = r.config() != null && r.config().path("expressions").has(attribute);
    if (written) {
      collect(r.config().path("expressions").path(attribute), refs);
    }
    List<String> unfollowed = new ArrayList<>();
    Map<String, Set<String>> blocks = new LinkedHashMap<>(); // block -> constant indexes
    for (String ref : refs) {
      String head = ref.contains(".") ? ref.substring(0, ref.indexOf('.')) : ref;
      if (head.equals("var") || head.equals("module") || head.equals("data")) {
        unfollowed.add(ref);
        continue;
      }
      Matcher m = RESOURCE.matcher(ref);
      if (NOT_RESOURCES.contains(head) || !m.find() || !types.contains(m.group(1))) {
        continue;
      }
      String block = (r.module().isEmpty() ? "" : r.module() + ".") + m.group(1) + "."
          + m.group(2);
      Set<String> indexes = blocks.computeIfAbsent(block, k -> new LinkedHashSet<>());
      if (m.group(3) != null) {
        indexes.add(m.group(3));
      }
    }
    List<TfResource> exact = new ArrayList<>();
    List<TfResource> candidates = new ArrayList<>();
    for (Map.Entry<String, Set<String>> b : blocks.entrySet()) {
      List<TfResource> all = resources.block(b.getKey());
      Set<String> indexes = b.getValue().isEmpty() ? Set.of(ownIndex(r, refs)) : b.getValue();
      List<TfResource> hit = all.stream()
          .filter(t -> indexes.stream().anyMatch(i -> t.address().equals(b.getKey() + i)))
          .toList();
      if (!hit.isEmpty()) {
        exact.addAll(hit);
      } else if (all.size() == 1 && all.get(0).key().isEmpty()) {
        exact.addAll(all);
      } else {
        candidates.addAll(all);
      }
    }
    return new Found(exact, candidates, unfollowed, written);
  }

  /** The index {@code [n]} or {@code ["key"]} the instance's own count or each stands for. */
  private static String ownIndex(TfResource r, Set<String> refs) {
    if (r.index() == null || r.index().isNull()) {
      return "";
    }
    if (refs.contains("count.index") && r.index().isInt()) {
      return "[" + r.index().asInt() + "]";
    }
    if (refs.contains("each.key") && r.index().isTextual()) {
      return "[" + quoted(r.index().asText()) + "]";
    }
    JsonNode each = r.config() == null ? null
        : r.config().path("for_each_expression").path("constant_value").get(r.key());
    if (refs.contains("each.value") && each != null) {
      return each.isInt() ? "[" + each.asInt() + "]"
          : each.isTextual() ? "[" + quoted(each.asText()) + "]" : "";
    }
    return "";
  }

  private static String quoted(String key) {
    return "\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static void collect(JsonNode expression, Set<String> out) {
    if (expression.isArray()) {
      expression.forEach(e -> collect(e, out));
    } else if (expression.isObject()) {
      expression.fields().forEachRemaining(e -> {
        if (e.getKey().equals("references") && e.getValue().isArray()) {
          e.getValue().forEach(v -> out.add(v.asText()));
        } else {
          collect(e.getValue(), out);
        }
      });
    }
  }
}
