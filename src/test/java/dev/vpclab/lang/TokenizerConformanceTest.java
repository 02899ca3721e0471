package dev.vpclab.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vpclab.fuzz.ProgramGen;
import dev.vpclab.lang.antlr.VpcLexer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;

/**
 * {@link Tokenizer}, the hand-written lexer, against its specification: the lexer ANTLR generates
 * from grammar/Vpc.g4. Token for token the same types and the same source text; lines and columns
 * as SourceFile counts them (ANTLR does not end a line at a lone "\r", vpclab does; elsewhere
 * they must agree with ANTLR too).
 */
class TokenizerConformanceTest {
  /** Characters that meet at token boundaries, plus line ends, a pair and lone surrogates. */
  private static final String ALPHABET = "aZ_x019.-/><=,#\"\\ \t\f\r\n*${};:!é\uD83D\uDE00\uD800\uDC00"
      + "azsubnetcountGBgbUSD";

  @Test
  void everyScenarioErrorCaseAndFuzzInput() throws IOException {
    int files = 0;
    for (String dir : List.of("scenarios", "src/test/golden", "src/test/resources/dev/vpclab/fuzz")) {
      try (Stream<Path> walk = Files.walk(Path.of(dir))) {
        for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
          String name = p.getFileName().toString();
          if (name.endsWith(".vpc") || !name.contains(".")) {
            byte[] bytes = Files.readAllBytes(p);
            agree(p.toString(), new String(bytes, StandardCharsets.UTF_8));
            files++;
          }
        }
      }
    }
    assertTrue(files > 40, "found only " + files + " files");
  }

  @Test
  void theExampleOfSeveralVpcs() {
    agree("several VPCs", ParserTest.SEVERAL_VPCS);
    agree("several VPCs, CRLF", ParserTest.SEVERAL_VPCS.replace("\n", "\r\n"));
    for (String word : List.of("tgw", "attach", "peering", "share", "with", "from", "tgw-1",
        "sharex", "with.a", "withdraw", "peering_b")) {
      agree(word, word + " x");
    }
  }

  @Test
  void generatedPrograms() {
    for (long seed = 0; seed < 200; seed++) {
      agree("generated " + seed, ProgramGen.generate(seed, seed % 2 == 0, 30));
    }
  }

  @Test
  void randomText() {
    Random random = new Random(7);
    for (int k = 0; k < 5000; k++) {
      StringBuilder sb = new StringBuilder();
      int length = random.nextInt(40);
      for (int i = 0; i < length; i++) {
        if (random.nextInt(8) == 0) {
          sb.append(List.of("10.0.1.0/24", "1.5", "..", "->", "1a", "private-dns", "a-", "a.b",
              "\"x\\\"y\"", ", # c\n", "\r\n", "1.2.3", "#", "traffic").get(random.nextInt(14)));
        } else {
          sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
      }
      agree("random " + k, sb.toString());
    }
  }

  @Test
  void edgeCases() {
    for (String text : List.of("", "1", "1a", "1ab", "12a", "1.", "1..5", ".5", "..", ".", "1.2.3.4",
        "1.2.3.4/", "1.2.3.4/5", "10.0.0.0/16x", "a-", "a--b", "a.", "web->ssm", "\"", "\"abc",
        "\"a\\\"", "\"a\\\nb\"", "\"\uD83D\uDE00\" x", "# \uD83D\uDE00\nx", "\r", "\r\r\n\n",
        ", \r\n # c \r\n x", "\uD800", "\uDC00x", "\uD83D\uDE00", "\f\t ", "<=>=<>", "-", "-x",
        "private-dnsx", "USD", "usd", "GBs", "inbound-only", "inbound-onlyx", "inbound-", "inbound")) {
      agree(text.replace("\n", "\\n"), text);
    }
  }

  /** Both lexers, all channels, each token as type, text, line and column. */
  static void agree(String what, String text) {
    List<String> expected = new ArrayList<>();
    int[] charAt = charOffsets(text);
    boolean loneCr = text.matches("(?s).*\r(?!\n).*");
    String[] position = positions(text);
    VpcLexer lexer = new VpcLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
      int start = charAt[t.getStartIndex()];
      int stop = charAt[t.getStopIndex() + 1] - 1;
      String line = loneCr ? position[start] : t.getLine() + ":" + t.getCharPositionInLine();
      expected.add(t.getType() + " " + start + ".." + stop + " " + line);
    }
    List<String> actual = new ArrayList<>();
    Tokenizer.Tokens tokens = Tokenizer.tokenize(text, true);
    for (int i = 0; i < tokens.size(); i++) {
      Tok t = tokens.array()[i];
      actual.add(t.getType() + " " + t.getStartIndex() + ".." + t.getStopIndex() + " " + t.getLine()
          + ":" + t.getCharPositionInLine());
      assertEquals(position[t.getStartIndex()], t.getLine() + ":" + t.getCharPositionInLine(), what);
    }
    assertEquals(String.join("\n", expected), String.join("\n", actual), what);
  }

  /**
   * The line and code-point column of each offset, as SourceFile counts lines (a line ends at
   * "\n", "\r\n" or a lone "\r").
   */
  private static String[] positions(String text) {
    SourceFile source = new SourceFile("positions", text);
    String[] out = new String[text.length() + 1];
    int line = 1;
    int column = 0;
    for (int i = 0; i <= text.length(); i++) {
      out[i] = line + ":" + column;
      if (i == text.length()) {
        break;
      }
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        line++;
        column = 0;
      } else if (!(Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1)))) {
        column++; // the high half of a pair does not count: the pair counts once, at its low half
      }
    }
    assertEquals(source.lineCount(), line, "lines as SourceFile counts them");
    return out;
  }

  /** The UTF-16 offset of each code point index (ANTLR counts code points), and of the end. */
  private static int[] charOffsets(String text) {
    int n = text.codePointCount(0, text.length());
    int[] at = new int[n + 1];
    int cp = 0;
    for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
      at[cp++] = i;
    }
    at[n] = text.length();
    return at;
  }
}
