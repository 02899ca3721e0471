package dev.vpclab.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Money is BigDecimal end to end: no binary floating point in the cost code. */
class NoFloatingPointTest {
  static final Pattern FLOATING = Pattern.compile(
      "\\b(double|float|Double|Float|DoubleStream|parseDouble|doubleValue|floatValue)\\b"
          + "|\\b\\d+(\\.\\d+)?[dDfF]\\b");

  @Test
  void costSourcesUseNoFloatingPoint() throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(Path.of("src/main/java/dev/vpclab/cost"))) {
      s.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
    }
    files.add(Path.of("src/main/java/dev/vpclab/notebook/CostCells.java"));
    files.add(Path.of("src/main/java/dev/vpclab/notebook/ChartCells.java"));
    files.add(Path.of("src/main/java/dev/vpclab/notebook/ChartSpec.java"));
    assertTrue(files.size() > 5, files.toString());
    List<String> found = new ArrayList<>();
    for (Path f : files) {
      List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = FLOATING.matcher(lines.get(i));
        if (m.find()) {
          found.add(f.getFileName() + ":" + (i + 1) + ": " + lines.get(i).trim());
        }
      }
    }
    assertEquals(List.of(), found);
  }
}
