package dev.vpclab.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * References to a module's outputs ({@code module.vpc["app"].private_subnet_ids}), followed to
 * the references of that output's expression in the called module's configuration, resolved in
 * the module instance's own addresses ({@code module.vpc["app"].aws_subnet.private}).
 */
final class TfOutputs {
  /** Resolves an expression's references in a scope (what {@link TfRefs} does). */
  interface Finder {
    TfRefs.Found find(TfScope scope, JsonNode expression, Set<String> types);
  }

  private static final Pattern MODULE_OUTPUT = Pattern.compile(
      "^module\\.([A-Za-z0-9_-]+)(\\[(?:\\d+|\"(?:[^\"\\\\]|\\\\.)*\")\\])?"
          + "(?:\\.([A-Za-z0-9_-]+)(?:\\[(\\d{1,9})\\])?)?");

  private final TfResources resources;
  private final Finder finder;

  TfOutputs(TfResources resources, Finder finder) {
    this.resources = resources;
    this.finder = finder;
  }

  /**
   * Adds what a reference to a module's output names to {@code into}. A list index (constant, or
   * the instance's own {@code count.index} or {@code each.value}) picks that element of a list
   * made of one resource's instances, in Terraform's order (count index, or for_each key
   * sorted). A shorter reference that a longer one extends ({@code module.vpc["app"]}) says
   * nothing more; one that names no output is {@link #anyOutput followed only where every output
   * agrees}.
   */
  void follow(TfScope scope, String ref, Set<String> refs, Set<String> types,
      TfRefs.Found into) {
    if (refs.stream().anyMatch(o -> o.length() > ref.length() && o.startsWith(ref)
        && (o.charAt(ref.length()) == '.' || o.charAt(ref.length()) == '['))) {
      return;
    }
    Matcher m = MODULE_OUTPUT.matcher(ref);
    if (!m.lookingAt() || scope.tooDeep()) {
      into.unfollowed().add(ref);
      return;
    }
    String instance = scope.inModule("module." + m.group(1) + (m.group(2) != null ? m.group(2)
        : m.group(3) == null ? scope.ownIndex(refs) : ""));
    JsonNode call = resources.call(instance);
    if (m.group(3) == null) {
      anyOutput(instance, call, scope.depth(), ref, types, into);
      return;
    }
    JsonNode expression = call == null ? MissingNode.getInstance()
        : call.path("module").path("outputs").path(m.group(3)).path("expression");
    if (expression.isMissingNode()) {
      into.unfollowed().add(ref);
      return;
    }
    TfRefs.Found f = finder.find(TfScope.of(instance, null, null, scope.depth() + 1),
        expression, types);
    into.unfollowed().addAll(f.unfollowed());
    List<TfResource> list = new ArrayList<>(f.exact());
    list.addAll(f.candidates());
    list.sort(TfOutputs::byKey);
    Integer at = m.group(4) != null ? Integer.valueOf(m.group(4)) : scope.listIndex(refs);
    if (at != null && list.size() > 1 && at < list.size()
        && list.stream().map(TfResource::block).distinct().count() == 1) {
      into.exact().add(list.get(at));
      return;
    }
    into.exact().addAll(f.exact());
    into.candidates().addAll(f.candidates());
  }

  /**
   * A module instance referenced without an output (Terraform prints
   * {@code module.vpc[each.key].vpc_id} as {@code module.vpc} and {@code each.key}): followed
   * when every output of the module that leads to resources of the types wanted leads to the same
   * ones ({@code vpc_id} and {@code vpc_cidr_block} both to {@code aws_vpc.this}); otherwise it
   * cannot be followed.
   */
  private void anyOutput(String instance, JsonNode call, int depth, String ref,
      Set<String> types, TfRefs.Found into) {
    TfRefs.Found same = null;
    boolean agree = call != null;
    List<JsonNode> outputs = new ArrayList<>();
    if (call != null) {
      call.path("module").path("outputs").forEach(outputs::add);
    }
    for (JsonNode o : outputs) {
      TfRefs.Found f = finder.find(TfScope.of(instance, null, null, depth + 1),
          o.path("expression"), types);
      if (f.isEmpty()) {
        continue;
      }
      agree &= same == null || same.exact().equals(f.exact())
          && same.candidates().equals(f.candidates());
      same = same == null ? f : same;
    }
    if (!agree || same == null) {
      into.unfollowed().add(ref + " (Terraform names no output after a computed index)");
      return;
    }
    into.exact().addAll(same.exact());
    into.candidates().addAll(same.candidates());
  }

  /** Terraform's order of a resource's instances: count index, else for_each key (sorted). */
  private static int byKey(TfResource a, TfResource b) {
    boolean ints = a.index() != null && a.index().isInt() && b.index() != null
        && b.index().isInt();
    return ints ? Integer.compare(a.index().asInt(), b.index().asInt())
        : a.key().compareTo(b.key());
  }
}
