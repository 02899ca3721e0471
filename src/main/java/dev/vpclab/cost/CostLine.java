package dev.vpclab.cost;

import java.math.BigDecimal;

/**
 * One line of a bill: a label ({@code item}, e.g. "endpoint ssm, 2 AZs"), the quantity billed in
 * {@code unit} (hour or GB) at {@code unitPrice} USD, the exact monthly amount, its part, the price
 * item it uses ({@code endpoint.hour}) and whether that price is unconfirmed. Quantity and amount
 * are exact fractions (a 2/7 share of traffic stays 2/7).
 */
public record CostLine(String item, Rational quantity, String unit, BigDecimal unitPrice,
    Rational monthly, CostPart part, PriceItem priceItem, boolean unconfirmed) {}
