package dev.vpclab.kernel;

import dev.vpclab.notebook.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Jupyter's wire format: {@code [identities..., "<IDS|MSG>", signature, header, parent_header,
 * metadata, content, buffers...]}. Decoding checks the signature before it parses anything;
 * encoding signs what it writes.
 */
final class Wire {
  static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
  static final String VERSION = "5.3";
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private final Signer signer;
  /** The kernel's session id, in every header it sends. */
  private final String session;
  private final String username;
  private final Replays replays = new Replays();

  Wire(Signer signer, String session, String username) {
    this.signer = signer;
    this.session = session;
    this.username = username;
  }

  /** A message dropped: its one-line reason, for the log. */
  static final class Dropped extends Exception {
    Dropped(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Frames to a message: signature checked first (and that it was not seen before), then the
   * JSON parsed. Not thread-safe (one receiving thread); encoding is.
   */
  Message decode(List<byte[]> frames) throws Dropped {
    int d = 0;
    while (d < frames.size() && !Arrays.equals(frames.get(d), DELIMITER)) {
      d++;
    }
    if (d == frames.size()) {
      throw new Dropped("no <IDS|MSG> delimiter");
    }
    if (frames.size() - d - 1 < 5) {
      throw new Dropped("fewer than five frames after <IDS|MSG>");
    }
    byte[] header = frames.get(d + 2);
    byte[] parent = frames.get(d + 3);
    byte[] metadata = frames.get(d + 4);
    byte[] content = frames.get(d + 5);
    if (!signer.verify(frames.get(d + 1), header, parent, metadata, content)) {
      throw new Dropped(frames.get(d + 1).length == 0 ? "unsigned" : "bad signature");
    }
    if (signer.signs() && !replays.firstTime(frames.get(d + 1))) {
      throw new Dropped("replayed (its signature was seen before)");
    }
    try {
      Map<String, Object> h = JsonIn.object(header);
      JsonIn.object(parent);
      JsonIn.object(metadata);
      Map<String, Object> c = JsonIn.object(content);
      if (!(h.get("msg_type") instanceof String) || !(h.get("msg_id") instanceof String)) {
        throw new Dropped("header without msg_type or msg_id");
      }
      return new Message(frames.subList(0, d), h, header, c);
    } catch (JsonIn.BadJson e) {
      throw new Dropped(e.getMessage());
    }
  }

  /** A reply or broadcast to {@code parent} (null: none), signed, with a fresh header. */
  List<byte[]> encode(List<byte[]> identities, String type, Message parent, Json.Obj content) {
    return encode(identities, header(type), parent == null ? "{}".getBytes(StandardCharsets.UTF_8)
        : parent.headerBytes(), content);
  }

  List<byte[]> encode(List<byte[]> identities, Json.Obj header, byte[] parentHeader,
      Json.Obj content) {
    byte[] h = utf8(Json.write(header));
    byte[] m = utf8("{}");
    byte[] c = utf8(Json.write(content));
    List<byte[]> frames = new ArrayList<>(identities);
    frames.add(DELIMITER);
    frames.add(utf8(signer.sign(h, parentHeader, m, c)));
    frames.add(h);
    frames.add(parentHeader);
    frames.add(m);
    frames.add(c);
    return frames;
  }

  Json.Obj header(String type) {
    return Json.obj()
        .put("msg_id", UUID.randomUUID().toString())
        .put("session", session)
        .put("username", username)
        .put("date", DATE.format(Instant.now()))
        .put("msg_type", type)
        .put("version", VERSION);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
