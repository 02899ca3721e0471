package dev.vpclab.repl;

import dev.vpclab.lang.Completeness;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The REPL without a line editor: numbered {@code In [n]:} / {@code Out[n]:} cells read from
 * standard input, which works for a pipe ({@code cat cells | vpclab}) as well as a terminal. It
 * never loads JLine and writes no escape codes. Cells and magics are handled by {@link Session},
 * as in {@link JLineRepl}.
 */
public final class PlainRepl {
  private final BufferedReader in;
  private final PrintStream out;
  private final PrintStream err;
  private final boolean echo;
  private final Session session;

  public PlainRepl(InputStream in, PrintStream out, PrintStream err) {
    this(in, out, err, System.console() == null, Path.of(""));
  }

  /** echo: print each line read after its prompt (for a pipe, so the transcript reads well). */
  public PlainRepl(InputStream in, PrintStream out, PrintStream err, boolean echo, Path base) {
    this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    this.out = out;
    this.err = err;
    this.echo = echo;
    this.session = new Session(base);
  }

  /** Runs until end of input or %quit; returns 2 if a cell had errors, 1 if an expect failed. */
  public int run(Path file) {
    if (file != null) {
      out.print(session.loadFile(file));
    }
    if (!echo) {
      out.println("vpclab REPL: type statements and queries; %help for help, %quit to leave.");
    }
    try {
      while (true) {
        String cell = readCell();
        if (cell == null) {
          break;
        }
        Session.Reply reply = session.input(cell);
        out.print(reply.text());
        out.flush();
        if (reply.quit()) {
          break;
        }
      }
    } catch (IOException e) {
      err.println("vpclab: cannot read input: " + e.getMessage());
    }
    out.flush();
    return session.status();
  }

  private String readCell() throws IOException {
    StringBuilder cell = new StringBuilder();
    String prompt = session.prompt();
    while (true) {
      out.print(prompt);
      out.flush();
      String line = in.readLine();
      if (line == null) {
        if (!echo) {
          out.println();
        }
        return cell.length() == 0 ? null : cell.toString();
      }
      if (echo) {
        out.println(line);
      }
      cell.append(line).append('\n');
      if (cell.length() == line.length() + 1 && Session.isMagic(line)) {
        return cell.toString();
      }
      if (Completeness.isComplete(cell.toString())) {
        return cell.toString();
      }
      prompt = session.continuationPrompt();
    }
  }
}
