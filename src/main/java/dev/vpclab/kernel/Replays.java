package dev.vpclab.kernel;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The signatures of the last messages accepted: a message whose signature was seen before is a
 * replay (a signed message is never sent twice: its header holds a fresh msg_id), so it is
 * dropped. Only with signing; remembers a bounded number.
 */
final class Replays {
  static final int REMEMBERED = 8192;
  private final Set<String> seen = new LinkedHashSet<>();

  /** Whether signature is new (and remembers it); an empty signature (no key) always is. */
  boolean firstTime(byte[] signature) {
    if (signature.length == 0) {
      return true;
    }
    String hex = new String(signature, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT);
    if (!seen.add(hex)) {
      return false;
    }
    if (seen.size() > REMEMBERED) {
      Iterator<String> oldest = seen.iterator();
      oldest.next();
      oldest.remove();
    }
    return true;
  }
}
