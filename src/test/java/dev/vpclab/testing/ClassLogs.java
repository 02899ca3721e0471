package dev.vpclab.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The JVM's class-loading log ({@code -Xlog:class+load=info:file=LOG}) of a start-up path and of
 * its training run ({@code dev.vpclab.cli.Training}), to check that a path's class-data archive
 * holds what the path's start loads.
 */
public final class ClassLogs {
  private ClassLogs() {}

  /** The java command of this JVM with a class-loading log into log and no archive. */
  public static List<String> java(Path log) {
    return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xshare:off", "-Xlog:class+load=info:file=" + log);
  }

  /**
   * The classes a JVM loaded, by name, from its class-loading log; lambdas, proxies and other
   * generated classes are left out (their names change from run to run).
   */
  public static Set<String> named(List<String> log) {
    Set<String> names = new TreeSet<>();
    for (String line : log) {
      String[] w = line.split(" ");
      if (w.length > 1 && !w[1].contains("/") && !w[1].contains("$$Lambda")
          && !w[1].startsWith("jdk.proxy") && !w[1].contains("GeneratedMethodAccessor")
          && !w[1].contains("GeneratedConstructorAccessor")) {
        names.add(w[1]);
      }
    }
    return names;
  }

  /** The class-loading log of a training run of the path given, its log kept in dir. */
  public static List<String> training(Path dir, String path) throws Exception {
    Path log = dir.resolve("training-" + path + ".txt");
    List<String> cmd = new java.util.ArrayList<>(java(log));
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"),
        "dev.vpclab.cli.Training", path, "scenarios/seed.vpc"));
    Process p = new ProcessBuilder(cmd)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    p.getOutputStream().close();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the training run did not end");
    assertEquals(0, p.exitValue());
    return Files.readAllLines(log);
  }
}
