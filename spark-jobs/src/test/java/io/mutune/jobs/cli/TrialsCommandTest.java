package io.mutune.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.open.Tables;
import io.mutune.jobs.session.MutuneSpark;
import io.mutune.jobs.sweep.VersionOneJournals;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mutune trials} lists each row's replicate: from the column on this driver's journal, and
 * from the RUNNING rows' notes on a journal the version-1 driver wrote, which lists the same.
 */
class TrialsCommandTest {
    @TempDir
    Path dir;

    @Test
    void theListingShowsEachRowsReplicateOnAVersionTwoAndAVersionOneJournal() throws Exception {
        Path script = dir.resolve("trial.sh");
        Files.writeString(script, "echo \"{\\\"val_loss\\\": $(awk -v lr=$MUTUNE_HP_LR 'BEGIN { x = log(lr / 0.01); print 1 + x * x }')}\"\n");
        Path spec = dir.resolve("reps.yaml");
        Files.writeString(spec, """
                sweep: reps
                seed: 3
                proxy: {model: command, command: ["bash", "%s"], parametrization: mup}
                scales: {width: [64]}
                search:
                  space: {lr: {float: [1.0e-4, 1.0], log: true}}
                  resource: {max: 10}
                  trials_per_scale: 2
                  replicates: 2
                targets: [{width: 1024}]
                output:
                  trials: "delta:%s"
                  recommendations: "delta:%s"
                  checkpoints: "file:%s"
                """.formatted(script, dir.resolve("trials"), dir.resolve("recs"), dir.resolve("ckpt")));
        run("sweep", spec.toString(), "--sweep-id", "reps-1", "--master", "local[2]");

        List<Map<String, String>> listed = csv(run("trials", "reps-1", "--trials", "delta:" + dir.resolve("trials"), "--format", "csv"));
        List<String> ended = listed.stream().filter(r -> r.get("status").equals("completed")).map(r -> r.get("replicate")).sorted().toList();
        assertEquals(List.of("0", "0", "1", "1"), ended, "each trial's own run and its extra seed: " + listed);

        SparkSession spark = MutuneSpark.getOrCreate("local[2]");
        List<JournalRow> rows = Tables.journal(spark, "delta:" + dir.resolve("trials")).read("reps-1");
        String v1 = dir.resolve("v1-trials").toString();
        VersionOneJournals.writeDelta(spark, v1, rows);
        List<Map<String, String>> v1Listed = csv(run("trials", "reps-1", "--trials", "delta:" + v1, "--format", "csv"));
        assertEquals(listed.stream().map(r -> r.get("replicate")).toList(), v1Listed.stream().map(r -> r.get("replicate")).toList(),
                "the version-1 journal lists the same replicates");

        String table = run("trials", "reps-1", "--trials", "delta:" + dir.resolve("trials"));
        assertTrue(table.lines().findFirst().orElseThrow().contains("replicate"), table);
    }

    private static List<Map<String, String>> csv(String text) throws Exception {
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(text)) {
            return it.readAll();
        }
    }

    private static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = MutuneCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
