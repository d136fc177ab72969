// Databricks notebook source
// MAGIC %md
// MAGIC # mutune 1: a quickstart sweep
// MAGIC Tune the learning rate of a muP MLP proxy at two widths, fit how its optimum moves with width,
// MAGIC and publish a recommendation for width 1024. The cluster needs the `mutune-spark-jobs` jar attached.
// MAGIC The sweep is tiny so the notebook runs in a minute on two cores; raise `trials_per_scale`,
// MAGIC `resource.max` and the widths for a real one.

// COMMAND ----------

import io.mutune.jobs.api.Mutune
import scala.jdk.CollectionConverters._

// Where the tables go: a DBFS or cloud path on a cluster, a local folder elsewhere.
val lake = sys.props.getOrElse("mutune.lake", "/tmp/mutune-notebooks")

// COMMAND ----------

val spec = Mutune.spec(s"""
sweep: nb-quickstart
seed: 17
proxy:
  model: mlp
  parametrization: mup
  optimizer: adamw
  base: {width: 32, depth: 2}
  data: {kind: teacher, seed: 7}
scales:
  width: [32, 64]
search:
  algorithm: random
  metric: val_loss
  mode: min
  space:
    lr: {float: [1.0e-3, 3.0e-1], log: true}
  resource: {name: steps, max: 100}
  trials_per_scale: 4
resources: {gpus_per_trial: 0, max_retries: 1}
targets:
  - {width: 1024}
output:
  trials: delta:$lake/trials
  recommendations: delta:$lake/recommendations
  checkpoints: file:$lake/checkpoints
""")

// COMMAND ----------

// Sweep, fit the transfer rule, publish: the same steps as `mutune sweep SPEC`.
val run = Mutune.sweep(spark, spec)
println(s"sweep ${run.sweepId}: ${run.result.finished.size} trial segments in ${run.result.wallSeconds.round} s; published version ${run.publishVersion}")

// COMMAND ----------

for (r <- run.recommendations.asScala) {
  println(f"${r.hyperparameter}%-8s at ${r.targetScale}: ${r.value}%.4g  [${r.lower}%.4g, ${r.upper}%.4g]  ${r.verdict}  rule: ${r.ruleForm}")
}

// COMMAND ----------

Mutune.recommendations(spark, spec).select("hyperparameter", "target_width", "value", "lower", "upper", "verdict", "sweep_id").show(false)
