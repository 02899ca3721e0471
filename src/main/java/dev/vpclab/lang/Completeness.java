package dev.vpclab.lang;

import dev.vpclab.lang.antlr.VpcParser;

/**
 * Answers the REPL's (and a kernel's) question "is this input complete, or does the user go on
 * typing?": it is not while a '{' is open or the last token is a ',' that continues a list.
 * A '}' that closes nothing makes the input invalid: no more typing can mend it. It only lexes,
 * so it is instant on long cells.
 */
public final class Completeness {
  private Completeness() {}

  public enum Status { COMPLETE, INCOMPLETE, INVALID }

  /** The answer, and how many '{' are open (for the next line's indent). */
  public record Answer(Status status, int open) {}

  public static boolean isComplete(String text) {
    return answer(text).status() != Status.INCOMPLETE;
  }

  public static Answer answer(String text) {
    Tokenizer.Tokens tokens = Tokenizer.tokenize(text, false);
    int depth = 0;
    int last = -1;
    boolean strayClose = false;
    for (int i = 0; i < tokens.size(); i++) {
      int type = tokens.array()[i].getType();
      switch (type) {
        case VpcParser.LBRACE -> depth++;
        case VpcParser.RBRACE -> {
          strayClose |= depth == 0;
          depth = Math.max(0, depth - 1);
        }
        default -> { }
      }
      if (type != VpcParser.NL) {
        last = type;
      }
    }
    if (strayClose) {
      return new Answer(Status.INVALID, depth);
    }
    return new Answer(depth == 0 && last != VpcParser.COMMA ? Status.COMPLETE
        : Status.INCOMPLETE, depth);
  }
}
