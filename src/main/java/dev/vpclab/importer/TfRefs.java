package dev.vpclab.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
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
 * stands for every instance of the resource (candidates). A module's variable is followed to the
 * expression its module call gives it, in the calling module (with the module instance's key as
 * {@code each.key}); a module's output ({@link TfOutputs}) to its expression in that module; with
 * {@code for_each} over a module or resource, {@code each.value} is its instance of the same key
 * ({@link TfScope#withEach}). Root variables, data sources and locals cannot be followed: they are
 * reported as such.
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
  private final TfOutputs outputs;

  TfRefs(TfResources resources) {
    this.resources = resources;
    this.outputs = new TfOutputs(resources, this::find);
  }

  private static final Pattern LAST_MODULE = Pattern.compile(
      "^(?:(.*)\\.)?module\\.([A-Za-z0-9_-]+)(?:\\[(\\d+|\"(?:[^\"\\\\]|\\\\.)*\")\\])?$");

  Found find(TfResource r, String attribute, Set<String> types) {
    boolean written = r.config() != null && r.config().path("expressions").has(attribute);
    JsonNode forEach = r.config() == null ? null : r.config().path("for_each_expression");
    Found f = find(TfScope.of(r.module(), r.index(), forEach, 0),
        written ? r.config().path("expressions").path(attribute) : MissingNode.getInstance(),
        types);
    return new Found(f.exact(), f.candidates(), f.unfollowed(), written);
  }

  private Found find(TfScope scope, JsonNode expression, Set<String> types) {
    Set<String> collected = new LinkedHashSet<>();
    collect(expression, collected);
    Set<String> refs = scope.withEach(collected);
    List<String> unfollowed = new ArrayList<>();
    List<TfResource> exact = new ArrayList<>();
    List<TfResource> candidates = new ArrayList<>();
    Map<String, Set<String>> blocks = new LinkedHashMap<>(); // block -> constant indexes
    for (String ref : refs) {
      String head = ref.contains(".") ? ref.substring(0, ref.indexOf('.')) : ref;
      if (!scope.tooDeep() && head.equals("var")
          && variable(scope, ref, types, exact, candidates, unfollowed)) {
        continue;
      }
      if (head.equals("module")) {
        outputs.follow(scope, ref, refs, types, new Found(exact, candidates, unfollowed, true));
        continue;
      }
      if (head.equals("var") || head.equals("data")) {
        unfollowed.add(ref);
        continue;
      }
      Matcher m = RESOURCE.matcher(ref);
      if (NOT_RESOURCES.contains(head) || !m.find() || !types.contains(m.group(1))) {
        continue;
      }
      String block = scope.inModule(m.group(1) + "." + m.group(2));
      Set<String> indexes = blocks.computeIfAbsent(block, k -> new LinkedHashSet<>());
      if (m.group(3) != null) {
        indexes.add(m.group(3));
      }
    }
    for (Map.Entry<String, Set<String>> b : blocks.entrySet()) {
      List<TfResource> all = resources.block(b.getKey());
      Set<String> indexes = b.getValue().isEmpty() ? Set.of(scope.ownIndex(refs))
          : b.getValue();
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
    return new Found(exact, candidates, unfollowed, true);
  }

  /**
   * A module's {@code var.X}, followed to the expression the module call gives it, in the
   * calling module; false when there is none (a root variable, or one the call leaves to its
   * default).
   */
  private boolean variable(TfScope scope, String ref, Set<String> types, List<TfResource> exact,
      List<TfResource> candidates, List<String> unfollowed) {
    Matcher m = LAST_MODULE.matcher(scope.module());
    JsonNode call = resources.call(scope.module());
    String[] parts = ref.replaceFirst("\\[.*$", "").split("\\.");
    if (parts.length < 2 || !m.matches() || call == null
        || !call.path("expressions").has(parts[1])) {
      return false;
    }
    String name = parts[1];
    String key = m.group(3);
    JsonNode index = key == null ? null : key.startsWith("\"")
        ? TextNode.valueOf(key.substring(1, key.length() - 1).replace("\\\"", "\"")
            .replace("\\\\", "\\"))
        : key.length() < 10 ? IntNode.valueOf(Integer.parseInt(key)) : TextNode.valueOf(key);
    Found f = find(TfScope.of(m.group(1) == null ? "" : m.group(1), index,
        call.path("for_each_expression"), scope.depth() + 1),
        call.path("expressions").path(name), types);
    exact.addAll(f.exact());
    candidates.addAll(f.candidates());
    unfollowed.addAll(f.unfollowed());
    return true;
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
