package dev.vpclab.notebook;

import java.math.BigDecimal;
import java.util.List;

/**
 * One layout of the session at a glance (for the REPL's %layouts): whether it is current, its
 * Region, short AZ names, ENIs and monthly total (null when the layout has errors), and whether
 * that total is complete (false when traffic or items are left unpriced: a lower bound).
 */
public record LayoutSummary(String name, boolean current, boolean valid, String region,
    List<String> azs, int enis, BigDecimal monthly, boolean complete) {
  public LayoutSummary {
    azs = List.copyOf(azs);
  }
}
