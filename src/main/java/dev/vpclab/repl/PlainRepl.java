package dev.vpclab.repl;

import dev.vpclab.lang.Completeness;
import dev.vpclab.lang.Diagnostic;
import dev.vpclab.lang.SourceFile;
import dev.vpclab.notebook.Cell;
import dev.vpclab.notebook.Notebook;
import dev.vpclab.notebook.SourceLoader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The REPL without a line editor: numbered {@code In [n]:} / {@code Out[n]:} cells read from
 * standard input, which works for a pipe ({@code cat cells | vpclab}) as well as a terminal.
 */
public final class PlainRepl {
  private final BufferedReader in;
  private final PrintStream out;
  private final PrintStream err;
  private final boolean echo;
  private final Notebook notebook;
  private int number = 1;
  private boolean hadErrors;
  private boolean hadFailures;

  public PlainRepl(InputStream in, PrintStream out, PrintStream err) {
    this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    this.out = out;
    this.err = err;
    this.echo = System.console() == null;
    this.notebook = new Notebook(loader());
  }

  private static SourceLoader loader() {
    return path -> Files.readString(Path.of(path), StandardCharsets.UTF_8);
  }

  /** Runs until end of input or %quit; returns 2 if a cell had errors, 1 if an expect failed. */
  public int run(Path file) {
    if (file != null) {
      try {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        evaluate(new SourceFile(file.toString(), text));
      } catch (IOException e) {
        err.println(file + ": error: cannot read: " + e.getMessage());
        return 2;
      }
    }
    if (!echo) {
      out.println("vpclab " + "REPL: type statements and queries; %help for help, %quit to leave.");
    }
    try {
      while (true) {
        String cell = readCell();
        if (cell == null) {
          break;
        }
        String trimmed = cell.strip();
        if (trimmed.isEmpty()) {
          continue;
        }
        if (trimmed.startsWith("%")) {
          if (!magic(trimmed)) {
            break;
          }
          continue;
        }
        evaluate(new SourceFile("In[" + number + "]", cell));
      }
    } catch (IOException e) {
      err.println("vpclab: cannot read input: " + e.getMessage());
    }
    out.flush();
    return hadErrors ? 2 : hadFailures ? 1 : 0;
  }

  private String readCell() throws IOException {
    StringBuilder cell = new StringBuilder();
    String prompt = "In [" + number + "]: ";
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
      if (line.strip().startsWith("%") && cell.toString().strip().equals(line.strip())) {
        return cell.toString();
      }
      if (Completeness.isComplete(cell.toString())) {
        return cell.toString();
      }
      prompt = " ".repeat(Math.max(0, ("In [" + number + "]: ").length() - 5)) + "...: ";
    }
  }

  private void evaluate(SourceFile source) {
    Notebook.Result result = notebook.eval(source);
    for (Diagnostic d : result.diagnostics().all()) {
      out.print(d.render());
    }
    if (result.hasErrors()) {
      hadErrors = true;
      out.println("(cell not run: nothing changed)");
    }
    if (!result.cells().isEmpty()) {
      StringBuilder sb = new StringBuilder();
      for (Cell c : result.cells()) {
        if (c.output().failed()) {
          hadFailures = true;
        }
        sb.append(c.output().text());
        if (!c.output().text().endsWith("\n")) {
          sb.append('\n');
        }
      }
      out.print("Out[" + number + "]: " + sb);
    }
    out.println();
    number++;
  }

  /** Handles a magic; false means quit. */
  private boolean magic(String line) {
    String name = line.split("\\s+")[0];
    switch (name) {
      case "%quit", "%exit" -> {
        return false;
      }
      case "%reset" -> {
        notebook.reset();
        out.println("session reset");
      }
      case "%layouts" -> {
        if (notebook.state().layouts().isEmpty()) {
          out.println("no layouts yet");
        }
        notebook.state().layouts().forEach((n, e) -> out.println(
            (n.equals(notebook.state().current()) ? "* " : "  ") + n
                + (e.layout() == null ? " (has errors)"
                    : ": " + e.layout().region().code() + ", " + e.layout().azs().size()
                        + " AZs, " + e.layout().eniCount() + " ENIs")));
      }
      case "%help" -> out.print("""
          Type layout statements and queries, as in a .vpc file:
            az 1a subnet private app; az 1c subnet private ep
            endpoint ssm in 1c
            instance web in app needs ssm
            check
          Magics: %help, %layouts, %reset, %quit (or Ctrl-D).
          The language: docs/language.md
          """);
      default -> out.println("unknown magic " + name + "; try %help");
    }
    out.println();
    return true;
  }
}
