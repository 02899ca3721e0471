package dev.vpclab.kernel;

import dev.vpclab.notebook.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Rehearses the kernel's start-up for the launcher's class-data training ({@code
 * dev.vpclab.cli.Training kernel}): a connection file bound to 127.0.0.1 in a temporary folder,
 * the kernel started on it (as {@code vpclab kernel CONNECTION_FILE}, by the caller), and a
 * client in this process that does what Jupyter does when a notebook opens and runs: kernel_info,
 * a cell with a table, a cell with an error, complete, is_complete, inspect, then shutdown. So
 * the kernel's classes up to its kernel_info reply, and those of its first cells, are archived.
 */
public final class KernelRehearsal {
  private KernelRehearsal() {}

  /** A small layout and a query with a table, then a cell with a mistake. */
  static final String TABLE_CELL = "region ap-northeast-1\n"
      + "layout a {\n"
      + "  az 1a subnet private app\n"
      + "  az 1c subnet private ep\n"
      + "  endpoint ssm, ec2messages, ssmmessages in 1c\n"
      + "  instance web in app needs session-manager\n"
      + "}\n"
      + "check a\n";
  static final String ERROR_CELL = "check nosuch\n";

  /**
   * Starts {@code kernel} (given the connection file; it returns after a shutdown) on a thread,
   * drives it, and waits at most {@code limit} in all. Never throws.
   */
  public static void rehearse(Path dir, Consumer<Path> kernel, Duration limit) {
    long end = System.nanoTime() + limit.toNanos();
    // the first HMAC looks for its provider among the JDK's security providers in an order that
    // changes from run to run (a service loader over modules), loading those it passes: load
    // them all, so the kernel's start finds whichever it passes in the archive
    java.security.Security.getProviders();
    try (ZContext context = new ZContext()) {
      int[] ports = freePorts(5);
      String key = UUID.randomUUID().toString();
      Connection c = new Connection("tcp", "127.0.0.1", ports[0], ports[1], ports[2], ports[3],
          ports[4], key, Signer.SCHEME);
      Path file = dir.resolve("kernel-training.json");
      Files.write(file, Json.write(c.json()).getBytes(StandardCharsets.UTF_8));
      Thread k = new Thread(new Start(kernel, file), "vpclab-kernel-rehearsal");
      k.setDaemon(true);
      k.start();
      Client client = new Client(context, c, (int) Math.max(1, limit.toMillis()));
      client.drive();
      k.join(Math.max(1, (end - System.nanoTime()) / 1_000_000));
    } catch (IOException | InterruptedException | RuntimeException | LinkageError e) {
      // the archive then holds what was loaded so far
    }
  }

  /** n ports of 127.0.0.1 that were free a moment ago. */
  static int[] freePorts(int n) throws IOException {
    int[] ports = new int[n];
    List<ServerSocket> open = new ArrayList<>();
    try {
      for (int i = 0; i < ports.length; i++) {
        ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        open.add(s);
        ports[i] = s.getLocalPort();
      }
    } finally {
      for (ServerSocket s : open) {
        s.close();
      }
    }
    return ports;
  }

  /** The kernel, on its own thread. */
  private record Start(Consumer<Path> kernel, Path file) implements Runnable {
    @Override
    public void run() {
      kernel.accept(file);
    }
  }

  /** Jupyter's side: shell and control (DEALER) and IOPub (SUB), signing with the file's key. */
  private static final class Client {
    private final Wire wire;
    private final ZMQ.Socket shell;
    private final ZMQ.Socket control;
    private final ZMQ.Socket iopub;

    Client(ZContext context, Connection c, int timeoutMs) {
      wire = new Wire(Signer.of(c.scheme(), c.key()), UUID.randomUUID().toString(), "training");
      shell = context.createSocket(SocketType.DEALER);
      control = context.createSocket(SocketType.DEALER);
      iopub = context.createSocket(SocketType.SUB);
      iopub.subscribe(new byte[0]);
      for (ZMQ.Socket s : new ZMQ.Socket[] {shell, control, iopub}) {
        s.setLinger(0);
        s.setReceiveTimeOut(timeoutMs);
      }
      iopub.setReceiveTimeOut(0);
      shell.connect(c.endpoint(c.shell()));
      control.connect(c.endpoint(c.control()));
      iopub.connect(c.endpoint(c.iopub()));
    }

    void drive() {
      if (request(shell, "kernel_info_request", Json.obj()) == null) {
        return;
      }
      execute(TABLE_CELL);
      execute(ERROR_CELL);
      String code = "check a\nre";
      request(shell, "complete_request", Json.obj().put("code", code)
          .put("cursor_pos", code.length()));
      request(shell, "is_complete_request", Json.obj().put("code", "layout b {"));
      request(shell, "inspect_request", Json.obj().put("code", "check a").put("cursor_pos", 3)
          .put("detail_level", 0));
      request(control, "shutdown_request", Json.obj().put("restart", false));
    }

    private void execute(String code) {
      request(shell, "execute_request", Json.obj().put("code", code).put("silent", false)
          .put("store_history", true).put("user_expressions", Json.obj())
          .put("allow_stdin", false).put("stop_on_error", true));
    }

    /** Sends a request and returns its reply (requests on a channel are answered in order). */
    private Message request(ZMQ.Socket socket, String type, Json.Obj content) {
      List<byte[]> frames = wire.encode(List.of(), wire.header(type),
          "{}".getBytes(StandardCharsets.UTF_8), content);
      KernelServer.send(socket, frames);
      Message reply = receive(socket);
      while (receive(iopub) != null) {
        // what the kernel published for it, read as a notebook reads it
      }
      return reply;
    }

    private Message receive(ZMQ.Socket socket) {
      byte[] first = socket.recv(0);
      if (first == null) {
        return null;
      }
      List<byte[]> frames = new ArrayList<>();
      frames.add(first);
      while (socket.hasReceiveMore()) {
        frames.add(socket.recv(0));
      }
      try {
        return wire.decode(frames);
      } catch (Wire.Dropped e) {
        return null;
      }
    }
  }
}
