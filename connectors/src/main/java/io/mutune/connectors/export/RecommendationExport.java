package io.mutune.connectors.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mutune.connectors.checkpoint.AtomicFiles;
import io.mutune.connectors.recommend.RecommendationRow;
import io.mutune.connectors.recommend.RecommendationSchema;
import io.mutune.connectors.recommend.RecommendationStatistics;
import io.mutune.connectors.recommend.RecommendationValidation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The current recommendations as files, for launchers that use neither Spark nor JDBC: one JSON
 * document, or a Parquet folder with the table's columns. Both are replaced whole: readers see the
 * previous export or the new one.
 */
public final class RecommendationExport {
    /** The JSON document's own format version; bumped when its fields change meaning. */
    public static final int JSON_FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RecommendationExport() { }

    /** Writes {@code {"format": 1, "source": ..., "recommendations": [...]}} to {@code fileUri} atomically. */
    public static void toJson(List<RecommendationRow> rows, String source, String fileUri, org.apache.hadoop.conf.Configuration hadoop) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", JSON_FORMAT);
        root.put("source", source);
        root.put("table_schema_version", RecommendationSchema.VERSION);
        ArrayNode recs = root.putArray("recommendations");
        for (RecommendationRow r : sorted(rows)) {
            ObjectNode n = recs.addObject();
            n.put("family", r.family());
            n.put("parametrization", r.parametrization());
            n.put("optimizer", r.optimizer());
            ObjectNode target = n.putObject("target");
            new TreeMap<>(r.targetScale()).forEach(target::put);
            n.put("hyperparameter", r.hyperparameter());
            n.put("value", r.value());
            n.put("lower", r.lower());
            n.put("upper", r.upper());
            n.put("rule_form", r.ruleForm());
            ObjectNode c = n.putObject("rule_coefficients");
            new TreeMap<>(r.coefficients()).forEach(c::put);
            n.put("verdict", r.verdict());
            n.put("evidence_trials", r.evidenceTrials());
            n.put("evidence_scale_points", r.evidenceScalePoints());
            n.put("fit_quality", r.fitQuality());
            n.put("sweep_id", r.sweepId());
            n.put("version", r.version());
            n.put("created_at", r.createdAt().toString());
            statistics(n, r.statistics());
            validation(n, r.validation());
        }
        try {
            Path file = new Path(fileUri);
            AtomicFiles.write(FileSystem.get(URI.create(fileUri), hadoop), file, JSON.writeValueAsBytes(root));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot export recommendations to " + fileUri, e);
        }
    }

    /**
     * Writes the rows as one Parquet file in the folder {@code dirUri}, with the table's columns.
     * The folder is written under a temporary name and renamed over the old one.
     */
    public static void toParquet(SparkSession spark, List<RecommendationRow> rows, String dirUri) {
        Path dir = new Path(dirUri);
        Path temp = new Path(dir.getParent(), AtomicFiles.TEMP_PREFIX + dir.getName() + "-" + UUID.randomUUID());
        spark.createDataFrame(sorted(rows).stream().map(RecommendationSchema::toRow).toList(), RecommendationSchema.SCHEMA)
                .coalesce(1).write().parquet(temp.toString());
        try {
            FileSystem fs = FileSystem.get(URI.create(dirUri), spark.sparkContext().hadoopConfiguration());
            // Hadoop cannot rename a folder over another: the old export goes first, leaving a moment with none.
            if (fs.exists(dir) && !fs.delete(dir, true)) {
                throw new IOException("cannot replace " + dir);
            }
            if (!fs.rename(temp, dir)) {
                throw new IOException("rename of " + temp + " to " + dir + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot export recommendations to " + dirUri, e);
        }
    }

    /** The schema-version-2 columns under their column names; null where not measured, so every document has every field. */
    private static void statistics(ObjectNode n, RecommendationStatistics s) {
        n.put("noise_sd", s.noiseSd());
        n.put("noise_sd_lower", s.noiseSdLower());
        n.put("noise_sd_upper", s.noiseSdUpper());
        n.put("noise_df", s.noiseDf());
        n.put("verdict_confidence", s.verdictConfidence());
        n.put("fit_p_value", s.fitPValue());
        n.put("verdict_reason", s.verdictReason());
        n.put("predicted_loss", s.predictedLoss());
        n.put("predicted_loss_lower", s.predictedLossLower());
        n.put("predicted_loss_upper", s.predictedLossUpper());
        n.put("sensitivity_half", s.sensitivityHalf());
        n.put("sensitivity_double", s.sensitivityDouble());
    }

    private static void validation(ObjectNode n, RecommendationValidation v) {
        n.put("validated_gap", v == null ? null : v.gap());
        n.put("validated_lr_ratio", v == null ? null : v.lrRatio());
        n.put("validated_seeds", v == null ? null : v.seeds());
        n.put("validated_at", v == null ? null : v.at());
        n.put("validated_sweep", v == null ? null : v.sweepId());
    }

    private static List<RecommendationRow> sorted(List<RecommendationRow> rows) {
        return rows.stream().sorted(Comparator.comparing(RecommendationRow::family).thenComparing(RecommendationRow::hyperparameter)
                .thenComparing(r -> new TreeMap<>(r.targetScale()).toString())).toList();
    }
}
