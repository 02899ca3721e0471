package dev.vpclab.lang;

import dev.vpclab.lang.antlr.VpcParser;

/**
 * Answers the REPL's (and a kernel's) question "is this input complete, or does the user go on
 * typing?": it is not while a '{' is open or the last token is a ',' that continues a list.
 * It only lexes, so it is instant on long cells.
 */
public final class Completeness {
  private Completeness() {}

  public static boolean isComplete(String text) {
    Tokenizer.Tokens tokens = Tokenizer.tokenize(text, false);
    int depth = 0;
    int last = -1;
    for (int i = 0; i < tokens.size(); i++) {
      int type = tokens.array()[i].getType();
      switch (type) {
        case VpcParser.LBRACE -> depth++;
        case VpcParser.RBRACE -> depth = Math.max(0, depth - 1);
        default -> { }
      }
      if (type != VpcParser.NL) {
        last = type;
      }
    }
    return depth == 0 && last != VpcParser.COMMA;
  }
}
