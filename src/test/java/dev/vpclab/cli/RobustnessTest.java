package dev.vpclab.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Broken input never crashes: mutated scenario files (bytes flipped, lines cut, duplicated or
 * shuffled, huge numbers spliced in) give exit status 0, 1 or 2 and never an internal error. In the
 * long test set ({@code mvn -Pfuzz verify}).
 */
@Tag("fuzz")
class RobustnessTest {
  private static final String[] SPLICES = {
      "9".repeat(400), "{".repeat(500), "}", "\u0000", "\"", ",", "->", "..", "$", "1a", "PB",
      "expect", "layout", "no", "10.0.0.0/33", "999.1.1.1/8", "-1", ".5", "count 0",
      "traffic * -> internet " + "9".repeat(39) + " PB", "hours 0", "in in in", "\r", "\t"};

  @Test
  void mutatedScenariosNeverCrash() throws Exception {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(Path.of("scenarios"))) {
      s.filter(p -> p.toString().endsWith(".vpc")).sorted().forEach(files::add);
    }
    Random random = new Random(20261125);
    int runs = 0;
    for (Path file : files) {
      String text = Files.readString(file);
      for (int i = 0; i < 150; i++) {
        String mutated = mutate(text, random);
        check(mutated);
        runs++;
      }
    }
    assertTrue(runs >= 500);
  }

  @org.junit.jupiter.api.io.TempDir static Path charts;

  private static void check(String input) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(new String[] {"run", "-", "--format", "json", "--charts",
        charts.toString()},
        new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    String e = err.toString(StandardCharsets.UTF_8);
    assertTrue(status >= 0 && status <= 2, "status " + status + " for:\n" + input);
    assertFalse(e.contains("internal error"), e + "\nfor input:\n" + input);
  }

  static String mutate(String text, Random r) {
    StringBuilder sb = new StringBuilder(text);
    int edits = 1 + r.nextInt(4);
    for (int k = 0; k < edits && sb.length() > 0; k++) {
      int at = r.nextInt(sb.length());
      switch (r.nextInt(6)) {
        case 0 -> sb.setCharAt(at, (char) (r.nextInt(95) + 32));
        case 1 -> sb.delete(at, Math.min(sb.length(), at + r.nextInt(40)));
        case 2 -> sb.insert(at, SPLICES[r.nextInt(SPLICES.length)]);
        case 3 -> sb.insert(at, sb.substring(at, Math.min(sb.length(), at + r.nextInt(200))));
        case 4 -> sb.setLength(at);
        default -> {
          String[] lines = sb.toString().split("\n", -1);
          int a = r.nextInt(lines.length);
          int b = r.nextInt(lines.length);
          String t = lines[a];
          lines[a] = lines[b];
          lines[b] = t;
          sb.setLength(0);
          sb.append(String.join("\n", lines));
        }
      }
    }
    return sb.toString();
  }
}
