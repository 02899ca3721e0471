package dev.vpclab.notebook;

import java.io.IOException;

/**
 * How the notebook reads a file a statement names ({@code prices "my-prices.csv"}). The front end
 * supplies it, so the notebook itself does no file I/O of its own choosing; paths are resolved by
 * the loader (relative to the scenario file, or to the working directory in the REPL).
 */
@FunctionalInterface
public interface SourceLoader {
  String read(String path) throws IOException;

  /** A loader that refuses every file (for tests and for input from standard input). */
  SourceLoader NONE = path -> {
    throw new IOException("reading files is not available here");
  };
}
