package dev.vpclab.testing;

import dev.vpclab.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the command line in process, as a user would, and captures what it prints. */
public final class Cli {
  private Cli() {}

  /** The exit status and everything printed on standard output and standard error. */
  public record Result(int status, String out, String err) {}

  public static Result run(String... args) {
    return runWithInput("", args);
  }

  /** With {@code stdin} as standard input (for {@code run -} and the REPL on a pipe). */
  public static Result runWithInput(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(status, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }
}
