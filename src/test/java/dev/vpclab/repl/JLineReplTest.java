package dev.vpclab.repl;

import static org.junit.jupiter.api.Assertions.*;

import dev.vpclab.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jline.terminal.Terminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The line-editor REPL driven through JLine's dumb terminal with scripted input. */
class JLineReplTest {
  @TempDir Path dir;

  record Run(int status, String out) {}

  Run repl(String input) throws Exception {
    return repl(input, dir.resolve("history"));
  }

  Run repl(String input, Path history) throws Exception {
    return repl(input, history, "dumb");
  }

  Run repl(String input, Path history, String type) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status;
    // JLine's terminal on plain streams (ExternalTerminal, no process): the native provider
    // would put a pseudo-terminal, with its own echo, between the streams and the REPL
    try (Terminal t = org.jline.terminal.TerminalBuilder.builder().system(false).provider("exec")
        .streams(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out)
        .type(type).encoding(StandardCharsets.UTF_8).build()) {
      status = new JLineRepl(t, history, dir).run(null);
    }
    return new Run(status, out.toString(StandardCharsets.UTF_8).replace("\r", ""));
  }

  /** The bodies of the Out[n] cells, in order. */
  static List<String> outs(String transcript) {
    return transcript.lines().filter(l -> l.startsWith("Out["))
        .map(l -> l.substring(l.indexOf("]: ") + 3)).toList();
  }

  @Test
  void numberedPromptsAndAMultiLineCell() throws Exception {
    Run r = repl("az 1a subnet private app\nlayout x {\n az 1b subnet private\n}\ncheck x\n");
    assertEquals(0, r.status(), r.out());
    assertTrue(r.out().contains("In [1]: az 1a subnet private app\n"), r.out());
    assertTrue(r.out().contains("In [2]: layout x {\n   ...:  az 1b subnet private\n   ...: }\n"),
        r.out());
    assertTrue(r.out().contains("In [3]: check x\nOut[3]: "), r.out());
    assertTrue(r.out().contains("In [4]: "), r.out());
    assertFalse(r.out().contains("\u001b"), "no escape codes on a dumb terminal");
  }

  @Test
  void aTrailingCommaContinuesTheCell() throws Exception {
    Run r = repl("az 1a subnet private app\nendpoint ssm,\n  logs in 1a\n%layouts\n");
    assertTrue(r.out().contains("In [2]: endpoint ssm,\n   ...:   logs in 1a\n"), r.out());
    assertTrue(r.out().contains("* main    us-east-1  1a      2"), r.out());
  }

  @Test
  void anErrorCellChangesNothingAndTheSessionGoesOn() throws Exception {
    Run r = repl("az 1a subnet private app\ninstance web in ap\ninstance web in app\ncheck\n");
    assertEquals(2, r.status());
    assertTrue(r.out().contains("unknown subnet ap"), r.out());
    assertTrue(r.out().contains("did you mean 'app'?"), r.out());
    assertTrue(r.out().contains("(cell not run: nothing changed)"), r.out());
    assertTrue(r.out().contains("In [4]: check\nOut[4]: "), r.out());
    assertFalse(r.out().contains("\tat "), r.out());
  }

  @Test
  void quitEndsTheSession() throws Exception {
    Run r = repl("%quit\ncheck\n");
    assertFalse(r.out().contains("Out["), r.out());
  }

  @Test
  void savedCellsRunInBatchWithTheSameOutputs() throws Exception {
    Path saved = dir.resolve("session.vpc");
    Run r = repl("region ap-northeast-1\n"
        + "layout single {\n  az 1a subnet private app\n  az 1c subnet private ep\n"
        + "  endpoint ssm, ec2messages, ssmmessages in 1c\n  instance web in app needs session-manager\n}\n"
        + "check single\n"
        + "instance db in nowhere\n"            // an error: not saved
        + "layout per-az extends single { endpoint ssm, ec2messages, ssmmessages in 1a, 1c }\n"
        + "compare single, per-az\n"
        + "expect per-az survives az failure\n"
        + "%save session.vpc\n");
    assertTrue(r.out().contains("saved 6 cells to session.vpc"), r.out());
    assertTrue(Files.exists(saved));
    assertFalse(Files.readString(saved).contains("nowhere"));
    try (var files = Files.list(dir)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(new String[] {"run", saved.toString()}, new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
    List<String> batch = outs(out.toString(StandardCharsets.UTF_8));
    assertEquals(3, batch.size(), out.toString(StandardCharsets.UTF_8));
    assertEquals(outs(r.out()), batch);
  }

  @Test
  void historySurvivesARestartWithMultiLineCellsWhole() throws Exception {
    Path history = dir.resolve("state").resolve("history");
    Files.createDirectories(history.getParent());
    repl("az 1a subnet private app\nlayout y {\n  az 1b subnet private\n}\n", history);
    assertTrue(Files.exists(history));
    assertTrue(Files.readString(history).contains("layout y {"));
    // Ctrl-P brings back the previous cell (the whole layout block), Enter runs it again
    Run second = repl("\u0010\n%layouts\n", history, "xterm");
    assertTrue(second.out().contains("* y"), second.out());
    assertTrue(second.out().contains("us-east-1  1b"), second.out());
  }

  @Test
  void historyFileLocation() {
    PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    Path xdg = JLineRepl.historyFile(dir.resolve("xdg").toString(), dir.toString(), err);
    assertEquals(dir.resolve("xdg").resolve("vpclab").resolve("history"), xdg);
    assertTrue(Files.isDirectory(xdg.getParent()));
    Path home = JLineRepl.historyFile(null, dir.resolve("home").toString(), err);
    assertEquals(dir.resolve("home/.local/state/vpclab/history"), home);
    assertTrue(Files.isDirectory(home.getParent()));
  }

  @Test
  void formatJsonPrintsEachCellsJson() throws Exception {
    Run r = repl("az 1a subnet private app\n%format json\ncheck\n%format text\ncheck\n");
    assertTrue(r.out().contains("Out[2]: {"), r.out());
    assertTrue(r.out().contains("\"kind\": \"check\""), r.out());
    assertTrue(r.out().contains("Out[3]: 0 of 0 pairs reachable in main"), r.out());
  }

  @Test
  void theRehearsalForTheClassDataArchiveTypesItsCellsThroughToQuit() throws Exception {
    String screen = JLineRepl.rehearse(dir, java.time.Duration.ofSeconds(60));
    assertTrue(screen.contains("\u001b["), "a full terminal, with escape codes: " + screen);
    assertFalse(screen.contains("error:"), screen);
    assertTrue(screen.contains("resilience"), screen);
    // the history is saved when the session ends: it ended by %quit, not by the time limit
    List<String> history = Files.readAllLines(dir.resolve("state/vpclab/history"));
    assertEquals("%quit", history.get(history.size() - 1), history.toString());
    assertTrue(history.contains("instance web in app count 2 needs ssm, internet"),
        "Tab completed inst: " + history);
    assertTrue(history.contains("%history"), "Tab completed %hist: " + history);
  }
}
