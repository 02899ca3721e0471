package dev.vpclab.importer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vpclab.model.Origin;
import java.util.Optional;

/**
 * One instance of a managed Terraform resource as vpclab reads it: its full address
 * ({@code module.net.aws_subnet.private[0]}), the module it is in ({@code module.net}, empty for
 * the root), its type, name and index ({@code count} number or {@code for_each} key), its values
 * (from the state, else the plan's planned values) with their JSON path, which of them are known
 * only after apply, and its block of the configuration (null for a state).
 */
record TfResource(String address, String module, String type, String name, JsonNode index,
    Json values, JsonNode unknown, JsonNode config, Origin origin) {

  /** The resource's id: the one AWS gave, or for a planned resource its address. */
  String id() {
    return text("id").orElse(address);
  }

  /** The resource address without the instance key ({@code aws_subnet.private}), module first. */
  String block() {
    return (module.isEmpty() ? "" : module + ".") + type + "." + name;
  }

  /** A known attribute. */
  Optional<JsonNode> value(String attribute) {
    JsonNode v = values.node().get(attribute);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
  }

  /** A known string attribute (an empty string is not a value: the provider prints unset so). */
  Optional<String> text(String attribute) {
    return value(attribute).filter(JsonNode::isValueNode).map(JsonNode::asText)
        .filter(s -> !s.isEmpty());
  }

  boolean flag(String attribute, boolean absent) {
    return value(attribute).filter(JsonNode::isBoolean).map(JsonNode::asBoolean).orElse(absent);
  }

  /** Whether Terraform knows the attribute only after apply. */
  boolean isUnknown(String attribute) {
    return unknown != null && unknown.path(attribute).asBoolean(false);
  }

  /** The key {@code count.index} or {@code each.key} stands for, as text; empty for none. */
  String key() {
    return index == null || index.isNull() ? "" : index.asText();
  }

  /** A missing or unknown attribute this resource cannot do without: a fault at its path. */
  JsonFault needs(String attribute) {
    String at = values.path() + "." + attribute;
    return new JsonFault(values.file(), at, isUnknown(attribute)
        ? "known only after apply, and vpclab needs it: set it in the configuration, or import"
            + " the state after apply"
        : "missing: this resource needs it");
  }

  /** A required string attribute. */
  String require(String attribute) throws JsonFault {
    return text(attribute).orElseThrow(() -> needs(attribute));
  }
}
