package dev.vpclab.lang;

import dev.vpclab.lang.antlr.VpcLexer;
import dev.vpclab.lang.antlr.VpcParser;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * The language's front door: source text in, {@link Ast.Program} and diagnostics out. Parses with
 * ANTLR's fast SLL mode first and falls back to full LL with error recovery only when that fails,
 * so that valid input pays for no recovery machinery.
 */
public final class SourceParser {
  private SourceParser() {}

  public static Ast.Program parse(SourceFile source, Diagnostics diagnostics) {
    VpcParser.ProgramContext tree;
    try {
      VpcParser parser = parser(source);
      parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
      parser.setErrorHandler(new BailErrorStrategy());
      tree = parser.program();
    } catch (ParseCancellationException fast) {
      VpcParser parser = parser(source);
      SyntaxErrors errors = new SyntaxErrors(source, diagnostics);
      parser.setErrorHandler(errors.strategy());
      parser.addErrorListener(errors);
      try {
        tree = parser.program();
      } catch (SyntaxErrors.TooMany tooMany) {
        return new Ast.Program(source, java.util.List.of());
      }
    }
    return new AstBuilder(source, diagnostics).program(tree);
  }

  static VpcParser parser(SourceFile source) {
    VpcLexer lexer = new VpcLexer(CharStreams.fromString(source.text(), source.name()));
    lexer.removeErrorListeners(); // the BAD token rule means the lexer never fails
    VpcParser parser = new VpcParser(new CommonTokenStream(lexer));
    parser.removeErrorListeners();
    return parser;
  }
}
