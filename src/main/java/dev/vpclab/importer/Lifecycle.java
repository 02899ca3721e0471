package dev.vpclab.importer;

import java.util.Optional;
import java.util.Set;

/**
 * Which resources are gone or not (yet) in use, by their state, and so left out of the design:
 * deleted, deleting or failed NAT gateways, endpoints and transit gateway attachments (also
 * rejected ones, and those of a deleted or deleting transit gateway), peerings that are not active, terminated or shutting-down instances. A resource
 * left out needs nothing else to be given (its subnet may be gone with it) and keeps no default
 * VPC in the design.
 */
final class Lifecycle {
  private static final Set<String> NAT_UP = Set.of("available", "pending");
  private static final Set<String> ENDPOINT_GONE = Set.of("deleted", "deleting", "failed",
      "rejected");
  private static final Set<String> INSTANCE_GONE = Set.of("terminated", "shutting-down");

  private Lifecycle() {}

  /** A NAT gateway's state when it leaves it out. */
  static Optional<String> natGone(Json n) {
    String state = n.optText("State").orElse("available");
    return NAT_UP.contains(state) ? Optional.empty() : Optional.of(state);
  }

  /** An endpoint's state when it leaves it out. */
  static Optional<String> endpointGone(Json e) {
    String state = e.optText("State").orElse("available");
    return ENDPOINT_GONE.contains(state.toLowerCase(java.util.Locale.ROOT)) ? Optional.of(state)
        : Optional.empty();
  }

  /** A transit gateway attachment's state when it leaves it out. */
  static Optional<String> attachmentGone(Json a) {
    String state = a.optText("State").orElse("available");
    return state.startsWith("delet") || state.equals("failed") || state.equals("rejected")
        ? Optional.of(state) : Optional.empty();
  }

  /** A transit gateway's state when it is gone (deleting, deleted), and its attachments too. */
  static Optional<String> tgwGone(Json t) {
    String state = t.optText("State").orElse("available");
    return state.startsWith("delet") ? Optional.of(state) : Optional.empty();
  }

  /** A peering's status code when it is not active. */
  static Optional<String> peeringGone(Json p) {
    String status = p.node().path("Status").path("Code").isTextual()
        ? p.node().path("Status").path("Code").asText() : "active";
    return status.equals("active") ? Optional.empty() : Optional.of(status);
  }

  /** Whether an instance is terminated or shutting down. */
  static boolean instanceGone(Json i) {
    return INSTANCE_GONE.contains(i.node().path("State").path("Name").asText("running"));
  }
}
