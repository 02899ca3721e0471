package dev.vpclab.importer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A file of {@code terraform show -json}: a plan (with {@code planned_values},
 * {@code resource_changes}, {@code configuration}, perhaps {@code prior_state}) or a state (with
 * {@code values}). Its {@code format_version} must be of major version 1. A describe output, or
 * anything else, is a fault that says so.
 */
final class TerraformFile {
  private TerraformFile() {}

  /** Whether a document is {@code terraform show -json} output (to tell {@code import aws}). */
  static boolean looksLikeOne(Json root) {
    JsonNode n = root.node();
    return n.isObject() && n.has("format_version") && (n.has("terraform_version")
        || n.has("values") || n.has("planned_values") || n.has("resource_changes"));
  }

  /** The document of a file, checked to be Terraform's JSON of a version vpclab reads. */
  static Json parse(String file, String text) throws JsonFault {
    Json root = Json.parse(file, text);
    if (!root.node().isObject()) {
      throw root.fault("expected a JSON object as terraform show -json prints it");
    }
    if (!root.has("format_version")) {
      List<String> kinds = new ArrayList<>();
      for (String k : AwsInputs.KINDS) {
        if (root.node().has(k)) {
          kinds.add(k);
        }
      }
      if (!kinds.isEmpty()) {
        throw root.fault("this is AWS CLI describe output (" + String.join(", ", kinds)
            + "), not terraform show -json output: use vpclab import aws");
      }
      throw root.field("format_version").fault("missing: expected the output of terraform show"
          + " -json (of a plan file, or of the state)");
    }
    String version = root.text("format_version");
    if (!version.equals("1") && !version.startsWith("1.")) {
      throw root.field("format_version").fault("format version " + version + " is not one"
          + " vpclab reads (1.x, as Terraform 1.x prints)");
    }
    return root;
  }

  /** Whether the file is of a plan (rather than of a state). */
  static boolean isPlan(Json root) {
    return root.has("planned_values") || root.has("resource_changes");
  }

  /** The AWS provider's Region when the configuration gives it as a constant, else null. */
  static String providerRegion(Json root) {
    JsonNode providers = root.node().path("configuration").path("provider_config");
    for (JsonNode p : providers) {
      if (p.path("name").asText("").equals("aws")) {
        JsonNode r = p.path("expressions").path("region").path("constant_value");
        if (r.isTextual()) {
          return r.asText();
        }
      }
    }
    return null;
  }
}
