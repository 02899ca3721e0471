package dev.vpclab.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import dev.vpclab.testing.Cli;
import dev.vpclab.testing.Cli.Result;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden tests: each {@code .vpc} file is run as {@code vpclab run FILE} (text) and {@code vpclab
 * run FILE --format json}; exit status, standard output and standard error must match the files
 * beside it ({@code NAME.expected} and {@code NAME.json}). Scenario files under {@code scenarios/}
 * have theirs under {@code src/test/golden/scenarios/}.
 *
 * <p>After a deliberate change of output, regenerate with {@code mvn test -Dgolden.update=true}
 * and review the diff before committing it.
 */
class GoldenTest {
  static final boolean UPDATE = Boolean.getBoolean("golden.update");
  static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> errorCases() throws IOException {
    return cases(Path.of("src/test/golden/errors"), Path.of("src/test/golden/errors"));
  }

  @TestFactory
  Stream<DynamicTest> scenarios() throws IOException {
    return cases(Path.of("scenarios"), Path.of("src/test/golden/scenarios"));
  }

  private Stream<DynamicTest> cases(Path inputs, Path expectations) throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(inputs)) {
      s.filter(p -> p.toString().endsWith(".vpc")).sorted().forEach(files::add);
    }
    if (files.isEmpty()) {
      fail("no .vpc files in " + inputs);
    }
    return files.stream().map(file -> DynamicTest.dynamicTest(file.toString(), () -> {
      String name = file.getFileName().toString().replaceFirst("\\.vpc$", "");
      Files.createDirectories(expectations);
      check(expectations.resolve(name + ".expected"), transcript(file, "text"));
      Result json = run("run", file.toString(), "--format", "json", "--charts", charts());
      JSON.readTree(json.out()); // must be valid JSON whatever the case
      check(expectations.resolve(name + ".json"), json.out());
    }));
  }

  private static String transcript(Path file, String format) {
    Result r = run("run", file.toString(), "--format", format, "--charts", charts());
    return "exit: " + r.status() + "\n--- stdout\n" + r.out() + "--- stderr\n" + r.err();
  }

  private static void check(Path expected, String actual) throws IOException {
    if (UPDATE) {
      Files.writeString(expected, actual, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(expected)) {
      fail(expected + " is missing; run mvn test -Dgolden.update=true and review it");
    }
    assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual, expected.toString());
  }

  /**
   * A fresh temporary directory for the charts a run writes (never the repository); transcripts
   * show it as {@code <charts>}.
   */
  static String charts() {
    try {
      Path dir = Files.createTempDirectory("vpclab-golden-charts");
      dir.toFile().deleteOnExit();
      CHARTS.set(dir.toString());
      return dir.toString();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static final ThreadLocal<String> CHARTS = new ThreadLocal<>();

  static Result run(String... args) {
    Result r = Cli.run(args);
    String dir = CHARTS.get();
    String o = r.out();
    String e = r.err();
    if (dir != null) {
      o = o.replace(dir, "<charts>");
      e = e.replace(dir, "<charts>");
    }
    return new Result(r.status(), o, e);
  }
}
