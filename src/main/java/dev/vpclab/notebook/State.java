package dev.vpclab.notebook;

import dev.vpclab.cost.PriceBook;
import dev.vpclab.model.Region;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything a session knows between cells: the current Region and hours, price settings, the
 * layouts and which one is current. Immutable: a cell works on a copy and the session keeps it
 * only when the cell has no errors, which is what makes REPL cells atomic.
 */
public record State(Region region, int hours, PriceBook pricing, Map<String, LayoutEntry> layouts,
    String current) {
  public static final int DEFAULT_HOURS = 730;

  public State {
    layouts = Collections.unmodifiableMap(new LinkedHashMap<>(layouts));
  }

  public static State initial() {
    return new State(Region.defaultRegion(), DEFAULT_HOURS, null, Map.of(), null);
  }

  /** The prices as set: null while they are the built-in table (not loaded yet). */
  PriceBook pricingOrBuiltIn() {
    return pricing;
  }

  /** The prices in force; null in the record means the built-in table, loaded on first use. */
  @Override
  public PriceBook pricing() {
    return pricing == null ? PriceBook.builtIn() : pricing;
  }

  public State withRegion(Region r) {
    return new State(r, hours, pricing, layouts, current);
  }

  public State withHours(int h) {
    return new State(region, h, pricing, layouts, current);
  }

  public State withPricing(PriceBook p) {
    return new State(region, hours, p, layouts, current);
  }

  public State withLayout(LayoutEntry entry) {
    Map<String, LayoutEntry> copy = new LinkedHashMap<>(layouts);
    copy.put(entry.def().name(), entry);
    return new State(region, hours, pricing, copy, entry.def().name());
  }

  public State withCurrent(String name) {
    return new State(region, hours, pricing, layouts, name);
  }
}
