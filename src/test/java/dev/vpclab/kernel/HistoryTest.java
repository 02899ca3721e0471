package dev.vpclab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vpclab.notebook.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** history_request: tail, range and search over the session's inputs. */
class HistoryTest {
  static final List<String> INPUTS = List.of("region ap-northeast-1", "check a", "%layouts",
      "check a", "cost a");

  private static String history(Map<String, Object> request) {
    return Json.write(History.of(INPUTS, request));
  }

  @Test
  void tail() {
    assertEquals("[[1,4,\"check a\"],[1,5,\"cost a\"]]",
        history(Map.of("hist_access_type", "tail", "n", 2L)));
    assertEquals("[[1,5,[\"cost a\",null]]]",
        history(Map.of("hist_access_type", "tail", "n", 1L, "output", true)));
    assertEquals(5, History.of(INPUTS, Map.of("hist_access_type", "tail", "n", 99L)).items().size());
  }

  @Test
  void range() {
    assertEquals("[[1,2,\"check a\"],[1,3,\"%layouts\"]]", history(Map.of(
        "hist_access_type", "range", "session", 1L, "start", 2L, "stop", 4L)));
    assertEquals("[]", history(Map.of("hist_access_type", "range", "session", 7L, "start", 1L,
        "stop", 3L)), "another session: none kept");
  }

  @Test
  void search() {
    assertEquals("[[1,2,\"check a\"],[1,4,\"check a\"]]",
        history(Map.of("hist_access_type", "search", "pattern", "check*")));
    assertEquals("[[1,4,\"check a\"]]", history(Map.of("hist_access_type", "search",
        "pattern", "check*", "unique", true)));
    assertEquals("[[1,5,\"cost a\"]]", history(Map.of("hist_access_type", "search",
        "pattern", "c?st *", "n", 1L)));
    assertEquals("[]", history(Map.of("hist_access_type", "search", "pattern", "(")),
        "pattern characters other than * and ? are literal");
  }
}
