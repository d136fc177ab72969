// Databricks notebook source
// MAGIC %md
// MAGIC # mutune 2: inspecting a sweep
// MAGIC The trial journal as a DataFrame, the loss against the learning rate per width (the muTransfer figure),
// MAGIC the learning curves, and the fitted rule. Runs the sweep of notebook 1 first if the journal has none.

// COMMAND ----------

import io.mutune.jobs.api.Mutune
import io.mutune.jobs.report.{ChartHtml, CurveCharts, LossCharts, OptimumCharts}
import org.apache.spark.sql.functions._
import scala.jdk.CollectionConverters._

val lake = sys.props.getOrElse("mutune.lake", "/tmp/mutune-notebooks")

// COMMAND ----------

val spec = Mutune.spec(s"""
sweep: nb-quickstart
seed: 17
proxy: {model: mlp, parametrization: mup, optimizer: adamw, base: {width: 32, depth: 2}, data: {kind: teacher, seed: 7}}
scales: {width: [32, 64]}
search:
  algorithm: random
  metric: val_loss
  mode: min
  space: {lr: {float: [1.0e-3, 3.0e-1], log: true}}
  resource: {name: steps, max: 100}
  trials_per_scale: 4
targets: [{width: 1024}]
output: {trials: "delta:$lake/trials", recommendations: "delta:$lake/recommendations", checkpoints: "file:$lake/checkpoints"}
""")
val sweepId = Mutune.latestSweepId(spark, spec).orElseGet(() => Mutune.sweep(spark, spec).sweepId)

// COMMAND ----------

// One row per state of each trial segment: RUNNING when it started, then completed / diverged / failed.
val journal = Mutune.journal(spark, spec).where(col("sweep_id") === sweepId)
journal.groupBy("width", "status").count().orderBy("width", "status").show()

// COMMAND ----------

val finals = journal.where(col("status") === "completed")
  .select(col("width"), col("trial_id"), get_json_object(col("config"), "$.lr").cast("double").as("lr"), col("metrics")("val_loss").as("val_loss"))
  .orderBy("width", "lr")
finals.show(false)

// COMMAND ----------

// The muTransfer figure: under muP the minima of the curves line up across widths.
val inputs = Mutune.reportInputs(spark, spec, sweepId)
displayHTML(ChartHtml.of(LossCharts.build(inputs)))   // interactive: hover a point for its trial

// COMMAND ----------

displayHTML(ChartHtml.of(CurveCharts.build(inputs)))

// COMMAND ----------

// The fitted rule: the optimum per width, and how it is extrapolated to the target.
for (r <- inputs.recs.asScala) {
  println(s"${r.hyperparameter}: ${r.ruleForm}  coefficients ${r.coefficients}  verdict ${r.verdict}")
  r.evidence.asScala.foreach(o => println(f"  ${o.scale}: optimum ${o.value}%.4g, plateau [${o.plateauLower}%.4g, ${o.plateauUpper}%.4g], ${o.method}"))
}
displayHTML(ChartHtml.of(OptimumCharts.build(inputs)))

// COMMAND ----------

// The whole report as one HTML file (it opens offline) with PNG copies of the x-y charts, as `mutune report` writes it.
val files = Mutune.report(spark, spec, sweepId, java.nio.file.Paths.get(lake, "report"))
println(s"${files.html} with ${files.chartIds.size} charts")
