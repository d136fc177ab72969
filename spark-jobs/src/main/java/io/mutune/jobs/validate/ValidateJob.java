package io.mutune.jobs.validate;

import io.mutune.connectors.journal.TrialJournal;
import io.mutune.connectors.launch.LauncherConfig;
import io.mutune.connectors.launch.RecommendationReader;
import io.mutune.connectors.launch.TargetQuery;
import io.mutune.connectors.open.Tables;
import io.mutune.connectors.recommend.RecommendationRow;
import io.mutune.connectors.recommend.RecommendationTable;
import io.mutune.connectors.recommend.RecommendationValidation;
import io.mutune.connectors.recommend.ValidationUpdate;
import io.mutune.jobs.spec.SweepSpec;
import io.mutune.jobs.sweep.SpecRunners;
import io.mutune.jobs.sweep.SweepJob;
import java.io.PrintStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Validation at the target, built in: reads the recommended configuration for the validation
 * scale (published there, or the stored rules evaluated at it), trains it and its lr bracket with
 * held-out seeds as a sweep of its own (journaled like any sweep, resumable), and records the
 * measured gap and lr ratio in the {@code validated_*} columns of the rows it validated.
 */
public final class ValidateJob {
    private ValidateJob() { }

    /** Checks the plan against the spec without Spark: a bad target or hyperparameter fails before anything starts. */
    public static void check(SweepSpec spec, ValidationPlan plan) {
        ValidationSpec.check(spec, plan);
    }

    /** Runs the validation; returns what it measured. */
    public static ValidationResult run(SparkSession session, SweepSpec spec, String recommendationsUri, ValidationPlan plan,
                                       PrintStream out, Clock clock) {
        RecommendationTable table = Tables.recommendations(session, recommendationsUri);
        LauncherConfig config = RecommendationReader.current(table)
                .read(new TargetQuery(spec.model(), spec.parametrization(), spec.optimizer(), plan.target()));
        SweepSpec validation = ValidationSpec.of(spec, config, plan);
        String id = validation.sweep() + "-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(clock.instant());
        out.println("mutune validate " + id + ": " + plan.hyperparameter() + " at " + plan.scaleText() + ", "
                + plan.seeds() + " held-out seeds x " + validation.search().trialsPerScale() + " values (the recommendation and a factor "
                + plan.bracket() + " either side), the other hyperparameters as recommended");
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(session.sparkContext());
        TrialJournal journal = Tables.journal(session, spec.output().trials());
        new SweepJob(validation, id, jsc, journal, SpecRunners.forSpec(validation), out).run();
        ValidationResult result = ValidationResult.of(journal.read(id), plan.hyperparameter(),
                config.get(plan.hyperparameter()).value(), spec.search().metric(), spec.search().mode());
        result.lines(plan.hyperparameter(), spec.search().metric()).forEach(out::println);
        List<RecommendationRow> rows = validatedRows(table, spec, plan);
        if (rows.isEmpty()) {
            out.println("  not recorded: " + table.location() + " has no current rows of " + spec.model() + "/" + spec.parametrization()
                    + "/" + spec.optimizer());
            return result;
        }
        RecommendationValidation v = new RecommendationValidation(result.gap(), result.ratio(), plan.seeds(), plan.scaleText(), id);
        long version = table.recordValidation(rows.stream().map(r -> new ValidationUpdate(r, v)).toList());
        out.println("  recorded in " + table.location() + " (version " + version + ") on " + rows.size() + " rows at "
                + rows.stream().map(r -> r.targetScale().toString()).distinct().toList());
        return result;
    }

    /**
     * The rows the validation speaks for: those published at the validation scale, or, when it was
     * never published (an intermediate scale), the rows whose rules gave the values there.
     */
    static List<RecommendationRow> validatedRows(RecommendationTable table, SweepSpec spec, ValidationPlan plan) {
        List<RecommendationRow> family = table.current().stream()
                .filter(r -> r.family().equals(spec.model()) && r.parametrization().equals(spec.parametrization())
                        && r.optimizer().equals(spec.optimizer())).toList();
        List<RecommendationRow> atScale = family.stream().filter(r -> r.targetScale().equals(plan.target())).toList();
        return atScale.isEmpty() ? family : atScale;
    }
}
