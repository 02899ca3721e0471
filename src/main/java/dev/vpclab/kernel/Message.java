package dev.vpclab.kernel;

import java.util.List;
import java.util.Map;

/**
 * An incoming Jupyter message, checked: the routing identities it came with, its header (parsed,
 * and as sent, which becomes the parent header of the replies), its content and metadata.
 */
record Message(List<byte[]> identities, Map<String, Object> header, byte[] headerBytes,
    Map<String, Object> content) {
  Message {
    identities = List.copyOf(identities);
  }

  String type() {
    return JsonIn.string(header, "msg_type", "");
  }

  String id() {
    return JsonIn.string(header, "msg_id", "");
  }

  /** The client's session id; replies carry the kernel's own. */
  String session() {
    return JsonIn.string(header, "session", "");
  }
}
