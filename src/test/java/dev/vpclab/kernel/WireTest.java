package dev.vpclab.kernel;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vpclab.notebook.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Frames in and out: a round trip, and what makes a message dropped. */
class WireTest {
  private final Signer signer = Signer.of("hmac-sha256", "k3y");
  private final Wire kernel = new Wire(signer, "kernel-session", "tester");

  private List<byte[]> request(String type, String content) {
    Wire client = new Wire(signer, "client-session", "tester");
    Json.Obj header = client.header(type);
    List<byte[]> frames = new ArrayList<>(List.of("id-1".getBytes(UTF_8), "id-2".getBytes(UTF_8)));
    frames.add(Wire.DELIMITER);
    byte[] h = Wire.utf8(Json.write(header));
    byte[] p = Wire.utf8("{}");
    byte[] c = Wire.utf8(content);
    frames.add(Wire.utf8(signer.sign(h, p, p, c)));
    frames.addAll(List.of(h, p, p, c));
    return frames;
  }

  @Test
  void aRequestAndItsReplyRoundTrip() throws Exception {
    Message m = kernel.decode(request("execute_request", "{\"code\":\"check\",\"silent\":false}"));
    assertEquals("execute_request", m.type());
    assertEquals("client-session", m.session());
    assertEquals("check", m.content().get("code"));
    assertEquals(2, m.identities().size());
    assertArrayEquals("id-2".getBytes(UTF_8), m.identities().get(1));

    List<byte[]> reply = kernel.encode(m.identities(), "execute_reply", m,
        Json.obj().put("status", "ok").put("execution_count", 1));
    Wire client = new Wire(signer, "client-session", "tester");
    Message back = client.decode(reply);
    assertEquals("execute_reply", back.type());
    assertEquals("kernel-session", back.session());
    assertEquals("5.3", back.header().get("version"));
    assertEquals(1L, back.content().get("execution_count"));
    assertArrayEquals(m.headerBytes(), reply.get(reply.size() - 3), "the parent header as sent");
    assertArrayEquals("id-1".getBytes(UTF_8), reply.get(0));
    String date = (String) back.header().get("date");
    assertEquals(true, date.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z"), date);
  }

  @Test
  void tamperedUnsignedReplayedOrMalformedMessagesAreDropped() throws Exception {
    List<byte[]> good = request("kernel_info_request", "{}");
    List<byte[]> tampered = new ArrayList<>(good);
    tampered.set(tampered.size() - 1, Wire.utf8("{\"x\":1}"));
    assertEquals("bad signature", assertThrows(Wire.Dropped.class,
        () -> kernel.decode(tampered)).getMessage());
    List<byte[]> unsigned = new ArrayList<>(good);
    unsigned.set(3, new byte[0]);
    assertEquals("unsigned", assertThrows(Wire.Dropped.class,
        () -> kernel.decode(unsigned)).getMessage());
    kernel.decode(good);
    assertEquals("replayed (its signature was seen before)", assertThrows(Wire.Dropped.class,
        () -> kernel.decode(good)).getMessage());
    assertEquals("no <IDS|MSG> delimiter", assertThrows(Wire.Dropped.class,
        () -> kernel.decode(List.of(Wire.utf8("{}")))).getMessage());
    assertEquals("fewer than five frames after <IDS|MSG>", assertThrows(Wire.Dropped.class,
        () -> kernel.decode(good.subList(0, good.size() - 1))).getMessage());
    List<byte[]> malformed = request("execute_request", "{\"code\": ");
    assertEquals(true, assertThrows(Wire.Dropped.class, () -> kernel.decode(malformed))
        .getMessage().startsWith("malformed JSON"));
  }
}
