package dev.vpclab.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vpclab.lang.SourceFile;
import dev.vpclab.notebook.Block;
import dev.vpclab.notebook.Cell;
import dev.vpclab.notebook.Notebook;
import dev.vpclab.notebook.Output;
import dev.vpclab.notebook.SourceLoader;
import dev.vpclab.notebook.Table;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Every document is rendered from a cell's blocks, never by searching the terminal text for a
 * table: here the prose quotes the table's own rendering before the table, which a front end that
 * looked for the table in the text would take for the table.
 */
class BlocksRenderingTest {
  static final String SOURCE = """
      region ap-northeast-1
      layout single {
        az 1a subnet private app
        az 1c subnet private ep
        endpoint ssm in 1c
        instance web in app needs ssm
      }
      check single
      """;

  /** A cell of {@code check single} whose prose quotes its table's rendering, then the table. */
  static Cell quotingCell() {
    Notebook.Result r = new Notebook(SourceLoader.NONE).eval(new SourceFile("q.vpc", SOURCE));
    assertFalse(r.hasErrors(), r.diagnostics().toString());
    Cell cell = r.cells().get(0);
    Table table = cell.output().tables().get(0);
    Output quoting = new Output("check", List.of(
        new Block.Text("as the terminal shows it:\n" + table.render()),
        new Block.TableBlock(table),
        new Block.Notes("note", List.of("the table above"))), cell.output().data(), false);
    return new Cell(cell.source(), cell.query(), quoting);
  }

  static List<FileRun> run() {
    return List.of(new FileRun("q.vpc", new Notebook.Result(
        new Notebook(SourceLoader.NONE).eval(new SourceFile("q.vpc", SOURCE)).diagnostics(),
        List.of(quotingCell()))));
  }

  static String rendering() {
    return quotingCell().output().tables().get(0).render();
  }

  @Test
  void htmlKeepsTheProseWholeAndTheTableWhereItIs() {
    String html = HtmlReport.output(quotingCell().output());
    assertEquals("<pre>" + HtmlReport.esc(("as the terminal shows it:\n" + rendering()).strip())
        + "</pre>\n<table>", html.substring(0, html.indexOf("<table>") + 7), html);
    assertEquals(1, html.split("<table>", -1).length - 1, html);
    assertTrue(html.endsWith("</table>\n<pre>note: the table above</pre>\n"), html);
  }

  @Test
  void markdownKeepsTheProseWholeAndTheTableWhereItIs() {
    String md = MarkdownReport.render(run());
    String prose = "```text\nas the terminal shows it:\n" + rendering().stripTrailing() + "\n```\n";
    int at = md.indexOf(prose);
    assertTrue(at > 0, md);
    assertTrue(md.indexOf("| instance | service |") > at, md);
    assertTrue(md.endsWith("```text\nnote: the table above\n```\n\n"), md);
  }

  @Test
  void csvRowsComeFromTheBlocks() throws Exception {
    List<List<String>> rows = new ArrayList<>();
    for (CSVRecord rec : CSVFormat.RFC4180.parse(new StringReader(CsvReport.render(run())))) {
      rows.add(rec.toList());
    }
    List<String> lines = rendering().lines().toList();
    Table table = quotingCell().output().tables().get(0);
    List<List<String>> expected = new ArrayList<>();
    expected.add(List.of("In [1]: check single"));
    expected.add(List.of("as the terminal shows it:"));
    lines.forEach(l -> expected.add(List.of(l.strip())));
    expected.add(table.header());
    expected.addAll(table.rows());
    expected.add(List.of("note", "the table above"));
    expected.add(List.of(""));
    assertEquals(expected, rows);
  }

  /**
   * The source side of the same rule: in the document front ends and the kernel, a cell's
   * terminal text is passed on whole (text/plain, the terminal report), never searched or cut.
   */
  @Test
  void noFrontEndCutsACellsText() throws Exception {
    java.util.regex.Pattern cut = java.util.regex.Pattern.compile(
        "(output\\(\\)|\\bo)\\.text\\(\\)\\s*\\.|ReportParts\\.split");
    List<String> found = new ArrayList<>();
    for (String dir : List.of("export", "kernel")) {
      try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/java/dev/vpclab",
          dir))) {
        for (java.nio.file.Path f : files.sorted().toList()) {
          String src = java.nio.file.Files.readString(f);
          if (cut.matcher(src).find()) {
            found.add(f.toString());
          }
        }
      }
    }
    assertEquals(List.of(), found);
  }

  /**
   * CSV rows come from the blocks: a chart's bars are left out even when a bar is empty (a zero),
   * and an incomplete total is a row of cells like a complete one, marked "incomplete".
   */
  @Test
  void csvLeavesOutEveryBarAndSplitsAnIncompleteTotal() throws Exception {
    List<List<String>> rows = new ArrayList<>();
    String csv = dev.vpclab.testing.Cli.run("run", "scenarios/one-az-or-two.vpc",
        "scenarios/shared-endpoints-cost.vpc", "--format", "csv", "--no-charts").out();
    for (CSVRecord rec : CSVFormat.RFC4180.parse(new StringReader(csv))) {
      rows.add(rec.toList());
    }
    // chart resilience packed, spread, spread-s3: no pair breaks, so every bar is empty
    assertFalse(rows.contains(List.of("packed us-east-1a     0")), csv);
    assertTrue(rows.contains(List.of("packed does not survive AZ failure: every subnet is in"
        + " us-east-1a, and losing it takes down all 4 instances")), csv);
    assertTrue(rows.stream().anyMatch(r -> r.size() == 4 && r.get(0).equals("total")
        && r.get(2).equals("USD") && r.get(3).equals("incomplete")), csv);
    assertFalse(rows.stream().anyMatch(r -> r.get(0).startsWith("total ")), csv);
  }
}
