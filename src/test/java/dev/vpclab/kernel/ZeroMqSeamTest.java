package dev.vpclab.kernel;

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
 * JeroMQ and Jackson stay in the kernel (and Jackson in the importer): only dev.vpclab.kernel names
 * JeroMQ, only it and dev.vpclab.importer name Jackson, and a batch run loads
 * neither them nor the kernel.
 */
class ZeroMqSeamTest {
  static final List<String> KERNEL_ONLY = List.of("org.zeromq", "zmq", "com.fasterxml.jackson");
  static final String JACKSON = "com.fasterxml.jackson";

  @Test
  void onlyTheKernelPackageNamesZeroMqOrJackson() throws Exception {
    List<String> found = new ArrayList<>();
    Path kernel = Path.of("src/main/java/dev/vpclab/kernel");
    Path importer = Path.of("src/main/java/dev/vpclab/importer");
    try (Stream<Path> s = Files.walk(Path.of("src/main/java/dev/vpclab"))) {
      for (Path p : s.filter(f -> f.toString().endsWith(".java")).toList()) {
        if (p.startsWith(kernel)) {
          continue;
        }
        String text = Files.readString(p, StandardCharsets.UTF_8);
        for (String f : KERNEL_ONLY) {
          if (f.equals(JACKSON) && p.startsWith(importer)) {
            continue;
          }
          if (text.contains("import " + f + ".") || text.contains(" " + f + ".")
              || text.contains("(" + f + ".")) {
            found.add(p + " names " + f);
          }
        }
      }
    }
    assertEquals(List.of(), found);
  }

  @Test
  void theImporterNamesJacksonButNotZeroMq() throws Exception {
    String json = Files.readString(Path.of("src/main/java/dev/vpclab/importer/Json.java"),
        StandardCharsets.UTF_8);
    assertTrue(json.contains("import com.fasterxml.jackson.databind.ObjectMapper;"),
        "the check above lets the importer name Jackson");
  }

  @Test
  void theKernelDoesNameThem() throws Exception {
    String server = Files.readString(Path.of("src/main/java/dev/vpclab/kernel/KernelServer.java"),
        StandardCharsets.UTF_8);
    assertTrue(server.contains("import org.zeromq.ZMQ;"), "the check above looks for imports");
  }

  @Test
  void aBatchRunLoadsNeitherTheKernelNorZeroMq() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process q = new ProcessBuilder(java, "-verbose:class", "-Xshare:off", "-cp",
        System.getProperty("java.class.path"), "dev.vpclab.cli.Main", "run",
        "scenarios/seed.vpc").redirectErrorStream(true).start();
    String out = new String(q.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(q.waitFor(60, TimeUnit.SECONDS));
    assertTrue(out.contains("dev.vpclab.cli.Main"), "verbose class output expected");
    List<String> loaded = out.lines().filter(l -> l.startsWith("["))
        .filter(l -> l.contains(" org.zeromq.") || l.contains(" zmq.")
            || l.contains(" dev.vpclab.kernel.") || l.contains(" com.fasterxml."))
        .limit(5).toList();
    assertEquals(List.of(), loaded);
    assertEquals(0, q.exitValue());
  }
}
