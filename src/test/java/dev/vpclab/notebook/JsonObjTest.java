package dev.vpclab.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** A JSON object refuses a key put twice instead of silently keeping the later value. */
class JsonObjTest {
  @Test
  void aKeyPutTwiceIsRefused() {
    Json.Obj o = Json.obj().put("failed", Json.strings(java.util.List.of("us-east-1a")));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> o.put("failed", false));
    assertEquals("JSON key \"failed\" put twice", e.getMessage());
    assertEquals("{\"failed\":[\"us-east-1a\"]}", Json.write(o), "the first value stays");
  }

  @Test
  void putAllRefusesAKeyAlreadyThere() {
    Json.Obj o = Json.obj().put("kind", "fail").put("failed", Json.arr(java.util.List.of()));
    assertThrows(IllegalStateException.class,
        () -> Json.obj().put("failed", true).putAll(o));
    assertEquals("{\"a\":1,\"kind\":\"fail\",\"failed\":[]}",
        Json.write(Json.obj().put("a", 1).putAll(o)));
  }
}
