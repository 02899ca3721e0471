package dev.vpclab.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * AWT, JFreeChart and Batik stay behind the chart seam: only dev.vpclab.chart names them, and a
 * run of a scenario without charts loads no AWT class.
 */
class AwtSeamTest {
  static final List<String> FORBIDDEN = List.of("java.awt", "javax.imageio", "javax.swing",
      "org.jfree", "org.apache.batik");

  @Test
  void onlyTheChartPackageNamesAwt() throws Exception {
    List<String> found = new ArrayList<>();
    try (Stream<Path> s = Files.walk(Path.of("src/main/java/dev/vpclab"))) {
      for (Path p : s.filter(f -> f.toString().endsWith(".java")).toList()) {
        if (p.startsWith(Path.of("src/main/java/dev/vpclab/chart"))) {
          continue;
        }
        String text = Files.readString(p, StandardCharsets.UTF_8);
        for (String f : FORBIDDEN) {
          if (text.contains(f + ".")) {
            found.add(p + " names " + f);
          }
        }
      }
    }
    assertEquals(List.of(), found);
  }

  @Test
  void aRunWithoutChartsLoadsNoAwtClass() throws Exception {
    String scenario = "scenarios/ecs-fargate-ecr.vpc";
    String text = Files.readString(Path.of(scenario), StandardCharsets.UTF_8);
    assertTrue(!text.contains("\nchart ") && !text.contains("\nsweep "),
        scenario + " must stay free of charts for this test");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process q = new ProcessBuilder(java, "-verbose:class", "-cp",
        System.getProperty("java.class.path"), "dev.vpclab.cli.Main", "run",
        scenario, "--format", "json").redirectErrorStream(true).start();
    String out = new String(q.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(q.waitFor(60, TimeUnit.SECONDS));
    assertTrue(out.contains("dev.vpclab.notebook.Notebook"), "verbose class output expected");
    List<String> loaded = out.lines()
        .filter(l -> FORBIDDEN.stream().anyMatch(f -> l.contains(" " + f + ".")))
        .filter(l -> l.startsWith("[")).limit(5).toList();
    assertEquals(List.of(), loaded, "a run without charts loaded AWT or chart classes");
    assertTrue(!out.contains("dev.vpclab.chart.Charts"), "the chart renderer was loaded");
    assertEquals(0, q.exitValue());
  }
}
