package dev.vpclab.repl;

import dev.vpclab.lang.Completeness;
import dev.vpclab.lang.Highlighting;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.EndOfFileException;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.PosixSysTerminal;
import org.jline.terminal.impl.jni.JniTerminalProvider;
import org.jline.terminal.spi.Pty;
import org.jline.terminal.spi.SystemStream;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * The interactive REPL on a terminal, with JLine: numbered prompts, a continuation prompt while a
 * cell is incomplete (asked of {@link Completeness}), highlighting as you type (from
 * {@link Highlighting}), Tab completion (from {@link Completions}), history kept across sessions
 * with Ctrl-R search. Cells and magics are handled by {@link Session}, as in {@link PlainRepl}.
 * This is the only class (with its nested adapters) that touches JLine.
 */
public final class JLineRepl {
  /** Held so that the level set on it stays (loggers are weakly referenced). */
  private static final java.util.logging.Logger JLINE_LOG =
      java.util.logging.Logger.getLogger("org.jline");

  private final Terminal terminal;
  private final Path historyFile;
  private final Session session;

  /**
   * A REPL on the given terminal (a dumb terminal on scripted streams in tests), keeping its
   * history in historyFile (null: no history file).
   */
  public JLineRepl(Terminal terminal, Path historyFile, Path base) {
    this.terminal = terminal;
    this.historyFile = historyFile;
    this.session = new Session(base);
  }

  /**
   * Starts the REPL on the process's terminal. Main calls this only when there is a console, so
   * the batch path never loads JLine.
   */
  public static int start(Path file, PrintStream err) {
    // JLine logs its own troubles (with stack traces) through java.util.logging: users never
    // see a stack trace, so it is silenced
    JLINE_LOG.setLevel(java.util.logging.Level.OFF);
    Terminal terminal;
    try {
      terminal = terminalBuilder().system(true).build();
    } catch (IOException | RuntimeException | LinkageError e) {
      return -1;
    }
    int status;
    try {
      status = new JLineRepl(terminal, defaultHistoryFile(err), Path.of("")).run(file);
    } finally {
      try {
        terminal.close();
      } catch (IOException e) {
        // the terminal is restored as far as it can be; nothing more to do
      }
    }
    return status;
  }

  /**
   * The terminal: JLine's native provider reads and sets it through its JNI library, without the
   * stty, tty and test processes of the exec provider (which stays off); when the library cannot
   * load (an unknown platform, a temporary folder mounted noexec), a dumb terminal: plain lines,
   * the same cells and magics.
   */
  private static TerminalBuilder terminalBuilder() {
    return TerminalBuilder.builder()
        .provider("jni")
        .jni(true)
        .exec(false)
        .dumb(true)
        .name("vpclab")
        .encoding(StandardCharsets.UTF_8)
        .nativeSignals(true)
        .signalHandler(Terminal.SignalHandler.SIG_IGN);
  }

  /** What {@link #rehearse} types: Tab, a cell of two lines, queries, magics, then %quit. */
  static final String REHEARSAL_KEYS = "az 1a subnet private app; az 1c subnet public pub\r"
      + "inst\tweb in app count 2 needs ssm, internet\r"
      + "endpoint ssm in 1a,\r  1c\r"
      + "check; cost; reach web -> ssm; fail az 1a; resilience\r"
      + "layout b {\r  az 1a subnet private app\r}\r"
      + "%layouts\r%hist\t\r%quit\r";

  /**
   * Rehearses the REPL's start-up for the launcher's class-data training: the terminal builder
   * and provider that {@link #start} uses, a terminal of the class a user's terminal gets (on a
   * pseudo-terminal opened for it), the first prompt, then {@link #REHEARSAL_KEYS} typed as a
   * user would, so that the classes and lambdas of the line editor are archived too. Waits at
   * most {@code limit} for the session to end; never throws. Returns what the terminal showed.
   */
  public static String rehearse(Path dir, Duration limit) {
    JLINE_LOG.setLevel(java.util.logging.Level.OFF);
    StringBuilder screen = new StringBuilder();
    try {
      // the builder's way to the system terminal, as start() takes it: the native provider
      // found and its library loaded (the training run has no terminal, so JLine settles for
      // the dumb one, which is the fallback's path)
      terminalBuilder().system(true).build().close();
      try {
        new JniTerminalProvider().current(SystemStream.Output); // the way to a user's terminal
      } catch (IOException e) {
        // not a terminal, as expected
      }
      try (Pty pty = new JniTerminalProvider().open(null, new Size(80, 24));
           Terminal terminal = new PosixSysTerminal("vpclab", TRAINING_TYPE, pty,
               StandardCharsets.UTF_8, true, Terminal.SignalHandler.SIG_IGN)) {
        Typist typist = new Typist(pty, screen);
        typist.start();
        // the history file as start() finds it: its folder made on a first start, there after
        historyFile(dir.resolve("state").toString(), null, System.err);
        Path history = historyFile(dir.resolve("state").toString(), null, System.err);
        Thread session = new Thread(
            () -> new JLineRepl(terminal, history, dir).run(null), "rehearsal");
        session.setDaemon(true);
        session.start();
        session.join(limit.toMillis());
      }
    } catch (IOException | InterruptedException | RuntimeException | LinkageError e) {
      // the archive then holds what was loaded so far
    }
    synchronized (screen) {
      return screen.toString();
    }
  }

  /** The terminal type of the rehearsal: the commonest, one JLine carries. */
  private static final String TRAINING_TYPE = "xterm-256color";

  /**
   * Reads the pseudo-terminal's screen and, once the first prompt shows, types the rehearsal's
   * keys (the terminal keeps them until the line editor reads them).
   */
  private static final class Typist extends Thread {
    private final Pty pty;
    private final StringBuilder screen;

    Typist(Pty pty, StringBuilder screen) {
      super("rehearsal-typist");
      setDaemon(true);
      this.pty = pty;
      this.screen = screen;
    }

    @Override
    public void run() {
      byte[] b = new byte[8192];
      boolean typed = false;
      try {
        InputStream shown = pty.getMasterInput();
        for (int n; (n = shown.read(b)) > 0; ) {
          synchronized (screen) {
            screen.append(new String(b, 0, n, StandardCharsets.UTF_8));
            if (!typed && screen.indexOf("In [1]: ") >= 0) {
              typed = true;
              pty.getMasterOutput().write(REHEARSAL_KEYS.getBytes(StandardCharsets.UTF_8));
              pty.getMasterOutput().flush();
            }
          }
        }
      } catch (IOException e) {
        // the pseudo-terminal was closed
      }
    }
  }

  /**
   * {@code $XDG_STATE_HOME/vpclab/history}, else {@code ~/.local/state/vpclab/history}; the
   * directory is created. Null (no history kept) when it cannot be.
   */
  static Path defaultHistoryFile(PrintStream err) {
    return historyFile(System.getenv("XDG_STATE_HOME"), System.getProperty("user.home"), err);
  }

  static Path historyFile(String xdgStateHome, String home, PrintStream err) {
    try {
      Path dir;
      if (xdgStateHome != null && !xdgStateHome.isBlank()) {
        dir = Path.of(xdgStateHome, "vpclab");
      } else if (home != null && !home.isBlank()) {
        dir = Path.of(home, ".local", "state", "vpclab");
      } else {
        return null;
      }
      Files.createDirectories(dir);
      return dir.resolve("history");
    } catch (IOException | RuntimeException e) {
      err.println("vpclab: history is not kept: " + e.getMessage());
      return null;
    }
  }

  /** Runs until Ctrl-D or %quit; returns 2 if a cell had errors, 1 if an expect failed. */
  public int run(Path file) {
    LineReaderBuilder builder = LineReaderBuilder.builder()
        .terminal(terminal)
        .appName("vpclab")
        .parser(new CellParser())
        .highlighter(new CellHighlighter())
        .completer(new CellCompleter())
        .variable(LineReader.SECONDARY_PROMPT_PATTERN, "%P ...: ")
        .variable(LineReader.INDENTATION, 2)
        .variable(LineReader.HISTORY_SIZE, 5000)
        .variable(LineReader.HISTORY_FILE_SIZE, 5000)
        .option(LineReader.Option.INSERT_BRACKET, false)
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
        .option(LineReader.Option.HISTORY_TIMESTAMPED, false)
        .option(LineReader.Option.AUTO_FRESH_LINE, true);
    if (historyFile != null) {
      builder.variable(LineReader.HISTORY_FILE, historyFile);
    }
    LineReader reader = builder.build();
    PrintWriter out = terminal.writer();
    if (file != null) {
      out.print(session.loadFile(file));
    }
    out.println("vpclab REPL: type statements and queries; %help for help, Ctrl-D to leave.");
    out.flush();
    try {
      while (true) {
        String cell;
        try {
          cell = reader.readLine(session.prompt());
        } catch (UserInterruptException e) {
          continue; // Ctrl-C: the input is dropped, the session goes on
        } catch (EndOfFileException e) {
          break;
        }
        Session.Reply reply = session.input(cell);
        out.print(reply.text());
        out.flush();
        if (reply.quit()) {
          break;
        }
      }
    } finally {
      try {
        reader.getHistory().save();
      } catch (IOException | RuntimeException e) {
        terminal.writer().println("vpclab: history not saved: " + e.getMessage());
      }
      out.flush();
    }
    return session.status();
  }

  /** The session behind the prompt (for tests). */
  Session session() {
    return session;
  }

  // ------------------------------------------------------------------ JLine adapters

  /**
   * Splits the line into words for completion, and on Enter asks {@link Completeness} whether
   * the cell is complete: if not, EOFError makes JLine show the continuation prompt.
   */
  static final class CellParser implements Parser {
    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
      if (context == ParseContext.ACCEPT_LINE && !Session.isMagic(line)
          && !Completeness.isComplete(line)) {
        throw new EOFError(-1, cursor, "incomplete cell", "cell");
      }
      return new CellLine(line, cursor);
    }
  }

  /** The buffer, with the word at the cursor as {@link Completions#wordStart} sees it. */
  static final class CellLine implements CompletingParsedLine {
    private final String line;
    private final int cursor;
    private final int start;
    private final List<String> words = new ArrayList<>();
    private final int wordIndex;

    CellLine(String line, int cursor) {
      this.line = line;
      this.cursor = Math.max(0, Math.min(cursor, line.length()));
      this.start = Completions.wordStart(line, this.cursor);
      String before = line.substring(0, start).strip();
      if (!before.isEmpty()) {
        words.addAll(List.of(before.split("\\s+")));
      }
      wordIndex = words.size();
      int end = this.cursor;
      while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
        end++;
      }
      words.add(line.substring(start, end));
    }

    @Override
    public String word() {
      return words.get(wordIndex);
    }

    @Override
    public int wordCursor() {
      return cursor - start;
    }

    @Override
    public int wordIndex() {
      return wordIndex;
    }

    @Override
    public List<String> words() {
      return words;
    }

    @Override
    public String line() {
      return line;
    }

    @Override
    public int cursor() {
      return cursor;
    }

    @Override
    public CharSequence escape(CharSequence candidate, boolean complete) {
      return candidate;
    }

    @Override
    public int rawWordCursor() {
      return wordCursor();
    }

    @Override
    public int rawWordLength() {
      return word().length();
    }
  }

  /** Tab: the candidates of {@link Completions} for the session's state. */
  final class CellCompleter implements Completer {
    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
      List<String> found;
      try {
        found = Completions.candidates(line.line(), line.cursor(), session.state());
      } catch (RuntimeException e) {
        return; // no candidates rather than a broken prompt
      }
      for (String c : found) {
        boolean open = c.endsWith("/") || c.equals("\"");
        candidates.add(new Candidate(c, c, null, null, null, null, !open));
      }
    }
  }

  /** Colours from the lexer's categories; a magic's name is shown as a keyword. */
  static final class CellHighlighter implements Highlighter {
    private static final Map<Highlighting.Category, AttributedStyle> STYLES = Map.of(
        Highlighting.Category.KEYWORD, AttributedStyle.BOLD.foreground(AttributedStyle.BLUE),
        Highlighting.Category.NAME, AttributedStyle.DEFAULT,
        Highlighting.Category.NUMBER, AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN),
        Highlighting.Category.UNIT, AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN),
        Highlighting.Category.CIDR, AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA),
        Highlighting.Category.AZ, AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW),
        Highlighting.Category.STRING, AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN),
        Highlighting.Category.COMMENT,
            AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT).italic(),
        Highlighting.Category.OPERATOR, AttributedStyle.DEFAULT.bold(),
        Highlighting.Category.ERROR, AttributedStyle.DEFAULT.foreground(AttributedStyle.RED).bold());

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
      AttributedStringBuilder sb = new AttributedStringBuilder();
      if (Session.isMagic(buffer)) {
        int lead = buffer.length() - buffer.stripLeading().length();
        int end = lead;
        while (end < buffer.length() && !Character.isWhitespace(buffer.charAt(end))) {
          end++;
        }
        sb.append(buffer.substring(0, lead));
        sb.styled(STYLES.get(Highlighting.Category.KEYWORD), buffer.substring(lead, end));
        sb.append(buffer.substring(end));
        return sb.toAttributedString();
      }
      List<Highlighting.Token> tokens;
      try {
        tokens = Highlighting.classify(buffer);
      } catch (RuntimeException | StackOverflowError e) {
        return new AttributedString(buffer);
      }
      int at = 0;
      for (Highlighting.Token t : tokens) {
        if (t.start() > at) {
          sb.append(buffer.substring(at, t.start()));
        }
        sb.styled(STYLES.get(t.category()), buffer.substring(t.start(), t.end()));
        at = t.end();
      }
      if (at < buffer.length()) {
        sb.append(buffer.substring(at));
      }
      return sb.toAttributedString();
    }

    @Override
    public void setErrorPattern(Pattern errorPattern) {}

    @Override
    public void setErrorIndex(int errorIndex) {}
  }
}
