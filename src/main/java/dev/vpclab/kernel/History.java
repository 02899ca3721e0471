package dev.vpclab.kernel;

import dev.vpclab.notebook.Json;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * history_request over the session's inputs (those %history lists; this session only, numbered
 * from 1 as %history numbers them): {@code tail} (the last n), {@code range} (lines start to stop
 * of the current session) and {@code search} (a glob pattern, * and ?, optionally unique, the last
 * n). Entries are {@code [session, line, input]}, or {@code [session, line, [input, null]]} when
 * outputs are asked for (outputs are not kept).
 */
final class History {
  static final int SESSION = 1;

  private History() {}

  static Json.Arr of(List<String> inputs, Map<String, Object> request) {
    String access = JsonIn.string(request, "hist_access_type", "tail");
    boolean output = JsonIn.bool(request, "output", false);
    List<Integer> lines = new ArrayList<>();
    switch (access) {
      case "tail" -> {
        int n = (int) Math.max(0, Math.min(inputs.size(), JsonIn.integer(request, "n", 10)));
        for (int i = inputs.size() - n; i < inputs.size(); i++) {
          lines.add(i + 1);
        }
      }
      case "range" -> {
        long session = JsonIn.integer(request, "session", 0);
        if (session == 0 || session == SESSION) {
          long start = Math.max(1, JsonIn.integer(request, "start", 1));
          long stop = Math.min(inputs.size() + 1, JsonIn.integer(request, "stop", inputs.size() + 1));
          for (long l = start; l < stop; l++) {
            lines.add((int) l);
          }
        }
      }
      case "search" -> {
        Pattern p = glob(JsonIn.string(request, "pattern", "*"));
        boolean unique = JsonIn.bool(request, "unique", false);
        Set<String> seen = new LinkedHashSet<>();
        List<Integer> found = new ArrayList<>();
        for (int i = inputs.size() - 1; i >= 0; i--) {
          if (p.matcher(inputs.get(i)).matches() && (!unique || seen.add(inputs.get(i)))) {
            found.add(0, i + 1);
          }
        }
        long n = JsonIn.integer(request, "n", found.size());
        lines.addAll(found.subList((int) Math.max(0, found.size() - Math.max(0, n)), found.size()));
      }
      default -> { }
    }
    List<Json> entries = new ArrayList<>();
    for (int line : lines) {
      String input = inputs.get(line - 1);
      entries.add(Json.arr(List.of(Json.num(SESSION), Json.num(line), output
          ? Json.arr(List.of(Json.str(input), Json.NULL)) : Json.str(input))));
    }
    return Json.arr(entries);
  }

  /** A glob (* any text, ? one character) as a whole-input regular expression. */
  static Pattern glob(String glob) {
    StringBuilder re = new StringBuilder();
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> re.append(".*");
        case '?' -> re.append('.');
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL);
  }
}
