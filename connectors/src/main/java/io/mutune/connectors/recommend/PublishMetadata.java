package io.mutune.connectors.recommend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * What a publish writes into its commit (Delta commit user metadata, Iceberg snapshot summary):
 * the sweep id, the publish version, the row count, and a token unique to the attempt, by which
 * the publisher finds its own commit again.
 */
public record PublishMetadata(String sweepId, long version, long rows, String token) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MARK = "mutune-publish";

    public String toJson() {
        ObjectNode n = JSON.createObjectNode();
        n.put("kind", MARK);
        n.put("sweep_id", sweepId);
        n.put("version", version);
        n.put("rows", rows);
        n.put("token", token);
        return n.toString();
    }

    /**
     * The sweep id of a commit written by mutune before publishes carried this record (user
     * metadata {@code mutune publish sweep_id=ID}); such commits have no version or row count of
     * their own, and the reader takes them from the rows.
     */
    public static Optional<String> legacySweepId(String userMetadata) {
        String prefix = "mutune publish sweep_id=";
        return userMetadata != null && userMetadata.startsWith(prefix)
                ? Optional.of(userMetadata.substring(prefix.length())) : Optional.empty();
    }

    /** The metadata in {@code json}, or empty if the commit was not a mutune publish (e.g. a schema change). */
    public static Optional<PublishMetadata> parse(String json) {
        if (json == null || !json.contains(MARK)) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(json);
            if (!MARK.equals(n.path("kind").asText())) {
                return Optional.empty();
            }
            return Optional.of(new PublishMetadata(n.path("sweep_id").asText(), n.path("version").asLong(),
                    n.path("rows").asLong(), n.path("token").asText()));
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }
}
