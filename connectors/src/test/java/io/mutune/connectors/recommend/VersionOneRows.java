package io.mutune.connectors.recommend;

import java.util.stream.IntStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/** Rows and columns as mutune wrote them at schema version 1, for the migration tests of every engine. */
public final class VersionOneRows {
    /** The version-1 columns, in their order. */
    public static final StructType COLUMNS = RecommendationSchema.TABLE.columnsAt(1);

    private VersionOneRows() { }

    /** {@code r} as a version-1 Spark row: its version-1 columns only. */
    public static Row sparkRow(RecommendationRow r) {
        Row full = RecommendationSchema.toRow(r);
        return RowFactory.create(IntStream.range(0, COLUMNS.size()).mapToObj(full::get).toArray());
    }
}
