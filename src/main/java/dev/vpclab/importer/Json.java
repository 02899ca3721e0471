package dev.vpclab.importer;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpclab.model.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A JSON value of an input file with its path ({@code $.Subnets[2]}), and the accessors that turn
 * a missing or mistyped field into a {@link JsonFault} at that field's path. A record another
 * reader made in the shape of a describe output (from a Terraform resource) carries that
 * resource's origin, and its fields are located by the attribute names the resource has
 * ({@link TfFields}).
 */
record Json(String file, String path, JsonNode node, Origin origin) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  Json(String file, String path, JsonNode node) {
    this(file, path, node, null);
  }

  /** The mapper every importer reads and makes JSON with. */
  static ObjectMapper mapper() {
    return MAPPER;
  }

  /** The whole document of a file; not JSON or truncated is a fault at {@code $}. */
  static Json parse(String file, String text) throws JsonFault {
    try {
      JsonNode root = MAPPER.readTree(text);
      if (root == null || root.isMissingNode()) {
        throw new JsonFault(file, "$", "empty file: expected the JSON an AWS CLI command prints");
      }
      return new Json(file, "$", root);
    } catch (JsonParseException e) {
      String m = e.getOriginalMessage();
      int aside = m.indexOf(" (start marker");
      m = aside < 0 ? m : m.substring(0, aside);
      String what = m.startsWith("Unexpected end-of-input") ? "truncated JSON" : "not valid JSON";
      throw new JsonFault(file, "$", what + " (line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr() + "): " + m);
    } catch (JsonProcessingException e) {
      throw new JsonFault(file, "$", "not valid JSON: " + e.getOriginalMessage());
    }
  }

  JsonFault fault(String message) {
    return new JsonFault(file, path, message);
  }

  private String at(String name) {
    return path + "." + (origin == null ? name : TfFields.attribute(name));
  }

  private Json child(String name, JsonNode v) {
    return new Json(file, at(name), v, origin);
  }

  boolean has(String field) {
    return node.hasNonNull(field);
  }

  Json field(String name) throws JsonFault {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      throw new JsonFault(file, at(name), "missing: " + describeWhat());
    }
    return child(name, v);
  }

  private String describeWhat() {
    return "this " + (path.contains("[") ? "resource" : "file") + " needs it";
  }

  String text(String name) throws JsonFault {
    Json v = field(name);
    if (!v.node.isTextual()) {
      throw v.fault("expected a string, found " + v.node.getNodeType().toString().toLowerCase(
          java.util.Locale.ROOT));
    }
    return v.node.asText();
  }

  Optional<String> optText(String name) {
    JsonNode v = node.get(name);
    return v != null && v.isTextual() ? Optional.of(v.asText()) : Optional.empty();
  }

  boolean flag(String name, boolean absent) {
    JsonNode v = node.get(name);
    return v != null && v.isBoolean() ? v.asBoolean() : absent;
  }

  /** The elements of an array field; an absent field is empty, another type a fault. */
  List<Json> list(String name) throws JsonFault {
    JsonNode v = node.get(name);
    List<Json> out = new ArrayList<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (!v.isArray()) {
      throw new JsonFault(file, at(name), "expected a list");
    }
    for (int i = 0; i < v.size(); i++) {
      out.add(new Json(file, at(name) + "[" + i + "]", v.get(i), origin));
    }
    return out;
  }

  /** The strings of an array field. */
  List<String> texts(String name) throws JsonFault {
    List<String> out = new ArrayList<>();
    for (Json e : list(name)) {
      if (!e.node.isTextual()) {
        throw e.fault("expected a string");
      }
      out.add(e.node.asText());
    }
    return out;
  }

  /** The value of the {@code Name} tag, if any. */
  Optional<String> nameTag() throws JsonFault {
    for (Json t : list("Tags")) {
      if ("Name".equals(t.optText("Key").orElse("")) && t.optText("Value").isPresent()
          && !t.optText("Value").get().isBlank()) {
        return t.optText("Value");
      }
    }
    return Optional.empty();
  }
}
