// Databricks notebook source
// MAGIC %md
// MAGIC # mutune 4: tuning with an external training command
// MAGIC Proxies written in PyTorch or JAX run as a command per trial segment: the spec says
// MAGIC `proxy: {model: command, command: [...]}` and mutune's external-command runner starts the program on
// MAGIC an executor, never through a shell. The program reads its hyperparameters from `$MUTUNE_TRIAL_JSON`
// MAGIC or from variables (`MUTUNE_HP_LR`, `MUTUNE_SCALE_WIDTH`, `MUTUNE_TO_RESOURCE`, and
// MAGIC `CUDA_VISIBLE_DEVICES` for the task's GPUs) and prints its metrics as JSON lines. Here the
// MAGIC "training script" is awk, so the notebook runs anywhere; replace it with `["python3", "train.py"]`.

// COMMAND ----------

import io.mutune.jobs.api.Mutune
import scala.jdk.CollectionConverters._

val lake = sys.props.getOrElse("mutune.lake", "/tmp/mutune-notebooks")

// COMMAND ----------

// A stand-in training script: loss falls with steps, and is lowest at lr = 0.02 at every width (muP-like).
val script = """BEGIN { lr = ENVIRON["MUTUNE_HP_LR"]; width = ENVIRON["MUTUNE_SCALE_WIDTH"]; steps = ENVIRON["MUTUNE_TO_RESOURCE"]; """ +
  """for (s = 20; s <= steps; s += 20) printf "{\"resource\": %d, \"val_loss\": %.6f}\n", s, 0.2 + 2.0 * exp(-s / 40) + 0.3 * (log(lr / 0.02))^2 + 8 / width }"""
val spec = Mutune.spec(s"""
sweep: nb-command
seed: 29
proxy:
  model: command
  parametrization: mup
  optimizer: adamw
  command: ["awk", '$script']
scales: {width: [64, 256]}
search:
  algorithm: tpe
  metric: val_loss
  mode: min
  space: {lr: {float: [1.0e-3, 3.0e-1], log: true}}
  resource: {name: steps, max: 100}
  trials_per_scale: 6
targets: [{width: 4096}]
output: {trials: "delta:$lake/trials", recommendations: "delta:$lake/recommendations", checkpoints: "file:$lake/checkpoints"}
""")

// COMMAND ----------

val run = Mutune.sweep(spark, spec)
val completed = run.result.finished.asScala.count(_.status == io.mutune.connectors.journal.TrialStatus.COMPLETED)
println(s"$completed of ${run.result.finished.size} trials completed")
for (r <- run.recommendations.asScala) {
  println(f"${r.hyperparameter} at ${r.targetScale}: ${r.value}%.4g  [${r.lower}%.4g, ${r.upper}%.4g]  ${r.verdict}")
}

// COMMAND ----------

Mutune.journal(spark, spec).where(s"sweep_id = '${run.sweepId}' AND status = 'completed'")
  .selectExpr("width", "get_json_object(config, '$.lr') AS lr", "metrics['val_loss'] AS val_loss").orderBy("width", "val_loss").show(false)
