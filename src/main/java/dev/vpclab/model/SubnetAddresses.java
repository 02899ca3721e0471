package dev.vpclab.model;

import java.util.BitSet;

/**
 * The private addresses of one subnet that vpclab hands out, as offsets from its base. AWS
 * reserves the first four addresses (network, router, DNS, future use) and the last (broadcast),
 * nothing else: offsets 4 .. size - 2 are usable, eleven in a /28.
 *
 * <p>A NAT gateway takes offset 4; endpoint ENIs take 10, 11, ... while those exist, so that the
 * addresses of every layout that fits stay what they always were; a small subnet then fills the
 * usable offsets that are still free, from 4 up.
 */
final class SubnetAddresses {
  /** The NAT gateway's offset: the first usable address. */
  static final int NAT_OFFSET = 4;
  /** Where endpoint ENIs start. */
  static final int FIRST_ENI_OFFSET = 10;
  private static final int FIRST_USABLE = 4;

  private final Cidr cidr;
  private final long lastUsable;
  private final BitSet taken = new BitSet();
  private long nextEni = FIRST_ENI_OFFSET;

  SubnetAddresses(Cidr cidr) {
    this.cidr = cidr;
    this.lastUsable = cidr.size() - 2;
  }

  /** How many addresses of the subnet AWS lets resources use. */
  static long usable(Cidr cidr) {
    return cidr.size() - 5;
  }

  /** The NAT gateway's address (offset 4). */
  String nat() {
    taken.set(NAT_OFFSET);
    return cidr.address(NAT_OFFSET);
  }

  /** The next ENI address, or null when every usable address is taken. */
  String eni() {
    while (nextEni <= lastUsable) {
      long offset = nextEni++;
      if (!taken.get((int) offset)) {
        taken.set((int) offset);
        return cidr.address(offset);
      }
    }
    int free = taken.nextClearBit(FIRST_USABLE);
    if (free > lastUsable || free >= FIRST_ENI_OFFSET) {
      return null;
    }
    taken.set(free);
    return cidr.address(free);
  }
}
