package dev.vpclab.export;

import java.util.List;

public final class HtmlReport {
  private HtmlReport() {}

  public static String render(List<FileRun> runs) {
    return "";
  }

  public static String render(List<FileRun> runs, java.util.function.Function<dev.vpclab.notebook.Output.Artifact, String> link) {
    return "";
  }
}
