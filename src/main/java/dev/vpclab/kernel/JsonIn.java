package dev.vpclab.kernel;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON of Jupyter's messages and connection files into plain Java values: objects as
 * {@code Map<String, Object>}, arrays as lists, strings, numbers ({@code Long} or {@code Double}),
 * booleans and null. jackson-core's streaming parser (no data binding: it starts fast); nesting is
 * bounded by jackson's own limit.
 */
final class JsonIn {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonIn() {}

  /** Malformed JSON, or JSON that is not what was expected. */
  static final class BadJson extends Exception {
    BadJson(String message) {
      super(message, null, false, false);
    }
  }

  /** The object in bytes. */
  static Map<String, Object> object(byte[] bytes) throws BadJson {
    try (JsonParser p = FACTORY.createParser(bytes)) {
      Object v = value(p, p.nextToken());
      if (p.nextToken() != null) {
        throw new BadJson("text after the JSON value");
      }
      if (!(v instanceof Map<?, ?>)) {
        throw new BadJson("not a JSON object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) v;
      return m;
    } catch (IOException | RuntimeException e) {
      String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new BadJson("malformed JSON: " + m.lines().findFirst().orElse(m));
    }
  }

  private static Object value(JsonParser p, JsonToken t) throws IOException, BadJson {
    if (t == null) {
      throw new BadJson("empty");
    }
    switch (t) {
      case START_OBJECT -> {
        Map<String, Object> m = new LinkedHashMap<>();
        for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
          String name = p.currentName();
          m.put(name, value(p, p.nextToken()));
        }
        return m;
      }
      case START_ARRAY -> {
        List<Object> l = new ArrayList<>();
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
          l.add(value(p, e));
        }
        return l;
      }
      case VALUE_STRING -> {
        return p.getText();
      }
      case VALUE_NUMBER_INT -> {
        return p.getLongValue();
      }
      case VALUE_NUMBER_FLOAT -> {
        return p.getDoubleValue();
      }
      case VALUE_TRUE -> {
        return Boolean.TRUE;
      }
      case VALUE_FALSE -> {
        return Boolean.FALSE;
      }
      case VALUE_NULL -> {
        return null;
      }
      default -> throw new BadJson("unexpected " + t);
    }
  }

  /** A string field, or def when it is missing or not a string. */
  static String string(Map<String, Object> m, String key, String def) {
    return m.get(key) instanceof String s ? s : def;
  }

  /** A boolean field, or def. */
  static boolean bool(Map<String, Object> m, String key, boolean def) {
    return m.get(key) instanceof Boolean b ? b : def;
  }

  /** An integer field, or def. */
  static long integer(Map<String, Object> m, String key, long def) {
    return m.get(key) instanceof Long l ? l : def;
  }
}
