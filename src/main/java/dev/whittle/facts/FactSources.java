package dev.whittle.facts;

/**
 * The data facts are read from (templates/): the base-image catalog, what official image tags give, and the
 * package facts of distribution releases.
 */
public record FactSources(Catalog catalog, OfficialImages images, Distros distros) {}
