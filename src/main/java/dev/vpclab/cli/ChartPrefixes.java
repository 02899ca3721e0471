package dev.vpclab.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How the charts of each file of a run are named when they have no {@code to}: with one file,
 * {@code cell-N-KIND.png} as always; with several, each file's name first ({@code
 * plan-cell-N-KIND.png}, {@code stdin-} for standard input), and its place on the command line
 * too when two files share a name ({@code plan-2-cell-N-KIND.png}), so that no two files'
 * charts share a name.
 */
final class ChartPrefixes {
  private ChartPrefixes() {}

  static List<String> of(List<String> files) {
    List<String> out = new ArrayList<>();
    if (files.size() < 2) {
      files.forEach(f -> out.add(""));
      return out;
    }
    List<String> stems = files.stream().map(ChartPrefixes::stem).toList();
    Map<String, Integer> count = new HashMap<>();
    stems.forEach(s -> count.merge(s, 1, Integer::sum));
    for (int i = 0; i < stems.size(); i++) {
      String s = stems.get(i);
      out.add(count.get(s) > 1 ? s + "-" + (i + 1) + "-" : s + "-");
    }
    return out;
  }

  /** "scenarios/plan.vpc" as "plan"; "-" (standard input) as "stdin". */
  static String stem(String file) {
    if (file.equals("-")) {
      return "stdin";
    }
    String name = file.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    if (name.endsWith(".vpc") && name.length() > 4) {
      name = name.substring(0, name.length() - 4);
    }
    return name.isEmpty() ? "file" : name;
  }
}
