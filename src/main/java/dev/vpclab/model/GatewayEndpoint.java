package dev.vpclab.model;

import dev.vpclab.lang.Span;

/** A gateway endpoint (s3 or dynamodb): a prefix-list route in every route table; free. */
public record GatewayEndpoint(String service, Span span) {}
