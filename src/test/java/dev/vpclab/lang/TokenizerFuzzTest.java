package dev.vpclab.lang;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Jazzer against the hand-written lexer: for any bytes (as UTF-8 text, undecodable bytes becoming
 * U+FFFD as vpclab reads files), {@link Tokenizer} and the ANTLR lexer of the grammar give the
 * same tokens ({@link TokenizerConformanceTest#agree}). A normal {@code mvn test} runs the corpus
 * in src/test/resources/dev/vpclab/lang/TokenizerFuzzTestInputs/sameTokens; {@code mvn -Pfuzz
 * verify} fuzzes it for {@code fuzz.lexer.seconds} (docs/performance.md).
 */
class TokenizerFuzzTest {
  @FuzzTest(maxDuration = "10m")
  void sameTokens(byte[] input) {
    TokenizerConformanceTest.agree("fuzz input", new String(input, StandardCharsets.UTF_8));
  }
}
