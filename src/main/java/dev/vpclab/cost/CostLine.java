package dev.vpclab.cost;

import java.math.BigDecimal;

/**
 * One line of a bill: a label ({@code item}, e.g. "endpoint ssm, 2 AZs"), the quantity billed in
 * {@code unit} (hour or GB) at {@code unitPrice} USD, the exact monthly amount, its part, the price
 * item it uses ({@code endpoint.hour}) and whether that price is unconfirmed.
 */
public record CostLine(String item, BigDecimal quantity, String unit, BigDecimal unitPrice,
    BigDecimal monthly, CostPart part, PriceItem priceItem, boolean unconfirmed) {}
