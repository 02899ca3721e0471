package dev.vpclab.reach;

import java.util.AbstractList;
import java.util.List;
import java.util.function.Supplier;

/**
 * An unmodifiable list of hops computed on first use: {@code check} gives every pair its hops
 * without building their texts unless someone reads them. Equal to any list of the same hops.
 */
final class LazyHops extends AbstractList<Hop> {
  private Supplier<List<Hop>> supplier;
  private volatile List<Hop> hops;

  LazyHops(Supplier<List<Hop>> supplier) {
    this.supplier = supplier;
  }

  private List<Hop> hops() {
    List<Hop> h = hops;
    if (h == null) {
      synchronized (this) {
        h = hops;
        if (h == null) {
          h = List.copyOf(supplier.get());
          hops = h;
          supplier = null;
        }
      }
    }
    return h;
  }

  @Override
  public Hop get(int index) {
    return hops().get(index);
  }

  @Override
  public int size() {
    return hops().size();
  }
}
