package dev.vpclab.repl;

import dev.vpclab.export.AtomicFile;
import dev.vpclab.export.FileRun;
import dev.vpclab.export.HtmlReport;
import dev.vpclab.export.IpynbReport;
import dev.vpclab.export.JsonReport;
import dev.vpclab.export.MarkdownReport;
import dev.vpclab.lang.Diagnostic;
import dev.vpclab.lang.Keywords;
import dev.vpclab.lang.SourceFile;
import dev.vpclab.lang.Suggest;
import dev.vpclab.model.Layout;
import dev.vpclab.notebook.Cell;
import dev.vpclab.notebook.ChartFiles;
import dev.vpclab.notebook.Output;
import dev.vpclab.notebook.Json;
import dev.vpclab.cost.Money;
import dev.vpclab.notebook.LayoutSummary;
import dev.vpclab.notebook.Notebook;
import dev.vpclab.notebook.Table;
import dev.vpclab.notebook.SourceLoader;
import dev.vpclab.notebook.State;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A REPL session, shared by the line-editor REPL and {@link PlainRepl} so that both behave the
 * same: cell numbering, evaluation (a cell with errors changes nothing), the transcript text and
 * the magics. It prints nothing itself; every method returns the text to show. No JLine here.
 */
public final class Session {
  /** The magics, for %help, completion and did-you-mean. */
  public static final List<String> MAGICS = List.of(
      "%help", "%load", "%import", "%save", "%reset", "%layouts", "%history", "%format", "%quit");

  /** The topics of %help. */
  public static final List<String> HELP_TOPICS = List.of("layout", "queries", "expect", "magics");

  private final Notebook notebook;
  private final Path base;
  private int number = 1;
  private boolean json;
  private boolean hadErrors;
  private boolean hadFailures;
  /** The cells that succeeded since the last reset, in order: what %save writes. */
  private final List<String> succeeded = new ArrayList<>();
  /** Every input of this session, in order, for %history. */
  private final List<String> inputs = new ArrayList<>();

  /** A session whose relative paths (%load, %save, prices "...") are resolved against base. */
  public Session(Path base) {
    this(base, ChartFiles.CHARTS);
  }

  /** As {@link #Session(Path)}, drawing charts as {@code charts} says (a kernel: INLINE). */
  public Session(Path base, ChartFiles charts) {
    this.base = base;
    this.notebook = new Notebook(loader(base), charts);
  }

  public Session() {
    this(Path.of(""));
  }

  private static SourceLoader loader(Path base) {
    return path -> Files.readString(base.resolve(path), StandardCharsets.UTF_8);
  }

  /** The result of one input: the text to print and whether the session goes on. */
  public record Reply(String text, boolean quit) {}

  /**
   * What one input did, for a front end that shows more than the transcript (the kernel): the
   * transcript {@code text} as {@link #input} gives it; for a cell in the language, the notebook's
   * {@code result} (null for a magic or blank input), each output cell's text as the REPL shows it
   * ({@code outputs}, in the current %format) and the notes about chart files written; {@code
   * internalError} when vpclab failed inside (the text says so); {@code failed} when a magic
   * could not do its work (a file not found or not valid, a file not written: the text says why).
   */
  public record Run(String text, boolean quit, Notebook.Result result, List<String> outputs,
      String notes, boolean internalError, boolean failed) {
    Run(String text, boolean quit) {
      this(text, quit, false);
    }

    Run(String text, boolean quit, boolean failed) {
      this(text, quit, null, List.of(), "", false, failed);
    }
  }

  public int number() {
    return number;
  }

  /** The inputs of this session that %history lists, in order. */
  public List<String> inputs() {
    return List.copyOf(inputs);
  }

  /**
   * A front end that shows outputs as they come (the kernel): the cell's warnings once it is
   * checked, then each output (k from 1, the cell, its text as the REPL shows it) as soon as it
   * is evaluated.
   */
  public interface Listener {
    Listener NONE = new Listener() {};

    default void warnings(List<Diagnostic> warnings) {}

    default void output(int k, Cell cell, String text) {}
  }

  /** Numbers the next cell n (a front end that counts its inputs itself: the kernel). */
  public void number(int n) {
    number = n;
  }

  /** Stops the running cell at its next check point (from another thread); see Notebook. */
  public void interrupt() {
    notebook.interrupt();
  }

  public State state() {
    return notebook.state();
  }

  /** 2 if a cell had errors, 1 if an expectation failed, else 0. */
  public int status() {
    return hadErrors ? 2 : hadFailures ? 1 : 0;
  }

  /** The primary prompt: {@code In [n]: }. */
  public String prompt() {
    return "In [" + number + "]: ";
  }

  /** The continuation prompt, right-aligned under the primary one: {@code    ...: }. */
  public String continuationPrompt() {
    return " ".repeat(Math.max(0, prompt().length() - 5)) + "...: ";
  }

  /** Whether an input is a magic (its first non-blank character is {@code %}). */
  public static boolean isMagic(String input) {
    return input.stripLeading().startsWith("%");
  }

  /** One input: a cell in the language or a magic. Blank input does nothing. */
  public Reply input(String input) {
    Run run = run(input, true);
    return new Reply(run.text(), run.quit());
  }

  /**
   * {@link #input}, with what it did; {@code history}: whether %history lists it (a kernel's
   * {@code store_history}). A cell that ran is saved by %save either way: its layouts exist.
   */
  public Run run(String input, boolean history) {
    return run(input, history, Listener.NONE);
  }

  /** {@link #run(String, boolean)}, telling listener each output as it comes. */
  public Run run(String input, boolean history, Listener listener) {
    try {
      return runUnguarded(input, history, listener);
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      hadErrors = true;
      return new Run("vpclab: internal error: " + e.getClass().getSimpleName()
          + " (please report it, with the input); the session goes on\n\n", false, null,
          List.of(), "", true, false);
    }
  }

  private Run runUnguarded(String input, boolean history, Listener listener) {
    String trimmed = input.strip();
    if (trimmed.isEmpty()) {
      return new Run("", false);
    }
    if (history) {
      inputs.add(input.endsWith("\n") ? input.substring(0, input.length() - 1) : input);
    }
    if (trimmed.startsWith("%")) {
      boolean before = hadErrors;
      hadErrors = false;
      Reply r = magic(trimmed);
      boolean failed = hadErrors;
      hadErrors = before || failed;
      return new Run(r.text(), r.quit(), failed);
    }
    return cell(new SourceFile("In[" + number + "]", input), listener);
  }

  /** Evaluates a file's cells into the session (the FILE of {@code vpclab repl FILE}). */
  public String loadFile(Path file) {
    Path path = base.resolve(file);
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      hadErrors = true;
      return file + ": error: no such file\n\n";
    } catch (IOException | RuntimeException e) {
      hadErrors = true;
      return file + ": error: cannot read: " + message(e) + "\n\n";
    }
    return cell(new SourceFile(file.toString(), text), Listener.NONE).text();
  }

  /** Evaluates a cell; its transcript: diagnostics, then {@code Out[n]: ...}. */
  private Run cell(SourceFile source, Listener listener) {
    StringBuilder sb = new StringBuilder();
    List<String> outputs = new ArrayList<>();
    Notebook.Result result = notebook.eval(source, number, new Notebook.Progress() {
      @Override
      public void checked(dev.vpclab.lang.Diagnostics diagnostics) {
        if (!diagnostics.all().isEmpty()) {
          listener.warnings(diagnostics.all());
        }
      }

      @Override
      public void evaluated(Cell c) {
        String text = json
            ? Json.pretty(JsonReport.cell(outputs.size() + 1, source.name(), c)) + "\n"
            : c.output().text();
        outputs.add(text);
        listener.output(outputs.size(), c, text);
      }
    });
    for (Diagnostic d : result.diagnostics().all()) {
      sb.append(d.render());
    }
    String omitted = result.diagnostics().omittedLine();
    if (omitted != null) {
      sb.append(omitted).append('\n');
    }
    if (result.hasErrors()) {
      hadErrors = true;
      sb.append("(cell not run: nothing changed)\n");
    } else {
      succeeded.add(source.text());
    }
    String notes = "";
    if (!result.cells().isEmpty()) {
      StringBuilder body = new StringBuilder();
      int k = 0;
      for (Cell c : result.cells()) {
        if (c.output().failed()) {
          hadFailures = true;
        }
        String text = outputs.get(k++);
        body.append(text);
        if (!text.endsWith("\n")) {
          body.append('\n');
        }
      }
      notes = writeCharts(result.cells());
      sb.append("Out[").append(number).append("]: ").append(body).append(notes);
    }
    if (result.interrupted()) {
      sb.append(INTERRUPTED).append('\n');
    }
    sb.append('\n');
    number++;
    return new Run(sb.toString(), false, result, outputs, notes, false, false);
  }

  /** What an interrupted cell says after the outputs it made. */
  public static final String INTERRUPTED =
      "(interrupted: the queries after this point did not run; the cell's statements stay)";

  /** Writes the charts the cells made (each whole or not at all), relative to the base. */
  private String writeCharts(List<Cell> cells) {
    StringBuilder sb = new StringBuilder();
    for (Cell c : cells) {
      for (Output.Artifact a : c.output().artifacts()) {
        if (a.path() == null) {
          continue;
        }
        try {
          AtomicFile.write(base.resolve(a.path()), a.bytes());
          sb.append("(wrote ").append(a.path()).append(")\n");
        } catch (IOException | RuntimeException e) {
          hadErrors = true;
          sb.append(a.path()).append(": error: cannot write: ").append(message(e)).append('\n');
        }
      }
    }
    return sb.toString();
  }

  // ------------------------------------------------------------------ magics

  private Reply magic(String line) {
    String[] words = line.split("\\s+", 2);
    String name = words[0];
    String arg = words.length > 1 ? words[1].strip() : "";
    String text = switch (name) {
      case "%quit", "%exit" -> null;
      case "%help" -> help(arg);
      case "%load" -> load(arg);
      case "%import" -> importing(arg);
      case "%save" -> save(arg);
      case "%reset" -> {
        notebook.reset();
        succeeded.clear();
        yield "session reset: no layouts, region " + notebook.state().region().code() + "\n";
      }
      case "%layouts" -> layouts();
      case "%history" -> history();
      case "%format" -> format(arg);
      default -> {
        String hint = Suggest.didYouMean(name, MAGICS);
        yield "unknown magic " + name + "; " + (hint == null ? "try %help" : hint) + "\n";
      }
    };
    if (text == null) {
      return new Reply("", true);
    }
    return new Reply(text.endsWith("\n\n") ? text : text + "\n", false);
  }

  private static String unquote(String arg) {
    if (arg.length() >= 2 && arg.startsWith("\"") && arg.endsWith("\"")) {
      return arg.substring(1, arg.length() - 1);
    }
    return arg;
  }

  private String load(String arg) {
    if (arg.isEmpty()) {
      return "usage: %load FILE.vpc\n";
    }
    try {
      return loadFile(Path.of(unquote(arg)));
    } catch (InvalidPathException e) {
      return arg + ": error: not a valid file name\n";
    }
  }

  /**
   * {@code %import aws|terraform FILE... [--layout NAME]}: the scenario the files make, shown and
   * evaluated as a cell, so that {@code %save} keeps it as text.
   */
  private String importing(String arg) {
    ImportMagic.Outcome o = ImportMagic.run(arg, base);
    if (o.error() != null) {
      hadErrors = true;
      return o.error();
    }
    return o.text() + cell(new SourceFile("In[" + number + "]", o.text()), Listener.NONE).text();
  }

  /**
   * The succeeded cells, in order, written whole or not at all: as a scenario file (.vpc, or any
   * other name), or as a design-review document (.ipynb, .html, .md), which runs the saved
   * scenario afresh so that the document shows exactly what {@code vpclab run} would.
   */
  public String save(String arg) {
    if (arg.isEmpty()) {
      return "usage: %save FILE.vpc | FILE.ipynb | FILE.html | FILE.md\n";
    }
    String file = unquote(arg);
    StringBuilder sb = new StringBuilder("# saved by the vpclab REPL: the cells that ran, in order\n");
    for (String cell : succeeded) {
      sb.append(cell);
      if (!cell.endsWith("\n")) {
        sb.append('\n');
      }
    }
    String lower = file.toLowerCase(Locale.ROOT);
    String format = lower.endsWith(".ipynb") ? "ipynb" : lower.endsWith(".html") ? "html"
        : lower.endsWith(".md") ? "markdown" : null;
    int n = succeeded.size();
    String cells = n + (n == 1 ? " cell" : " cells");
    try {
      Path target = base.resolve(file);
      if (format == null) {
        AtomicFile.write(target, sb.toString().getBytes(StandardCharsets.UTF_8));
        return "saved " + cells + " to " + file
            + (lower.endsWith(".vpc") ? "" : " (tip: vpclab run expects a .vpc scenario)") + "\n";
      }
      String name = fileNameWithout(target, format) + ".vpc";
      Notebook fresh = new Notebook(loader(base),
          format.equals("markdown") ? ChartFiles.ALL : ChartFiles.EMBED);
      Notebook.Result result = fresh.eval(new SourceFile(name, sb.toString()));
      List<FileRun> runs = List.of(new FileRun(name, result));
      String document = switch (format) {
        case "ipynb" -> IpynbReport.render(runs);
        case "html" -> HtmlReport.render(runs);
        default -> {
          Path dir = target.toAbsolutePath().getParent();
          for (Cell c : result.cells()) {
            for (Output.Artifact a : c.output().artifacts()) {
              if (a.path() != null) {
                AtomicFile.write(dir.resolve(a.path()), a.bytes());
              }
            }
          }
          yield MarkdownReport.render(runs);
        }
      };
      AtomicFile.write(target, document.getBytes(StandardCharsets.UTF_8));
      return "saved " + cells + " to " + file + " (" + format + ")\n";
    } catch (IOException | RuntimeException e) {
      hadErrors = true;
      return file + ": error: cannot write: " + message(e) + "\n";
    }
  }

  private static String fileNameWithout(Path target, String format) {
    String f = target.getFileName().toString();
    int dot = f.lastIndexOf('.');
    return dot > 0 ? f.substring(0, dot) : f;
  }

  private static String message(Exception e) {
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m;
  }

  private String layouts() {
    List<LayoutSummary> layouts = notebook.layouts();
    if (layouts.isEmpty()) {
      return "no layouts yet (region " + notebook.state().region().code() + ")\n";
    }
    Table.Builder t = Table.builder("  layout", "region", "AZs", "ENIs", "USD a month")
        .right("ENIs", "USD a month");
    for (LayoutSummary l : layouts) {
      String name = (l.current() ? "* " : "  ") + l.name();
      if (!l.valid()) {
        t.row(name, l.region(), "(has errors)", "", "");
      } else {
        t.row(name, l.region(), l.azs().isEmpty() ? "-" : String.join(",", l.azs()),
            Integer.toString(l.enis()),
            Money.format(l.monthly()) + (l.complete() ? "" : " (incomplete)"));
      }
    }
    return t.build().render();
  }


  private String history() {
    if (inputs.size() <= 1) {
      return "no history yet\n";
    }
    StringBuilder sb = new StringBuilder();
    // the %history input itself is the last one: leave it out
    for (int i = 0; i < inputs.size() - 1; i++) {
      String n = String.format(Locale.ROOT, "%4d  ", i + 1);
      sb.append(n).append(inputs.get(i).replace("\n", "\n" + " ".repeat(n.length()))).append('\n');
    }
    return sb.toString();
  }

  private String format(String arg) {
    switch (arg) {
      case "text" -> json = false;
      case "json" -> json = true;
      case "" -> {
        return "format: " + (json ? "json" : "text") + " (change with %format text|json)\n";
      }
      default -> {
        String hint = Suggest.didYouMean(arg, List.of("text", "json"));
        return "unknown format '" + arg + "'; use text or json" + (hint == null ? "" : " (" + hint + ")")
            + "\n";
      }
    }
    return "format: " + arg + "\n";
  }

  /** The queries, whose help is %help queries (the other statement words: %help layout). */
  private static final List<String> QUERY_WORDS = List.of("check", "reach", "resolve", "fail",
      "resilience", "cost", "compare", "chart", "sweep", "over", "step", "to");

  /**
   * The help on one word, as the REPL's %help gives it: a magic, a query, {@code expect}, or a
   * layout statement's keyword; null for a word vpclab has no help on (a name, a number). A
   * notebook's "inspect" shows it.
   */
  public static String helpOn(String word) {
    String w = word.strip();
    if (w.startsWith("%")) {
      return MAGICS.contains(w) || w.equals("%exit") ? help("magics") : null;
    }
    if (HELP_TOPICS.contains(w)) {
      return help(w);
    }
    if (!Keywords.isKeyword(w)) {
      return null;
    }
    String topic = w.equals("expect") || w.equals("reaches") || w.equals("survives")
        ? "expect" : QUERY_WORDS.contains(w) ? "queries" : "layout";
    return w + ": a vpclab keyword (%help " + topic + ")\n\n" + help(topic);
  }

  private static String help(String topic) {
    return switch (topic) {
      case "" -> """
          Type layout statements and queries, as in a .vpc file; each input is a cell.
            az 1a subnet private app; az 1c subnet private ep
            endpoint ssm in 1c
            instance web in app needs ssm
            check
          A cell goes on while a '{' is open or a line ends with ','.
          Help on: %help layout | queries | expect | magics
          Keys: Tab completes, Ctrl-R searches history, Ctrl-C cancels the input, Ctrl-D quits.
          The language: docs/language.md
          """;
      case "layout" -> """
          Layouts: statements outside a block go into the current layout (main until use/layout).
            region ap-northeast-1
            layout single {
              az 1a subnet private app
              az 1c subnet private ep
              endpoint ssm, ec2messages, ssmmessages in 1c
              instance web in app needs session-manager
            }
            layout ha extends single { endpoint ssm in 1a, 1c }
            use ha
            nat in 1a          gateway s3          traffic web -> ssm 20 GB
          """;
      case "queries" -> """
          Queries print one output cell; without a layout they ask about the current one.
            check single              reach web -> ssm in single
            resolve ssm from web      fail az 1c in single
            resilience single         cost single
            compare single, ha        chart cost single, ha to "cost.svg"
            sweep traffic 0 .. 10 TB step 100 GB over single, ha
          """;
      case "expect" -> """
          Expectations: an output cell marked failed when they do not hold (exit 1 in batch).
            expect single reaches
            expect web reaches ssm in single
            expect ha survives az failure
            expect cost single < 40 USD
            expect cost ha < cost nat-only
          """;
      case "magics" -> """
          %help [topic]      this help (topics: layout, queries, expect, magics)
          %load FILE.vpc     evaluate a file's cells into the session
          %import aws FILE.json...     a design from aws ec2 describe-* outputs, as a cell
          %import terraform FILE.json  ... from terraform show -json of a plan or state
          %save FILE.vpc     write the cells that ran, in order, as a scenario for vpclab run
          %save FILE.ipynb   ... or as a notebook (also FILE.html, FILE.md) with outputs and charts
          %reset             forget everything: a fresh session
          %layouts           the layouts: Region, AZs, ENIs (* marks the current one)
          %history           the inputs of this session
          %format text|json  how outputs are shown
          %quit              leave (Ctrl-D too)
          """;
      default -> {
        String hint = Suggest.didYouMean(topic, HELP_TOPICS);
        yield "no help on '" + topic + "'; " + (hint == null ? "topics: "
            + String.join(", ", HELP_TOPICS) : hint) + "\n";
      }
    };
  }
}
