package dev.vpclab.kernel;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpclab.notebook.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A Jupyter client for tests, on JeroMQ: DEALER sockets to shell and control, SUB to IOPub, REQ
 * to the heartbeat. It signs what it sends; it parses what it gets with Jackson and checks each
 * signature.
 */
final class KernelClient implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  /** A received message: its frames' JSON, and whether its signature held. */
  record Received(JsonNode header, JsonNode parent, JsonNode content, boolean signed) {
    String type() {
      return header.get("msg_type").asText();
    }
  }

  final String key;
  final Connection connection;
  private final Signer signer;
  private final String session = UUID.randomUUID().toString();
  private final ZContext context = new ZContext();
  final ZMQ.Socket shell;
  final ZMQ.Socket control;
  final ZMQ.Socket iopub;
  final ZMQ.Socket hb;

  KernelClient(String key) throws IOException {
    this.key = key;
    int[] ports = freePorts(5);
    this.connection = new Connection("tcp", "127.0.0.1", ports[0], ports[1], ports[2], ports[3],
        ports[4], key, "hmac-sha256");
    this.signer = Signer.of("hmac-sha256", key);
    shell = context.createSocket(SocketType.DEALER);
    control = context.createSocket(SocketType.DEALER);
    iopub = context.createSocket(SocketType.SUB);
    iopub.subscribe(new byte[0]);
    hb = context.createSocket(SocketType.REQ);
    for (ZMQ.Socket s : List.of(shell, control, iopub, hb)) {
      s.setLinger(0);
      s.setReceiveTimeOut(5000);
    }
  }

  void connect() {
    shell.connect(connection.endpoint(connection.shell()));
    control.connect(connection.endpoint(connection.control()));
    iopub.connect(connection.endpoint(connection.iopub()));
    hb.connect(connection.endpoint(connection.hb()));
  }

  static int[] freePorts(int n) throws IOException {
    return KernelRehearsal.freePorts(n);
  }

  /** Sends a request (signed unless told otherwise); returns its msg_id. */
  String send(ZMQ.Socket socket, String type, Json.Obj content) {
    return send(socket, type, Json.write(content), null);
  }

  /** With content as raw text and, when signature is not null, that signature. */
  String send(ZMQ.Socket socket, String type, String content, String signature) {
    String id = UUID.randomUUID().toString();
    byte[] h = Json.write(Json.obj().put("msg_id", id).put("session", session)
        .put("username", "test").put("date", "2026-01-01T00:00:00.000000Z")
        .put("msg_type", type).put("version", "5.3")).getBytes(UTF_8);
    byte[] empty = "{}".getBytes(UTF_8);
    byte[] c = content.getBytes(UTF_8);
    String sig = signature != null ? signature : signer.sign(h, empty, empty, c);
    socket.send(Wire.DELIMITER, ZMQ.SNDMORE);
    socket.send(sig.getBytes(UTF_8), ZMQ.SNDMORE);
    socket.send(h, ZMQ.SNDMORE);
    socket.send(empty, ZMQ.SNDMORE);
    socket.send(empty, ZMQ.SNDMORE);
    socket.send(c, 0);
    return id;
  }

  /** The next message on socket, or null after the socket's receive timeout. */
  Received receive(ZMQ.Socket socket) throws IOException {
    List<byte[]> frames = new ArrayList<>();
    byte[] first = socket.recv(0);
    if (first == null) {
      return null;
    }
    frames.add(first);
    while (socket.hasReceiveMore()) {
      frames.add(socket.recv(0));
    }
    int d = 0;
    while (!java.util.Arrays.equals(frames.get(d), Wire.DELIMITER)) {
      d++;
    }
    byte[] h = frames.get(d + 2);
    byte[] p = frames.get(d + 3);
    byte[] m = frames.get(d + 4);
    byte[] c = frames.get(d + 5);
    return new Received(JSON.readTree(h), JSON.readTree(p), JSON.readTree(c),
        signer.verify(frames.get(d + 1), h, p, m, c));
  }

  /**
   * The reply to request msgId on socket, or null after the socket's receive timeout. Replies
   * to other requests (a late kernel_info_reply of {@link #waitUntilReady}) are skipped, as
   * jupyter_client skips them.
   */
  Received reply(ZMQ.Socket socket, String msgId) throws IOException {
    for (Received r = receive(socket); r != null; r = receive(socket)) {
      if (r.parent().path("msg_id").asText().equals(msgId)) {
        return r;
      }
    }
    return null;
  }

  /** IOPub messages for parent msgId up to and including its status idle. */
  List<Received> iopubUntilIdle(String msgId) throws IOException {
    List<Received> out = new ArrayList<>();
    while (true) {
      Received r = receive(iopub);
      if (r == null) {
        throw new AssertionError("no status idle for " + msgId + " after " + out);
      }
      if (!r.parent().path("msg_id").asText().equals(msgId)) {
        continue;
      }
      out.add(r);
      if (r.type().equals("status") && r.content().get("execution_state").asText().equals("idle")) {
        return out;
      }
    }
  }

  /**
   * Waits until IOPub delivers (a SUB socket misses what is published before it is joined):
   * kernel_info requests until one's status reaches us, as jupyter_client does.
   */
  void waitUntilReady() throws IOException {
    iopub.setReceiveTimeOut(200);
    try {
      for (int i = 0; i < 50; i++) {
        String id = send(shell, "kernel_info_request", Json.obj());
        Received reply = reply(shell, id);
        if (reply == null) {
          continue;
        }
        for (Received r = receive(iopub); r != null; r = receive(iopub)) {
          if (r.parent().path("msg_id").asText().equals(id) && r.type().equals("status")
              && r.content().get("execution_state").asText().equals("idle")) {
            return;
          }
        }
      }
      throw new AssertionError("IOPub never delivered");
    } finally {
      iopub.setReceiveTimeOut(5000);
    }
  }

  @Override
  public void close() {
    context.close();
  }
}
