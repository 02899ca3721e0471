package dev.vpclab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vpclab.testing.PackageReferences;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package order of docs/architecture.md holds: each package's code names only itself and the
 * packages before it (imports, inline fully qualified names and class names in strings alike).
 * The one exception is the chart seam: {@code notebook.ChartRenderer} finds the chart renderer by
 * name.
 */
class ArchitectureTest {
  private static final Path DOC = Path.of("docs/architecture.md");
  private static final Path MAIN = Path.of("src/main/java");
  private static final Path ROOT = MAIN.resolve("dev/vpclab");

  /** The chart seam of docs/architecture.md: this file, and this literal in it. */
  private static final String SEAM_FILE = "dev/vpclab/notebook/ChartRenderer.java";
  private static final String SEAM_LITERAL = "\"dev.vpclab.chart.Charts\"";

  /** The order's lines: {@code -> dev.vpclab.lang    what it holds}. */
  private static final Pattern ORDER_LINE =
      Pattern.compile("^\\s*->\\s+(dev\\.vpclab\\.[a-z][a-z0-9_]*)(\\s|$)");

  @Test
  void theOrderListsEveryPackageOnce() throws IOException {
    List<String> order = order(Files.readString(DOC, StandardCharsets.UTF_8));
    List<String> onDisk = new ArrayList<>();
    try (Stream<Path> s = Files.list(ROOT)) {
      s.filter(Files::isDirectory).forEach(d -> onDisk.add("dev.vpclab." + d.getFileName()));
    }
    assertEquals(onDisk.stream().sorted().toList(), order.stream().sorted().toList(),
        "the packages of src/main/java/dev/vpclab, each once in the order of " + DOC);
  }

  @Test
  void noPackageNamesALaterOne() throws IOException {
    List<String> order = order(Files.readString(DOC, StandardCharsets.UTF_8));
    Map<String, String> sources = new TreeMap<>();
    try (Stream<Path> s = Files.walk(ROOT)) {
      for (Path p : s.filter(f -> f.toString().endsWith(".java")).toList()) {
        sources.put(MAIN.relativize(p).toString().replace('\\', '/'),
            Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    assertTrue(sources.get(SEAM_FILE).contains(SEAM_LITERAL),
        "the chart seam moved: update " + DOC + " and this test");
    List<String> found = violations(order, sources);
    assertTrue(found.isEmpty(), () -> "the package order of " + DOC + " is broken:\n"
        + String.join("\n", found));
  }

  @Test
  void upwardNamesAreFoundWhereverTheyAreWritten() {
    List<String> order = List.of("dev.vpclab.low", "dev.vpclab.high");
    Map<String, String> sources = new TreeMap<>(Map.of(
        "dev/vpclab/low/A.java", """
            package dev.vpclab.low;

            import dev.vpclab.low.B;
            import dev.vpclab.high.C;
            // dev.vpclab.high.D in a comment is prose
            /* and so is dev.vpclab.high.E,
               over lines */
            class A {
              Object d = new dev.vpclab.high.D();
              String s = "/* dev.vpclab.high.F */";
              Object g = Class.forName("dev.vpclab.high.G");
              char q = '"'; Object h = dev.vpclab.high.H.class;
            }
            """,
        "dev/vpclab/high/C.java", """
            package dev.vpclab.high;
            import dev.vpclab.low.A;
            import static dev.vpclab.high.D.x;
            class C {}
            """));
    assertEquals(List.of(
        "dev/vpclab/low/A.java:4: dev.vpclab.low names dev.vpclab.high.C, which comes after it",
        "dev/vpclab/low/A.java:9: dev.vpclab.low names dev.vpclab.high.D, which comes after it",
        "dev/vpclab/low/A.java:10: dev.vpclab.low names dev.vpclab.high.F, which comes after it",
        "dev/vpclab/low/A.java:11: dev.vpclab.low names dev.vpclab.high.G, which comes after it",
        "dev/vpclab/low/A.java:12: dev.vpclab.low names dev.vpclab.high.H.class, which comes after it"),
        violations(order, sources));
  }

  @Test
  void aPackageOutsideTheOrderIsAViolation() {
    assertEquals(List.of(
        "dev/vpclab/low/A.java:1: dev.vpclab.low names dev.vpclab.other.X, which the order does not list"),
        violations(List.of("dev.vpclab.low"), Map.of("dev/vpclab/low/A.java",
            "import dev.vpclab.other.X;\n")));
  }

  /** The packages in the order of {@code doc}'s {@code -> dev.vpclab.x} lines. */
  static List<String> order(String doc) {
    List<String> order = new ArrayList<>();
    for (String line : doc.split("\n")) {
      Matcher m = ORDER_LINE.matcher(line);
      if (m.find()) {
        order.add(m.group(1));
      }
    }
    return order;
  }

  /**
   * Each mention, in {@code sources} (path under src/main/java to text), of a package after the
   * file's own in {@code order}, or of one the order does not list.
   */
  static List<String> violations(List<String> order, Map<String, String> sources) {
    List<String> found = new ArrayList<>();
    sources.forEach((path, text) -> {
      String own = "dev.vpclab." + path.split("/")[2];
      String code = path.equals(SEAM_FILE) ? text.replace(SEAM_LITERAL, "\"\"") : text;
      for (PackageReferences.Reference r : PackageReferences.in(code)) {
        int at = order.indexOf(r.pkg());
        if (at < 0 || at > order.indexOf(own)) {
          found.add(path + ":" + r.line() + ": " + own + " names " + r.text()
              + (at < 0 ? ", which the order does not list" : ", which comes after it"));
        }
      }
    });
    return found;
  }
}
