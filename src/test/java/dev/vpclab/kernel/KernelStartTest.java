package dev.vpclab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vpclab.kernel.KernelClient.Received;
import dev.vpclab.notebook.Json;
import dev.vpclab.testing.ClassLogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel's class-data archive ({@code target/vpclab-kernel.jsa}, trained by {@code
 * dev.vpclab.cli.Training kernel}) holds every class the kernel's start loads up to its
 * kernel_info reply, and the batch archive none of the kernel's.
 */
class KernelStartTest {
  @TempDir
  Path dir;

  /**
   * {@code vpclab kernel CONNECTION_FILE} in its own JVM: the classes it loaded by the time its
   * kernel_info reply arrived; then it is shut down.
   */
  List<String> startToKernelInfo() throws Exception {
    Path log = dir.resolve("classes.txt");
    Path file = dir.resolve("kernel.json");
    try (KernelClient client = new KernelClient("a-secret-key")) {
      Files.writeString(file, Json.write(client.connection.json()));
      List<String> cmd = new ArrayList<>(ClassLogs.java(log));
      cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.vpclab.cli.Main",
          "kernel", file.toString()));
      Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      try {
        client.shell.setReceiveTimeOut(60_000);
        client.control.setReceiveTimeOut(60_000);
        client.connect();
        String id = client.send(client.shell, "kernel_info_request", Json.obj());
        Received info = client.reply(client.shell, id);
        assertNotNull(info, "no kernel_info_reply");
        List<String> loaded = Files.readAllLines(log);
        String bye = client.send(client.control, "shutdown_request", Json.obj());
        assertNotNull(client.reply(client.control, bye), "no shutdown_reply");
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the kernel did not stop");
        assertEquals(0, p.exitValue());
        return loaded;
      } finally {
        p.destroyForcibly();
      }
    }
  }

  @Test
  void theKernelsTrainingLoadsEveryClassItsStartLoadsUpToKernelInfo() throws Exception {
    Set<String> start = ClassLogs.named(startToKernelInfo());
    assertTrue(start.contains("dev.vpclab.kernel.KernelServer"), "the kernel started");
    Set<String> trained = ClassLogs.named(ClassLogs.training(dir, "kernel"));
    Set<String> missing = new TreeSet<>(start);
    missing.removeAll(trained);
    assertEquals(Set.of(), missing, "classes of the kernel's start left out of its archive");
  }

  @Test
  void theBatchTrainingLoadsNoClassOfTheKernel() throws Exception {
    Set<String> trained = ClassLogs.named(ClassLogs.training(dir, "run"));
    assertTrue(trained.contains("dev.vpclab.notebook.Notebook"), "a run was rehearsed");
    List<String> kernel = trained.stream().filter(c -> c.startsWith("dev.vpclab.kernel.")
        || c.startsWith("org.zeromq.") || c.startsWith("zmq.")
        || c.startsWith("com.fasterxml.jackson.")).toList();
    assertEquals(List.of(), kernel, "the batch archive holds classes of the kernel");
  }
}
