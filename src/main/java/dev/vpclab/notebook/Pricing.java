package dev.vpclab.notebook;

/** The prices in effect for a session: the built-in table, loaded tables and overrides. */
public record Pricing() {
  public static Pricing builtIn() {
    return new Pricing();
  }
}
