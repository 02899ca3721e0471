package dev.vpclab.cli;

import dev.vpclab.lang.SourceFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/** Reads scenario files and standard input as text, refusing what vpclab cannot read. */
final class Inputs {
  /** The largest scenario file vpclab reads. */
  static final long MAX_BYTES = 16L * 1024 * 1024;

  /** How large a kind of file may be, and how a message names that kind. */
  record Limit(long bytes, String files) {}

  static final Limit SCENARIO = new Limit(MAX_BYTES, "scenario files");
  /** A Terraform state cannot be split into pages as describe outputs can. */
  static final Limit IMPORT = new Limit(dev.vpclab.importer.Import.MAX_BYTES,
      "files to import");

  private Inputs() {}

  /** A problem with a whole file, shown as {@code file: error: message}. */
  static final class InputError extends Exception {
    InputError(String message) {
      super(message, null, false, false);
    }
  }

  static SourceFile read(String name, InputStream in) throws InputError {
    return read(name, in, SCENARIO);
  }

  static SourceFile read(String name, InputStream in, Limit limit) throws InputError {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[65536];
      long total = 0;
      for (int n; (n = in.read(buf)) > 0; ) {
        total += n;
        if (total > limit.bytes()) {
          throw new InputError(name + ": error: input is larger than " + mb(limit.bytes())
              + "; vpclab reads " + limit.files() + " up to that size");
        }
        out.write(buf, 0, n);
      }
      return new SourceFile(name, decode(out.toByteArray()));
    } catch (IOException e) {
      throw new InputError(name + ": error: cannot read: " + IoReason.of(e));
    }
  }

  static SourceFile read(Path path) throws InputError {
    return read(path, SCENARIO);
  }

  static SourceFile read(Path path, Limit limit) throws InputError {
    String name = path.toString();
    try {
      if (Files.isDirectory(path)) {
        throw new InputError(name + ": error: is a directory, not "
            + (limit == SCENARIO ? "a scenario file" : "a file"));
      }
      long size = Files.size(path);
      if (size > limit.bytes()) {
        throw new InputError(name + ": error: file is " + mb(size) + "; vpclab reads "
            + limit.files() + " up to " + mb(limit.bytes()));
      }
      return new SourceFile(name, decode(Files.readAllBytes(path)));
    } catch (NoSuchFileException e) {
      throw new InputError(name + ": error: no such file");
    } catch (IOException e) {
      throw new InputError(name + ": error: cannot read: " + IoReason.of(e));
    }
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }

  /** UTF-8, with a byte-order mark dropped and undecodable bytes shown as U+FFFD. */
  static String decode(byte[] bytes) {
    try {
      String s = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .decode(ByteBuffer.wrap(bytes)).toString();
      return s.startsWith("\uFEFF") ? s.substring(1) : s;
    } catch (CharacterCodingException e) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }
}
