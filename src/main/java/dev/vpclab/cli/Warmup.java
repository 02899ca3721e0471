package dev.vpclab.cli;

import dev.vpclab.cost.PriceBook;

/**
 * Start-up work done beside the main thread on the second core: the embedded price book is read
 * while the main thread parses and checks the input (the session loads it only when a cost is
 * first needed). Loading is synchronised, so whichever thread gets there first does the work and
 * the other waits for it; nothing here changes any result.
 */
final class Warmup {
  private Warmup() {}

  static void start() {
    Thread t = new Thread(() -> {
      try {
        PriceBook.builtIn();
      } catch (RuntimeException | Error e) {
        // the main thread does the same work again and reports any problem itself
      }
    }, "vpclab-warmup");
    t.setDaemon(true);
    t.start();
  }
}
