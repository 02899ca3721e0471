package dev.vpclab.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON output of every scenario, every error case and a scenario that exercises what those do
 * not (a failed expectation of each kind, an unreachable pair, a resilience chart, unpriced
 * traffic) against docs/json.md: every field is named there, and every field of every cell kind
 * has the type the page gives it ({@link #SCHEMA}, written from the page). A key written twice
 * is refused by the parser, so one field can never silently overwrite another.
 */
class JsonDocsTest {
  @TempDir
  Path dir;

  /** What the scenarios and error cases do not show: failures, unreachable pairs, charts. */
  static final String EXTRA = """
      region us-east-1
      layout a {
        az 1a subnet public
        az 1a subnet private app
        az 1b subnet private db
        endpoint ssm in 1a
        instance w in app needs ssm, logs
        instance d in db needs ssm
        traffic w -> logs 10 GB
      }
      layout b extends a {
        nat in 1a
      }
      layout empty {
        az 1a subnet private x
        traffic * -> s3 5 GB
      }
      check a
      reach w -> logs in a
      resolve ssm in a
      fail az 1b in b
      fail az 1a, 1b in a
      cost a
      cost empty
      chart resilience a, b
      chart cost a, b to "c.svg"
      sweep traffic 0 .. 100 GB over a, b to "s.svg"
      expect a reaches
      expect w reaches logs in a
      expect a survives az failure
      expect cost b < 1 USD
      expect cost b < cost a
      """;

  @Test
  void everyFieldIsDocumentedWithItsType() throws Exception {
    String docs = Files.readString(Path.of("docs/json.md"));
    List<Path> files = new ArrayList<>();
    for (String folder : List.of("scenarios", "src/test/golden/errors")) {
      try (Stream<Path> s = Files.list(Path.of(folder))) {
        s.filter(p -> p.toString().endsWith(".vpc")).sorted().forEach(files::add);
      }
    }
    Path extra = dir.resolve("extra.vpc");
    Files.writeString(extra, EXTRA);
    files.add(extra);
    Set<String> undocumented = new TreeSet<>();
    Set<String> kinds = new TreeSet<>();
    List<String> wrong = new ArrayList<>();
    boolean sawFailedExpectation = false;
    boolean omitted = false;
    for (Path file : files) {
      JsonNode doc = runJson(file);
      Set<String> envelope = fieldNames(doc);
      if (envelope.remove("omitted")) { // only when more messages than are listed
        check(file.getFileName() + " omitted", doc.get("omitted"), "omitted", wrong);
        omitted = true;
      }
      assertEquals(Set.of("cells", "warnings"), envelope);
      for (JsonNode cell : doc.get("cells")) {
        String kind = cell.get("kind").asText();
        kinds.add(kind.equals("chart") ? "chart " + cell.get("chart").asText() : kind);
        collect(cell, docs, undocumented, kind);
        String schema = kind.equals("chart") ? "chart " + cell.get("chart").asText() : kind;
        check(file.getFileName() + " " + schema, cell, schema, wrong);
        sawFailedExpectation |= cell.path("expectationFailed").asBoolean(false);
      }
      for (JsonNode w : doc.get("warnings")) {
        collect(w, docs, undocumented, "warning");
        check(file.getFileName() + " warning", w, "error", wrong);
      }
    }
    assertTrue(undocumented.isEmpty(), "fields missing from docs/json.md: " + undocumented);
    assertTrue(wrong.isEmpty(), "fields not as docs/json.md gives them:\n" + String.join("\n",
        wrong));
    assertTrue(kinds.containsAll(List.of("check", "reach", "resolve", "fail", "resilience",
        "cost", "compare", "chart cost", "chart resilience", "sweep", "expect", "error")),
        "kinds seen: " + kinds);
    assertTrue(sawFailedExpectation, "a failed expectation was seen");
    assertTrue(omitted, "an error case past the listing limit");
  }

  /**
   * The cells of designs of several VPCs (built by hand until they are read from source) against
   * the same page and schema.
   */
  @Test
  void designsOfSeveralVpcsHaveEveryFieldDocumented() throws Exception {
    String docs = Files.readString(Path.of("docs/json.md"));
    Set<String> undocumented = new TreeSet<>();
    List<String> wrong = new ArrayList<>();
    Set<String> fields = new TreeSet<>();
    for (String text : dev.vpclab.notebook.SeveralVpcsJson.cells()) {
      JsonNode cell = parser().readTree(text);
      String kind = cell.get("kind").asText();
      collect(cell, docs, undocumented, kind);
      check("hand " + kind, cell, kind, wrong);
      fields.addAll(fieldNames(cell));
      cell.path("pairs").forEach(p -> fields.addAll(fieldNames(p)));
      cell.path("broken").forEach(p -> fields.addAll(fieldNames(p)));
      if (cell.path("fixDetail").isObject()) {
        fields.addAll(fieldNames(cell.get("fixDetail")));
      }
    }
    assertTrue(undocumented.isEmpty(), "fields missing from docs/json.md: " + undocumented);
    assertTrue(wrong.isEmpty(), "fields not as docs/json.md gives them:\n" + String.join("\n",
        wrong));
    assertTrue(fields.containsAll(List.of("vpc", "link", "placements", "attachmentAzs")),
        fields.toString());
  }

  @Test
  void failCellsKeepTheirListOfFailedAzs() throws Exception {
    Path extra = dir.resolve("extra.vpc");
    Files.writeString(extra, EXTRA);
    List<String> failed = new ArrayList<>();
    for (JsonNode cell : runJson(extra).get("cells")) {
      if (cell.get("kind").asText().equals("fail")) {
        failed.add(cell.get("failed").toString() + " " + cell.get("expectationFailed"));
      }
    }
    assertEquals(List.of("[\"us-east-1b\"] false", "[\"us-east-1a\",\"us-east-1b\"] false"),
        failed);
  }

  @Test
  void aKeyWrittenTwiceIsCaughtByTheParser() {
    Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
        () -> parser().readTree("{\"failed\": [\"us-east-1a\"], \"failed\": false}"));
    assertTrue(e.getMessage().contains("Duplicate field 'failed'"), e.getMessage());
  }

  // ------------------------------------------------------------------ the schema

  /**
   * Per cell kind (and per nested object) each field and its type, as docs/json.md gives them.
   * Types: {@code str}, {@code num}, {@code bool}, {@code money} (a string of an exact decimal),
   * {@code [T]} (an array of T), {@code {NAME}} (an object of schema NAME), {@code map} (an
   * object keyed by data, money values); {@code ?} after a type: or null; {@code ?} before the
   * field name: the field may be absent.
   */
  static final Map<String, Map<String, String>> SCHEMA = new LinkedHashMap<>();

  static {
    String query = "kind str, cell num, file str, line num, source str, ";
    String end = ", expectationFailed bool";
    String pair = "instance str, service str, reachable bool, via str?, targetAz str?, "
        + "crossAz bool, reason str?, reasons [str], path str, ?vpc str, ?link {link}?";
    schema("pair", pair);
    schema("link", "kind str, name str");
    schema("check", query + "layout str, pairs [{pair}], reachable num, total num, warnings [str]"
        + end);
    schema("reach", query + "layout str, " + pair + ", hops [{hop}], ?placements [{placement}]"
        + end);
    schema("placement", pair + ", hops [{hop}]");
    schema("hop", "step str, detail str, ok bool");
    schema("resolve", query + "layout str, name str, addresses [str], private bool, answered bool, ?from str, ?vpc str, "
        + "answers [{answer}], note str" + end);
    schema("answer", "address str, az str, subnet str");
    schema("fail", query + "layout str, failed [str], broken [{broken}], fix str?, "
        + "fixMonthly money?, fixDetail {fixDetail}?, down [str], instancesDown num" + end);
    schema("broken", "instance str, service str, az str, via str?, targetAz str?, reasons [str], "
        + "?vpc str, ?link {link}?");
    schema("fixDetail", "statement str, services [str], azs [str], enis num, nats [str], "
        + "publicSubnets [str], ?attachmentAzs [str]");
    schema("resilience", query + "layout str, rows [{resilienceRow}], survivesAzFailure bool, "
        + "singleAz bool, brokenPairs num, unreachablePairs num" + end);
    schema("resilienceRow", "az str, broken num, services [str], instancesDown num, fix str?");
    schema("cost", query + "layout str, region str, hours num, currency str, total money, "
        + "fixed money, variable money, rounding money, parts map, lines [{line}], "
        + "unpriced [{unpriced}], unpricedGb num, missingPrices [str], unconfirmed bool, complete bool, priceVersion str, notes [str]" + end);
    schema("line", "item str, quantity num?, unit str?, unitPrice money?, monthly money, "
        + "part str, price str?, unconfirmed bool");
    schema("unpriced", "instance str, destination str, gb num, reason str");
    schema("compare", query + "layouts [str], currency str, hours num, rows [{compareRow}], "
        + "notes [str]" + end);
    schema("compareRow", "layout str, region str, total money, fixed money, variable money, "
        + "delta money, parts map, enis num, survivesAzFailure bool, singleAz bool, "
        + "failingAzs [str], brokenPairs num, unreachablePairs num, unconfirmed bool, "
        + "complete bool, unpriced [{unpriced}], unpricedGb num, missingPrices [str]");
    String chart = "kind str, cell num, file str?, input str, line num, source str, "
        + "layouts [str], chart str, format str, ";
    schema("chart cost", chart + "currency str, parts [str], bars [{costBar}], notes [str]" + end);
    schema("costBar", "layout str, total money, parts map, complete bool");
    schema("chart resilience", chart + "azs [str], bars [{resilienceBar}]" + end);
    schema("resilienceBar", "layout str, rows [{azCount}], brokenPairs num, "
        + "survivesAzFailure bool, singleAz bool, unreachablePairs num");
    schema("azCount", "az str, broken num");
    schema("sweep", "kind str, cell num, file str?, input str, line num, source str, "
        + "layouts [str], currency str, hours num, fromGb num, toGb num, stepGb num, format str?, "
        + "series [{series}], breakEven [{breakEven}], notes [str]" + end);
    schema("series", "layout str, baseGb num, flat bool, complete bool, points [{point}]");
    schema("point", "gb num, total money");
    schema("breakEven", "layouts [str], gb money, total money, cheaperAbove str?, complete bool");
    schema("expect", query + "?layout str, ?layouts [str], passed bool, text str, "
        + "?unreachable [{pair}], ?" + pair.replace(", ", ", ?").replace("??", "?")
        + ", ?brokenPairs num, "
        + "?singleAz bool, ?unreachablePairs num, "
        + "?currency str, ?actual money, ?limit money, ?other money, ?complete bool" + end);
    schema("error", "kind str, file str, line num, column num, message str, hint str?");
    schema("omitted", "errors num, warnings num");
  }

  private static void schema(String name, String fields) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String f : fields.split(", ")) {
      int sp = f.indexOf(' ');
      m.put(f.substring(0, sp), f.substring(sp + 1));
    }
    SCHEMA.put(name, m);
  }

  /** Checks {@code node} against schema {@code name}; each problem goes to {@code wrong}. */
  static void check(String where, JsonNode node, String name, List<String> wrong) {
    Map<String, String> schema = SCHEMA.get(name);
    if (schema == null) {
      wrong.add(where + ": no schema '" + name + "'");
      return;
    }
    if (!node.isObject()) {
      wrong.add(where + ": not an object: " + node);
      return;
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      String type = schema.containsKey(key) ? schema.get(key) : schema.get("?" + key);
      if (type == null) {
        wrong.add(where + "." + key + ": not a field of " + name);
      } else {
        checkType(where + "." + key, node.get(key), type, wrong);
      }
    }
    schema.keySet().stream().filter(k -> !k.startsWith("?") && !node.has(k))
        .forEach(k -> wrong.add(where + "." + k + ": missing"));
    if (name.equals("expect") && node.has("layout") == node.has("layouts")) {
      wrong.add(where + ": an expect cell has one of layout and layouts");
    }
  }

  private static void checkType(String where, JsonNode v, String type, List<String> wrong) {
    if (type.endsWith("?")) {
      if (v.isNull()) {
        return;
      }
      type = type.substring(0, type.length() - 1);
    }
    boolean ok;
    if (type.startsWith("[")) {
      ok = v.isArray();
      if (ok) {
        for (JsonNode item : v) {
          checkType(where + "[]", item, type.substring(1, type.length() - 1), wrong);
        }
      }
    } else if (type.startsWith("{")) {
      ok = v.isObject();
      if (ok) {
        check(where, v, type.substring(1, type.length() - 1), wrong);
      }
    } else {
      ok = switch (type) {
        case "str" -> v.isTextual();
        case "num" -> v.isNumber();
        case "bool" -> v.isBoolean();
        case "money" -> v.isTextual() && v.asText().matches("-?[0-9]+(\\.[0-9]+)?");
        case "map" -> v.isObject() && allMoney(v);
        default -> throw new IllegalArgumentException("type " + type);
      };
    }
    if (!ok) {
      wrong.add(where + ": " + v + " is not " + type);
    }
  }

  private static boolean allMoney(JsonNode map) {
    for (JsonNode v : map) {
      if (!v.isTextual() || !v.asText().matches("-?[0-9]+\\.[0-9]{2}")) {
        return false;
      }
    }
    return true;
  }

  // ------------------------------------------------------------------ running

  static ObjectMapper parser() {
    return new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  }

  private JsonNode runJson(Path file) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Path charts = Files.createTempDirectory(dir, "charts");
    Main.run(new String[] {"run", file.toString(), "--format", "json", "--charts",
            charts.toString()},
        new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    return parser().readTree(out.toString(StandardCharsets.UTF_8));
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
