package dev.vpclab.importer;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whatever shape a Terraform file has, the import gives a design or a located fault, never
 * another exception: every {@value #STRIDE}th value of the fixtures' plans and states is removed
 * or replaced by a value of each other JSON type.
 */
class TerraformOddShapesTest {
  static final int STRIDE = Integer.getInteger("oddshapes.stride", 29);
  static final ObjectMapper M = new ObjectMapper();
  static final JsonNodeFactory F = JsonNodeFactory.instance;

  @ParameterizedTest
  @ValueSource(strings = {"three-az/terraform/plan.json", "three-az/terraform/state.json",
      "hub-spoke/terraform/plan.json", "hub-spoke/terraform/state.json",
      "modules/terraform/plan.json", "modules/terraform/state.json"})
  void everyShapeIsADesignOrALocatedFault(String file) throws Exception {
    JsonNode root = M.readTree(Files.readString(TerraformFixturesTest.ROOT.resolve(file),
        StandardCharsets.UTF_8));
    List<String> places = new ArrayList<>();
    collect(root, "", places);
    int tried = 0;
    for (int i = 0; i < places.size(); i += STRIDE) {
      String place = places.get(i);
      for (JsonNode replacement : List.of(F.textNode("x"), F.numberNode(7), F.arrayNode(),
          F.objectNode(), F.nullNode(), F.booleanNode(true), F.missingNode())) {
        JsonNode copy = root.deepCopy();
        int cut = place.lastIndexOf('/');
        JsonNode parent = copy.at(place.substring(0, cut));
        String last = place.substring(cut + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode o) {
          if (replacement.isMissingNode()) {
            o.remove(last);
          } else {
            o.set(last, replacement);
          }
        } else if (parent instanceof ArrayNode a) {
          if (replacement.isMissingNode()) {
            a.remove(Integer.parseInt(last));
          } else {
            a.set(Integer.parseInt(last), replacement);
          }
        }
        tried++;
        try {
          TerraformImport.read("plan.json", M.writeValueAsString(copy), "imported");
        } catch (JsonFault expected) {
          assertTrue(expected.path().startsWith("$"), expected.path());
        } catch (RuntimeException e) {
          fail(place + " -> " + replacement + ": " + e, e);
        }
      }
    }
    assertTrue(tried > 100, "tried " + tried);
  }

  /** The JSON Pointer of every value below the root, in document order. */
  private static void collect(JsonNode n, String at, List<String> out) {
    if (n.isObject()) {
      n.fieldNames().forEachRemaining(k -> {
        String p = at + "/" + k.replace("~", "~0").replace("/", "~1");
        out.add(p);
        collect(n.get(k), p, out);
      });
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        out.add(at + "/" + i);
        collect(n.get(i), at + "/" + i, out);
      }
    }
  }
}
