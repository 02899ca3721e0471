package dev.vpclab.model;

/** A gateway endpoint (s3 or dynamodb): a prefix-list route in every route table; free. */
public record GatewayEndpoint(String service, Origin origin) {}
