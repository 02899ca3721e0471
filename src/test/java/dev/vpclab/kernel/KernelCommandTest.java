package dev.vpclab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vpclab.testing.Cli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vpclab kernel install} and {@code vpclab kernel FILE} on the command line. */
class KernelCommandTest {
  @TempDir
  Path dir;

  @Test
  void installWritesTheKernelspecUnderThePrefix() throws Exception {
    Cli.Result r = Cli.run("kernel", "install", "--prefix", dir.toString());
    assertEquals(0, r.status(), r.err());
    Path spec = dir.resolve("share/jupyter/kernels/vpclab");
    assertEquals("installed kernelspec vpclab in " + spec + "\n", r.out());
    JsonNode k = KernelClient.JSON.readTree(Files.readString(spec.resolve("kernel.json")));
    Path launcher = Path.of("vpclab").toAbsolutePath();
    assertEquals(List.of(launcher.toString(), "kernel", "{connection_file}"),
        KernelClient.JSON.convertValue(k.get("argv"), List.class));
    assertEquals("vpclab", k.get("display_name").asText());
    assertEquals("vpclab", k.get("language").asText());
    assertEquals("message", k.get("interrupt_mode").asText());
    for (String logo : List.of("logo-32x32.png", "logo-64x64.png")) {
      byte[] png = Files.readAllBytes(spec.resolve(logo));
      assertEquals("PNG", new String(png, 1, 3, StandardCharsets.US_ASCII), logo);
    }
    // again: replaced whole, nothing left beside it
    Files.writeString(spec.resolve("stale.txt"), "old");
    assertEquals(0, Cli.run("kernel", "install", "--prefix", dir.toString()).status());
    try (Stream<Path> s = Files.list(spec.getParent())) {
      assertEquals(List.of("vpclab"), s.map(p -> p.getFileName().toString()).toList());
    }
    try (Stream<Path> s = Files.list(spec)) {
      assertEquals(List.of("kernel.json", "logo-32x32.png", "logo-64x64.png"),
          s.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void userDirFollowsJupyterDataDir() {
    assertEquals(Path.of("/data/kernels/vpclab"),
        KernelSpec.userDir(Map.of("JUPYTER_DATA_DIR", "/data"), "/home/u"));
    assertEquals(Path.of("/home/u/.local/share/jupyter/kernels/vpclab"),
        KernelSpec.userDir(Map.of(), "/home/u"));
  }

  @Test
  void installCannotWriteIsOneLine() throws Exception {
    Path file = dir.resolve("a-file");
    Files.writeString(file, "x");
    Cli.Result r = Cli.run("kernel", "install", "--prefix", file.toString());
    assertEquals(2, r.status());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().contains("error: cannot install the kernel: "), r.err());
  }

  @Test
  void usageErrors() {
    assertUsage(Cli.run("kernel"), "vpclab: kernel needs a CONNECTION_FILE");
    assertUsage(Cli.run("kernel", "a.json", "b.json"), "vpclab: kernel takes one CONNECTION_FILE");
    assertUsage(Cli.run("kernel", "instal"),
        "vpclab: kernel instal: no such connection file; did you mean 'install'?");
    assertUsage(Cli.run("kernel", "install", "--user", "--prefix", "x"),
        "vpclab: --user and --prefix cannot be given together");
    assertUsage(Cli.run("kernel", "install", "--prefx", "x"),
        "vpclab: unknown option --prefx; did you mean '--prefix'?");
    assertUsage(Cli.run("kernal"), "vpclab: unknown command 'kernal'; did you mean 'kernel'?");
    Cli.Result help = Cli.run("kernel", "--help");
    assertEquals(0, help.status());
    assertTrue(help.out().contains("vpclab kernel install [--user | --prefix DIR]"), help.out());
    assertTrue(Cli.run("--help").out().contains("vpclab kernel CONNECTION_FILE"));
  }

  private static void assertUsage(Cli.Result r, String first) {
    assertEquals(2, r.status(), r.err());
    assertTrue(r.err().startsWith(first), r.err());
    assertTrue(!r.err().contains("Exception") && !r.err().contains("\tat "), r.err());
  }

  @Test
  void aMissingOrBadConnectionFileIsOneLine() throws Exception {
    Cli.Result missing = Cli.run("kernel", dir.resolve("nope.json").toString());
    assertEquals(2, missing.status());
    assertEquals(dir.resolve("nope.json") + ": error: no such connection file\n", missing.err());
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"ip\": \"127.0.0.1\", \"shell_port\": 1", StandardCharsets.UTF_8);
    Cli.Result malformed = Cli.run("kernel", bad.toString());
    assertEquals(2, malformed.status());
    assertEquals(1, malformed.err().lines().count(), malformed.err());
    assertTrue(malformed.err().startsWith(bad + ": error: not a Jupyter connection file: "
        + "malformed JSON"), malformed.err());
    Files.writeString(bad, "{\"ip\": \"127.0.0.1\", \"shell_port\": 1, \"signature_scheme\": "
        + "\"hmac-md5\"}", StandardCharsets.UTF_8);
    assertEquals(bad + ": error: not a Jupyter connection file: signature_scheme 'hmac-md5' is"
        + " not supported; use hmac-sha256\n", Cli.run("kernel", bad.toString()).err());
    Files.writeString(bad, "{\"ip\": \"127.0.0.1\", \"shell_port\": 1}", StandardCharsets.UTF_8);
    assertEquals(bad + ": error: not a Jupyter connection file: no \"control_port\"\n",
        Cli.run("kernel", bad.toString()).err());
    Cli.Result directory = Cli.run("kernel", dir.toString());
    assertEquals(2, directory.status());
    assertEquals(1, directory.err().lines().count(), directory.err());
  }
}
