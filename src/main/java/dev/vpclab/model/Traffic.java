package dev.vpclab.model;

import java.math.BigDecimal;

/**
 * Data sent per month from an instance (or from every instance, when {@code source} is null) to a
 * service or to {@code internet}, in GB.
 */
public record Traffic(String source, String destination, BigDecimal gb, Origin origin) {
  public boolean fromAll() {
    return source == null;
  }

  /** "web" or "*". */
  public String sourceLabel() {
    return source == null ? "*" : source;
  }
}
