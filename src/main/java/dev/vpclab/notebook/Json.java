package dev.vpclab.notebook;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON tree with a deterministic writer: objects keep insertion order, numbers are exact
 * decimals, no locale is involved. Enough for our output; tests read it back with a real parser.
 */
public sealed interface Json {
  Json NULL = new Null();
  Json TRUE = new Bool(true);
  Json FALSE = new Bool(false);

  record Null() implements Json {}

  record Bool(boolean value) implements Json {}

  record Num(BigDecimal value) implements Json {}

  record Str(String value) implements Json {}

  record Arr(List<Json> items) implements Json {
    public Arr {
      items = List.copyOf(items);
    }
  }

  /**
   * A JSON object; build with {@link #obj()} and {@link Obj#put}. A key is put once: putting it
   * again is a programming error (two writers of one field, the later silently winning), so it
   * throws instead of replacing the value.
   */
  final class Obj implements Json {
    private final Map<String, Json> fields = new LinkedHashMap<>();

    public Obj put(String key, Json value) {
      if (fields.putIfAbsent(key, value == null ? NULL : value) != null) {
        throw new IllegalStateException("JSON key \"" + key + "\" put twice");
      }
      return this;
    }

    public Obj put(String key, String value) {
      return put(key, value == null ? NULL : new Str(value));
    }

    public Obj put(String key, boolean value) {
      return put(key, value ? TRUE : FALSE);
    }

    public Obj put(String key, long value) {
      return put(key, new Num(BigDecimal.valueOf(value)));
    }

    /** A number field; money goes through {@link #money} instead, as a string. */
    public Obj put(String key, BigDecimal value) {
      return put(key, value == null ? NULL : new Num(value));
    }

    /** Every field of {@code other}, in its order; none of them may be here already. */
    public Obj putAll(Obj other) {
      other.fields.forEach(this::put);
      return this;
    }

    public Map<String, Json> fields() {
      return java.util.Collections.unmodifiableMap(fields);
    }

    public Json get(String key) {
      return fields.get(key);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Obj other && fields.equals(other.fields);
    }

    @Override
    public int hashCode() {
      return fields.hashCode();
    }

    @Override
    public String toString() {
      return Json.write(this);
    }
  }

  static Obj obj() {
    return new Obj();
  }

  static Json str(String s) {
    return s == null ? NULL : new Str(s);
  }

  static Json num(long n) {
    return new Num(BigDecimal.valueOf(n));
  }

  static Json bool(boolean b) {
    return b ? TRUE : FALSE;
  }

  static Arr arr(Collection<? extends Json> items) {
    return new Arr(new ArrayList<>(items));
  }

  static Arr strings(Collection<String> items) {
    List<Json> out = new ArrayList<>();
    for (String s : items) {
      out.add(str(s));
    }
    return new Arr(out);
  }

  /** An amount of money as an exact decimal string, as LANGUAGE.md asks ("30.66"). */
  static Json money(BigDecimal usd) {
    return usd == null ? NULL : new Str(usd.toPlainString());
  }

  /** Compact one-line JSON. */
  static String write(Json value) {
    StringBuilder sb = new StringBuilder();
    write(sb, value, -1, 0);
    return sb.toString();
  }

  /** Indented JSON (two spaces), for files and terminals. */
  static String pretty(Json value) {
    StringBuilder sb = new StringBuilder();
    write(sb, value, 2, 0);
    return sb.toString();
  }

  private static void write(StringBuilder sb, Json value, int indent, int depth) {
    if (value instanceof Null) {
      sb.append("null");
    } else if (value instanceof Bool b) {
      sb.append(b.value());
    } else if (value instanceof Num n) {
      sb.append(n.value().toPlainString());
    } else if (value instanceof Str s) {
      quote(sb, s.value());
    } else if (value instanceof Arr a) {
      if (a.items().isEmpty()) {
        sb.append("[]");
        return;
      }
      sb.append('[');
      boolean first = true;
      for (Json item : a.items()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        newline(sb, indent, depth + 1);
        write(sb, item, indent, depth + 1);
      }
      newline(sb, indent, depth);
      sb.append(']');
    } else if (value instanceof Obj o) {
      if (o.fields.isEmpty()) {
        sb.append("{}");
        return;
      }
      sb.append('{');
      boolean first = true;
      for (Map.Entry<String, Json> e : o.fields.entrySet()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        newline(sb, indent, depth + 1);
        quote(sb, e.getKey());
        sb.append(indent >= 0 ? ": " : ":");
        write(sb, e.getValue(), indent, depth + 1);
      }
      newline(sb, indent, depth);
      sb.append('}');
    }
  }

  private static void newline(StringBuilder sb, int indent, int depth) {
    if (indent >= 0) {
      sb.append('\n');
      sb.append(" ".repeat(indent * depth));
    }
  }

  static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
