// Databricks notebook source
// MAGIC %md
// MAGIC # mutune 3: publishing, and reading recommendations as a launcher does
// MAGIC Every publish is a MERGE into the recommendations table: one Delta commit that names its sweep.
// MAGIC A launcher reads the current row with SQL, or pins a version with time travel, and can evaluate
// MAGIC the rule at a width nobody published.

// COMMAND ----------

import io.mutune.jobs.api.Mutune
import io.mutune.jobs.diff.{RecommendationDiff, TableVersions}
import io.mutune.transfer.recommend.Recommendation
import org.apache.spark.sql.functions._
import scala.jdk.CollectionConverters._

val lake = sys.props.getOrElse("mutune.lake", "/tmp/mutune-notebooks")
val spec = Mutune.spec(s"""
sweep: nb-publish
seed: 23
proxy: {model: mlp, parametrization: mup, optimizer: adamw, base: {width: 32, depth: 2}, data: {kind: teacher, seed: 7}}
scales: {width: [32, 64]}
search:
  algorithm: random
  metric: val_loss
  mode: min
  space: {lr: {float: [1.0e-3, 3.0e-1], log: true}}
  resource: {name: steps, max: 100}
  trials_per_scale: 4
targets: [{width: 1024}, {width: 4096}]
output: {trials: "delta:$lake/trials", recommendations: "delta:$lake/recommendations", checkpoints: "file:$lake/checkpoints"}
""")

// COMMAND ----------

// Publishing is the last step of a sweep; run it twice, as two nightly runs would.
val first = Mutune.sweep(spark, spec)
Thread.sleep(1100) // sweep ids carry the time to the second
val second = Mutune.sweep(spark, spec)
println(s"published ${first.sweepId} as version ${first.publishVersion}, ${second.sweepId} as version ${second.publishVersion}")

// COMMAND ----------

// What a launcher runs: plain SQL on the table, no mutune needed.
val table = s"delta.`$lake/recommendations`"
spark.sql(s"""SELECT hyperparameter, target_width, value, lower, upper, verdict, sweep_id
              FROM $table WHERE family = 'mlp' AND parametrization = 'mup' AND target_width = 4096""").show(false)

// COMMAND ----------

// Pinning: every publish has a version; a launcher records the one it used and reads exactly those rows again later.
val versions = new TableVersions(spark, s"$lake/recommendations")
val pinned = versions.ofSweep(first.sweepId)
versions.rowsAt(pinned).asScala.foreach(r => println(s"${r.hyperparameter} at ${r.targetScale} = ${r.value} (sweep ${r.sweepId}, publish $pinned)"))

// COMMAND ----------

// The rule travels with the row: log(value) = intercept + width * log(width), for any width.
spark.sql(s"SELECT hyperparameter, rule_form, rule_coefficients FROM $table WHERE target_width = 1024")
  .select(col("hyperparameter"), col("rule_form"),
          exp(col("rule_coefficients")("intercept") + coalesce(col("rule_coefficients")("width"), lit(0.0)) * log(lit(2048.0))).as("value_at_2048"))
  .show(false)

// COMMAND ----------

// The full recommendation, with its evidence, as JSON for launchers outside Spark.
val json = spark.sql(s"SELECT rule FROM $table WHERE target_width = 1024 AND hyperparameter = 'lr'").head.getString(0)
val rec = Recommendation.fromJson(json)
println(s"${rec.hyperparameter} = ${rec.value} from ${rec.trials} trials at ${rec.scalePoints} widths, verdict ${rec.verdict}")

// COMMAND ----------

// What changed between tonight and the night before (`mutune diff` does the same).
val diff = RecommendationDiff.compare(versions.rowsAt(versions.latest - 1), versions.rowsAt(versions.latest))
diff.asScala.foreach(d => println(s"${d.change} ${d.hyperparameter} at ${d.targetScale}: ${d.before} -> ${d.after}"))
