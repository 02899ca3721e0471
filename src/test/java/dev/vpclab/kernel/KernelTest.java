package dev.vpclab.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vpclab.kernel.KernelClient.Received;
import dev.vpclab.notebook.Json;
import dev.vpclab.testing.TestLayouts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The kernel in this JVM, driven by a JeroMQ client as Jupyter drives it. */
@Timeout(20)
class KernelTest {
  static final String SEED = TestLayouts.SEED_PROGRAM_SINGLE;

  @TempDir
  Path dir;
  private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
  private KernelClient client;
  private KernelServer server;

  @BeforeEach
  void start() throws Exception {
    client = new KernelClient("a-secret-key");
    server = new KernelServer(client.connection, dir, "9.9.9",
        new PrintStream(logBytes, true, StandardCharsets.UTF_8));
    server.start();
    client.connect();
    client.waitUntilReady();
  }

  @AfterEach
  void stop() {
    server.stop();
    client.close();
  }

  private String log() {
    return logBytes.toString(StandardCharsets.UTF_8);
  }

  /** Executes code; returns the IOPub messages up to idle, the reply last. */
  private List<Received> execute(String code) throws Exception {
    String id = client.send(client.shell, "execute_request", Json.obj().put("code", code)
        .put("silent", false).put("store_history", true).put("user_expressions", Json.obj())
        .put("allow_stdin", false).put("stop_on_error", true));
    List<Received> iopub = new java.util.ArrayList<>(client.iopubUntilIdle(id));
    Received reply = client.reply(client.shell, id);
    assertNotNull(reply, "no execute_reply");
    assertEquals("execute_reply", reply.type());
    assertEquals(id, reply.parent().get("msg_id").asText());
    iopub.add(reply);
    return iopub;
  }

  private static List<String> types(List<Received> messages) {
    return messages.stream().map(Received::type).toList();
  }

  private Received request(String type, Json.Obj content) throws Exception {
    String id = client.send(client.shell, type, content);
    Received reply = client.reply(client.shell, id);
    assertNotNull(reply, "no reply to " + type);
    assertEquals(id, reply.parent().get("msg_id").asText());
    assertTrue(reply.signed(), "replies are signed");
    return reply;
  }

  @Test
  void kernelInfo() throws Exception {
    Received r = request("kernel_info_request", Json.obj());
    assertEquals("kernel_info_reply", r.type());
    JsonNode c = r.content();
    assertEquals("ok", c.get("status").asText());
    assertEquals("5.3", c.get("protocol_version").asText());
    assertEquals("vpclab", c.get("implementation").asText());
    assertEquals("vpclab", c.at("/language_info/name").asText());
    assertEquals(".vpc", c.at("/language_info/file_extension").asText());
    assertEquals("text/x-vpclab", c.at("/language_info/mimetype").asText());
    assertEquals("9.9.9", c.at("/language_info/version").asText());
    assertTrue(c.get("help_links").isArray());
    assertEquals("5.3", r.header().get("version").asText());
    assertEquals("kernel_info_reply", r.header().get("msg_type").asText());
    assertFalse(r.header().get("msg_id").asText().isEmpty());
    // the heartbeat echoes
    client.hb.send("ping");
    assertEquals("ping", client.hb.recvStr());
  }

  @Test
  void executeATableCell() throws Exception {
    assertEquals(List.of("status", "execute_input", "status", "execute_reply"),
        types(execute(SEED)));
    List<Received> m = execute("check single");
    assertEquals(List.of("status", "execute_input", "execute_result", "status", "execute_reply"),
        types(m));
    assertEquals("busy", m.get(0).content().get("execution_state").asText());
    assertEquals("check single", m.get(1).content().get("code").asText());
    assertEquals(2, m.get(1).content().get("execution_count").asInt());
    JsonNode data = m.get(2).content().get("data");
    assertEquals(2, m.get(2).content().get("execution_count").asInt());
    assertTrue(data.get("text/plain").asText()
        .startsWith("3 of 3 pairs reachable in single, 3 cross-AZ\n"), data.toString());
    assertTrue(data.get("text/html").asText().contains("<th>instance</th>"));
    assertTrue(data.get("text/html").asText().contains("<td>ec2messages</td>"));
    assertEquals("check", data.at("/application~1json/kind").asText());
    assertEquals("In[2]", data.at("/application~1json/file").asText());
    JsonNode reply = m.get(4).content();
    assertEquals("ok", reply.get("status").asText());
    assertEquals(2, reply.get("execution_count").asInt());
  }

  @Test
  void executeCharts() throws Exception {
    execute(SEED);
    List<Received> m = execute("chart cost single\nchart cost single to \"cost.svg\"");
    assertEquals(List.of("status", "execute_input", "display_data", "execute_result", "stream",
        "status", "execute_reply"), types(m));
    assertEquals("(wrote cost.svg)\n", m.get(4).content().get("text").asText());
    byte[] png = Base64.getDecoder().decode(
        m.get(2).content().get("data").get("image/png").asText());
    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));
    String svg = m.get(3).content().get("data").get("image/svg+xml").asText();
    assertTrue(svg.contains("<svg"), svg);
    // only the chart that names a file is written, beside the notebook
    assertEquals(svg, Files.readString(dir.resolve("cost.svg"), StandardCharsets.UTF_8));
    try (var files = Files.list(dir)) {
      assertEquals(List.of("cost.svg"), files.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  void anErrorCellIsAJupyterErrorWithTheLocatedDiagnostic() throws Exception {
    execute(SEED);
    List<Received> m = execute("use single\nendpoint ssm in 1d");
    assertEquals(List.of("status", "execute_input", "error", "status", "execute_reply"),
        types(m));
    JsonNode error = m.get(2).content();
    assertEquals("vpclab error", error.get("ename").asText());
    assertEquals("no subnet in AZ 1d for endpoint ssm", error.get("evalue").asText());
    List<String> tb = new java.util.ArrayList<>();
    error.get("traceback").forEach(l -> tb.add(l.asText()));
    assertEquals("In[2]:2:17: error: no subnet in AZ 1d for endpoint ssm", tb.get(0));
    assertEquals("  endpoint ssm in 1d", tb.get(1));
    assertEquals("  " + " ".repeat(16) + "^~", tb.get(2));
    assertTrue(tb.get(3).startsWith("  hint: "), tb.toString());
    assertEquals("(cell not run: nothing changed)", tb.get(tb.size() - 1));
    assertTrue(tb.stream().noneMatch(l -> l.contains("Exception") || l.contains("\tat ")));
    JsonNode reply = m.get(4).content();
    assertEquals("error", reply.get("status").asText());
    assertEquals(error.get("traceback"), reply.get("traceback"));
    // the kernel goes on, the next cell is In[3]
    List<Received> next = execute("check single");
    assertEquals(3, next.get(next.size() - 1).content().get("execution_count").asInt());
  }

  @Test
  void completeIsCompleteAndInspect() throws Exception {
    execute(SEED);
    Received c = request("complete_request", Json.obj().put("code", "check sin")
        .put("cursor_pos", 9));
    assertEquals("complete_reply", c.type());
    assertEquals("[\"single\"]", c.content().get("matches").toString());
    assertEquals(6, c.content().get("cursor_start").asInt());
    assertEquals(9, c.content().get("cursor_end").asInt());

    Received open = request("is_complete_request", Json.obj().put("code", "layout a {\n"));
    assertEquals("incomplete", open.content().get("status").asText());
    assertEquals("  ", open.content().get("indent").asText());
    assertEquals("complete", request("is_complete_request", Json.obj().put("code", "check"))
        .content().get("status").asText());
    assertEquals("invalid", request("is_complete_request", Json.obj().put("code", "}"))
        .content().get("status").asText());

    Received help = request("inspect_request", Json.obj().put("code", "resilience single")
        .put("cursor_pos", 3).put("detail_level", 0));
    assertTrue(help.content().get("found").asBoolean());
    assertTrue(help.content().at("/data/text~1plain").asText().contains("resilience single"));
    Received none = request("inspect_request", Json.obj().put("code", "single")
        .put("cursor_pos", 2).put("detail_level", 0));
    assertFalse(none.content().get("found").asBoolean());
  }

  @Test
  void badlySignedMalformedAndUnknownMessagesLeaveTheKernelAnswering() throws Exception {
    client.send(client.shell, "kernel_info_request", "{}", "0".repeat(64));
    client.send(client.shell, "kernel_info_request", "{}", "");
    client.send(client.shell, "execute_request", "{\"code\": ", null);
    String unknown = client.send(client.shell, "no_such_request", Json.obj());
    client.iopubUntilIdle(unknown);
    Received r = request("kernel_info_request", Json.obj());
    assertEquals("kernel_info_reply", r.type(), "the first reply is to the good request");
    String log = log();
    assertTrue(log.contains("vpclab kernel: dropped a message on shell: bad signature\n"), log);
    assertTrue(log.contains("vpclab kernel: dropped a message on shell: unsigned\n"), log);
    assertTrue(log.contains("vpclab kernel: dropped a message on shell: malformed JSON"), log);
    assertTrue(log.contains("vpclab kernel: unknown message type no_such_request: ignored\n"), log);
    assertFalse(log.contains("Exception"), log);
  }

  @Test
  void warningsComeOnStandardErrorBeforeTheOutputs() throws Exception {
    List<Received> m = execute("region ap-northeast-1\naz 1a subnet private app\n"
        + "endpoint ssm, ssm in 1a\ncheck\ncheck");
    assertEquals(List.of("status", "execute_input", "stream", "display_data", "execute_result",
        "status", "execute_reply"), types(m));
    assertEquals("stderr", m.get(2).content().get("name").asText());
    assertTrue(m.get(2).content().get("text").asText()
        .startsWith("In[1]:3:15: warning: service ssm is listed twice\n"), m.get(2).toString());
    assertEquals("ok", m.get(6).content().get("status").asText());
  }

  @Test
  void aLateReplyOnShellIsSkippedAsJupyterClientSkipsIt() throws Exception {
    // as waitUntilReady can leave them on a busy machine: replies to earlier kernel_info
    // requests still on shell when the next request is sent
    client.send(client.shell, "kernel_info_request", Json.obj());
    client.send(client.shell, "kernel_info_request", Json.obj());
    assertEquals(List.of("status", "execute_input", "status", "execute_reply"),
        types(execute(SEED)));
    assertEquals("kernel_info_reply", request("kernel_info_request", Json.obj()).type());
  }

  @Test
  void magicsRunAsInTheRepl() throws Exception {
    execute(SEED);
    List<Received> m = execute("%layouts");
    assertEquals(List.of("status", "execute_input", "stream", "status", "execute_reply"),
        types(m));
    assertEquals("stdout", m.get(2).content().get("name").asText());
    assertTrue(m.get(2).content().get("text").asText().contains("* single"));
    assertEquals(2, m.get(4).content().get("execution_count").asInt());
    Received h = request("history_request", Json.obj().put("hist_access_type", "tail")
        .put("n", 1).put("output", false).put("raw", true));
    assertEquals("[[1,2,\"%layouts\"]]", h.content().get("history").toString());
  }

  @Test
  void importBringsATerraformStateIntoTheNotebook() throws Exception {
    // the kernel's session resolves paths against its folder; an absolute path works anywhere
    Path state = Path.of("src/test/resources/dev/vpclab/importer/three-az/terraform/state.json")
        .toAbsolutePath();
    List<Received> m = execute("%import terraform " + state + " --layout net");
    assertEquals(List.of("status", "execute_input", "stream", "status", "execute_reply"),
        types(m));
    String text = m.get(2).content().get("text").asText();
    assertTrue(text.startsWith("region us-east-1\nlayout net {\n"), text);
    assertTrue(text.contains("net: 175.20 USD a month"), text);
    assertEquals("ok", m.get(4).content().get("status").asText());
    // the next cell queries it, with rich output as any cell
    List<Received> next = execute("resilience net");
    assertEquals("ok", next.get(next.size() - 1).content().get("status").asText());
    assertTrue(next.stream().anyMatch(r -> r.type().equals("execute_result")
        && r.content().toString().contains("net survives every single-AZ failure")),
        next.toString());
  }

  @Test
  void anImportOfABadFileIsAJupyterErrorWithTheLocatedMessage() throws Exception {
    java.nio.file.Files.writeString(dir.resolve("plan.json"), "{\"format_version\": \"2.0\"}");
    List<Received> m = execute("%import terraform plan.json");
    assertEquals(List.of("status", "execute_input", "error", "status", "execute_reply"),
        types(m));
    assertEquals("error", m.get(4).content().get("status").asText());
    assertTrue(m.get(2).content().get("evalue").asText().startsWith(
        "plan.json: error: $.format_version: "), m.get(2).content().toString());
    // as a cell with errors: nothing changed, the session goes on
    assertTrue(execute("%layouts").get(2).content().get("text").asText().startsWith(
        "no layouts yet"));
  }

  @Test
  void anInterruptStopsALongCellAtItsNextQueryAndTheSessionStays() throws Exception {
    execute(SEED);
    // 2000 sweeps of 1025 points each: half a minute or more if nothing stopped it
    String code = "layout two extends single { endpoint ssm in 1a, 1c }\n"
        + "sweep traffic 0 .. 10 TB step 10 GB over single, two\n".repeat(2000);
    String id = client.send(client.shell, "execute_request", Json.obj().put("code", code));
    // queued behind it (as "Run All" does): not run once it fails
    String queued = client.send(client.shell, "execute_request", Json.obj().put("code",
        "check single"));
    client.iopub.setReceiveTimeOut(15_000); // the first chart loads the drawing code
    Received first;
    do {
      first = client.receive(client.iopub);
      assertNotNull(first, "no output from the long cell while it runs");
    } while (!first.type().equals("display_data")); // outputs come as they are made
    client.iopub.setReceiveTimeOut(5000);
    long t0 = System.nanoTime();
    String interrupt = client.send(client.control, "interrupt_request", Json.obj());
    Received ack = client.receive(client.control);
    assertEquals("interrupt_reply", ack.type());
    assertEquals(interrupt, ack.parent().get("msg_id").asText());
    List<Received> rest = client.iopubUntilIdle(id);
    Received reply = client.reply(client.shell, id);
    assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "stopped at a check point");
    assertEquals("error", reply.content().get("status").asText());
    assertEquals("interrupted", reply.content().get("ename").asText());
    assertEquals("[\"" + dev.vpclab.repl.Session.INTERRUPTED + "\"]",
        reply.content().get("traceback").toString());
    List<String> types = types(rest);
    assertEquals("error", types.get(types.size() - 2));
    assertTrue(types.stream().filter(t -> t.equals("display_data")).count() < 1999, types.toString());
    assertFalse(types.contains("execute_result"), "an interrupted cell has no result");
    Received aborted = client.reply(client.shell, queued);
    assertEquals(queued, aborted.parent().get("msg_id").asText());
    assertEquals("{\"status\":\"aborted\"}", aborted.content().toString());
    assertEquals(List.of("status", "status"), types(client.iopubUntilIdle(queued)));
    // the session stays: the cell's layout exists, and the next cell runs
    List<Received> next = execute("check two");
    assertEquals("ok", next.get(next.size() - 1).content().get("status").asText());
  }

  @Test
  void silentAndUnstoredCellsTakeNoNumber() throws Exception {
    String id = client.send(client.shell, "execute_request", Json.obj().put("code", SEED)
        .put("silent", true));
    assertEquals(List.of("status", "status"), types(client.iopubUntilIdle(id)),
        "a silent cell shows nothing");
    Received silent = client.reply(client.shell, id);
    assertEquals("ok", silent.content().get("status").asText());
    assertEquals(0, silent.content().get("execution_count").asInt());
    id = client.send(client.shell, "execute_request", Json.obj().put("code", "check single")
        .put("store_history", false));
    List<Received> unstored = client.iopubUntilIdle(id);
    assertEquals("execute_result", unstored.get(2).type(), "the layout of the silent cell exists");
    assertEquals(0, client.reply(client.shell, id).content().get("execution_count").asInt());
    List<Received> history = execute("%history");
    assertEquals(1, history.get(history.size() - 1).content().get("execution_count").asInt());
    assertEquals("no history yet\n", history.get(2).content().get("text").asText(),
        "silent and store_history false: not in %history");
  }

  @Test
  void shutdownOnShell() throws Exception {
    String id = client.send(client.shell, "shutdown_request", Json.obj().put("restart", false));
    Received r = client.reply(client.shell, id);
    assertEquals("shutdown_reply", r.type());
    assertEquals(id, r.parent().get("msg_id").asText());
    assertFalse(r.content().get("restart").asBoolean());
    server.await();
  }

  @Test
  void shutdownOnControl() throws Exception {
    String id = client.send(client.control, "shutdown_request", Json.obj().put("restart", true));
    Received r = client.reply(client.control, id);
    assertNotNull(r);
    assertEquals("shutdown_reply", r.type());
    assertEquals(id, r.parent().get("msg_id").asText());
    assertTrue(r.content().get("restart").asBoolean());
    long t0 = System.nanoTime();
    server.await();
    assertTrue(System.nanoTime() - t0 < 3_000_000_000L, "the kernel stops");
    client.shell.setReceiveTimeOut(300);
    client.send(client.shell, "kernel_info_request", Json.obj());
    assertNull(client.receive(client.shell), "nothing answers after shutdown");
  }
}
