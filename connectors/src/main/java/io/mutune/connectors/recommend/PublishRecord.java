package io.mutune.connectors.recommend;

import java.time.Instant;

/**
 * One publish of a recommendation table, as its history lists it.
 *
 * @param version     the publish version (the rows' {@code version} column)
 * @param sweepId     the sweep that published
 * @param publishedAt the commit time
 * @param rows        how many rows the publish upserted
 */
public record PublishRecord(long version, String sweepId, Instant publishedAt, long rows) { }
