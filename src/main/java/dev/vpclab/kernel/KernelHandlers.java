package dev.vpclab.kernel;

import dev.vpclab.lang.Completeness;
import dev.vpclab.lang.Diagnostic;
import dev.vpclab.notebook.Cell;
import dev.vpclab.notebook.Json;
import dev.vpclab.notebook.Notebook;
import dev.vpclab.repl.Completions;
import dev.vpclab.repl.Session;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The shell's requests, one method each, on the REPL's {@link Session}: cells and magics run
 * exactly as in the REPL, and their outputs become Jupyter messages. Runs on one thread (the
 * session is not shared); interrupts come from another through {@link #interrupt}.
 */
final class KernelHandlers {
  static final String ERROR_NAME = "vpclab error";
  static final String INTERRUPTED_NAME = "interrupted";

  private final Supplier<Session> newSession;
  /** Made on first use (kernel_info does not wait for it), on the handling thread. */
  private volatile Session session;
  private final Path base;
  private final Outbox out;
  private final String version;
  private int executionCount;

  KernelHandlers(Supplier<Session> newSession, Path base, Outbox out,
      String version) {
    this.newSession = newSession;
    this.base = base;
    this.out = out;
    this.version = version;
  }

  /** Stops the running cell at its next check point (any thread). */
  void interrupt() {
    Session s = session;
    if (s != null) {
      s.interrupt();
    }
  }

  /** Makes the session now if it is not made yet (while the kernel waits for its first cell). */
  void prepare() {
    session();
  }

  private Session session() {
    if (session == null) {
      session = newSession.get();
    }
    return session;
  }

  /**
   * One shell request: status busy, the handler, status idle. Returns true after an execute
   * request that ended in an error (or was interrupted) and asked {@code stop_on_error} (the
   * default): the execute requests queued behind it are then to be aborted.
   */
  boolean handle(Message m) {
    boolean stop = false;
    out.publish(m, "status", Json.obj().put("execution_state", "busy"));
    try {
      switch (m.type()) {
        case "kernel_info_request" -> out.reply(m, "kernel_info_reply", KernelInfo.content(version));
        case "execute_request" -> stop = execute(m)
            && JsonIn.bool(m.content(), "stop_on_error", true);
        case "complete_request" -> complete(m);
        case "is_complete_request" -> isComplete(m);
        case "inspect_request" -> inspect(m);
        case "history_request" -> out.reply(m, "history_reply", Json.obj().put("status", "ok")
            .put("history", History.of(session().inputs(), m.content())));
        case "comm_info_request" -> out.reply(m, "comm_info_reply",
            Json.obj().put("status", "ok").put("comms", Json.obj()));
        default -> out.log("unknown message type " + m.type() + ": ignored");
      }
    } catch (RuntimeException | LinkageError | StackOverflowError | OutOfMemoryError e) {
      out.log("internal error on " + m.type() + ": " + e);
      if (m.type().endsWith("_request")) {
        out.reply(m, m.type().replace("_request", "_reply"), error("internal error",
            e.getClass().getSimpleName(),
            List.of("vpclab: internal error: " + e.getClass().getSimpleName()
                + " (please report it, with the input); the session goes on")));
      }
    } finally {
      out.publish(m, "status", Json.obj().put("execution_state", "idle"));
    }
    return stop;
  }

  /** An execute request queued behind a failed cell: answered "aborted", not run. */
  void abort(Message m) {
    out.publish(m, "status", Json.obj().put("execution_state", "busy"));
    out.reply(m, "execute_reply", Json.obj().put("status", "aborted"));
    out.publish(m, "status", Json.obj().put("execution_state", "idle"));
  }

  // ------------------------------------------------------------------ execute

  /** Runs a cell; whether it ended in an error. */
  private boolean execute(Message m) {
    Map<String, Object> c = m.content();
    String code = JsonIn.string(c, "code", "");
    boolean silent = JsonIn.bool(c, "silent", false);
    boolean history = !silent && JsonIn.bool(c, "store_history", true);
    if (history) {
      executionCount++;
    }
    if (!silent) {
      out.publish(m, "execute_input", Json.obj().put("code", code)
          .put("execution_count", executionCount));
    }
    Session session = session();
    session.number(history ? executionCount : executionCount + 1);
    Outputs outputs = new Outputs(m, "In[" + session.number() + "]");
    Session.Run run = session.run(code, history, silent ? Session.Listener.NONE : outputs);
    Json.Obj reply = run.internalError()
        ? failure(m, "internal error", run.text().strip(), List.of(run.text().strip()), silent)
        : run.result() == null ? magic(m, run, silent) : cell(m, run, silent, outputs);
    out.reply(m, "execute_reply", reply.put("execution_count", executionCount));
    return reply.get("status").equals(Json.str("error"));
  }

  /**
   * A magic (or blank input): its text as standard output; a magic that could not do its work (a
   * file not found or not valid) is an error whose traceback is its text, as a cell's is.
   */
  private Json.Obj magic(Message m, Session.Run run, boolean silent) {
    if (run.failed()) {
      List<String> lines = run.text().strip().lines().toList();
      return failure(m, ERROR_NAME, lines.isEmpty() ? "error" : lines.get(0), lines, silent);
    }
    String text = run.quit()
        ? "%quit does not stop a kernel: shut it down from the notebook (Kernel > Shut Down)\n"
        : run.text().stripTrailing();
    if (!silent && !text.isEmpty()) {
      stream(m, "stdout", text.endsWith("\n") ? text : text + "\n");
    }
    return ok();
  }

  private Json.Obj cell(Message m, Session.Run run, boolean silent, Outputs outputs) {
    Notebook.Result result = run.result();
    if (result.hasErrors()) {
      List<String> traceback = new ArrayList<>();
      String first = null;
      for (Diagnostic d : result.diagnostics().all()) {
        traceback.addAll(d.render().lines().toList());
        if (first == null && d.isError()) {
          first = d.message();
        }
      }
      String omitted = result.diagnostics().omittedLine();
      if (omitted != null) {
        traceback.add(omitted);
      }
      traceback.add("(cell not run: nothing changed)");
      return failure(m, ERROR_NAME, first == null ? "error" : first, traceback, silent);
    }
    if (!silent) {
      outputs.finish(!result.interrupted());
      if (!run.notes().isEmpty()) {
        stream(m, "stdout", run.notes());
      }
    }
    if (result.interrupted()) {
      return failure(m, INTERRUPTED_NAME, "the cell was interrupted",
          List.of(Session.INTERRUPTED), silent);
    }
    return ok();
  }

  /**
   * A cell's outputs, published as they come: its warnings on standard error, then each output
   * as display_data as soon as the next one is made; the last one, when the cell ends, as the
   * execute_result (as display_data when the cell was interrupted: it has no result).
   */
  private final class Outputs implements Session.Listener {
    private final Message m;
    private final String file;
    private Json.Obj pending;

    Outputs(Message m, String file) {
      this.m = m;
      this.file = file;
    }

    @Override
    public void warnings(List<Diagnostic> warnings) {
      StringBuilder sb = new StringBuilder();
      for (Diagnostic d : warnings) {
        sb.append(d.render());
      }
      stream(m, "stderr", sb.toString());
    }

    @Override
    public void output(int k, Cell cell, String text) {
      flush();
      pending = Json.obj().put("data", MimeBundles.of(cell, k, file, text))
          .put("metadata", cell.output().failed()
              ? Json.obj().put("vpclab", Json.obj().put("expectationFailed", true))
              : Json.obj());
    }

    private void flush() {
      if (pending != null) {
        out.publish(m, "display_data", pending.put("transient", Json.obj()));
        pending = null;
      }
    }

    void finish(boolean asResult) {
      if (pending != null && asResult) {
        out.publish(m, "execute_result", pending.put("execution_count", executionCount));
        pending = null;
      }
      flush();
    }
  }

  /** An error on IOPub (unless silent) and the error reply's content. */
  private Json.Obj failure(Message m, String ename, String evalue, List<String> traceback,
      boolean silent) {
    if (!silent) {
      out.publish(m, "error", Json.obj().put("ename", ename).put("evalue", evalue)
          .put("traceback", Json.strings(traceback)));
    }
    return error(ename, evalue, traceback);
  }

  private static Json.Obj error(String ename, String evalue, List<String> traceback) {
    return Json.obj().put("status", "error").put("ename", ename).put("evalue", evalue)
        .put("traceback", Json.strings(traceback));
  }

  private static Json.Obj ok() {
    return Json.obj().put("status", "ok").put("user_expressions", Json.obj())
        .put("payload", Json.arr(List.of()));
  }

  private void stream(Message m, String name, String text) {
    out.publish(m, "stream", Json.obj().put("name", name).put("text", text));
  }

  // ------------------------------------------------------------------ completion, help

  /** The cursor (in code points, as Jupyter counts) as an index into the Java string. */
  static int index(String code, long cursor) {
    int points = code.codePointCount(0, code.length());
    return code.offsetByCodePoints(0, (int) Math.max(0, Math.min(cursor, points)));
  }

  private static long points(String code, int index) {
    return code.codePointCount(0, index);
  }

  private void complete(Message m) {
    String code = JsonIn.string(m.content(), "code", "");
    int cursor = index(code, JsonIn.integer(m.content(), "cursor_pos", code.length()));
    List<String> matches = Completions.candidates(code, cursor, session().state(), base);
    int start = Completions.wordStart(code, cursor);
    out.reply(m, "complete_reply", Json.obj()
        .put("status", "ok")
        .put("matches", Json.strings(matches))
        .put("cursor_start", points(code, start))
        .put("cursor_end", points(code, cursor))
        .put("metadata", Json.obj()));
  }

  private void isComplete(Message m) {
    Completeness.Answer a = Completeness.answer(JsonIn.string(m.content(), "code", ""));
    Json.Obj reply = Json.obj().put("status", a.status().name().toLowerCase(java.util.Locale.ROOT));
    if (a.status() == Completeness.Status.INCOMPLETE) {
      reply.put("indent", "  ".repeat(a.open()));
    }
    out.reply(m, "is_complete_reply", reply);
  }

  private void inspect(Message m) {
    String code = JsonIn.string(m.content(), "code", "");
    int cursor = index(code, JsonIn.integer(m.content(), "cursor_pos", code.length()));
    int start = cursor;
    while (start > 0 && wordChar(code.charAt(start - 1))) {
      start--;
    }
    int end = cursor;
    while (end < code.length() && wordChar(code.charAt(end))) {
      end++;
    }
    String help = Session.helpOn(code.substring(start, end));
    Json.Obj data = help == null ? Json.obj() : Json.obj().put("text/plain", help);
    out.reply(m, "inspect_reply", Json.obj()
        .put("status", "ok")
        .put("found", help != null)
        .put("data", data)
        .put("metadata", Json.obj()));
  }

  private static boolean wordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '%';
  }
}
