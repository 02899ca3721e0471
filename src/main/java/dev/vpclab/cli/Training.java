package dev.vpclab.cli;

import dev.vpclab.kernel.KernelRehearsal;
import dev.vpclab.repl.JLineRepl;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The training runs behind the class-data archives: after each build, the first time a start-up
 * path is used, the launcher runs {@code java -XX:ArchiveClassesAtExit=ARCHIVE -cp
 * target/vpclab.jar dev.vpclab.cli.Training PATH SCENARIO}, and the JVM archives every class (and
 * lambda) this run loaded. So it rehearses the path's start-up up to its first answer and a
 * little further: whatever a rehearsal leaves out loads from the jar, slowly, in the user's run;
 * whatever the run loads that the path does not need costs every run of the path a little (the
 * JVM maps and relocates the whole archive). That is why this class uses no lambda, stream or
 * collection of its own. Not a command: users never start it.
 *
 * <p>The paths: {@code run} (batch runs: {@code run}, {@code check}, {@code prices}, help),
 * {@code repl} (the REPL), {@code kernel} (the Jupyter kernel, {@code vpclab kernel
 * CONNECTION_FILE}).
 */
public final class Training {
  private Training() {}

  /** How long the REPL's or the kernel's rehearsal may take before the training run ends. */
  static final Duration LIMIT = Duration.ofSeconds(20);

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      usage();
    }
    String scenario = args[1];
    switch (args[0]) {
      case "run" -> batch(scenario);
      case "repl" -> {
        // cells evaluate as a run does, so the REPL's archive holds the batch path too; then
        // the REPL's start in Main (on empty input: the REPL of pipes, at once ended)
        batch(scenario);
        PrintStream none = new PrintStream(OutputStream.nullOutputStream());
        Main.run(new String[] {"repl"}, InputStream.nullInputStream(), none, none);
        Path dir = Files.createTempDirectory("vpclab-training");
        try {
          JLineRepl.rehearse(dir, LIMIT);
        } finally {
          delete(dir);
        }
      }
      case "kernel" -> {
        // cells evaluate as a run does; then the kernel on a connection file in a temporary
        // folder, driven by a client in this process (KernelRehearsal)
        batch(scenario);
        Path dir = Files.createTempDirectory("vpclab-training");
        try {
          KernelRehearsal.rehearse(dir, new Kernel(), LIMIT);
        } finally {
          delete(dir);
        }
      }
      default -> usage();
    }
    System.exit(0);
  }

  /** {@code vpclab run SCENARIO}, as {@link Main#main} runs it (the warm-up thread too). */
  private static void batch(String scenario) {
    Main.launch(new String[] {"run", scenario});
  }

  /** {@code vpclab kernel CONNECTION_FILE}, as {@link Main#main} runs it. */
  private static final class Kernel implements Consumer<Path> {
    @Override
    public void accept(Path connectionFile) {
      Main.launch(new String[] {"kernel", connectionFile.toString()});
    }
  }

  private static void usage() {
    System.err.println("usage: java -cp vpclab.jar dev.vpclab.cli.Training run|repl|kernel SCENARIO");
    System.exit(2);
  }

  /** Deletes a folder and what it holds (the rehearsal's history); what cannot be, stays. */
  private static void delete(Path path) {
    try {
      if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(path)) {
          for (Path f : files) {
            delete(f);
          }
        }
      }
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // a temporary file left behind
    }
  }
}
