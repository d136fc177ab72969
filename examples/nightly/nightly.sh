#!/usr/bin/env bash
# One nightly run on a Spark cluster: sweep (idempotent: rerunning the same night resumes it),
# report, and diff against the previous publish. Exits 3 when a recommendation moved beyond its
# interval, so cron's MAILTO (or any scheduler) can alert on it.
#   usage: nightly.sh SPEC [REPORT_ROOT]
set -euo pipefail
spec=${1:?usage: nightly.sh SPEC [REPORT_ROOT]}
reports=${2:-/var/lib/mutune/reports}
jar=${MUTUNE_JAR:-/opt/mutune/mutune-spark-jobs.jar}
submit=(spark-submit --master "${SPARK_MASTER:-spark://spark-master:7077}" --conf spark.scheduler.mode=FAIR
  --class io.mutune.jobs.cli.MutuneCli "$jar")
"${submit[@]}" sweep "$spec" --nightly
"${submit[@]}" report latest --spec "$spec" --out "$reports/$(date -u +%Y-%m-%d)"
"${submit[@]}" diff --spec "$spec" --fail-on-move
