package dev.vpclab.kernel;

import dev.vpclab.notebook.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code vpclab kernel install}: the kernelspec directory {@code vpclab} that tells Jupyter how
 * to start the kernel (kernel.json: the launcher's absolute path, {@code kernel
 * {connection_file}}, interrupts by message) and its logos. The directory is written whole or not at all: built
 * beside its place, then renamed into it.
 */
public final class KernelSpec {
  public static final String NAME = "vpclab";
  /** The logos Jupyter shows in its launcher, beside kernel.json. */
  static final List<String> LOGOS = List.of("logo-32x32.png", "logo-64x64.png");

  private KernelSpec() {}

  /** {@code --user}: $JUPYTER_DATA_DIR/kernels/vpclab, else ~/.local/share/jupyter/kernels/vpclab. */
  public static Path userDir(Map<String, String> env, String home) {
    String data = env.get("JUPYTER_DATA_DIR");
    Path root = data != null && !data.isEmpty() ? Path.of(data)
        : Path.of(home, ".local", "share", "jupyter");
    return root.resolve("kernels").resolve(NAME);
  }

  /** {@code --prefix DIR}: DIR/share/jupyter/kernels/vpclab. */
  public static Path prefixDir(Path prefix) {
    return prefix.resolve("share").resolve("jupyter").resolve("kernels").resolve(NAME);
  }

  static String kernelJson(Path launcher) {
    return Json.pretty(Json.obj()
        .put("argv", Json.strings(List.of(launcher.toString(), "kernel", "{connection_file}")))
        .put("display_name", "vpclab")
        .put("language", "vpclab")
        .put("interrupt_mode", "message")) + "\n";
  }

  /** Writes the kernelspec into dir (replacing an earlier one), whole or not at all. */
  public static void install(Path dir, Path launcher) throws IOException {
    Path target = dir.toAbsolutePath().normalize();
    Path parent = target.getParent();
    Files.createDirectories(parent);
    Path fresh = Files.createTempDirectory(parent, "." + NAME + ".new-");
    Path old = null;
    try {
      Files.writeString(fresh.resolve("kernel.json"), kernelJson(launcher), StandardCharsets.UTF_8);
      for (String logo : LOGOS) {
        try (InputStream in = KernelSpec.class.getResourceAsStream(logo)) {
          if (in == null) {
            throw new IOException("the logo " + logo + " is missing from vpclab's jar");
          }
          Files.copy(in, fresh.resolve(logo));
        }
      }
      fresh.toFile().setReadable(true, false);
      fresh.toFile().setExecutable(true, false);
      if (Files.exists(target)) {
        old = Files.createTempDirectory(parent, "." + NAME + ".old-");
        Files.move(target, old.resolve(NAME), StandardCopyOption.ATOMIC_MOVE);
      }
      try {
        Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        if (old != null) {
          Files.move(old.resolve(NAME), target, StandardCopyOption.ATOMIC_MOVE);
        }
        throw e;
      }
    } finally {
      delete(fresh);
      delete(old);
    }
  }

  private static void delete(Path dir) throws IOException {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /**
   * The ./vpclab launcher, absolute: the system property {@code vpclab.launcher} when set, else
   * the executable {@code vpclab} found above the jar (or class directory) vpclab runs from.
   *
   * @throws IOException when there is none
   */
  public static Path launcher() throws IOException {
    String given = System.getProperty("vpclab.launcher");
    if (given != null && !given.isEmpty()) {
      return executable(Path.of(given).toAbsolutePath().normalize());
    }
    Path from;
    try {
      from = Path.of(KernelSpec.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | RuntimeException e) {
      throw new IOException("cannot tell where vpclab runs from");
    }
    // target/vpclab.jar or target/classes: the launcher is two levels up; look no further
    Path dir = from.toAbsolutePath().getParent();
    for (int up = 0; dir != null && up < 3; up++, dir = dir.getParent()) {
      Path candidate = dir.resolve("vpclab");
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate.normalize();
      }
    }
    throw new IOException("cannot find the vpclab launcher above " + from
        + " (run vpclab kernel install from the ./vpclab launcher)");
  }

  private static Path executable(Path p) throws IOException {
    if (!Files.isRegularFile(p) || !Files.isExecutable(p)) {
      throw new IOException(p + " is not an executable file (vpclab.launcher)");
    }
    return p;
  }
}
