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
 * expression its module call gives it, in the calling module; root variables, data sources,
 * locals and other modules' outputs cannot be followed: they are reported as such.
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

  /**
   * Where an expression is evaluated: the module instance, and the index and constant
   * {@code for_each} of the resource (or module call) it belongs to.
   */
  private record Scope(String module, JsonNode index, JsonNode forEach, JsonNode forEachRefs,
      int depth) {
    static Scope of(String module, JsonNode index, JsonNode forEachExpression, int depth) {
      JsonNode e = forEachExpression == null ? MissingNode.getInstance() : forEachExpression;
      return new Scope(module, index, e.path("constant_value"), e.path("references"), depth);
    }
  }

  /** Deeper than this, module outputs and variables are not followed (a cycle, or a maze). */
  private static final int MAX_DEPTH = 32;

  private static final Pattern LAST_MODULE = Pattern.compile(
      "^(?:(.*)\\.)?module\\.([A-Za-z0-9_-]+)(?:\\[(\\d+|\"(?:[^\"\\\\]|\\\\.)*\")\\])?$");

  Found find(TfResource r, String attribute, Set<String> types) {
    boolean written = r.config() != null && r.config().path("expressions").has(attribute);
    JsonNode forEach = r.config() == null ? null : r.config().path("for_each_expression");
    Found f = find(Scope.of(r.module(), r.index(), forEach, 0),
        written ? r.config().path("expressions").path(attribute) : MissingNode.getInstance(),
        types);
    return new Found(f.exact(), f.candidates(), f.unfollowed(), written);
  }

  private Found find(Scope scope, JsonNode expression, Set<String> types) {
    Set<String> collected = new LinkedHashSet<>();
    collect(expression, collected);
    Set<String> refs = withEach(scope, collected);
    List<String> unfollowed = new ArrayList<>();
    List<TfResource> exact = new ArrayList<>();
    List<TfResource> candidates = new ArrayList<>();
    Map<String, Set<String>> blocks = new LinkedHashMap<>(); // block -> constant indexes
    for (String ref : refs) {
      String head = ref.contains(".") ? ref.substring(0, ref.indexOf('.')) : ref;
      if (scope.depth() < MAX_DEPTH && head.equals("var")
          && variable(scope, ref, types, exact, candidates, unfollowed)) {
        continue;
      }
      if (head.equals("module")) {
        output(scope, ref, refs, types, new Found(exact, candidates, unfollowed, true));
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
      String block = (scope.module().isEmpty() ? "" : scope.module() + ".") + m.group(1) + "."
          + m.group(2);
      Set<String> indexes = blocks.computeIfAbsent(block, k -> new LinkedHashSet<>());
      if (m.group(3) != null) {
        indexes.add(m.group(3));
      }
    }
    for (Map.Entry<String, Set<String>> b : blocks.entrySet()) {
      List<TfResource> all = resources.block(b.getKey());
      Set<String> indexes = b.getValue().isEmpty() ? Set.of(ownIndex(scope, refs))
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
  private boolean variable(Scope scope, String ref, Set<String> types, List<TfResource> exact,
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
    Found f = find(Scope.of(m.group(1) == null ? "" : m.group(1), index,
        call.path("for_each_expression"), scope.depth() + 1),
        call.path("expressions").path(name), types);
    exact.addAll(f.exact());
    candidates.addAll(f.candidates());
    unfollowed.addAll(f.unfollowed());
    return true;
  }

  private static final Pattern MODULE_OUTPUT = Pattern.compile(
      "^module\\.([A-Za-z0-9_-]+)(\\[(?:\\d+|\"(?:[^\"\\\\]|\\\\.)*\")\\])?"
          + "(?:\\.([A-Za-z0-9_-]+)(?:\\[(\\d{1,9})\\])?)?");
  private static final Pattern BLOCK = Pattern.compile(
      "^(module\\.[A-Za-z0-9_-]+|[a-z][a-z0-9_]*\\.[A-Za-z_][A-Za-z0-9_-]*)$");

  /**
   * A reference to a module's output ({@code module.vpc["app"].private_subnet_ids}, perhaps with
   * a list index): followed to the references of that output's expression in the called module's
   * configuration, resolved in the module instance's own addresses. A list index (constant, or the
   * instance's own {@code count.index} or {@code each.value}) picks that element of a list made of
   * one resource's instances, in Terraform's order (count index, or for_each key sorted). A
   * shorter reference that a longer one extends ({@code module.vpc["app"]}) says nothing more;
   * one that names no output (Terraform prints {@code module.vpc[each.key].vpc_id} as
   * {@code module.vpc}) cannot be followed.
   */
  private void output(Scope scope, String ref, Set<String> refs, Set<String> types, Found into) {
    if (refs.stream().anyMatch(o -> o.length() > ref.length() && o.startsWith(ref)
        && (o.charAt(ref.length()) == '.' || o.charAt(ref.length()) == '['))) {
      return;
    }
    Matcher m = MODULE_OUTPUT.matcher(ref);
    if (!m.lookingAt() || m.group(3) == null || scope.depth() >= MAX_DEPTH) {
      into.unfollowed().add(ref);
      return;
    }
    String instance = (scope.module().isEmpty() ? "" : scope.module() + ".") + "module."
        + m.group(1) + (m.group(2) == null ? "" : m.group(2));
    JsonNode call = resources.call(instance);
    JsonNode expression = call == null ? MissingNode.getInstance()
        : call.path("module").path("outputs").path(m.group(3)).path("expression");
    if (expression.isMissingNode()) {
      into.unfollowed().add(ref);
      return;
    }
    Found f = find(Scope.of(instance, null, null, scope.depth() + 1), expression, types);
    into.unfollowed().addAll(f.unfollowed());
    List<TfResource> list = new ArrayList<>(f.exact());
    list.addAll(f.candidates());
    list.sort(TfRefs::byKey);
    Integer at = m.group(4) != null ? Integer.valueOf(m.group(4)) : listIndex(scope, refs);
    if (at != null && list.size() > 1 && at < list.size()
        && list.stream().map(TfResource::block).distinct().count() == 1) {
      into.exact().add(list.get(at));
      return;
    }
    into.exact().addAll(f.exact());
    into.candidates().addAll(f.candidates());
  }

  /** Terraform's order of a resource's instances: count index, else for_each key (sorted). */
  private static int byKey(TfResource a, TfResource b) {
    boolean ints = a.index() != null && a.index().isInt() && b.index() != null
        && b.index().isInt();
    return ints ? Integer.compare(a.index().asInt(), b.index().asInt())
        : a.key().compareTo(b.key());
  }

  /** The list index the instance's own {@code count.index} or {@code each.value} stands for. */
  private static Integer listIndex(Scope scope, Set<String> refs) {
    JsonNode own = scope.index();
    if (own == null || own.isNull()) {
      return null;
    }
    if (refs.contains("count.index") && own.isInt()) {
      return own.asInt();
    }
    JsonNode each = scope.forEach() == null ? null : scope.forEach().get(own.asText());
    return refs.contains("each.value") && each != null && each.isInt() && each.asInt() >= 0
        ? each.asInt() : null;
  }

  /**
   * With {@code for_each} over a module call or a resource ({@code for_each = module.vpc}),
   * {@code each.value} is that module's or resource's instance of the same key: the references
   * {@code each.value.vpc_id} and {@code each.value} become {@code module.vpc["app"].vpc_id} and
   * {@code module.vpc["app"]}.
   */
  private static Set<String> withEach(Scope scope, Set<String> refs) {
    JsonNode over = scope.forEachRefs();
    if (over == null || over.size() != 1 || scope.index() == null || !scope.index().isTextual()
        || !BLOCK.matcher(over.get(0).asText()).matches()
        || NOT_RESOURCES.contains(over.get(0).asText().replaceFirst("\\..*$", ""))
        && !over.get(0).asText().startsWith("module.")) {
      return refs;
    }
    String instance = over.get(0).asText() + "[" + quoted(scope.index().asText()) + "]";
    Set<String> out = new LinkedHashSet<>();
    for (String ref : refs) {
      boolean each = ref.equals("each.value") || ref.startsWith("each.value.")
          || ref.startsWith("each.value[");
      out.add(each ? instance + ref.substring("each.value".length()) : ref);
    }
    return out;
  }

  /** The index {@code [n]} or {@code ["key"]} the instance's own count or each stands for. */
  private static String ownIndex(Scope scope, Set<String> refs) {
    JsonNode own = scope.index();
    if (own == null || own.isNull()) {
      return "";
    }
    if (refs.contains("count.index") && own.isInt()) {
      return "[" + own.asInt() + "]";
    }
    if (refs.contains("each.key") && own.isTextual()) {
      return "[" + quoted(own.asText()) + "]";
    }
    JsonNode each = scope.forEach() == null ? null : scope.forEach().get(own.asText());
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
