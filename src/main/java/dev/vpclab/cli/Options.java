package dev.vpclab.cli;

import dev.vpclab.lang.Suggest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A command's arguments: files, options that take a value ({@code --format json} or {@code
 * --format=json}) and flags ({@code --no-charts}).
 */
record Options(List<String> files, Map<String, String> values) {
  static Options parse(List<String> args, List<String> known) throws Main.UsageError {
    return parse(args, known, List.of());
  }

  static Options parse(List<String> args, List<String> valued, List<String> flags)
      throws Main.UsageError {
    List<String> known = new ArrayList<>(valued);
    known.addAll(flags);
    List<String> files = new ArrayList<>();
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.startsWith("--")) {
        String name = a;
        String value = null;
        int eq = a.indexOf('=');
        if (eq > 0) {
          name = a.substring(0, eq);
          value = a.substring(eq + 1);
        }
        if (!known.contains(name)) {
          String hint = Suggest.didYouMean(name, known);
          throw new Main.UsageError("unknown option " + name + (hint == null ? "" : "; " + hint));
        }
        if (flags.contains(name)) {
          if (value != null) {
            throw new Main.UsageError(name + " takes no value");
          }
          value = "true";
        } else if (value == null) {
          if (i + 1 >= args.size()) {
            throw new Main.UsageError(name + " needs a value");
          }
          value = args.get(++i);
        }
        if (values.put(name, value) != null) {
          throw new Main.UsageError(name + " is given twice");
        }
      } else if (a.startsWith("-") && !a.equals("-")) {
        throw new Main.UsageError("unknown option " + a);
      } else {
        files.add(a);
      }
    }
    return new Options(List.copyOf(files), Map.copyOf(values));
  }

  String value(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  boolean flag(String name) {
    return values.containsKey(name);
  }
}
