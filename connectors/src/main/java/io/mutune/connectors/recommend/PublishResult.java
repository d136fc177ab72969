package io.mutune.connectors.recommend;

import java.util.List;

/**
 * What one publish did.
 *
 * @param version  the publish version written, or when nothing was written (every row kept) the
 *                 table's latest version, unchanged
 * @param written  the rows written, with their publish version
 * @param replaced the rows the written ones replaced, as they were (keys that were new have none)
 * @param kept     the rows kept because the publish's were weaker, with the reason
 */
public record PublishResult(long version, List<RecommendationRow> written, List<RecommendationRow> replaced, List<KeptRow> kept) {

    public PublishResult {
        written = List.copyOf(written);
        replaced = List.copyOf(replaced);
        kept = List.copyOf(kept);
    }

    /** Whether the publish committed anything (false when every offered row was kept). */
    public boolean committed() {
        return !written.isEmpty();
    }
}
