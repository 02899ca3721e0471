package dev.vpclab.repl;

import dev.vpclab.lang.Highlighting;
import dev.vpclab.lang.Highlighting.Category;
import dev.vpclab.lang.Keywords;
import dev.vpclab.model.Instance;
import dev.vpclab.model.Layout;
import dev.vpclab.model.Region;
import dev.vpclab.model.Services;
import dev.vpclab.model.Subnet;
import dev.vpclab.model.TransitGateway;
import dev.vpclab.model.Vpc;
import dev.vpclab.notebook.LayoutEntry;
import dev.vpclab.notebook.State;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What Tab offers at the cursor: keywords where the grammar allows them, the names declared so far
 * (in the session and earlier in the cell), services and bundles, the Region's AZs, and file paths.
 * It looks at the statement the cursor is in, up to the cursor: its first keyword and the token
 * before the word being typed. Pure and JLine-free, so it is testable (and a kernel can use it).
 */
public final class Completions {
  private Completions() {}

  /** The candidates for the word at the cursor (each replaces the whole word before the cursor). */
  public static List<String> candidates(String buffer, int cursor, State state) {
    return candidates(buffer, cursor, state, Path.of(""));
  }

  /** As above, with relative paths resolved against base. */
  public static List<String> candidates(String buffer, int cursor, State state, Path base) {
    cursor = Math.max(0, Math.min(cursor, buffer.length()));
    String before = buffer.substring(0, cursor);
    int start = wordStart(buffer, cursor);
    String prefix = buffer.substring(start, cursor);
    Set<String> out = new LinkedHashSet<>();
    if (before.stripLeading().startsWith("%")) {
      magic(before.stripLeading(), prefix, base, out);
      return filter(out, prefix);
    }
    Context ctx = new Context(buffer.substring(0, start), state);
    if (prefix.startsWith("\"")) {
      paths(prefix, base, true, out);
      return filter(out, prefix);
    }
    ctx.offer(out, base);
    return filter(out, prefix);
  }

  /** Where the word the cursor is in starts: the text Tab replaces is [wordStart, cursor). */
  public static int wordStart(String buffer, int cursor) {
    int i = Math.max(0, Math.min(cursor, buffer.length()));
    // a quoted path (strings do not span lines): from its opening quote
    int lineStart = Math.max(buffer.lastIndexOf('\n', i - 1), buffer.lastIndexOf('\r', i - 1)) + 1;
    String line = buffer.substring(lineStart, i);
    if (line.chars().filter(c -> c == '"').count() % 2 == 1) {
      return lineStart + line.lastIndexOf('"');
    }
    String head = buffer.substring(0, i).stripLeading();
    boolean path = head.startsWith("%load ") || head.startsWith("%save ")
        || head.startsWith("%import ");
    while (i > 0 && isWordChar(buffer.charAt(i - 1), path)) {
      i--;
    }
    return i;
  }

  private static boolean isWordChar(char c, boolean path) {
    if (path) {
      return !Character.isWhitespace(c);
    }
    return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == '%' || c == '*';
  }

  private static List<String> filter(Set<String> all, String prefix) {
    List<String> out = new ArrayList<>();
    for (String s : all) {
      if (s.startsWith(prefix)) {
        out.add(s);
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ magics and paths

  private static void magic(String line, String prefix, Path base, Set<String> out) {
    int space = line.indexOf(' ');
    if (space < 0) {
      out.addAll(Session.MAGICS);
      return;
    }
    String name = line.substring(0, space);
    switch (name) {
      case "%load", "%save" -> paths(prefix, base, false, out);
      case "%import" -> {
        if (line.substring(space).isBlank() || line.indexOf(' ', space + 1) < 0) {
          out.addAll(dev.vpclab.importer.Import.SOURCES);
        } else {
          paths(prefix, base, false, out);
        }
      }
      case "%help" -> out.addAll(Session.HELP_TOPICS);
      case "%format" -> out.addAll(List.of("text", "json"));
      default -> { }
    }
  }

  /**
   * Files and directories matching a typed path (directories end with '/'); with quoted, the
   * candidates start with '"' and complete files end with the closing quote.
   */
  private static void paths(String typed, Path base, boolean quoted, Set<String> out) {
    String p = quoted && typed.startsWith("\"") ? typed.substring(1) : typed;
    int slash = p.lastIndexOf('/');
    String dirPart = slash >= 0 ? p.substring(0, slash + 1) : "";
    String namePart = p.substring(slash + 1);
    Path dir;
    try {
      String d = dirPart.startsWith("~/")
          ? System.getProperty("user.home") + dirPart.substring(1) : dirPart;
      dir = d.isEmpty() ? base : base.resolve(d);
    } catch (InvalidPathException e) {
      return;
    }
    Path listed = dir.toString().isEmpty() ? Path.of(".") : dir;
    Set<String> found = new TreeSet<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(listed)) {
      for (Path e : entries) {
        String n = e.getFileName().toString();
        if (!n.startsWith(namePart) || (n.startsWith(".") && !namePart.startsWith("."))) {
          continue;
        }
        boolean isDir = Files.isDirectory(e);
        found.add((quoted ? "\"" : "") + dirPart + n + (isDir ? "/" : quoted ? "\"" : ""));
      }
    } catch (IOException | RuntimeException e) {
      return;
    }
    out.addAll(found);
  }

  // ------------------------------------------------------------------ the language

  /** The statement before the word being typed, and the names known to the session. */
  private static final class Context {
    final List<String> words = new ArrayList<>();
    final List<Category> cats = new ArrayList<>();
    final State state;
    final Set<String> layouts = new LinkedHashSet<>();
    final Set<String> subnets = new LinkedHashSet<>();
    final Set<String> instances = new LinkedHashSet<>();
    /** The VPCs and transit gateways of the session's layouts and named earlier in the cell. */
    final Set<String> vpcs = new LinkedHashSet<>();
    final Set<String> tgws = new LinkedHashSet<>();

    Context(String text, State state) {
      this.state = state;
      List<Highlighting.Token> tokens = Highlighting.classify(text);
      int statementStart = 0;
      for (int i = 0; i < tokens.size(); i++) {
        Highlighting.Token t = tokens.get(i);
        String w = t.text(text);
        if (i > 0) {
          String gap = text.substring(tokens.get(i - 1).end(), t.start());
          if ((gap.contains("\n") || gap.contains("\r")) && !w.equals(",")) {
            statementStart = i;
          }
        }
        if (w.equals(";") || w.equals("{") || w.equals("}")) {
          statementStart = i + 1;
        }
      }
      // the trailing newline of the text (nothing typed on the new line yet) starts a statement
      if (!tokens.isEmpty()) {
        String tail = text.substring(tokens.get(tokens.size() - 1).end());
        String last = tokens.get(tokens.size() - 1).text(text);
        if ((tail.contains("\n") || tail.contains("\r")) && !last.equals(",")) {
          statementStart = tokens.size();
        }
      }
      for (int i = statementStart; i < tokens.size(); i++) {
        if (tokens.get(i).category() != Category.COMMENT) {
          words.add(tokens.get(i).text(text));
          cats.add(tokens.get(i).category());
        }
      }
      gatherNames(state, text, tokens);
    }

    private void gatherNames(State state, String text, List<Highlighting.Token> tokens) {
      LayoutEntry current = state.current() == null ? null : state.layouts().get(state.current());
      if (current != null && current.layout() != null) {
        addLayoutNames(current.layout());
      }
      for (LayoutEntry e : state.layouts().values()) {
        layouts.add(e.def().name());
        if (e.layout() != null) {
          addLayoutNames(e.layout());
        }
      }
      // names declared earlier in this cell
      List<String> w = new ArrayList<>();
      for (Highlighting.Token t : tokens) {
        if (t.category() != Category.COMMENT) {
          w.add(t.text(text));
        }
      }
      for (int i = 0; i + 1 < w.size(); i++) {
        switch (w.get(i)) {
          case "layout" -> layouts.add(w.get(i + 1));
          case "instance" -> instances.add(w.get(i + 1));
          case "vpc" -> {
            if (!Keywords.isKeyword(w.get(i + 1))) {
              vpcs.add(w.get(i + 1));
            }
          }
          case "tgw" -> tgws.add(w.get(i + 1));
          case "subnet" -> {
            if (i >= 2 && w.get(i - 2).equals("az")) {
              String kind = w.get(i + 1);
              if (i + 2 < w.size() && !Keywords.isKeyword(w.get(i + 2))
                  && !w.get(i + 2).equals(";") && !w.get(i + 2).equals("}")) {
                subnets.add(w.get(i + 2));
              } else {
                String az = w.get(i - 1);
                subnets.add(kind + "-" + (az.length() > 2 ? shortOf(az) : az));
              }
            }
          }
          default -> { }
        }
      }
    }

    private String shortOf(String fullAz) {
      return fullAz.length() >= 2 ? fullAz.charAt(fullAz.length() - 2) + ""
          + fullAz.charAt(fullAz.length() - 1) : fullAz;
    }

    private void addLayoutNames(Layout l) {
      for (Subnet s : l.subnets()) {
        subnets.add(s.name());
      }
      for (Instance i : l.instances()) {
        instances.add(i.name());
      }
      for (Vpc v : l.vpcs()) {
        if (!v.name().equals(Vpc.DEFAULT_NAME)) {
          vpcs.add(v.name());
        }
      }
      for (TransitGateway t : l.tgws()) {
        tgws.add(t.name());
      }
    }

    private List<String> azs() {
      return state.region().shortAzs();
    }

    private String first() {
      return words.isEmpty() ? "" : words.get(0);
    }

    private String last() {
      return words.isEmpty() ? "" : words.get(words.size() - 1);
    }

    private boolean has(String w) {
      return words.contains(w);
    }

    /** The last keyword of the statement (before the word being typed). */
    private String lastKeyword() {
      for (int i = words.size() - 1; i >= 0; i--) {
        if (cats.get(i) == Category.KEYWORD) {
          return words.get(i);
        }
      }
      return "";
    }

    void offer(Set<String> out, Path base) {
      if (words.isEmpty()) {
        out.addAll(Keywords.STATEMENT_STARTS);
        return;
      }
      String last = last();
      boolean afterComma = last.equals(",");
      // in a list: what the list holds, decided by the keyword that started it
      String key = afterComma ? lastKeyword() : last;
      String stmt = first().equals("no") && words.size() > 1 ? "no " + words.get(1) : first();
      switch (key) {
        case "region" -> out.addAll(Region.codes());
        case "prices" -> paths("\"", base, true, out);
        case "to" -> paths("\"", base, true, out);
        case "layout" -> { }
        case "extends", "use", "check", "cost", "resilience", "compare", "over" -> out.addAll(layouts);
        case "vpc" -> {
          if (stmt.equals("no vpc")) {
            out.addAll(vpcs);
          } else {
            out.addAll(List.of("cidr", "dns"));
          }
        }
        case "dns" -> out.addAll(List.of("hostnames", "on", "off"));
        case "hostnames", "private-dns", "inbound-only" -> out.addAll(List.of("on", "off"));
        case "az" -> {
          if (has("survives")) {
            out.add("failure");
          } else {
            out.addAll(azs());
          }
        }
        case "subnet" -> out.addAll(List.of("private", "public"));
        case "no" -> out.addAll(List.of("endpoint", "gateway", "nat", "instance", "traffic", "vpc",
            "tgw", "peering", "share"));
        case "tgw" -> {
          if (stmt.equals("no tgw")) {
            out.addAll(tgws);
          }
        }
        case "attach", "peering", "with" -> out.addAll(vpcs);
        case "share" -> out.addAll(interfaceServices());
        case "endpoint" -> out.addAll(interfaceServices());
        case "gateway" -> out.addAll(Services.GATEWAY.stream().sorted().toList());
        case "nat" -> out.add("in");
        case "instance" -> {
          if (stmt.equals("no instance")) {
            out.addAll(instances);
          }
        }
        case "needs", "reaches", "->" -> {
          out.addAll(Services.namesAndBundles());
          out.add(Services.INTERNET);
          if (!last().equals("reaches")) {
            out.addAll(instances); // needs and traffic may name an instance
          }
        }
        case "resolve" -> out.addAll(Services.KNOWN.stream().sorted().toList());
        case "traffic" -> {
          if (stmt.equals("sweep")) {
            return;
          }
          out.addAll(instances);
          out.add("*");
        }
        case "reach" -> out.addAll(instances);
        case "from" -> out.addAll(stmt.endsWith("share") ? vpcs : instances);
        case "allow" -> out.addAll(subnets);
        case "in" -> in(stmt, out);
        case "fail" -> out.add("az");
        case "chart" -> out.addAll(List.of("cost", "resilience"));
        case "sweep" -> out.add("traffic");
        case "expect" -> {
          out.add("cost");
          out.addAll(instances);
          out.addAll(layouts);
          out.add("survives");
        }
        case "survives" -> out.add("az");
        default -> afterWord(stmt, out);
      }
    }

    private List<String> interfaceServices() {
      List<String> s = new ArrayList<>(new TreeSet<>(Services.KNOWN));
      s.removeAll(Services.GATEWAY);
      return s;
    }

    /** After {@code in}: what the statement places things in. */
    private void in(String stmt, Set<String> out) {
      switch (stmt) {
        case "instance" -> out.addAll(subnets);
        case "endpoint" -> {
          out.addAll(azs());
          out.addAll(subnets);
        }
        case "nat", "no nat", "tgw" -> out.addAll(azs());
        default -> out.addAll(layouts);
      }
    }

    /** After a name, number or AZ: the keywords that may follow in this statement. */
    private void afterWord(String stmt, Set<String> out) {
      int n = words.size();
      String last = last();
      switch (stmt) {
        case "az" -> {
          if (n == 2) {
            out.add("subnet");
          } else if (n >= 4 && !has("cidr")) {
            out.add("cidr");
          }
        }
        case "endpoint" -> out.addAll(has("in") ? List.of("private-dns", "inbound-only", "allow")
            : List.of("in"));
        case "vpc" -> {
          if (n == 2 && cats.get(1) == Category.NAME) {
            out.add("cidr");
          }
        }
        case "tgw" -> {
          if (n == 2) {
            out.add("attach");
          } else if (has("attach") && !has("in")) {
            out.add("in");
          }
        }
        case "share", "no share" -> {
          if (!has("from")) {
            out.add("from");
          } else if (stmt.equals("share") && !has("with")) {
            out.add("with");
          }
        }
        case "instance" -> {
          if (n == 2) {
            out.add("in");
          } else if (has("in") && !has("needs")) {
            out.addAll(has("count") ? List.of("needs") : List.of("count", "needs"));
          }
        }
        case "traffic", "no traffic", "reach" -> {
          if (!has("->")) {
            out.add("->");
          } else if (stmt.equals("reach") && !has("in")) {
            out.add("in");
          }
        }
        case "resolve" -> {
          if (!has("from") && !has("in")) {
            out.add("from");
          }
          if (!has("in")) {
            out.add("in");
          }
        }
        case "fail" -> {
          if (!has("in") && has("az")) {
            out.add("in");
          }
        }
        case "layout" -> {
          if (n == 2) {
            out.add("extends");
          }
        }
        case "chart", "sweep" -> {
          if (has("over") || stmt.equals("chart")) {
            if (!has("to")) {
              out.add("to");
            }
          } else if (has("..") && !has("step")) {
            out.addAll(List.of("step", "over"));
          } else if (has("step")) {
            out.add("over");
          }
        }
        case "expect" -> {
          if (n == 2 && !last.equals("cost")) {
            out.addAll(List.of("reaches", "survives"));
          } else if (has("reaches") && !has("in") && n >= 4) {
            out.add("in");
          } else if (n == 3 && words.get(1).equals("cost") && cats.get(2) == Category.NAME) {
            out.addAll(List.of("<", "<=", ">", ">="));
          }
          if (last.equals("<") || last.equals("<=") || last.equals(">") || last.equals(">=")) {
            out.add("cost");
          }
        }
        default -> { }
      }
    }
  }
}
