package dev.vpclab.cost;

/**
 * Traffic that was not priced: its instance cannot reach the destination (or there is no
 * instance to send it). {@code reason} is a stable code ({@code NO_ROUTE}, {@code SG_DENIED},
 * {@code NO_INSTANCES}); {@code gb} is exact (an instance's share of a {@code traffic *} line).
 */
public record UnpricedTraffic(String instance, String destination, Rational gb, String reason) {}
