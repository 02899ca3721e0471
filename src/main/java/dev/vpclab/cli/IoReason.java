package dev.vpclab.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;

/**
 * Why a file could not be read or written, in words for the user and without file names: the
 * caller names the file the user gave, never a temporary file that was involved.
 */
final class IoReason {
  private IoReason() {}

  static String of(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    } else if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    } else if (e instanceof FileAlreadyExistsException) {
      return "a file is in the way";
    } else if (e instanceof FileSystemException f) {
      return f.getReason() == null ? "input/output error" : lower(f.getReason());
    }
    return e.getMessage() == null ? "input/output error" : lower(e.getMessage());
  }

  /** "Is a directory" as "is a directory" (the system's messages start with a capital). */
  private static String lower(String reason) {
    return reason.isEmpty() ? reason
        : reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1);
  }
}
