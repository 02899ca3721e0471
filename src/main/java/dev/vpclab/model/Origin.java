package dev.vpclab.model;

import dev.vpclab.lang.SourceFile;
import dev.vpclab.lang.Span;
import java.util.Comparator;

/**
 * Where an element of a {@link Layout} comes from, so that a message about it can point there: a
 * statement in vpclab source, a resource of a Terraform configuration or state, or an AWS resource
 * in a description the AWS API returned (for example {@code aws ec2 describe-subnets} as JSON).
 * The model knows origins, not syntax: nothing in a layout holds the statements it was built from.
 */
public sealed interface Origin {
  /** How a message names the place: {@code file:line:col}, or the file and the resource. */
  String describe();

  /**
   * What a message that is not located (a reviewer warning, a fix) adds after an element's name
   * so the reader can find it: nothing for source, where the name is what the user wrote; for an
   * imported element, whose name vpclab derives, the file and resource in parentheses.
   */
  String aside();

  /**
   * The order elements were written in: source origins by their offset in the text; then imported
   * ones by file and resource.
   */
  Comparator<Origin> WRITTEN_ORDER = Comparator.comparingInt(Origin::rank)
      .thenComparingInt(o -> o instanceof Source s ? s.span().offset() : 0)
      .thenComparing(o -> o instanceof Source ? "" : o.describe());

  private static int rank(Origin o) {
    return o instanceof Source ? 0 : 1;
  }

  /** A statement (or the part of one) in a file or REPL cell. */
  record Source(SourceFile file, Span span) implements Origin {
    @Override
    public String describe() {
      return file.name() + ":" + span.line() + ":" + span.column();
    }

    @Override
    public String aside() {
      return "";
    }
  }

  /** A Terraform resource: its address ({@code aws_subnet.app[0]}) in a file. */
  record TerraformAddress(String file, String address) implements Origin {
    @Override
    public String describe() {
      return file + ": " + address;
    }

    @Override
    public String aside() {
      return " (" + describe() + ")";
    }
  }

  /**
   * An AWS resource: its id ({@code subnet-0abc}) in a file of API output, and where in that file
   * ({@code $.Subnets[2]}).
   */
  record AwsId(String file, String id, String jsonPath) implements Origin {
    @Override
    public String describe() {
      return file + ": " + id + " (" + jsonPath + ")";
    }

    @Override
    public String aside() {
      return " (" + file + ": " + id + ", " + jsonPath + ")";
    }
  }
}
