package dev.vpclab.cli;

import dev.vpclab.cost.PriceBook;
import dev.vpclab.lang.SourceParser;

/**
 * Start-up work done beside the main thread on the second core: the parser's tables are loaded
 * while the main thread reads the input, then the embedded price book is read while the main
 * thread parses and checks it (the session loads it only when a cost is first needed). Both are
 * class or synchronised initialisation, so whichever thread gets there first does the work and
 * the other waits for it; nothing here changes any result.
 *
 * <p>A class, not a lambda: the first lambda of a run sets up the JVM's method-handle machinery
 * (several milliseconds), which should not happen on the main thread before it reads its input.
 */
final class Warmup extends Thread {
  private Warmup() {
    super("vpclab-warmup");
    setDaemon(true);
  }

  static void begin() {
    new Warmup().start();
  }

  @Override
  public void run() {
    try {
      SourceParser.prepare();
      PriceBook.builtIn();
    } catch (RuntimeException | Error e) {
      // the main thread does the same work again and reports any problem itself
    }
  }
}
