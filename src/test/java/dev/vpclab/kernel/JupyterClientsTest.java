package dev.vpclab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpclab.testing.Cli;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel as Jupyter's own clients see it, from Debian's packages run by the system's
 * /usr/bin/python3: jupyter_kernel_test's suite (src/test/kernel/test_vpclab_kernel.py), and
 * {@code jupyter nbconvert --execute} of docs/example.ipynb, its outputs checked by
 * src/test/kernel/check_notebook.py, then rendered to HTML.
 *
 * <p>The kernelspec is the one {@code vpclab kernel install --prefix DIR} writes, found through
 * JUPYTER_PATH; its launcher is replaced by this build's classes (the launcher would build the
 * jar first, and the jar is made after the tests). Without python3-jupyter-kernel-test,
 * jupyter-nbconvert and python3-nbclient the tests are skipped, except in CI (CI=true), where they
 * fail (.ci/run installs them).
 */
class JupyterClientsTest {
  static final boolean CI = "true".equals(System.getenv("CI"));
  static final String PYTHON = "/usr/bin/python3";
  static final Path SUITE = Path.of("src/test/kernel/test_vpclab_kernel.py").toAbsolutePath();
  static final Path CHECKER = Path.of("src/test/kernel/check_notebook.py").toAbsolutePath();
  static final Path EXAMPLE = Path.of("docs/example.ipynb").toAbsolutePath();
  /** The generic tests of jupyter_kernel_test that have nothing to test in vpclab. */
  static final Set<String> NOT_APPLICABLE = Set.of(
      "test_execute_stdout", "test_execute_stderr", "test_pager", "test_clear_output",
      "test_history");
  /** A line of a Java stack trace, or an exception's name. */
  static final Pattern JAVA_STACK = Pattern.compile(
      "(?m)^\\s+at [\\w$.]+\\(|Exception in thread|\\b(java|javax|jdk|sun|org\\.zeromq|dev\\.vpclab)"
          + "\\.[\\w.$]*(Exception|Error)\\b");

  @TempDir
  static Path dir;

  /** The kernelspec's prefix: JUPYTER_PATH is its share/jupyter. */
  static Path prefix;
  /** Null when /usr/bin/python3 has Jupyter's clients, else what is missing. */
  static String missing;

  @BeforeAll
  static void installTheKernelspec() throws Exception {
    missing = missingJupyterClients();
    if (missing != null) {
      return;
    }
    prefix = dir.resolve("prefix");
    Cli.Result r = Cli.run("kernel", "install", "--prefix", prefix.toString());
    assertEquals(0, r.status(), r.out() + r.err());
    Path json = prefix.resolve("share/jupyter/kernels/vpclab/kernel.json");
    ObjectNode spec = (ObjectNode) new ObjectMapper().readTree(json.toFile());
    assertEquals("vpclab", spec.get("display_name").asText());
    assertEquals("vpclab", spec.get("language").asText());
    assertEquals("message", spec.get("interrupt_mode").asText());
    JsonNode argv = spec.get("argv");
    assertEquals(3, argv.size(), argv.toString());
    Path launcher = Path.of(argv.get(0).asText());
    assertTrue(launcher.isAbsolute(), "the launcher's absolute path: " + launcher);
    assertEquals(Path.of("vpclab").toAbsolutePath().normalize(), launcher.normalize());
    assertEquals("kernel", argv.get(1).asText());
    assertEquals("{connection_file}", argv.get(2).asText());

    ArrayNode built = spec.putArray("argv");
    built.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    built.add("-Djava.awt.headless=true");
    built.add("-XX:+UseSerialGC");
    built.add("-XX:TieredStopAtLevel=1");
    built.add("-cp");
    built.add(System.getProperty("java.class.path"));
    built.add("dev.vpclab.cli.Main");
    built.add("kernel");
    built.add("{connection_file}");
    Files.writeString(json, spec.toString());
  }

  /** Skips each test (each one shows as skipped), or fails it with CI=true, without the clients. */
  @BeforeEach
  void requireJupyterClients() {
    if (missing != null && CI) {
      fail(missing + " is missing, and CI=true requires it (.ci/run installs it)");
    }
    Assumptions.assumeTrue(missing == null, () -> missing + " is not installed: not run");
  }

  @Test
  void jupyterKernelTestSuitePasses() throws Exception {
    Path work = Files.createDirectories(dir.resolve("suite"));
    Run run = python(work, SUITE.toString());
    assertEquals(0, run.status(), run.out());
    assertTrue(run.out().contains("\nOK"), run.out());
    // every test of ours ran: only the generic ones vpclab has nothing for are skipped
    Set<String> skipped = new TreeSet<>();
    Matcher m = Pattern.compile("(?m)^\\s*(test_\\w+) \\(.*\\) \\.\\.\\. skipped").matcher(run.out());
    while (m.find()) {
      skipped.add(m.group(1));
    }
    assertTrue(NOT_APPLICABLE.containsAll(skipped), "skipped: " + skipped + "\n" + run.out());
    Matcher ran = Pattern.compile("(?m)^Ran (\\d+) tests").matcher(run.out());
    assertTrue(ran.find() && Integer.parseInt(ran.group(1)) >= 30, "the suite ran: " + run.out());
    assertNoJavaStack(run.out());
  }

  @Test
  void exampleNotebookExecutesAndRendersToHtml() throws Exception {
    Path work = Files.createDirectories(dir.resolve("notebook"));
    Path copy = work.resolve("example.ipynb");
    Files.copy(EXAMPLE, copy);
    Run executed = python(work, "-m", "nbconvert", "--to", "notebook", "--execute",
        "--ExecutePreprocessor.timeout=60", "--output", "executed.ipynb", "example.ipynb");
    assertEquals(0, executed.status(), executed.out());
    assertNoJavaStack(executed.out());
    Run checked = python(work, CHECKER.toString(), "executed.ipynb");
    assertEquals(0, checked.status(), checked.out());

    Run html = python(work, "-m", "nbconvert", "--to", "html", "executed.ipynb");
    assertEquals(0, html.status(), html.out());
    String page = Files.readString(work.resolve("executed.html"));
    assertTrue(page.contains("3 of 3 pairs reachable in single"), "check's text");
    assertTrue(page.contains("<table"), "tables as HTML");
    assertTrue(page.contains("src=\"data:image/png;base64,")
        || page.contains("src=\"data:image/svg+xml;base64,"), "the chart inline");
    assertNoJavaStack(page);
  }

  static void assertNoJavaStack(String text) {
    Matcher m = JAVA_STACK.matcher(text);
    if (m.find()) {
      fail("a Java stack trace: " + m.group() + "\n" + text);
    }
  }

  /** What a Python run printed (standard output and error) and its exit status. */
  record Run(int status, String out) {}

  /** /usr/bin/python3 ARGS in {@code cwd}, Jupyter's paths all inside the temporary folder. */
  static Run python(Path cwd, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(PYTHON);
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile())
        .redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.put("JUPYTER_PATH", prefix.resolve("share/jupyter").toString());
    env.put("JUPYTER_DATA_DIR", dir.resolve("data").toString());
    env.put("JUPYTER_RUNTIME_DIR", dir.resolve("runtime").toString());
    env.put("JUPYTER_CONFIG_DIR", dir.resolve("config").toString());
    env.put("PYTHONDONTWRITEBYTECODE", "1");
    env.put("PYTHONIOENCODING", "utf-8");
    Process p = pb.start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail(String.join(" ", command) + " did not finish");
    }
    return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  /** Null when /usr/bin/python3 has Jupyter's clients, else what is missing. */
  static String missingJupyterClients() throws InterruptedException {
    boolean there = false;
    if (new File(PYTHON).canExecute()) {
      try {
        Process p = new ProcessBuilder(PYTHON, "-c",
            "import jupyter_kernel_test, jupyter_client, nbclient, nbconvert")
            .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        there = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
      } catch (IOException e) {
        there = false;
      }
    }
    return there ? null : "/usr/bin/python3 with jupyter_kernel_test, nbclient and nbconvert "
        + "(apt-get install python3-jupyter-kernel-test python3-nbclient jupyter-nbconvert)";
  }
}
