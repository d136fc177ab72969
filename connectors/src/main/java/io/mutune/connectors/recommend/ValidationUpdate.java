package io.mutune.connectors.recommend;

import java.util.Objects;

/**
 * One validation result to record in the {@code validated_*} columns of an existing row.
 *
 * @param row        the row that was validated, as read from the table: its key picks the row to
 *                   update and its {@code version} pins it, so a result never lands on a row that
 *                   a later publish replaced
 * @param validation what the validation measured
 */
public record ValidationUpdate(RecommendationRow row, RecommendationValidation validation) {

    public ValidationUpdate {
        Objects.requireNonNull(row, "validated row");
        Objects.requireNonNull(validation, "validation of " + row.hyperparameter());
    }
}
