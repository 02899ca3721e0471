package dev.vpclab.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vpclab.testing.ClassLogs;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Size;
import org.jline.terminal.impl.jni.JniNativePty;
import org.jline.terminal.impl.jni.JniTerminalProvider;
import org.jline.terminal.spi.Pty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REPL on a real terminal: vpclab is started in its own JVM with a pseudo-terminal as its
 * standard streams (opened here with JLine's native library), shows its first prompt and quits.
 * Learning the terminal must start no process: the JVM starts every child process through
 * {@code java.lang.ProcessImpl}, so that class must never be loaded (the class-loading log says
 * what was). Linux only (the pseudo-terminal's device path).
 */
class TerminalStartTest {
  @TempDir Path dir;

  record Run(String screen, int status, List<String> classes) {
    boolean loaded(String className) {
      return classes.stream().anyMatch(l -> l.contains(" " + className + " "));
    }
  }

  /** Starts the REPL on a new pseudo-terminal with the JVM options given, then types %quit. */
  Run repl(String... jvmOptions) throws Exception {
    assumeTrue(System.getProperty("os.name").startsWith("Linux"), "Linux pseudo-terminals");
    Path log = dir.resolve("classes.txt");
    List<String> cmd = new ArrayList<>(ClassLogs.java(log));
    cmd.addAll(List.of(jvmOptions));
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.vpclab.cli.Main"));
    try (Pty pty = new JniTerminalProvider().open(null, new Size(80, 24))) {
      File tty = new File(((JniNativePty) pty).getName());
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(tty).redirectOutput(tty)
          .redirectError(tty);
      pb.environment().put("TERM", "xterm-256color");
      pb.environment().put("XDG_STATE_HOME", dir.resolve("state").toString());
      Process p = pb.start();
      Screen screen = new Screen(pty.getMasterInput());
      try {
        screen.waitFor("In [1]: ", 60);
        OutputStream keys = pty.getMasterOutput();
        keys.write("%quit\r".getBytes(StandardCharsets.UTF_8));
        keys.flush();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the REPL did not quit: " + screen.text());
      } finally {
        p.destroyForcibly();
      }
      return new Run(screen.text(), p.exitValue(), Files.readAllLines(log));
    }
  }

  /** What the REPL wrote on the terminal, read on a thread of its own. */
  static final class Screen {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    Screen(InputStream master) {
      Thread t = new Thread(() -> {
        byte[] b = new byte[4096];
        try {
          for (int n; (n = master.read(b)) > 0; ) {
            synchronized (bytes) {
              bytes.write(b, 0, n);
            }
          }
        } catch (IOException e) {
          // the pseudo-terminal was closed
        }
      }, "pty-reader");
      t.setDaemon(true);
      t.start();
    }

    String text() {
      synchronized (bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
      }
    }

    void waitFor(String s, int seconds) throws InterruptedException {
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      while (!text().contains(s)) {
        assertTrue(System.nanoTime() < end, "no '" + s + "' on the terminal: " + text());
        Thread.sleep(20);
      }
    }
  }

  static Set<String> named(List<String> log) {
    return ClassLogs.named(log);
  }

  List<String> training(String path) throws Exception {
    return ClassLogs.training(dir, path);
  }

  @Test
  void theReplsTrainingLoadsEveryClassTheReplsStartLoads() throws Exception {
    Set<String> start = named(repl().classes());
    Set<String> trained = named(training("repl"));
    Set<String> missing = new TreeSet<>(start);
    missing.removeAll(trained);
    // the JDK's console reader, made only when there is a console
    missing.removeIf(c -> c.startsWith("java.io.Console$"));
    assertEquals(Set.of(), missing, "classes of the REPL's start left out of its archive");
  }

  @Test
  void theBatchTrainingLoadsNoClassOfTheRepl() throws Exception {
    Set<String> trained = named(training("run"));
    assertTrue(trained.contains("dev.vpclab.notebook.Notebook"), "a run was rehearsed");
    List<String> repl = trained.stream()
        .filter(c -> c.startsWith("org.jline.") || c.startsWith("dev.vpclab.repl.")).toList();
    assertEquals(List.of(), repl, "the batch archive holds classes of the REPL");
  }

  @Test
  void theTerminalIsLearntWithoutStartingAProcess() throws Exception {
    Run r = repl();
    assertEquals(0, r.status(), r.screen());
    assertTrue(r.loaded("org.jline.terminal.impl.jni.linux.LinuxNativePty"),
        "JLine's native provider reads the terminal");
    assertTrue(r.loaded("org.jline.terminal.impl.PosixSysTerminal"), "a full terminal");
    assertFalse(r.loaded("java.lang.ProcessImpl"), "a process was started");
    assertTrue(r.screen().contains("\u001b["), "a line editor with escape codes: " + r.screen());
  }

  @Test
  void withoutTheNativeLibraryTheReplRunsOnADumbTerminal() throws Exception {
    // JLine extracts its native library into jline.tmpdir: a folder that does not exist makes
    // the library fail to load, as a temporary folder mounted noexec would
    Run r = repl("-Djline.tmpdir=" + dir.resolve("missing"));
    assertEquals(0, r.status(), r.screen());
    assertTrue(r.loaded("org.jline.terminal.impl.DumbTerminal"), "the dumb terminal");
    assertFalse(r.loaded("org.jline.terminal.impl.PosixSysTerminal"), "no native terminal");
    assertFalse(r.loaded("java.lang.ProcessImpl"), "a process was started");
    assertFalse(r.screen().contains("WARNING") || r.screen().contains("\tat "), r.screen());
  }
}
