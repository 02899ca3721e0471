package dev.vpclab.reach;

import java.util.List;

/**
 * The cheapest change that mends what an AZ failure broke, as statements the user can paste
 * ({@code statement}, several joined by "; "), and what it adds, so a price can be attached:
 * {@code services} the endpoint services that get new ENIs, {@code azs} every AZ (full names) that
 * gets something new, {@code addedEnis} new endpoint ENIs (billed per hour each), {@code natAzs}
 * AZs that get a NAT gateway, {@code publicSubnetAzs} AZs that need a public subnet first.
 */
public record FixSuggestion(String statement, List<String> services, List<String> azs,
    int addedEnis, List<String> natAzs, List<String> publicSubnetAzs, List<Step> steps) {
  public FixSuggestion {
    services = List.copyOf(services);
    azs = List.copyOf(azs);
    natAzs = List.copyOf(natAzs);
    publicSubnetAzs = List.copyOf(publicSubnetAzs);
    steps = List.copyOf(steps);
  }

  public int addedNats() {
    return natAzs.size();
  }

  /** One statement of the fix. {@code addAzs} are the AZs (full) it adds the services to. */
  public record Step(Kind kind, String statement, List<String> services, List<String> addAzs) {
    public Step {
      services = List.copyOf(services);
      addAzs = List.copyOf(addAzs);
    }
  }

  public enum Kind { ENDPOINT, PUBLIC_SUBNET, NAT }
}
