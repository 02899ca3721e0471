package dev.vpclab.kernel;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** HMAC-SHA256 over the four JSON frames, as Jupyter signs messages. */
class SignerTest {
  private static byte[] b(String s) {
    return s.getBytes(UTF_8);
  }

  @Test
  void rfc4231VectorSplitOverTheFourFrames() {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
    Signer s = Signer.of("hmac-sha256", "Jefe");
    String expected = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
    assertEquals(expected, s.sign(b("what do ya"), b(" want "), b("for "), b("nothing?")));
    assertTrue(s.verify(b(expected), b("what do ya"), b(" want "), b("for "), b("nothing?")));
  }

  @Test
  void jupyterMessageVector() {
    // python3: hmac.new(b'secret-key', b'{"msg_id":"1"}' + b'{}' + b'{}' + b'{"code":"check"}',
    //   hashlib.sha256).hexdigest()
    Signer s = Signer.of("hmac-sha256", "secret-key");
    String expected = "3f87d35242d342e7c7981227967b51f9d99129e0f3b475dcf18d2dc9c4d276f0";
    byte[][] frames = {b("{\"msg_id\":\"1\"}"), b("{}"), b("{}"), b("{\"code\":\"check\"}")};
    assertEquals(expected, s.sign(frames));
    assertTrue(s.verify(b(expected), frames));
    assertTrue(s.verify(b(expected.toUpperCase(java.util.Locale.ROOT)), frames));
  }

  @Test
  void wrongMissingOrMalformedSignaturesFail() {
    Signer s = Signer.of("hmac-sha256", "secret-key");
    byte[][] frames = {b("{\"msg_id\":\"1\"}"), b("{}"), b("{}"), b("{\"code\":\"check\"}")};
    String good = s.sign(frames);
    String flipped = (good.charAt(0) == '0' ? "1" : "0") + good.substring(1);
    assertFalse(s.verify(b(flipped), frames));
    assertFalse(s.verify(b(""), frames));
    assertFalse(s.verify(b(good.substring(2)), frames));
    assertFalse(s.verify(b("zz" + good.substring(2)), frames));
    byte[][] changed = {frames[0], frames[1], frames[2], b("{\"code\":\"check \"}")};
    assertFalse(s.verify(b(good), changed));
    assertFalse(Signer.of("hmac-sha256", "other-key").verify(b(good), frames));
  }

  @Test
  void anEmptyKeyMeansNoSigning() {
    Signer s = Signer.of("hmac-sha256", "");
    assertEquals("", s.sign(b("{}"), b("{}"), b("{}"), b("{}")));
    assertTrue(s.verify(b(""), b("{}"), b("{}"), b("{}"), b("{}")));
    assertTrue(s.verify(b("anything"), b("{}"), b("{}"), b("{}"), b("{}")));
  }

  @Test
  void onlyHmacSha256IsAccepted() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Signer.of("hmac-md5", "k"));
    assertEquals("signature_scheme 'hmac-md5' is not supported; use hmac-sha256", e.getMessage());
  }
}
