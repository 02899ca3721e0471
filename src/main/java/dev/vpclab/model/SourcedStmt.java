package dev.vpclab.model;

import dev.vpclab.lang.Ast;
import dev.vpclab.lang.SourceFile;

/** A layout statement with the file or cell it came from, so errors can point at it later. */
public record SourcedStmt(SourceFile source, Ast.Stmt stmt) {}
