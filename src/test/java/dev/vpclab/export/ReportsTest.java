package dev.vpclab.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import dev.vpclab.testing.Cli;
import dev.vpclab.testing.Cli.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The design-review reports: Markdown with images beside it, a self-contained HTML page (opened
 * in headless Chromium), and a notebook the real nbformat validator accepts. A missing validator
 * or browser skips those checks, except in CI (CI=true), where it fails them.
 */
class ReportsTest {
  static final String SCENARIO = "scenarios/nat-vs-endpoints.vpc";
  static final String THREE_AZ = "scenarios/three-az-production.vpc";
  static final boolean CI = "true".equals(System.getenv("CI"));

  @TempDir
  Path dir;

  static Result run(String... args) {
    return Cli.run(args);
  }

  static void missing(String what) {
    if (CI) {
      fail(what + " is missing, and CI=true requires it (.ci/run installs it)");
    }
    Assumptions.assumeTrue(false, what + " is not installed: check skipped");
  }

  @Test
  void markdownWritesImagesBesideIt() throws Exception {
    Path md = dir.resolve("review.md");
    Result r = run("run", SCENARIO, THREE_AZ, "--format", "markdown", "--out", md.toString());
    assertEquals(0, r.status(), r.err());
    String text = Files.readString(md);
    assertTrue(text.startsWith("# vpclab design review: "), text);
    assertTrue(text.contains("| layout | endpoint-hours |"), "tables are Markdown tables");
    assertTrue(text.contains("](nat-vs-endpoints-cell-5-sweep.png)"), text);
    assertTrue(text.contains("](three-az-cost.svg)"), text);
    assertTrue(Files.size(dir.resolve("nat-vs-endpoints-cell-5-sweep.png")) > 1000);
    assertTrue(Files.size(dir.resolve("three-az-cost.svg")) > 1000);
    assertTrue(text.contains("208.57 GB"), text);
  }

  @Test
  void ipynbPassesTheNbformatValidator() throws Exception {
    Path nb = dir.resolve("review.ipynb");
    Result r = run("run", SCENARIO, THREE_AZ, "--format", "ipynb", "--out", nb.toString(),
        "--charts", dir.resolve("charts").toString());
    assertEquals(0, r.status(), r.err());
    JsonNode doc = new ObjectMapper().readTree(nb.toFile());
    assertEquals(4, doc.get("nbformat").asInt());
    assertEquals(5, doc.get("nbformat_minor").asInt());
    assertEquals("vpclab", doc.get("metadata").get("kernelspec").get("name").asText());
    List<String> ids = new ArrayList<>();
    boolean png = false;
    for (JsonNode c : doc.get("cells")) {
      ids.add(c.get("id").asText());
      if (c.get("cell_type").asText().equals("code")) {
        JsonNode data = c.get("outputs").get(0).get("data");
        assertTrue(data.has("text/plain"));
        png |= data.has("image/png");
      }
    }
    assertTrue(png, "the sweep chart is embedded as image/png");
    assertEquals(ids.size(), ids.stream().distinct().count(), "cell ids are unique");
    assertTrue(ids.contains("f1-cell-5"), ids.toString());
    // deterministic: a second run gives the same bytes
    byte[] first = Files.readAllBytes(nb);
    run("run", SCENARIO, THREE_AZ, "--format", "ipynb", "--out", nb.toString(), "--charts",
        dir.resolve("charts").toString());
    assertArrayEquals(first, Files.readAllBytes(nb));

    String python = null;
    for (String candidate : List.of("/usr/bin/python3", "python3")) {
      try {
        Process p = new ProcessBuilder(candidate, "-c", "import nbformat")
            .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
          python = candidate;
          break;
        }
      } catch (java.io.IOException e) {
        // try the next one
      }
    }
    if (python == null) {
      missing("python3 with nbformat (apt-get install python3-nbformat)");
    }
    Process p = new ProcessBuilder(python, "-c",
        "import nbformat,sys; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))",
        nb.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), "nbformat.validate: " + out);
  }

  @Test
  void htmlIsSelfContainedAndChromiumRendersIt() throws Exception {
    Path html = dir.resolve("review.html");
    Result r = run("run", SCENARIO, THREE_AZ, "--format", "html", "--out", html.toString(),
        "--charts", dir.resolve("charts").toString());
    assertEquals(0, r.status(), r.err());
    String text = Files.readString(html);
    assertTrue(text.startsWith("<!DOCTYPE html>"));
    assertTrue(text.contains("<style>"));
    assertTrue(text.contains("data:image/png;base64,"), "the sweep chart as a PNG data URI");
    assertTrue(text.contains("<svg"), "the SVG chart inline");
    assertTrue(text.contains("<table>"));
    assertTrue(!text.contains("src=\"http") && !text.contains("href=\"http"),
        "no external resource");
    assertTrue(!text.contains("<?xml"), "no XML prolog inside the page");

    Path shot = screenshot(html, 1200, 900);
    BufferedImage img = ImageIO.read(shot.toFile());
    assertEquals(1200, img.getWidth());
    assertEquals(900, img.getHeight());
    assertTrue(Files.size(shot) > 20_000, "a page with content, not a blank one: "
        + Files.size(shot));
  }

  @Test
  void reportsGoToStandardOutputWithoutOut() throws Exception {
    Result r = run("run", SCENARIO, "--format", "html", "--charts", dir.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().startsWith("<!DOCTYPE html>"));
    Result nb = run("run", SCENARIO, "--format", "ipynb", "--charts", dir.toString());
    assertEquals(4, new ObjectMapper().readTree(nb.out()).get("nbformat").asInt());
  }

  @Test
  void csvCarriesWhatTextCarries() throws Exception {
    Result text = run("run", SCENARIO, THREE_AZ, "--charts", dir.toString());
    Result csv = run("run", SCENARIO, THREE_AZ, "--format", "csv", "--charts", dir.toString());
    assertEquals(0, csv.status(), csv.err());
    List<List<String>> records = new ArrayList<>();
    try (var parser = org.apache.commons.csv.CSVFormat.RFC4180.parse(
        new java.io.StringReader(csv.out()))) {
      parser.forEach(r -> records.add(r.toList()));
    }
    // the cost totals, each figure in a cell of its own (cost logs-endpoint, In [4])
    int cost = records.indexOf(List.of(
        "scenarios/nat-vs-endpoints.vpc In [4]: cost logs-endpoint"));
    assertTrue(cost >= 0, csv.out());
    assertEquals(List.of("logs-endpoint: 45.30 USD a month"), records.get(cost + 1));
    List<List<String>> costRows = records.subList(cost, cost + 12);
    // 7.30 + 32.85 + 3.65 fixed = 43.80; 1.50 variable; 45.30 in all
    assertTrue(costRows.contains(List.of("fixed", "43.80")), costRows.toString());
    assertTrue(costRows.contains(List.of("variable", "1.50")), costRows.toString());
    assertTrue(costRows.contains(List.of("total", "45.30", "USD")), costRows.toString());
    // the sweep's break-even, as a table (208.57 GB, 45.89 USD: docs/json.md's example)
    int header = records.indexOf(List.of("break-even", "layout", "other layout", "GB a month",
        "USD a month", "cheaper above"));
    assertTrue(header > 0, csv.out());
    assertEquals(List.of("break-even", "nat-only", "logs-endpoint", "208.57", "45.89",
        "logs-endpoint"), records.get(header + 1));
    // fail's fix with its price: two NAT gateways at 0.048 + an IPv4 address each at 0.005 an
    // hour, 730 hours: 2 * (35.04 + 3.65) = 77.38, less the cross-AZ transfer to the one NAT
    // gateway it saves (10.00): 67.38 USD a month, as the text says
    assertTrue(records.contains(List.of("fix", "nat in 1b, 1c", "67.38", "USD a month")),
        csv.out());
    assertTrue(records.contains(List.of("down with their AZ", "api-a (1 instance)")), csv.out());
    // notes
    assertTrue(records.contains(List.of("note",
        "the 100 GB a month free tier of data transfer out is not deducted")), csv.out());
    assertTrue(records.contains(List.of("note",
        "one-nat: the 100 GB a month free tier of data transfer out is not deducted")));
    // no Unicode bars (the tables carry their figures)
    assertTrue(records.stream().flatMap(List::stream).noneMatch(c -> c.matches(
        "(?s).*[\u2580-\u259f].*")), "bars are left out");
    // every amount the text shows is in the CSV
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("[0-9]+\\.[0-9]{2}")
        .matcher(text.out());
    java.util.Set<String> amounts = new java.util.TreeSet<>();
    while (m.find()) {
      amounts.add(m.group());
    }
    String all = String.join(" ", records.stream().map(r -> String.join(" ", r)).toList());
    List<String> lost = amounts.stream().filter(a -> !all.contains(a)).toList();
    assertTrue(lost.isEmpty(), "amounts of the text missing from the CSV: " + lost);
  }

  static final String FAILING = """
      region us-east-1
      layout a {
        az 1a subnet private app
        instance w in app needs ssm
      }
      check a
      expect a reaches
      expect cost a < 1 USD
      """;

  @Test
  void reportsOpenWithASummary() throws Exception {
    Path failing = dir.resolve("failing.vpc");
    Files.writeString(failing, FAILING);
    Path broken = dir.resolve("broken.vpc");
    Files.writeString(broken, "layout a {\n  az 1a subnet privat app\n}\ncheck a\n");
    String[] files = {"scenarios/seed.vpc", failing.toString(), broken.toString()};
    // seed.vpc: 6 expectations, all pass; failing.vpc: 1 of 2 fails; broken.vpc: 1 error
    String summary = "8 expectations: 7 passed, 1 failed; 1 error in " + broken
        + " (not evaluated)";

    Result html = run(concat(files, "--format", "html", "--charts", dir.toString()));
    assertEquals(2, html.status(), html.err());
    String page = html.out();
    int h1 = page.indexOf("</h1>");
    int first = page.indexOf("<section", h1);
    assertTrue(page.substring(h1, first + 200).contains("<section class=\"summary failed\""),
        page.substring(h1, first + 200));
    String opening = page.substring(first, page.indexOf("</section>", first));
    assertTrue(opening.contains(summary), opening);
    assertTrue(opening.contains("href=\"#f2-cell-2\""), "the failed expectation is linked: "
        + opening);
    assertTrue(opening.contains("expect a reaches: FAILED (0 of 1 pairs reachable)"), opening);
    assertTrue(page.indexOf(summary) < page.indexOf("<h2>"), "before the first file");

    Result md = run(concat(files, "--format", "markdown", "--charts", dir.toString()));
    String[] lines = md.out().split("\n");
    assertTrue(lines[0].startsWith("# vpclab design review: "), lines[0]);
    assertEquals("", lines[1]);
    assertEquals("**" + summary + "**", lines[2]);
    assertEquals("", lines[3]);
    assertEquals("- FAILED: " + failing + " In [2]: `expect a reaches`: expect a reaches: FAILED "
        + "(0 of 1 pairs reachable)", lines[4]);

    Result nb = run(concat(files, "--format", "ipynb", "--charts", dir.toString()));
    JsonNode cell0 = new ObjectMapper().readTree(nb.out()).get("cells").get(0);
    assertEquals("summary", cell0.get("id").asText());
    assertEquals("markdown", cell0.get("cell_type").asText());
    assertTrue(cell0.get("source").get(0).asText().startsWith("**" + summary + "**"),
        cell0.toString());

    // all passed: a passed summary, no list
    Result ok = run("run", "scenarios/seed.vpc", "--format", "html", "--charts", dir.toString());
    assertTrue(ok.out().contains("<section class=\"summary passed\" id=\"summary\">\n"
        + "<p><strong>6 expectations: 6 passed, 0 failed</strong></p>\n</section>"), ok.out());
    // nothing checked: neither green nor red
    Path plain = dir.resolve("plain.vpc");
    Files.writeString(plain, "layout a {\n  az 1a subnet private app\n}\ncheck a\n");
    Result none = run("run", plain.toString(), "--format", "html");
    assertTrue(none.out().contains("<section class=\"summary none\" id=\"summary\">\n"
        + "<p><strong>0 expectations: 0 passed, 0 failed</strong></p>"), none.out());
  }

  private static String[] concat(String[] files, String... args) {
    List<String> all = new ArrayList<>(List.of("run"));
    all.addAll(List.of(files));
    all.addAll(List.of(args));
    return all.toArray(new String[0]);
  }

  /** WCAG 2 contrast ratio of two sRGB colours. */
  static double contrast(int rgb1, int rgb2) {
    double l1 = luminance(rgb1);
    double l2 = luminance(rgb2);
    return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
  }

  static double luminance(int rgb) {
    double[] c = new double[3];
    for (int i = 0; i < 3; i++) {
      double v = ((rgb >> (16 - 8 * i)) & 0xff) / 255.0;
      c[i] = v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }

  @Test
  void theFailedBadgeHasTheContrastWcagAsks() {
    String style = HtmlReport.STYLE;
    java.util.regex.Matcher badge = java.util.regex.Pattern.compile(
        "\\.badge\\{color:#([0-9a-f]{6});background:#([0-9a-f]{6})").matcher(style);
    assertTrue(badge.find(), style);
    double ratio = contrast(Integer.parseInt(badge.group(1), 16),
        Integer.parseInt(badge.group(2), 16));
    assertTrue(ratio >= 4.5, "badge contrast " + ratio + " is below 4.5:1 (WCAG AA)");
    // no rule of a type selector on span, which would win over .badge's colour inside a cell
    assertTrue(!style.matches("(?s).*(^|[\\s,}>])span\\b.*"), "a span rule: " + style);
  }

  @Test
  void chromiumShowsTheFailedBadgeReadably() throws Exception {
    Path page = dir.resolve("failing.html");
    Path failing = dir.resolve("failing.vpc");
    Files.writeString(failing, FAILING);
    Result r = run("run", failing.toString(), "--format", "html", "--out", page.toString());
    assertEquals(1, r.status(), r.err());
    BufferedImage img = ImageIO.read(screenshot(page, 1000, 700).toFile());
    // the badges: runs of badge red (#c00000) 30 to 200 pixels wide (a cell's border is wider),
    // grouped into boxes by overlap with the run above; one in the summary, one on the cell
    int red = 0xc00000;
    List<int[]> boxes = new ArrayList<>(); // x0, y0, x1, y1
    for (int y = 0; y < img.getHeight(); y++) {
      int run = 0;
      for (int x = 0; x <= img.getWidth(); x++) {
        if (x < img.getWidth() && near(img.getRGB(x, y) & 0xffffff, red)) {
          run++;
          continue;
        }
        if (run >= 30 && run <= 200) {
          int start = x - run;
          int end = x;
          int above = y - 1;
          int[] box = boxes.stream().filter(bx -> bx[3] == above && bx[0] < end && start < bx[2])
              .findFirst().orElse(null);
          if (box == null) {
            boxes.add(new int[] {start, y, x, y});
          } else {
            box[0] = Math.min(box[0], start);
            box[2] = Math.max(box[2], x);
            box[3] = y;
          }
        }
        run = 0;
      }
    }
    // the rows of text break the runs: a badge is its red band above the text and the one below
    for (int i = 0; i < boxes.size(); i++) {
      for (int j = boxes.size() - 1; j > i; j--) {
        int[] a = boxes.get(i);
        int[] b = boxes.get(j);
        if (a[0] < b[2] && b[0] < a[2] && b[1] - a[3] <= 20 && b[1] > a[3]) {
          a[0] = Math.min(a[0], b[0]);
          a[2] = Math.max(a[2], b[2]);
          a[3] = b[3];
          boxes.remove(j);
        }
      }
    }
    assertEquals(2, boxes.size(), "two badges in the screenshot");
    for (int[] box : boxes) {
      double best = 0;
      // inside the box, away from its rounded corners: the text and the red around it
      for (int y = box[1] + 3; y <= box[3] - 3; y++) {
        for (int x = box[0] + 3; x < box[2] - 3; x++) {
          best = Math.max(best, contrast(img.getRGB(x, y) & 0xffffff, red));
        }
      }
      assertTrue(best >= 4.5, "the badge's text has contrast " + best + " against its red");
    }
  }

  private static boolean near(int rgb, int target) {
    for (int shift = 0; shift <= 16; shift += 8) {
      if (Math.abs(((rgb >> shift) & 0xff) - ((target >> shift) & 0xff)) > 3) {
        return false;
      }
    }
    return true;
  }

  /** The page as headless Chromium draws it (skipped, or failed in CI, without Chromium). */
  private Path screenshot(Path html, int width, int height) throws Exception {
    String chromium = null;
    for (String c : List.of("chromium", "chromium-browser", "google-chrome")) {
      for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
        if (chromium == null && Files.isExecutable(Path.of(d, c))) {
          chromium = Path.of(d, c).toString();
        }
      }
    }
    if (chromium == null) {
      missing("chromium (apt-get install chromium)");
    }
    Path shot = Files.createTempFile(dir, "shot", ".png");
    Files.delete(shot);
    Path profile = Files.createTempDirectory(dir, "chromium-profile");
    Process p = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
        "--screenshot=" + shot, "--window-size=" + width + "," + height, html.toUri().toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
    assertTrue(Files.exists(shot), "no screenshot: " + out);
    return shot;
  }
}
