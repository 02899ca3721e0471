package dev.vpclab.importer;

import dev.vpclab.lang.Suggest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * One import request, whichever front end makes it ({@code vpclab import}, the REPL's
 * {@code %import}): its source ({@code aws} or {@code terraform}), its files already read, and
 * the layout's name. What is wrong with a request is said in one sentence; reading the files is
 * the front end's.
 */
public final class Import {
  /**
   * The largest file vpclab imports: a scenario file's limit is 16 MB, but a Terraform state
   * cannot be split into pages as describe outputs can, and a large account's passes that from
   * about 90 VPCs. Jackson's tree of a file takes about ten times its size in memory.
   */
  public static final long MAX_BYTES = 128L * 1024 * 1024;

  /** The sources vpclab imports from. */
  public static final List<String> SOURCES = List.of("aws", "terraform");

  /** What a front end says of a folder given to {@code import aws} without a .json file. */
  public static final String NO_JSON = "no .json file in this folder (the describe outputs to"
      + " import)";

  private Import() {}

  /**
   * What a folder given to {@code import aws} stands for: its {@code .json} files (not those of
   * its subfolders), by name. Among them, a file of a kind vpclab does not read is skipped and
   * said, where a file named on its own would be an error.
   */
  public static List<Path> folderFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
          .sorted().toList();
    }
  }

  /**
   * What is wrong with a request, in one sentence naming how to write it ({@code command} is how
   * the front end spells the import: {@code vpclab import}, {@code %import}), or null when
   * nothing is.
   */
  public static String problem(String command, String source, int files, String layout) {
    if (!SOURCES.contains(source)) {
      String hint = source.isEmpty() ? null : Suggest.didYouMean(source, SOURCES);
      return "import takes a source: " + command + " aws FILE.json... or " + command
          + " terraform FILE.json"
          + (source.isEmpty() ? "" : " (not '" + source + "')")
          + (hint == null ? "" : "; " + hint);
    }
    boolean terraform = source.equals("terraform");
    if (files == 0) {
      return terraform ? "import terraform needs the JSON file terraform show -json printed"
          : "import aws needs the JSON files aws ec2 describe-* printed";
    }
    if (terraform && files > 1) {
      return "import terraform takes one file (terraform show -json of a plan or of the state),"
          + " not " + files;
    }
    if (!LayoutNames.valid(layout)) {
      return "--layout " + layout + " is not a layout name (letters, digits, -, _, . and not a"
          + " keyword)";
    }
    return null;
  }

  /** The design of a request {@link #problem} finds nothing wrong with. */
  public static AwsImport.Result read(String source, List<AwsImport.Input> inputs, String layout)
      throws JsonFault {
    String trouble = problem("import", source, inputs.size(), layout);
    if (trouble != null) {
      throw new IllegalArgumentException(trouble);
    }
    return source.equals("terraform")
        ? TerraformImport.read(inputs.get(0).file(), inputs.get(0).text(), layout)
        : AwsImport.read(inputs, layout);
  }
}
