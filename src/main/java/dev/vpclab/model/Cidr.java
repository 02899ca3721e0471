package dev.vpclab.model;

/** An IPv4 CIDR block such as 10.0.1.0/24. The base address is always aligned to the prefix. */
public record Cidr(long base, int prefix) implements Comparable<Cidr> {
  public Cidr {
    if (prefix < 0 || prefix > 32) {
      throw new IllegalArgumentException("prefix length must be 0 to 32");
    }
    if ((base & ~mask(prefix) & 0xFFFFFFFFL) != 0) {
      throw new IllegalArgumentException("base address is not aligned to /" + prefix);
    }
  }

  /**
   * Parses {@code a.b.c.d/n}.
   *
   * @throws IllegalArgumentException with a message fit for the user
   */
  public static Cidr parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("a CIDR needs a prefix length, such as /24");
    }
    String[] parts = text.substring(0, slash).split("\\.", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException("an IPv4 address has four numbers");
    }
    long base = 0;
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3) {
        throw new IllegalArgumentException("each part of an IPv4 address is 0 to 255");
      }
      int v = Integer.parseInt(part);
      if (v > 255) {
        throw new IllegalArgumentException("each part of an IPv4 address is 0 to 255");
      }
      base = (base << 8) | v;
    }
    String p = text.substring(slash + 1);
    if (p.isEmpty() || p.length() > 2 || Integer.parseInt(p) > 32) {
      throw new IllegalArgumentException("the prefix length is 0 to 32");
    }
    int prefix = Integer.parseInt(p);
    if ((base & ~mask(prefix) & 0xFFFFFFFFL) != 0) {
      Cidr aligned = new Cidr(base & mask(prefix), prefix);
      throw new IllegalArgumentException(
          "host bits are set; the network is " + aligned);
    }
    return new Cidr(base, prefix);
  }

  static long mask(int prefix) {
    return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
  }

  public long size() {
    return 1L << (32 - prefix);
  }

  public long last() {
    return base + size() - 1;
  }

  public boolean contains(Cidr other) {
    return other.base >= base && other.last() <= last();
  }

  public boolean contains(long address) {
    return address >= base && address <= last();
  }

  /**
   * The first /24 of this block that overlaps none of {@code taken}, in vpclab's order: the
   * second /24, the third, ..., the first (the block's base address) last; null when none is free
   * or the block is smaller than a /24.
   */
  public Cidr nextFree24(java.util.Collection<Cidr> taken) {
    if (prefix > 24) {
      return null;
    }
    long blocks = 1L << (24 - prefix);
    for (long k = 1; k <= blocks; k++) {
      long index = k % blocks; // 1, 2, ..., then 0 last
      Cidr candidate = new Cidr(base + (index << 8), 24);
      boolean free = true;
      for (Cidr t : taken) {
        if (t.overlaps(candidate)) {
          free = false;
          break;
        }
      }
      if (free) {
        return candidate;
      }
    }
    return null;
  }

  public boolean overlaps(Cidr other) {
    return base <= other.last() && other.base <= last();
  }

  /** The address {@code offset} places after the base, as dotted text. */
  public String address(long offset) {
    return format(base + offset);
  }

  public static String format(long address) {
    return ((address >> 24) & 255) + "." + ((address >> 16) & 255) + "." + ((address >> 8) & 255)
        + "." + (address & 255);
  }

  @Override
  public int compareTo(Cidr o) {
    int c = Long.compare(base, o.base);
    return c != 0 ? c : Integer.compare(prefix, o.prefix);
  }

  @Override
  public String toString() {
    return format(base) + "/" + prefix;
  }
}
