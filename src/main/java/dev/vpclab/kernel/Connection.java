package dev.vpclab.kernel;

import dev.vpclab.notebook.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A Jupyter connection file: the transport and address the five sockets bind to (and nothing
 * else), their ports, and the signing key and scheme.
 */
record Connection(String transport, String ip, int shell, int control, int stdin, int iopub,
    int hb, String key, String scheme) {

  /** A connection file that cannot be used: its one-line reason. */
  static final class Unusable extends Exception {
    Unusable(String message) {
      super(message, null, false, false);
    }
  }

  /** The endpoint of a port: {@code tcp://127.0.0.1:5555}. */
  String endpoint(int port) {
    return transport.equals("ipc") ? transport + "://" + ip + "-" + port
        : transport + "://" + ip + ":" + port;
  }

  /** The connection file's JSON, as Jupyter writes it. */
  Json.Obj json() {
    return Json.obj().put("transport", transport).put("ip", ip).put("shell_port", shell)
        .put("control_port", control).put("stdin_port", stdin).put("iopub_port", iopub)
        .put("hb_port", hb).put("key", key).put("signature_scheme", scheme)
        .put("kernel_name", "vpclab");
  }

  static Connection read(Path file) throws Unusable {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new Unusable(file + ": error: no such connection file");
    } catch (IOException | SecurityException e) {
      throw new Unusable(file + ": error: cannot read the connection file: "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }
    try {
      return of(JsonIn.object(bytes));
    } catch (JsonIn.BadJson | IllegalArgumentException e) {
      throw new Unusable(file + ": error: not a Jupyter connection file: " + e.getMessage());
    }
  }

  static Connection of(Map<String, Object> m) {
    String transport = JsonIn.string(m, "transport", "tcp");
    if (!transport.equals("tcp") && !transport.equals("ipc")) {
      throw new IllegalArgumentException("transport '" + transport + "' (use tcp or ipc)");
    }
    String ip = JsonIn.string(m, "ip", null);
    if (ip == null || ip.isBlank()) {
      throw new IllegalArgumentException("no \"ip\"");
    }
    String scheme = JsonIn.string(m, "signature_scheme", Signer.SCHEME);
    Signer.of(scheme, ""); // checks the scheme
    Object key = m.get("key");
    if (key != null && !(key instanceof String)) {
      throw new IllegalArgumentException("\"key\" is not a string");
    }
    return new Connection(transport, ip, port(m, "shell_port"), port(m, "control_port"),
        port(m, "stdin_port"), port(m, "iopub_port"), port(m, "hb_port"),
        key == null ? "" : (String) key, scheme);
  }

  private static int port(Map<String, Object> m, String name) {
    long p = JsonIn.integer(m, name, -1);
    if (p < 1 || p > 65535) {
      throw new IllegalArgumentException(m.containsKey(name) ? "\"" + name + "\" is not a port"
          : "no \"" + name + "\"");
    }
    return (int) p;
  }
}
