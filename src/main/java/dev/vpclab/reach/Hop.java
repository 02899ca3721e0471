package dev.vpclab.reach;

/** One step of a path: "dns", "route", "security-group", "target", ...; what was found; ok or not. */
public record Hop(String step, String detail, boolean ok) {}
