package dev.vpclab.importer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The ids a link attribute ({@code subnet_id}, {@code vpc_id}, {@code subnet_ids}, ...) holds:
 * its value when known; else the instances its configuration references name ({@link TfRefs}).
 * Among several candidates for one id, the ones the link must satisfy (a subnet's VPC holds its
 * CIDR, an association's table is in its subnet's VPC, ...) decide; when that leaves several,
 * or the reference cannot be followed (a module variable, a data source), vpclab chooses and
 * says so in an assumption naming the attribute of the address.
 */
final class TfLinks {
  private final TfResources resources;
  private final TfRefs refs;
  private final List<String> assumed;

  TfLinks(TfResources resources, List<String> assumed) {
    this.resources = resources;
    this.refs = new TfRefs(resources);
    this.assumed = assumed;
  }

  List<String> assumed() {
    return assumed;
  }

  /**
   * The one id an attribute links to, among resources of the types given that {@code fits}
   * accepts; {@code what} names what fits, for an assumption ("VPC whose CIDR holds ...").
   */
  Optional<String> one(TfResource r, String attribute, Set<String> types,
      Predicate<TfResource> fits, String what) {
    Optional<String> known = r.text(attribute);
    if (known.isPresent()) {
      return known;
    }
    TfRefs.Found f = refs.find(r, attribute, types);
    if (f.isEmpty() && f.unfollowed().isEmpty()
        && (!r.isUnknown(attribute) || r.config() != null && !f.written())) {
      return Optional.empty(); // not set: the caller says what that means
    }
    if (!f.exact().isEmpty()) {
      return Optional.of(f.exact().get(0).id());
    }
    List<TfResource> fit = f.candidates().stream().filter(fits).toList();
    if (fit.size() == 1) {
      return Optional.of(fit.get(0).id());
    }
    String why;
    if (fit.size() > 1) {
      why = f.candidates().get(0).block() + " with an index the file does not show";
    } else {
      fit = resources.ofType(types.toArray(String[]::new)).stream().filter(fits).toList();
      why = unresolved(f);
    }
    if (fit.isEmpty()) {
      assumed.add(r.address() + "." + attribute + ": " + why + ": no " + what + " here, left"
          + " out");
      return Optional.empty();
    }
    TfResource chosen = likeKey(fit, r.key());
    String how = fit.size() == 1 ? "the only " + what
        : holdsKey(chosen, r.key()) ? "of " + fit.size() + ", the first whose key holds \""
            + r.key() + "\"" : "the first of " + fit.size();
    assumed.add(r.address() + "." + attribute + ": " + why + ": taken as " + chosen.address()
        + " (" + how + ")");
    return Optional.of(chosen.id());
  }

  /**
   * The ids a list attribute links to: its value when known, else every instance referenced
   * that {@code fits} (as {@code aws_subnet.private[*].id} names them all).
   */
  List<String> many(TfResource r, String attribute, Set<String> types,
      Predicate<TfResource> fits) {
    Optional<JsonNode> known = r.value(attribute).filter(JsonNode::isArray)
        .filter(v -> v.isEmpty() || v.get(0).isTextual());
    if (known.isPresent()) {
      List<String> out = new ArrayList<>();
      known.get().forEach(v -> out.add(v.asText()));
      return out;
    }
    TfRefs.Found f = refs.find(r, attribute, types);
    Set<String> out = new LinkedHashSet<>();
    f.exact().forEach(t -> out.add(t.id()));
    f.candidates().stream().filter(fits).forEach(t -> out.add(t.id()));
    if (out.isEmpty() && (!f.unfollowed().isEmpty() || r.isUnknown(attribute) && f.written())) {
      assumed.add(r.address() + "." + attribute + ": " + unresolved(f) + ": left out");
    }
    return new ArrayList<>(out);
  }

  /** Why a link that names nothing could not be resolved. */
  private static String unresolved(TfRefs.Found f) {
    return f.unfollowed().isEmpty() ? "known only after apply, with no reference to follow"
        : String.join(", ", f.unfollowed()) + " cannot be followed";
  }

  private static boolean holdsKey(TfResource t, String key) {
    return !key.isEmpty() && Arrays.asList(t.key().split("[^A-Za-z0-9]+")).contains(key);
  }

  /** The candidate whose key holds the instance's own key as a word, else the first. */
  private static TfResource likeKey(List<TfResource> fit, String key) {
    if (!key.isEmpty()) {
      for (TfResource t : fit) {
        if (holdsKey(t, key)) {
          return t;
        }
      }
    }
    return fit.get(0);
  }
}
