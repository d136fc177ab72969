package io.mutune.connectors.recommend;

/**
 * A row a publish did not replace because the offered one was weaker ({@link NeverDowngrade}).
 *
 * @param current the row the table keeps
 * @param offered the row the publish brought for the same key, not written
 * @param reason  why, in a sentence that names both sweeps and what --force would do
 */
public record KeptRow(RecommendationRow current, RecommendationRow offered, String reason) { }
