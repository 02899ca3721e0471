package dev.vpclab.importer;

/**
 * Bad input to an importer, located: the file and the JSON path ({@code $.Subnets[2].CidrBlock})
 * of what is wrong. Rendered {@code FILE: error: PATH: message}.
 */
public final class JsonFault extends Exception {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final String path;

  public JsonFault(String file, String path, String message) {
    super(message, null, false, false);
    this.file = file;
    this.path = path;
  }

  public String file() {
    return file;
  }

  public String path() {
    return path;
  }

  /** {@code FILE: error: PATH: message} and a newline. */
  public String render() {
    return file + ": error: " + path + ": " + getMessage() + "\n";
  }
}
