package io.mutune.connectors.checkpoint;

/**
 * One stored checkpoint of a trial.
 *
 * @param resource the resource (steps) the trial had reached when it was written
 * @param path     its full Hadoop path, as the journal's {@code checkpoint} column records it
 */
public record Checkpoint(String sweepId, String trialId, long resource, String path) { }
