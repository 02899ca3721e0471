package dev.vpclab.cost;

import java.math.BigDecimal;

/**
 * Traffic that was not priced: its instance cannot reach the destination (or there is no
 * instance to send it). {@code reason} is a stable code ({@code NO_ROUTE}, {@code SG_DENIED},
 * {@code NO_INSTANCES}).
 */
public record UnpricedTraffic(String instance, String destination, BigDecimal gb, String reason) {}
