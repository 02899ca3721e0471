package dev.vpclab.repl;

import dev.vpclab.importer.AwsImport;
import dev.vpclab.importer.Import;
import dev.vpclab.importer.JsonFault;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code %import aws FILE.json... [--layout NAME]} and {@code %import terraform FILE.json
 * [--layout NAME]}: the files read (relative to the session's folder) and imported as
 * {@code vpclab import} does; the result is the scenario text, which the session evaluates as a
 * cell, or the error to show.
 */
final class ImportMagic {
  static final String USAGE = "usage: %import aws FILE.json... [--layout NAME] | %import"
      + " terraform FILE.json [--layout NAME]\n";

  /** The scenario text, or the error (a located one, or a usage line). */
  record Outcome(String text, String error) {}

  /** A file to read, as messages name it, and whether it was found in a folder given. */
  private record Named(String file, boolean inFolder) {}

  private ImportMagic() {}

  static Outcome run(String arg, Path base) {
    List<String> words = words(arg);
    if (words.isEmpty()) {
      return new Outcome(null, USAGE);
    }
    String source = words.get(0);
    String layout = "imported";
    List<String> files = new ArrayList<>();
    for (int i = 1; i < words.size(); i++) {
      if (words.get(i).equals("--layout")) {
        if (i + 1 == words.size()) {
          return new Outcome(null, "%import: --layout needs a name\n" + USAGE);
        }
        layout = words.get(++i);
      } else if (words.get(i).startsWith("--")) {
        return new Outcome(null, "%import: unknown option " + words.get(i) + "\n" + USAGE);
      } else {
        files.add(words.get(i));
      }
    }
    String trouble = Import.problem("%import", source, files.size(), layout);
    if (trouble != null) {
      return new Outcome(null, trouble + "\n");
    }
    List<AwsImport.Input> inputs = new ArrayList<>();
    List<Named> named = new ArrayList<>();
    for (String f : files) {
      Path p;
      try {
        p = base.resolve(f);
      } catch (InvalidPathException e) {
        return new Outcome(null, f + ": error: not a valid file name\n");
      }
      if (source.equals("aws") && Files.isDirectory(p)) {
        List<Path> found;
        try {
          found = Import.folderFiles(p);
        } catch (IOException | RuntimeException e) {
          return new Outcome(null, f + ": error: cannot read: " + e.getMessage() + "\n");
        }
        if (found.isEmpty()) {
          return new Outcome(null, f + ": error: " + Import.NO_JSON + "\n");
        }
        for (Path j : found) {
          named.add(new Named(Path.of(f).resolve(j.getFileName()).toString(), true));
        }
      } else {
        named.add(new Named(f, false));
      }
    }
    for (Named n : named) {
      String f = n.file();
      try {
        Path path = base.resolve(f);
        if (Files.size(path) > Import.MAX_BYTES) {
          return new Outcome(null, f + ": error: file is larger than "
              + Import.MAX_BYTES / (1024 * 1024) + " MB, the largest vpclab imports\n");
        }
        inputs.add(new AwsImport.Input(f, Files.readString(path, StandardCharsets.UTF_8),
            n.inFolder()));
      } catch (NoSuchFileException e) {
        return new Outcome(null, f + ": error: no such file\n");
      } catch (InvalidPathException e) {
        return new Outcome(null, f + ": error: not a valid file name\n");
      } catch (IOException | RuntimeException e) {
        return new Outcome(null, f + ": error: cannot read: " + (e.getMessage() == null
            ? e.getClass().getSimpleName() : e.getMessage()) + "\n");
      }
    }
    try {
      return new Outcome(Import.read(source, inputs, layout).text(), null);
    } catch (JsonFault e) {
      return new Outcome(null, e.render());
    }
  }

  /** The words of the argument; a word in double quotes may hold spaces. */
  static List<String> words(String arg) {
    List<String> out = new ArrayList<>();
    StringBuilder w = null;
    boolean quoted = false;
    for (int i = 0; i < arg.length(); i++) {
      char c = arg.charAt(i);
      if (c == '"') {
        quoted = !quoted;
        w = w == null ? new StringBuilder() : w;
      } else if (Character.isWhitespace(c) && !quoted) {
        if (w != null) {
          out.add(w.toString());
          w = null;
        }
      } else {
        w = w == null ? new StringBuilder() : w;
        w.append(c);
      }
    }
    if (w != null) {
      out.add(w.toString());
    }
    return out;
  }
}
