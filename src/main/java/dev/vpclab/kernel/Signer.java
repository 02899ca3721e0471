package dev.vpclab.kernel;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Jupyter's message signature: HMAC-SHA256 with the connection file's key over the header,
 * parent header, metadata and content frames, as lowercase hex. An empty key means messages are
 * not signed (the signature frame is empty and not checked). Verification is constant-time.
 */
final class Signer {
  static final String SCHEME = "hmac-sha256";

  private final byte[] key;

  private Signer(byte[] key) {
    this.key = key;
  }

  /** @throws IllegalArgumentException for a scheme other than hmac-sha256 */
  static Signer of(String scheme, String key) {
    if (!SCHEME.equals(scheme)) {
      throw new IllegalArgumentException("signature_scheme '" + scheme
          + "' is not supported; use " + SCHEME);
    }
    return new Signer(key.getBytes(StandardCharsets.UTF_8));
  }

  boolean signs() {
    return key.length > 0;
  }

  /** The signature of these frames (hex), or "" when there is no key. */
  String sign(byte[]... frames) {
    if (!signs()) {
      return "";
    }
    return HexFormat.of().formatHex(mac(frames));
  }

  /** Whether signature (hex, either case) is the frames' signature; always true without a key. */
  boolean verify(byte[] signature, byte[]... frames) {
    if (!signs()) {
      return true;
    }
    byte[] expected = mac(frames);
    byte[] given = new byte[expected.length];
    boolean wellFormed = signature.length == expected.length * 2;
    for (int i = 0; wellFormed && i < given.length; i++) {
      int hi = Character.digit(signature[2 * i], 16);
      int lo = Character.digit(signature[2 * i + 1], 16);
      wellFormed = hi >= 0 && lo >= 0;
      given[i] = (byte) ((hi << 4) | lo);
    }
    // compared even when malformed, so that the time taken says nothing about the key
    return MessageDigest.isEqual(expected, given) && wellFormed;
  }

  private byte[] mac(byte[]... frames) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      for (byte[] f : frames) {
        mac.update(f);
      }
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }
}
