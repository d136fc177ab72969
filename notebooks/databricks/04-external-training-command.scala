// Databricks notebook source
// MAGIC %md
// MAGIC # mutune 4: tuning with an external training command
// MAGIC Proxies written in PyTorch or JAX run as a command per trial segment. The spec says
// MAGIC `proxy: {model: command, command: [...]}`. mutune's own external-command runner (with
// MAGIC `CUDA_VISIBLE_DEVICES` from the task's GPUs) is not on this branch yet, so this notebook passes a
// MAGIC small `TrialRunner` of its own to the library: the command gets the hyperparameters, the width and
// MAGIC the steps as arguments and prints `step loss` lines (the script must not contain a single quote: it goes into YAML in one). Here the "training script" is awk, so the
// MAGIC notebook runs anywhere; replace it with `python train.py`.

// COMMAND ----------

import io.mutune.jobs.api.Mutune
import io.mutune.hpo.runner.{CurvePoint, SegmentResult, TrialContext, TrialRunner, TrialSegment}
import scala.jdk.CollectionConverters._

val lake = sys.props.getOrElse("mutune.lake", "/tmp/mutune-notebooks")

// COMMAND ----------

// A stand-in training script: loss falls with steps, and is lowest at lr = 0.02 at every width (muP-like).
val script = """BEGIN { for (s = 20; s <= steps; s += 20) printf "%d %.6f\n", s, 0.2 + 2.0 * exp(-s / 40) + 0.3 * (log(lr / 0.02))^2 + 8 / width }"""
val spec = Mutune.spec(s"""
sweep: nb-command
seed: 29
proxy:
  model: command
  parametrization: mup
  optimizer: adamw
  command: ["awk", "-v", "lr={lr}", "-v", "width={width}", "-v", "steps={steps}", '$script']
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

// Runs the spec's command once per trial segment on an executor: {name} placeholders become the
// trial's values, each "step loss" line a learning-curve point, the last one the result.
object ExternalCommand {
  final class Runner(command: Seq[String]) extends TrialRunner with Serializable {
    override def run(segment: TrialSegment, context: TrialContext): SegmentResult = {
      val values = segment.config.values.asScala.toMap ++ segment.scale.asScala.map { case (k, v) => k -> Long.box(v.longValue) } +
        ("steps" -> Long.box(segment.toResource))
      val argv = command.map(a => values.foldLeft(a) { case (s, (k, v)) => s.replace(s"{$k}", String.valueOf(v)) })
      val process = new ProcessBuilder(argv.asJava).redirectErrorStream(true).start()
      val lines = scala.io.Source.fromInputStream(process.getInputStream).getLines().toList
      if (process.waitFor() != 0) throw new IllegalStateException(s"${argv.mkString(" ")} exited ${process.exitValue}: ${lines.takeRight(5)}")
      val curve = lines.map(_.trim.split("\\s+")).collect { case Array(s, l) => new CurvePoint(s.toLong, Map("val_loss" -> Double.box(l.toDouble)).asJava) }
      val last = curve.last
      if (last.metrics.get("val_loss").isNaN) SegmentResult.diverged(last.resource, curve.asJava, "loss is NaN")
      else SegmentResult.completed(last.resource, last.metrics, curve.asJava, null)
    }
  }
}
val command = spec.proxy.get("command").asInstanceOf[java.util.List[String]].asScala.toSeq
val runner = new ExternalCommand.Runner(command)

// COMMAND ----------

val run = Mutune.sweep(spark, spec, runner)
val completed = run.result.finished.asScala.count(_.status == io.mutune.connectors.journal.TrialStatus.COMPLETED)
println(s"$completed of ${run.result.finished.size} trials completed")
for (r <- run.recommendations.asScala) {
  println(f"${r.hyperparameter} at ${r.targetScale}: ${r.value}%.4g  [${r.lower}%.4g, ${r.upper}%.4g]  ${r.verdict}")
}

// COMMAND ----------

Mutune.journal(spark, spec).where(s"sweep_id = '${run.sweepId}' AND status = 'completed'")
  .selectExpr("width", "get_json_object(config, '$.lr') AS lr", "metrics['val_loss'] AS val_loss").orderBy("width", "val_loss").show(false)
