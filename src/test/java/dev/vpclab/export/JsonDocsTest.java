package dev.vpclab.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpclab.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every field the JSON output has, for every scenario and error case, is named in docs/json.md. */
class JsonDocsTest {
  @Test
  void everyFieldIsDocumented() throws Exception {
    String docs = Files.readString(Path.of("docs/json.md"));
    List<Path> files = new ArrayList<>();
    for (String dir : List.of("scenarios", "src/test/golden/errors")) {
      try (Stream<Path> s = Files.list(Path.of(dir))) {
        s.filter(p -> p.toString().endsWith(".vpc")).sorted().forEach(files::add);
      }
    }
    Set<String> undocumented = new TreeSet<>();
    Set<String> kinds = new TreeSet<>();
    boolean omitted = false;
    for (Path file : files) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Path charts = Files.createTempDirectory("vpclab-jsondocs");
      Main.run(new String[] {"run", file.toString(), "--format", "json", "--charts",
              charts.toString()},
          new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      JsonNode doc = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
      Set<String> envelope = fieldNames(doc);
      if (envelope.remove("omitted")) { // only when more messages than are listed
        collect(doc.get("omitted"), docs, undocumented, "omitted");
        omitted = true;
      }
      assertEquals(Set.of("cells", "warnings"), envelope);
      for (JsonNode cell : doc.get("cells")) {
        kinds.add(cell.get("kind").asText());
        collect(cell, docs, undocumented, cell.get("kind").asText());
      }
      for (JsonNode w : doc.get("warnings")) {
        collect(w, docs, undocumented, "warning");
      }
    }
    assertTrue(undocumented.isEmpty(), "fields missing from docs/json.md: " + undocumented);
    assertTrue(omitted && docs.contains("`omitted`"), "an error case past the listing limit, "
        + "and `omitted` in docs/json.md");
    assertTrue(kinds.containsAll(List.of("check", "reach", "resolve", "fail", "resilience", "cost",
        "compare", "chart", "sweep", "expect", "error")), "kinds seen: " + kinds);
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** Object keys anywhere below {@code node}, except inside maps keyed by data (parts). */
  private static void collect(JsonNode node, String docs, Set<String> missing, String kind) {
    if (node.isObject()) {
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (!docs.contains("`" + key + "`") && !docs.contains("\"" + key + "\"")) {
          missing.add(kind + "." + key);
        }
        if (!key.equals("parts")) {
          collect(node.get(key), docs, missing, kind);
        }
      }
    } else if (node.isArray()) {
      for (JsonNode item : node) {
        collect(item, docs, missing, kind);
      }
    }
  }
}
