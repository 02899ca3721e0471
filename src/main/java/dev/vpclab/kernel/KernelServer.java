package dev.vpclab.kernel;

import dev.vpclab.notebook.ChartFiles;
import dev.vpclab.notebook.Json;
import dev.vpclab.repl.Session;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * The kernel's sockets and threads. The I/O thread owns the shell, control, stdin and IOPub
 * sockets: it checks every incoming message ({@link Wire#decode}), answers control requests
 * (interrupt, shutdown, kernel_info) at once, and queues shell requests for the execution thread,
 * which runs them in order on the session ({@link KernelHandlers}) and hands its messages back
 * through an in-process socket, so that a socket is only ever used by the thread that owns it.
 * The heartbeat echoes on a thread of its own. Everything binds to the connection file's address
 * only.
 */
public final class KernelServer {
  private static final long POLL_MS = 500;
  private static final int LINGER_MS = 1000;

  private final Connection connection;
  private final PrintStream log;
  private final String version;
  private final Path base;
  private final Wire wire;
  private final String session = UUID.randomUUID().toString();
  private final String outboxAddress = "inproc://vpclab-outbox-" + session;
  private final BlockingQueue<Message> queue = new LinkedBlockingQueue<>();
  private final ZContext context = new ZContext();
  private final Map<Channel, ZMQ.Socket> sockets = new EnumMap<>(Channel.class);
  private volatile boolean stopping;
  /** The process that started the kernel (Jupyter): when it is gone, the kernel stops. */
  private final ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
  private KernelHandlers handlers;
  private ZMQ.Socket outbox;
  private ZMQ.Socket heartbeat;
  private Thread worker;
  private Thread beats;
  private Thread io;

  KernelServer(Connection connection, Path base, String version, PrintStream log) {
    this.connection = connection;
    this.base = base;
    this.version = version;
    this.log = log;
    this.wire = new Wire(Signer.of(connection.scheme(), connection.key()), session,
        System.getProperty("user.name", "vpclab"));
    // JeroMQ's own threads: one line in the log, never a stack trace (when the sockets close,
    // a closed channel is expected and not worth a line)
    Thread.UncaughtExceptionHandler quiet = (t, e) -> {
      if (!stopping) {
        log.println("vpclab kernel: ZeroMQ: " + e);
      }
    };
    context.setUncaughtExceptionHandler(quiet);
    context.setNotificationExceptionHandler(quiet);
  }

  /**
   * {@code vpclab kernel CONNECTION_FILE}: runs until a shutdown request. Returns the exit
   * status: 0 after a shutdown, 2 when the connection file is unusable or a socket cannot bind
   * (one line on log each, no stack trace).
   */
  public static int run(Path connectionFile, String version, PrintStream log) {
    Connection c;
    try {
      c = Connection.read(connectionFile);
    } catch (Connection.Unusable e) {
      log.println(e.getMessage());
      return 2;
    }
    KernelServer server = new KernelServer(c, Path.of(""), version, log);
    try {
      server.start();
    } catch (ZMQException | IllegalArgumentException e) {
      log.println("vpclab kernel: cannot bind the sockets of " + connectionFile + " ("
          + c.endpoint(c.shell()) + " ...): " + e.getMessage());
      server.stop();
      return 2;
    }
    server.await();
    return 0;
  }

  /** Binds every socket and starts the threads. */
  void start() {
    bind(Channel.SHELL, SocketType.ROUTER, connection.shell());
    bind(Channel.CONTROL, SocketType.ROUTER, connection.control());
    bind(Channel.STDIN, SocketType.ROUTER, connection.stdin());
    bind(Channel.IOPUB, SocketType.PUB, connection.iopub());
    heartbeat = socket(SocketType.REP);
    heartbeat.bind(connection.endpoint(connection.hb()));
    outbox = socket(SocketType.PULL);
    outbox.bind(outboxAddress);
    handlers = new KernelHandlers(() -> new Session(base, ChartFiles.INLINE), base, new Pushed(),
        version);
    worker = thread("vpclab-kernel-execute", this::executeLoop);
    beats = thread("vpclab-kernel-heartbeat", this::heartbeatLoop);
    io = thread("vpclab-kernel-io", this::ioLoop);
  }

  /** Waits until the kernel has shut down. */
  void await() {
    try {
      io.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    stop();
  }

  private Thread thread(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  private ZMQ.Socket socket(SocketType type) {
    ZMQ.Socket s = context.createSocket(type);
    s.setLinger(LINGER_MS);
    return s;
  }

  private void bind(Channel channel, SocketType type, int port) {
    ZMQ.Socket s = socket(type);
    sockets.put(channel, s);
    s.bind(connection.endpoint(port));
  }

  /** Stops the threads (the running cell is interrupted) and closes every socket. */
  synchronized void stop() {
    if (context.isClosed()) {
      return;
    }
    stopping = true;
    if (handlers != null) {
      handlers.interrupt();
    }
    queue.offer(POISON);
    join(worker);
    join(beats);
    if (io != null && Thread.currentThread() != io) {
      join(io);
    }
    context.close();
  }

  private static void join(Thread t) {
    if (t == null) {
      return;
    }
    try {
      t.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static final Message POISON = new Message(List.of(), Map.of(), new byte[0], Map.of());

  // ------------------------------------------------------------------ the threads

  private void ioLoop() {
    ZMQ.Poller poller = context.createPoller(4);
    int shell = poller.register(sockets.get(Channel.SHELL), ZMQ.Poller.POLLIN);
    int control = poller.register(sockets.get(Channel.CONTROL), ZMQ.Poller.POLLIN);
    int stdin = poller.register(sockets.get(Channel.STDIN), ZMQ.Poller.POLLIN);
    int pushed = poller.register(outbox, ZMQ.Poller.POLLIN);
    try {
      while (!stopping) {
        if (poller.poll(POLL_MS) < 0) {
          break;
        }
        if (parent != null && !parent.isAlive()) {
          log.println("vpclab kernel: the process that started the kernel (pid " + parent.pid()
              + ") is gone; shutting down");
          break;
        }
        if (poller.pollin(pushed)) {
          forward();
        }
        if (poller.pollin(control)) {
          receive(Channel.CONTROL);
        }
        if (poller.pollin(shell)) {
          receive(Channel.SHELL);
        }
        if (poller.pollin(stdin)) {
          receive(Channel.STDIN);
        }
      }
    } catch (org.zeromq.UncheckedZMQException | java.nio.channels.ClosedSelectorException e) {
      if (!stopping) {
        log.println("vpclab kernel: socket error: " + e.getMessage() + "; shutting down");
      }
    } finally {
      poller.close();
    }
  }

  private static List<byte[]> frames(ZMQ.Socket s) {
    List<byte[]> frames = new ArrayList<>();
    do {
      frames.add(s.recv(0));
    } while (s.hasReceiveMore());
    return frames;
  }

  private void receive(Channel channel) {
    List<byte[]> frames = frames(sockets.get(channel));
    Message m;
    try {
      m = wire.decode(frames);
    } catch (Wire.Dropped e) {
      log.println("vpclab kernel: dropped a message on " + name(channel) + ": " + e.getMessage());
      return;
    }
    if (m.type().equals("shutdown_request")) {
      shutdown(m, channel);
    } else if (channel == Channel.SHELL) {
      queue.offer(m);
    } else if (channel == Channel.CONTROL) {
      control(m);
    } else {
      log.println("vpclab kernel: ignored " + m.type() + " on stdin (the kernel asks no input)");
    }
  }

  private static String name(Channel c) {
    return c.name().toLowerCase(java.util.Locale.ROOT);
  }

  private void control(Message m) {
    Outbox out = new Direct(Channel.CONTROL);
    out.publish(m, "status", Json.obj().put("execution_state", "busy"));
    switch (m.type()) {
      case "interrupt_request" -> {
        handlers.interrupt();
        out.reply(m, "interrupt_reply", Json.obj().put("status", "ok"));
      }
      case "kernel_info_request" -> out.reply(m, "kernel_info_reply", KernelInfo.content(version));
      default -> out.log("unknown message type " + m.type() + " on control: ignored");
    }
    out.publish(m, "status", Json.obj().put("execution_state", "idle"));
  }

  private void shutdown(Message m, Channel channel) {
    Outbox out = new Direct(channel);
    out.publish(m, "status", Json.obj().put("execution_state", "busy"));
    Json.Obj content = Json.obj().put("status", "ok")
        .put("restart", JsonIn.bool(m.content(), "restart", false));
    out.reply(m, "shutdown_reply", content);
    out.publish(m, "status", Json.obj().put("execution_state", "idle"));
    stopping = true;
    handlers.interrupt();
  }

  /** A message the execution thread handed over: [channel, frames...]. */
  private void forward() {
    List<byte[]> frames = frames(outbox);
    Channel channel = Channel.valueOf(new String(frames.get(0), StandardCharsets.US_ASCII));
    send(sockets.get(channel), frames.subList(1, frames.size()));
  }

  /** Sends frames as one multipart message (the in-process training client too). */
  static void send(ZMQ.Socket s, List<byte[]> frames) {
    for (int i = 0; i < frames.size(); i++) {
      s.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
    }
  }

  private void executeLoop() {
    try (ZMQ.Socket push = context.createSocket(SocketType.PUSH)) {
      push.setLinger(LINGER_MS);
      push.connect(outboxAddress);
      Pushed.socket.set(push);
      boolean prepared = false;
      while (true) {
        Message m = queue.take();
        if (m == POISON || stopping) {
          return;
        }
        if (handlers.handle(m)) {
          abortQueued();
        }
        if (!prepared && queue.isEmpty()) {
          // after the first reply (kernel_info, which Jupyter waits for): the session, so that
          // the first cell does not wait for it
          handlers.prepare();
          prepared = true;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ZMQException e) {
      if (!stopping) {
        log.println("vpclab kernel: execution thread: " + e.getMessage());
      }
    }
  }

  /** After a failed cell: the cells queued behind it are not run (as Jupyter's kernels do). */
  private void abortQueued() {
    List<Message> queued = new ArrayList<>();
    queue.drainTo(queued);
    for (Message q : queued) {
      if (q == POISON || stopping) {
        queue.offer(POISON);
        return;
      }
      if (q.type().equals("execute_request")) {
        handlers.abort(q);
      } else if (handlers.handle(q)) {
        abortQueued();
      }
    }
  }

  private void heartbeatLoop() {
    ZMQ.Poller poller = context.createPoller(1);
    poller.register(heartbeat, ZMQ.Poller.POLLIN);
    try {
      while (!stopping) {
        if (poller.poll(POLL_MS) > 0 && poller.pollin(0)) {
          send(heartbeat, frames(heartbeat));
        }
      }
    } catch (ZMQException e) {
      if (!stopping) {
        log.println("vpclab kernel: heartbeat: " + e.getMessage());
      }
    } finally {
      poller.close();
    }
  }

  // ------------------------------------------------------------------ outboxes

  /** The I/O thread's own: sends at once (it owns the sockets). */
  private final class Direct implements Outbox {
    private final Channel replies;

    Direct(Channel replies) {
      this.replies = replies;
    }

    @Override
    public void reply(Message request, String type, Json.Obj content) {
      send(sockets.get(replies), wire.encode(request.identities(), type, request, content));
    }

    @Override
    public void publish(Message parent, String type, Json.Obj content) {
      send(sockets.get(Channel.IOPUB), wire.encode(topic(type), type, parent, content));
    }

    @Override
    public void log(String line) {
      log.println("vpclab kernel: " + line);
    }
  }

  private List<byte[]> topic(String type) {
    return List.of(Wire.utf8("kernel." + session + "." + type));
  }

  /** The execution thread's: hands each message to the I/O thread through the outbox. */
  private final class Pushed implements Outbox {
    static final ThreadLocal<ZMQ.Socket> socket = new ThreadLocal<>();

    @Override
    public void reply(Message request, String type, Json.Obj content) {
      push(Channel.SHELL, wire.encode(request.identities(), type, request, content));
    }

    @Override
    public void publish(Message parent, String type, Json.Obj content) {
      push(Channel.IOPUB, wire.encode(topic(type), type, parent, content));
    }

    private void push(Channel channel, List<byte[]> frames) {
      List<byte[]> all = new ArrayList<>(frames.size() + 1);
      all.add(channel.name().getBytes(StandardCharsets.US_ASCII));
      all.addAll(frames);
      send(socket.get(), all);
    }

    @Override
    public void log(String line) {
      log.println("vpclab kernel: " + line);
    }
  }
}
