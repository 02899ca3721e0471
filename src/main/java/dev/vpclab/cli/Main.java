package dev.vpclab.cli;

import dev.vpclab.cost.PriceBook;
import dev.vpclab.cost.PriceCsv;
import dev.vpclab.cost.PriceTable;
import dev.vpclab.export.AtomicFile;
import dev.vpclab.export.CsvReport;
import dev.vpclab.export.FileRun;
import dev.vpclab.export.HtmlReport;
import dev.vpclab.export.IpynbReport;
import dev.vpclab.export.MarkdownReport;
import dev.vpclab.export.JsonReport;
import dev.vpclab.export.TextReport;
import dev.vpclab.importer.AwsImport;
import dev.vpclab.importer.Import;
import dev.vpclab.importer.JsonFault;
import dev.vpclab.lang.Diagnostic;
import dev.vpclab.lang.Diagnostics;
import dev.vpclab.lang.SourceFile;
import dev.vpclab.lang.Suggest;
import dev.vpclab.notebook.Cell;
import dev.vpclab.notebook.ChartFiles;
import dev.vpclab.notebook.Notebook;
import dev.vpclab.notebook.Output;
import dev.vpclab.notebook.PriceTables;
import dev.vpclab.notebook.SourceLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The command line. {@link #run} takes its streams as arguments and returns the exit status: 0 all
 * good, 1 an expectation failed, 2 invalid input or usage. It never lets an exception reach the
 * user as a stack trace.
 */
public final class Main {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int INVALID = 2;

  static final String VERSION = "0.1.0";

  static final List<String> FORMATS = List.of("text", "json", "csv", "markdown", "html", "ipynb");

  static final String RUN_USAGE = """
        vpclab run FILE... [--format text|json|csv|markdown|html|ipynb] [--out PATH]
                           [--charts DIR]    where charts go (default: the current directory)
                           [--no-charts]     draw no chart (the cells still report their data)
        vpclab run -                             the scenario from standard input
      """;
  static final String CHECK_USAGE = """
        vpclab check FILE...                     expectations and errors only, for CI
                                                 (a file without an expectation is an error)
      """;
  static final String PRICES_USAGE = """
        vpclab prices [--region R]               the price table in use
        vpclab prices import AWS.csv [--out F]   convert an AWS Price List CSV
      """;
  static final String IMPORT_USAGE = """
        vpclab import aws FILE.json|DIR... [--layout NAME] [--out FILE.vpc]
                                                 a scenario from aws ec2 describe-* outputs
                                                 (a folder: its .json files)
        vpclab import terraform FILE.json [--layout NAME] [--out FILE.vpc]
                                                 a scenario from terraform show -json (of a
                                                 plan file, or of the state)
      """;
  static final String REPL_USAGE = """
        vpclab                                   the REPL
        vpclab repl [FILE]                       the REPL, FILE's cells evaluated first
      """;
  static final String KERNEL_USAGE = """
        vpclab kernel install [--user | --prefix DIR]
                                                 register vpclab with Jupyter (default --user:
                                                 $JUPYTER_DATA_DIR or ~/.local/share/jupyter)
        vpclab kernel CONNECTION_FILE            the Jupyter kernel (Jupyter starts it)
      """;
  static final String EXIT_STATUS =
      "exit status: 0 all good, 1 an expectation failed, 2 invalid input or usage\n";

  static final String USAGE = "usage:\n" + REPL_USAGE + RUN_USAGE + CHECK_USAGE + PRICES_USAGE
      + IMPORT_USAGE + KERNEL_USAGE + "  vpclab help [COMMAND] | --help | --version\n" + EXIT_STATUS;

  private final InputStream in;
  private final PrintStream out;
  private final PrintStream err;

  Main(InputStream in, PrintStream out, PrintStream err) {
    this.in = in;
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    System.exit(launch(args));
  }

  /** What {@link #main} does before it exits with the status returned (for the training run). */
  static int launch(String[] args) {
    Locale.setDefault(Locale.ROOT);
    if (args.length > 0 && (args[0].equals("run") || args[0].equals("check"))) {
      Warmup.begin();
    }
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out),
        false, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err),
        true, StandardCharsets.UTF_8);
    int status = run(args, System.in, out, err);
    out.flush();
    err.flush();
    return status;
  }

  /** Runs the command line and returns the exit status. */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    try {
      return new Main(in, out, err).dispatch(List.of(args));
    } catch (UsageError e) {
      err.println("vpclab: " + e.getMessage());
      err.println("run 'vpclab --help' for usage");
      return INVALID;
    } catch (StackOverflowError | OutOfMemoryError e) {
      err.println("vpclab: internal error: " + e.getClass().getSimpleName()
          + " (the input is too large or too deep; please report it)");
      return INVALID;
    } catch (RuntimeException | LinkageError e) {
      err.println("vpclab: internal error: " + e + " (please report it, with the input)");
      return INVALID;
    } finally {
      out.flush();
    }
  }

  static final class UsageError extends Exception {
    UsageError(String message) {
      super(message, null, false, false);
    }
  }

  private int dispatch(List<String> args) throws UsageError {
    if (args.isEmpty()) {
      return repl(null);
    }
    String command = args.get(0);
    List<String> rest = args.subList(1, args.size());
    if (rest.contains("--help") || rest.contains("-h")) {
      return help(command);
    }
    switch (command) {
      case "-h", "--help" -> {
        out.print(USAGE);
        return OK;
      }
      case "help" -> {
        if (rest.size() > 1) {
          throw new UsageError("help takes at most one COMMAND");
        }
        return rest.isEmpty() ? help(command) : help(rest.get(0));
      }
      case "--version", "version" -> {
        out.println("vpclab " + VERSION);
        return OK;
      }
      case "run" -> {
        return run(Options.parse(rest, List.of("--format", "--out", "--charts"),
            List.of("--no-charts")), false);
      }
      case "check" -> {
        return run(Options.parse(rest, List.of()), true);
      }
      case "prices" -> {
        return prices(rest);
      }
      case "kernel" -> {
        return kernel(rest);
      }
      case "import" -> {
        return importCommand(rest);
      }
      case "repl" -> {
        Options o = Options.parse(rest, List.of());
        if (o.files().size() > 1) {
          throw new UsageError("repl takes at most one FILE");
        }
        return repl(o.files().isEmpty() ? null : o.files().get(0));
      }
      default -> {
        if (command.endsWith(".vpc") || Files.exists(Path.of(command))) {
          throw new UsageError("unknown command '" + command + "'; to run a file: vpclab run "
              + command);
        }
        throw new UsageError("unknown command '" + command + "'"
            + hint(Suggest.didYouMean(command, COMMANDS)));
      }
    }
  }

  /** {@code vpclab COMMAND --help}: the command's usage on standard output, status 0. */
  private int help(String command) throws UsageError {
    String usage = switch (command) {
      case "run" -> RUN_USAGE;
      case "check" -> CHECK_USAGE;
      case "prices" -> PRICES_USAGE;
      case "repl" -> REPL_USAGE;
      case "kernel" -> KERNEL_USAGE;
      case "import" -> IMPORT_USAGE;
      case "help", "-h", "--help", "version", "--version" -> null;
      default -> throw new UsageError("unknown command '" + command + "'"
          + hint(Suggest.didYouMean(command, COMMANDS)));
    };
    out.print(usage == null ? USAGE : "usage:\n" + usage + EXIT_STATUS);
    return OK;
  }

  static final List<String> COMMANDS = List.of("run", "check", "repl", "prices", "import",
      "kernel");

  private static String hint(String didYouMean) {
    return didYouMean == null ? "" : "; " + didYouMean;
  }

  // ------------------------------------------------------------------ run and check

  private int run(Options options, boolean checkOnly) throws UsageError {
    if (options.files().isEmpty()) {
      throw new UsageError((checkOnly ? "check" : "run") + " needs a FILE (or - for standard input)");
    }
    String format = options.value("--format", "text");
    if (!FORMATS.contains(format)) {
      String hint = Suggest.didYouMean(format, FORMATS);
      throw new UsageError("unknown format '" + format + "'; use " + String.join(", ", FORMATS)
          + (hint == null ? "" : " (" + hint + ")"));
    }
    String outPath = options.value("--out", null);
    String chartsOption = options.value("--charts", null);
    boolean noCharts = options.flag("--no-charts");
    if (noCharts && chartsOption != null) {
      throw new UsageError("--no-charts and --charts cannot be given together");
    }
    ChartFiles policy;
    if (checkOnly || noCharts) {
      policy = ChartFiles.NONE;
    } else if (chartsOption != null || format.equals("markdown")) {
      policy = ChartFiles.ALL;
    } else if (format.equals("html") || format.equals("ipynb")) {
      policy = ChartFiles.EMBED;
    } else {
      policy = ChartFiles.CHARTS;
    }
    Path chartsDir;
    try {
      chartsDir = chartsDir(chartsOption, format, outPath);
    } catch (java.nio.file.InvalidPathException e) {
      throw new UsageError("--charts " + chartsOption + ": not a valid directory name");
    }
    List<FileRun> runs = new ArrayList<>();
    int status = OK;
    List<String> prefixes = ChartPrefixes.of(options.files());
    int fileNo = 0;
    for (String file : options.files()) {
      String chartPrefix = prefixes.get(fileNo++);
      SourceFile source;
      Path base;
      try {
        if (file.equals("-")) {
          source = Inputs.read("<stdin>", in);
          base = Path.of("");
        } else {
          Path path = Path.of(file);
          source = Inputs.read(path);
          base = path.toAbsolutePath().getParent();
        }
      } catch (Inputs.InputError e) {
        err.println(e.getMessage());
        status = INVALID;
        continue;
      } catch (java.nio.file.InvalidPathException e) {
        err.println(file + ": error: not a valid file name");
        status = INVALID;
        continue;
      }
      Notebook notebook = new Notebook(loader(base), policy, chartPrefix);
      Notebook.Result result = notebook.eval(source);
      printDiagnostics(result.diagnostics());
      runs.add(new FileRun(source.name(), result));
      if (result.hasErrors()) {
        status = INVALID;
      } else if (result.anyFailed() && status == OK) {
        status = FAILED;
      }
    }
    if (checkOnly) {
      printChecks(runs);
      return noExpectation(runs) ? INVALID : status;
    }
    int charts = writeCharts(runs, chartsDir, chartsOption != null);
    String rendered = switch (format) {
      case "json" -> JsonReport.render(runs);
      case "csv" -> CsvReport.render(runs);
      case "markdown" -> MarkdownReport.render(runs, a -> link(a, chartsDir, outPath));
      case "html" -> HtmlReport.render(runs);
      case "ipynb" -> IpynbReport.render(runs);
      default -> TextReport.render(runs);
    };
    int written = write(rendered, outPath,
        "report." + (format.equals("text") ? "txt" : format.equals("markdown") ? "md" : format));
    if (written != OK) {
      return written;
    }
    return charts != OK ? charts : status;
  }

  /**
   * The directory charts are written to: --charts, else (Markdown) the directory of --out, else
   * the current directory.
   */
  private static Path chartsDir(String option, String format, String outPath) {
    if (option != null) {
      return Path.of(option);
    }
    if (format.equals("markdown") && outPath != null) {
      Path parent = Path.of(outPath).toAbsolutePath().getParent();
      return parent == null ? Path.of("") : parent;
    }
    return Path.of("");
  }

  /** A chart as the Markdown report links it: relative to the report's directory. */
  private static String link(Output.Artifact a, Path chartsDir, String outPath) {
    Path file = chartsDir.resolve(a.path());
    if (outPath == null) {
      return file.toString().replace('\\', '/');
    }
    Path from = Path.of(outPath).toAbsolutePath().getParent();
    try {
      return from.relativize(file.toAbsolutePath()).toString().replace('\\', '/');
    } catch (IllegalArgumentException e) {
      return file.toAbsolutePath().toString();
    }
  }

  /**
   * Writes every chart the cells made (each whole or not at all) under {@code dir}. A chart that
   * cannot be written is reported as {@code path: error: cannot write: ...}: status 2. Charts
   * never overwrite each other: a second chart of the same file is an error and is not written.
   */
  private int writeCharts(List<FileRun> runs, Path dir, boolean createDir) {
    int status = OK;
    boolean dirReady = !createDir;
    java.util.Map<Path, String> writers = new java.util.HashMap<>();
    for (FileRun run : runs) {
      for (Cell cell : run.result().cells()) {
        for (Output.Artifact a : cell.output().artifacts()) {
          if (a.path() == null) {
            continue;
          }
          String shown = dir.toString().isEmpty() ? a.path() : dir.resolve(a.path()).toString();
          String writer = run.name() + ":" + cell.line();
          try {
            Path target = dir.resolve(a.path());
            String earlier = writers.putIfAbsent(target.toAbsolutePath().normalize(), writer);
            if (earlier != null) {
              err.println(writer + ": error: chart file " + shown + " is also written by "
                  + earlier + "; give one of them another name (to \"...\")");
              status = INVALID;
              continue;
            }
            if (!dirReady) {
              Files.createDirectories(dir);
              dirReady = true;
            }
            AtomicFile.write(target, a.bytes());
            err.println("vpclab: wrote " + shown);
          } catch (IOException | java.nio.file.InvalidPathException e) {
            err.println(shown + ": error: cannot write: " + reason(e));
            status = INVALID;
          }
        }
      }
    }
    return status;
  }

  private static String reason(Exception e) {
    return e instanceof IOException io ? IoReason.of(io) : "not a valid file name";
  }

  /** `vpclab check`: every expectation, passed or failed, and a closing count. */
  private void printChecks(List<FileRun> runs) {
    int passed = 0;
    int failed = 0;
    for (FileRun run : runs) {
      for (Cell cell : run.result().cells()) {
        if (!cell.output().kind().equals("expect")) {
          continue;
        }
        boolean ok = !cell.output().failed();
        if (ok) {
          passed++;
        } else {
          failed++;
        }
        String first = cell.output().text().lines().findFirst().orElse("");
        out.println((ok ? "pass " : "FAIL ") + run.name() + ":" + cell.line() + ": "
            + TextReport.oneLine(cell.text()) + (ok ? "" : " -- " + first));
      }
    }
    out.println(passed + " passed, " + failed + " failed");
  }

  /**
   * {@code vpclab check} of a file that has no expectation (empty, cut short, or the wrong file)
   * must not pass a CI gate: each such file is an error. A file with errors has said so already.
   */
  private boolean noExpectation(List<FileRun> runs) {
    boolean any = false;
    for (FileRun run : runs) {
      if (!run.result().hasErrors() && run.result().cells().stream()
          .noneMatch(c -> c.output().kind().equals("expect"))) {
        err.println(run.name() + ": error: no expectation to check");
        err.println("  hint: add one, e.g. expect LAYOUT reaches");
        any = true;
      }
    }
    return any;
  }

  private void printDiagnostics(Diagnostics diagnostics) {
    for (Diagnostic d : diagnostics.all()) {
      err.print(d.render());
    }
    String omitted = diagnostics.omittedLine();
    if (omitted != null) {
      err.println(omitted);
    }
    String count = diagnostics.countLine();
    if (count != null) {
      err.println(count);
    }
  }

  private static SourceLoader loader(Path base) {
    return path -> {
      Path p = Path.of(path);
      Path resolved = p.isAbsolute() || base == null ? p : base.resolve(p);
      try {
        return Inputs.read(resolved).text();
      } catch (Inputs.InputError e) {
        String m = e.getMessage();
        throw new IOException(m.substring(m.indexOf("error: ") + 7));
      }
    };
  }

  // ------------------------------------------------------------------ prices

  /** {@code vpclab prices [--region R]} and {@code vpclab prices import AWS.csv [--out F]}. */
  private int prices(List<String> args) throws UsageError {
    if (!args.isEmpty() && args.get(0).equals("import")) {
      Options o = Options.parse(args.subList(1, args.size()), List.of("--out"));
      if (o.files().size() != 1) {
        throw new UsageError("prices import takes one AWS Price List CSV file");
      }
      SourceFile file;
      try {
        file = o.files().get(0).equals("-") ? Inputs.read("<stdin>", in)
            : Inputs.read(Path.of(o.files().get(0)));
      } catch (Inputs.InputError e) {
        err.println(e.getMessage());
        return INVALID;
      }
      PriceTable table = PriceCsv.read(file.name(), file.text());
      for (PriceTable.Problem p : table.problems()) {
        err.println(p.render(file.name()));
      }
      if (!table.ok()) {
        if (table.errors().isEmpty()) {
          err.println(file.name() + ": error: no prices vpclab uses were found");
        }
        return INVALID;
      }
      return write(PriceBook.of(table).toCsv(), o.value("--out", null), "prices.csv");
    }
    Options o = Options.parse(args, List.of("--region"));
    if (!o.files().isEmpty()) {
      String hint = Suggest.didYouMean(o.files().get(0), List.of("import"));
      throw new UsageError("prices takes no file" + (hint == null ? "" : "; " + hint)
          + " (to convert an AWS Price List CSV: vpclab prices import FILE)");
    }
    try {
      out.print(PriceTables.render(PriceBook.builtIn(), o.value("--region", null)));
      return OK;
    } catch (IllegalArgumentException e) {
      err.println("vpclab: " + e.getMessage());
      return INVALID;
    }
  }

  /**
   * Text to standard output, or whole to a file (temp file, then rename). When {@code target} is
   * a directory, the message shows a file name in it ({@code example}) that would do.
   */
  private int write(String text, String target, String example) {
    if (target == null) {
      out.print(text);
      return OK;
    }
    try {
      AtomicFile.write(Path.of(target), text.getBytes(StandardCharsets.UTF_8));
      err.println("vpclab: wrote " + target);
      return OK;
    } catch (IOException | java.nio.file.InvalidPathException e) {
      boolean directory = e instanceof IOException && Files.isDirectory(Path.of(target));
      err.println(target + ": error: cannot write: " + reason(e) + (directory
          ? " (--out takes a file name, e.g. " + Path.of(target).resolve(example) + ")" : ""));
      return INVALID;
    }
  }

  // ------------------------------------------------------------------ import

  /**
   * {@code vpclab import aws FILE.json... [--layout NAME] [--out FILE.vpc]} and {@code vpclab
   * import terraform FILE.json [--layout NAME] [--out FILE.vpc]}.
   */
  private int importCommand(List<String> args) throws UsageError {
    String source = args.isEmpty() ? "" : args.get(0);
    Options o = Options.parse(args.subList(Math.min(1, args.size()), args.size()),
        List.of("--layout", "--out"));
    String layout = o.value("--layout", "imported");
    String trouble = Import.problem("vpclab import", source, o.files().size(), layout);
    if (trouble != null) {
      throw new UsageError(trouble);
    }
    List<AwsImport.Input> inputs = new ArrayList<>();
    try {
      for (String f : o.files()) {
        if (source.equals("aws") && !f.equals("-") && Files.isDirectory(Path.of(f))) {
          for (Path p : folderFiles(Path.of(f))) {
            SourceFile file = Inputs.read(p, Inputs.IMPORT);
            inputs.add(new AwsImport.Input(file.name(), file.text(), true));
          }
          continue;
        }
        SourceFile file = f.equals("-") ? Inputs.read("<stdin>", in, Inputs.IMPORT)
            : Inputs.read(Path.of(f), Inputs.IMPORT);
        inputs.add(new AwsImport.Input(file.name(), file.text()));
      }
    } catch (Inputs.InputError e) {
      err.println(e.getMessage());
      return INVALID;
    }
    try {
      AwsImport.Result result = Import.read(source, inputs, layout);
      return write(result.text(), o.value("--out", null), "imported.vpc");
    } catch (JsonFault e) {
      err.print(e.render());
      return INVALID;
    }
  }

  /** The .json files of a folder given to import aws; none is an error. */
  private static List<Path> folderFiles(Path dir) throws Inputs.InputError {
    try {
      List<Path> files = Import.folderFiles(dir);
      if (files.isEmpty()) {
        throw new Inputs.InputError(dir + ": error: " + Import.NO_JSON);
      }
      return files;
    } catch (java.io.IOException e) {
      throw new Inputs.InputError(dir + ": error: cannot read: " + IoReason.of(e));
    }
  }

  // ------------------------------------------------------------------ kernel

  /**
   * {@code vpclab kernel install [--user | --prefix DIR]} and {@code vpclab kernel
   * CONNECTION_FILE}. The kernel's classes (and JeroMQ) are named by their full names here only,
   * so that no other command loads them.
   */
  private int kernel(List<String> args) throws UsageError {
    if (!args.isEmpty() && args.get(0).equals("install")) {
      Options o = Options.parse(args.subList(1, args.size()), List.of("--prefix"),
          List.of("--user"));
      if (!o.files().isEmpty()) {
        throw new UsageError("kernel install takes no FILE (to install elsewhere: --prefix DIR)");
      }
      String prefix = o.value("--prefix", null);
      if (prefix != null && o.flag("--user")) {
        throw new UsageError("--user and --prefix cannot be given together");
      }
      Path dir;
      try {
        dir = prefix != null ? dev.vpclab.kernel.KernelSpec.prefixDir(Path.of(prefix))
            : dev.vpclab.kernel.KernelSpec.userDir(System.getenv(),
                System.getProperty("user.home"));
      } catch (java.nio.file.InvalidPathException e) {
        throw new UsageError("--prefix " + prefix + ": not a valid directory name");
      }
      try {
        dev.vpclab.kernel.KernelSpec.install(dir, dev.vpclab.kernel.KernelSpec.launcher());
      } catch (IOException | SecurityException e) {
        err.println(dir + ": error: cannot install the kernel: " + (e instanceof IOException io
            ? IoReason.of(io) : e.getMessage()));
        return INVALID;
      }
      out.println("installed kernelspec vpclab in " + dir);
      return OK;
    }
    Options o = Options.parse(args, List.of());
    if (o.files().size() != 1) {
      throw new UsageError(o.files().isEmpty()
          ? "kernel needs a CONNECTION_FILE (Jupyter gives it; to register vpclab with Jupyter:"
              + " vpclab kernel install)"
          : "kernel takes one CONNECTION_FILE");
    }
    String file = o.files().get(0);
    Path path;
    try {
      path = Path.of(file);
    } catch (java.nio.file.InvalidPathException e) {
      throw new UsageError(file + ": not a valid file name");
    }
    if (!Files.exists(path)) {
      String hint = Suggest.didYouMean(file, List.of("install"));
      if (hint != null) {
        throw new UsageError("kernel " + file + ": no such connection file; " + hint);
      }
    }
    return dev.vpclab.kernel.KernelServer.run(path, VERSION, err);
  }

  // ------------------------------------------------------------------ repl

  /**
   * The line editor (JLine) only on a real terminal: when standard input and output are the
   * console. A pipe, a file or a test's streams get the plain REPL, which never loads JLine.
   */
  private int repl(String file) throws UsageError {
    Path path;
    try {
      path = file == null ? null : Path.of(file);
    } catch (java.nio.file.InvalidPathException e) {
      throw new UsageError(file + ": not a valid file name");
    }
    if (System.console() != null && in == System.in) {
      out.flush();
      int status = dev.vpclab.repl.JLineRepl.start(path, err);
      if (status >= 0) {
        return status;
      }
    }
    return new dev.vpclab.repl.PlainRepl(in, out, err).run(path);
  }
}
