package io.mutune.jobs.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How {@code mutune trials} prints a sweep's journal rows: an aligned table for a person, CSV or
 * JSON for a program. Every format has the same columns, read from the journal by name; a column
 * the table does not have is blank in the table and CSV and null in JSON. The replicate of a row
 * written before schema v2 is the one its RUNNING row's note held (see {@code JournalListing}).
 */
enum JournalListingFormat {
    TABLE, CSV, JSON;

    /** The listing's columns, in order. */
    static final List<String> COLUMNS = List.of("trial", "scale", "config", "seed", "replicate", "status", "resource", "metric",
            "duration_s", "attempt", "message");
    private static final ObjectMapper JSON_MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One listing row from a journal row's columns; {@code metric} names the metric shown. */
    static Map<String, Object> row(Map<String, Object> journal, String metric) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("trial", journal.get("trial_id"));
        out.put("scale", journal.get("scale_key"));
        out.put("config", journal.get("config"));
        out.put("seed", journal.get("seed"));
        out.put("replicate", journal.get("replicate"));
        out.put("status", journal.get("status"));
        out.put("resource", journal.get("resource"));
        out.put("metric", metrics(journal.get("metrics")).get(metric));
        Object start = journal.get("started_at");
        Object end = journal.get("finished_at");
        out.put("duration_s", start instanceof Instant s && end instanceof Instant e ? Duration.between(s, e).toMillis() / 1000.0 : null);
        out.put("attempt", journal.get("attempt"));
        out.put("message", journal.get("message"));
        return out;
    }

    void print(PrintStream out, List<Map<String, Object>> rows, String metric) {
        List<Map<String, Object>> listed = rows.stream().map(r -> row(r, metric)).toList();
        try {
            switch (this) {
                case JSON -> out.println(JSON_MAPPER.writeValueAsString(listed));
                case CSV -> {
                    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
                    COLUMNS.forEach(schema::addColumn);
                    out.print(new CsvMapper().writer(schema.build()).writeValueAsString(listed));
                }
                case TABLE -> table(out, listed, metric);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the journal listing as " + name().toLowerCase(Locale.ROOT), e);
        }
    }

    private static void table(PrintStream out, List<Map<String, Object>> rows, String metric) {
        List<String> header = new ArrayList<>(COLUMNS);
        header.set(COLUMNS.indexOf("metric"), metric);
        List<List<String>> cells = new ArrayList<>();
        cells.add(header);
        for (Map<String, Object> r : rows) {
            List<String> line = new ArrayList<>();
            for (String c : COLUMNS) {
                line.add(text(r.get(c)));
            }
            cells.add(line);
        }
        int[] width = new int[header.size()];
        for (List<String> line : cells) {
            for (int i = 0; i < line.size(); i++) {
                width[i] = Math.max(width[i], line.get(i).length());
            }
        }
        for (List<String> line : cells) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < line.size(); i++) {
                sb.append(i == line.size() - 1 ? line.get(i) : String.format(Locale.ROOT, "%-" + width[i] + "s  ", line.get(i)));
            }
            out.println(sb.toString().stripTrailing());
        }
    }

    private static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return String.format(Locale.ROOT, "%.5g", d);
        }
        // A failed trial's message is a stack or stderr tail: its first line is what the table has room for.
        String s = v.toString();
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl) + " ...";
    }

    /** The metrics column: a map on Delta and Iceberg, JSON text on PostgreSQL. */
    private static Map<String, Object> metrics(Object column) {
        if (column instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), v));
            return out;
        }
        if (column instanceof String json) {
            try {
                Map<String, Object> parsed = JSON_MAPPER.readValue(json, JSON_MAPPER.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class));
                return parsed;
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("the journal's metrics column holds '" + json + "', which is not a JSON object", e);
            }
        }
        return Map.of();
    }
}
