package dev.vpclab.notebook;

import dev.vpclab.cost.CostEngine;
import dev.vpclab.cost.CostResult;
import dev.vpclab.cost.Money;
import dev.vpclab.lang.Ast;
import dev.vpclab.lang.Diagnostics;
import dev.vpclab.lang.SourceFile;
import dev.vpclab.lang.SourceParser;
import dev.vpclab.model.Layout;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine API of vpclab, with no console in it (like JShell's): give it source text, get back
 * diagnostics and evaluated cells. It keeps the session's state between calls; a call whose source
 * has errors changes nothing. The batch runner makes one call per file; the REPL one per cell.
 */
public final class Notebook {
  private final SourceLoader loader;
  private final ChartFiles charts;
  private final String chartPrefix;
  private State state = State.initial();
  private int cellCount;
  /** Set while {@link #eval} runs; {@link #interrupt} only acts then. */
  private volatile boolean running;
  private volatile boolean interrupted;

  public Notebook(SourceLoader loader) {
    this(loader, ChartFiles.CHARTS);
  }

  /**
   * A notebook that draws charts as {@code charts} says (see {@link ChartFiles}). Query cells are
   * numbered from 1 across the session; a chart without {@code to} is named after its cell.
   */
  public Notebook(SourceLoader loader, ChartFiles charts) {
    this(loader, charts, "");
  }

  /**
   * As {@link #Notebook(SourceLoader, ChartFiles)}, with charts without {@code to} named {@code
   * chartPrefix + "cell-N-KIND.png"}: a run of several files gives each its own prefix ("plan-"),
   * so that their charts never share a name.
   */
  public Notebook(SourceLoader loader, ChartFiles charts, String chartPrefix) {
    this.loader = loader;
    this.charts = charts;
    this.chartPrefix = chartPrefix;
  }

  /**
   * The result of one call: diagnostics (errors and warnings) and the cells, in source order;
   * {@code interrupted} when {@link #interrupt} stopped it before its last query (the cells are
   * those that ran).
   */
  public record Result(Diagnostics diagnostics, List<Cell> cells, boolean interrupted) {
    public Result(Diagnostics diagnostics, List<Cell> cells) {
      this(diagnostics, cells, false);
    }

    public boolean hasErrors() {
      return diagnostics.hasErrors();
    }

    /** Whether an expectation failed. */
    public boolean anyFailed() {
      return cells.stream().anyMatch(c -> c.output().failed());
    }
  }

  /**
   * Parses, validates and (when there is no error) evaluates {@code source}. When it has errors,
   * no query is evaluated and the session stays as it was.
   */
  public Result eval(SourceFile source) {
    return eval(source, 0);
  }

  /**
   * {@link #eval(SourceFile)} for input {@code number} of a REPL session (In [number]): its
   * queries are cell {@code number}, so a chart without a file name is {@code
   * cell-number-KIND.png} ({@code cell-number-K-KIND.png} for the K-th query of an input with
   * several). With 0, each query is a cell of its own, numbered on from the last (a batch run).
   */
  public Result eval(SourceFile source, int number) {
    return eval(source, number, Progress.NONE);
  }

  /**
   * What a front end that shows outputs as they come (the kernel) is told while {@link #eval}
   * runs: the diagnostics once the source is checked (before any query runs), then each cell as
   * soon as it is evaluated.
   */
  public interface Progress {
    Progress NONE = new Progress() {};

    default void checked(Diagnostics diagnostics) {}

    default void evaluated(Cell cell) {}
  }

  /** {@link #eval(SourceFile, int)}, telling progress as it goes. */
  public Result eval(SourceFile source, int number, Progress progress) {
    interrupted = false;
    running = true;
    try {
      return evalRunning(source, number, progress);
    } finally {
      running = false;
      interrupted = false;
    }
  }

  /**
   * Asks the running {@link #eval} (from another thread) to stop at its next check point: before
   * each query. Its statements have taken effect by then (they are compiled before any query
   * runs); the queries not yet run are left out of its result. Does nothing when no eval runs.
   */
  public void interrupt() {
    if (running) {
      interrupted = true;
    }
  }

  private Result evalRunning(SourceFile source, int number, Progress progress) {
    Diagnostics diagnostics = new Diagnostics();
    Ast.Program program = SourceParser.parse(source, diagnostics);
    Compiler compiler = new Compiler(state, source, diagnostics, loader);
    compiler.compile(program);
    if (diagnostics.hasErrors()) {
      return new Result(diagnostics, List.of());
    }
    state = compiler.state();
    progress.checked(diagnostics);
    List<Cell> cells = new ArrayList<>();
    int k = 0;
    for (Bound b : compiler.bound()) {
      if (interrupted) {
        return new Result(diagnostics, cells, true);
      }
      k++;
      String cell = number > 0 ? (k == 1 ? number + "" : number + "-" + k) : ++cellCount + "";
      Cell done = new Cell(source, b.query(),
          Evaluator.evaluate(b, chartPrefix + "cell-" + cell, charts));
      cells.add(done);
      progress.evaluated(done);
    }
    return new Result(diagnostics, cells);
  }

  /** The session as it stands (layouts, current layout, region, hours, prices). */
  public State state() {
    return state;
  }

  /** Every layout of the session, in declaration order, with its monthly total. */
  public List<LayoutSummary> layouts() {
    List<LayoutSummary> out = new ArrayList<>();
    state.layouts().forEach((name, entry) -> {
      boolean current = name.equals(state.current());
      Layout l = entry.layout();
      if (l == null) {
        out.add(new LayoutSummary(name, current, false, entry.def().region().code(), List.of(), 0,
            null, false));
      } else {
        CostResult c = CostEngine.cost(l, state.pricing(), state.hours());
        out.add(new LayoutSummary(name, current, true, l.region().code(),
            l.azs().stream().map(l.region()::shortAz).toList(), l.eniCount(),
            Money.cents(c.total()), c.complete()));
      }
    });
    return out;
  }

  /** Forgets everything: a fresh session. */
  public void reset() {
    state = State.initial();
    cellCount = 0;
  }
}
