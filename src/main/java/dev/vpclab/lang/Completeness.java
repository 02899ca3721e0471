package dev.vpclab.lang;

import dev.vpclab.lang.antlr.VpcLexer;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * Answers the REPL's (and a kernel's) question "is this input complete, or does the user go on
 * typing?": it is not while a '{' is open or the last token is a ',' that continues a list.
 * It only lexes, so it is instant on long cells.
 */
public final class Completeness {
  private Completeness() {}

  public static boolean isComplete(String text) {
    VpcLexer lexer = new VpcLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    int depth = 0;
    int last = -1;
    for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
      switch (t.getType()) {
        case VpcLexer.LBRACE -> depth++;
        case VpcLexer.RBRACE -> depth = Math.max(0, depth - 1);
        default -> { }
      }
      if (t.getChannel() == Token.DEFAULT_CHANNEL && t.getType() != VpcLexer.NL) {
        last = t.getType();
      }
    }
    return depth == 0 && last != VpcLexer.COMMA;
  }
}
