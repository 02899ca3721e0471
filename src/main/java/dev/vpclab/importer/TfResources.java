package dev.vpclab.importer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vpclab.model.Origin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The managed resource instances of a Terraform file, each from the best source: the state's
 * {@code values} (for a plan, {@code prior_state.values}), else the plan's
 * {@code planned_values}; an instance the plan deletes ({@code actions: ["delete"]}) is left out.
 * Modules are walked through {@code child_modules}; each instance keeps its module's block of
 * {@code configuration}, found through {@code module_calls}.
 */
final class TfResources {
  private final String file;
  private final Map<String, TfResource> byAddress = new LinkedHashMap<>();
  private final Map<String, JsonNode> config = new HashMap<>();
  private final Map<String, JsonNode> calls = new HashMap<>();
  private final Map<String, JsonNode> unknown = new HashMap<>();

  private TfResources(String file) {
    this.file = AwsInputs.name(file);
  }

  static TfResources of(Json root) throws JsonFault {
    TfResources r = new TfResources(root.file());
    JsonNode conf = root.node().path("configuration").path("root_module");
    r.configs("", conf);
    if (TerraformFile.isPlan(root)) {
      List<String> deleted = new ArrayList<>();
      for (Json c : root.list("resource_changes")) {
        JsonNode change = c.node().path("change");
        if (change.path("actions").size() == 1
            && change.path("actions").get(0).asText().equals("delete")) {
          deleted.add(c.node().path("address").asText());
        }
        r.unknown.put(c.node().path("address").asText(), change.path("after_unknown"));
      }
      if (root.has("prior_state")) {
        Json prior = root.field("prior_state");
        if (prior.has("values")) {
          r.walk(prior.field("values"), false);
        }
      }
      if (root.has("planned_values")) {
        r.walk(root.field("planned_values"), true);
      }
      deleted.forEach(r.byAddress::remove);
    } else if (root.has("values")) {
      r.walk(root.field("values"), false);
    }
    return r;
  }

  List<TfResource> all() {
    return new ArrayList<>(byAddress.values());
  }

  /** The instances of one resource block ({@code module.net.aws_subnet.private}). */
  List<TfResource> block(String block) {
    List<TfResource> out = new ArrayList<>();
    for (TfResource t : byAddress.values()) {
      if (t.block().equals(block)) {
        out.add(t);
      }
    }
    return out;
  }

  List<TfResource> ofType(String... types) {
    List<TfResource> out = new ArrayList<>();
    for (TfResource t : byAddress.values()) {
      if (List.of(types).contains(t.type())) {
        out.add(t);
      }
    }
    return out;
  }

  private void configs(String module, JsonNode m) {
    for (JsonNode r : m.path("resources")) {
      config.put((module.isEmpty() ? "" : module + ".") + r.path("address").asText(), r);
    }
    m.path("module_calls").fields().forEachRemaining(e -> {
      String path = (module.isEmpty() ? "" : module + ".") + "module." + e.getKey();
      calls.put(path, e.getValue());
      configs(path, e.getValue().path("module"));
    });
  }

  /** The {@code module_calls} entry of a module instance ({@code module.net["a"]}), or null. */
  JsonNode call(String moduleInstance) {
    return calls.get(withoutKeys(moduleInstance));
  }

  private static String withoutKeys(String module) {
    return module.replaceAll("\\[[^\\]]*\\]", "");
  }

  private void walk(Json values, boolean planned) throws JsonFault {
    if (values.has("root_module")) {
      module(values.field("root_module"), "", planned);
    }
  }

  private void module(Json m, String module, boolean planned) throws JsonFault {
    for (Json r : m.list("resources")) {
      if (!"managed".equals(r.optText("mode").orElse("managed"))) {
        continue;
      }
      String address = r.text("address");
      if (byAddress.containsKey(address)) {
        continue; // the state's values come first
      }
      Json values = r.has("values") ? r.field("values")
          : new Json(r.file(), r.path() + ".values", Json.mapper().createObjectNode());
      String configKey = withoutKeys(module);
      configKey = (configKey.isEmpty() ? "" : configKey + ".") + r.text("type") + "."
          + r.text("name");
      byAddress.put(address, new TfResource(address, module, r.text("type"), r.text("name"),
          r.node().get("index"), values, planned ? unknown.get(address) : null,
          config.get(configKey), new Origin.TerraformAddress(file, address)));
    }
    for (Json c : m.list("child_modules")) {
      module(c, c.text("address"), planned);
    }
  }
}
