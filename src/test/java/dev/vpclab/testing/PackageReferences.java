package dev.vpclab.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The vpclab packages a Java source file names in its code: imports, fully qualified names written
 * inline, and names in string literals (as {@code Class.forName} takes them). Comments do not
 * count: prose may mention any package.
 */
public final class PackageReferences {
  private PackageReferences() {}

  /** One mention of {@code dev.vpclab.<pkg>} (subpackages count as their top package). */
  public record Reference(int line, String pkg, String text) {}

  private static final Pattern NAME = Pattern.compile("\\bdev\\.vpclab\\.([a-z][a-z0-9_]*)\\b[\\w.]*");

  /** Every mention in {@code source}'s code, in order, with its 1-based line. */
  public static List<Reference> in(String source) {
    String code = withoutComments(source);
    List<Reference> refs = new ArrayList<>();
    Matcher m = NAME.matcher(code);
    int line = 1;
    int counted = 0;
    while (m.find()) {
      for (; counted < m.start(); counted++) {
        if (code.charAt(counted) == '\n') {
          line++;
        }
      }
      refs.add(new Reference(line, "dev.vpclab." + m.group(1), m.group()));
    }
    return refs;
  }

  /**
   * {@code source} with every comment replaced by the line breaks it held (so lines keep their
   * numbers); string, text-block and character literals are kept as they are.
   */
  public static String withoutComments(String source) {
    StringBuilder out = new StringBuilder(source.length());
    int n = source.length();
    int i = 0;
    while (i < n) {
      int end;
      if (source.startsWith("//", i)) {
        end = source.indexOf('\n', i);
        end = end < 0 ? n : end;
        i = end;
        continue;
      } else if (source.startsWith("/*", i)) {
        end = source.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
        source.chars().skip(i).limit(end - i).filter(c -> c == '\n').forEach(c -> out.append('\n'));
        i = end;
        continue;
      } else if (source.startsWith("\"\"\"", i)) {
        end = literalEnd(source, i + 3, "\"\"\"");
      } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
        end = literalEnd(source, i + 1, String.valueOf(source.charAt(i)));
      } else {
        end = i + 1;
      }
      out.append(source, i, end);
      i = end;
    }
    return out.toString();
  }

  /** Where a literal opened before {@code from} ends: after its unescaped {@code close}. */
  private static int literalEnd(String source, int from, String close) {
    int k = from;
    while (k < source.length() && !source.startsWith(close, k)) {
      k += source.charAt(k) == '\\' ? 2 : 1;
    }
    return Math.min(source.length(), k + close.length());
  }
}
