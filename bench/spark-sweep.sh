#!/usr/bin/env bash
# The spark-jobs benchmark: 256 sleep-based trial segments of heterogeneous durations on a local
# standalone cluster (1 Master, 2 Workers x 3 cores x 2 fake GPUs = 4 one-GPU trial slots; the
# spare core per executor takes the journal's commits), driver in a child JVM; then the driver's
# heap when it resumes a sweep with 10,000 trials in its journal. Prints the figures for
# docs/benchmarks.md. Usage: bench/spark-sweep.sh [SLEEP_SCALE [sweep-only|all [QUEUE_AHEAD]]]   (1.0: segments of 0.5-2 s)
#
# bench/spark-sweep.sh scale [SLOTS_PER_WORKER [ASHA_TRIALS [TPE_TRIALS [HEAP_TRIALS]]]]: the many-slot run
# (2 Workers x 32 one-GPU slots, segments of 1-4 s: ASHA ~5,000 segments, TPE 2,000, then the driver's
# heap at 100,000 journal rows under -Xmx512m); a 0 skips that part. About 10 minutes.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
# Reactor build of this checkout (never a single module against ~/.m2); MUTUNE_BENCH_NO_BUILD=1 reuses target/.
[[ "${MUTUNE_BENCH_NO_BUILD:-}" == 1 ]] || ./mvnw -q -B -ntp -pl spark-jobs -am package -DskipTests
t=spark-jobs/target
opens=$(sed -n 's:.*<spark.java.opens>\(.*\)</spark.java.opens>.*:\1:p' pom.xml)
# MUTUNE_BENCH_JAVA_OPTS: extra flags, e.g. -Dmutune.executorOptions=-XX:StartFlightRecording=... to profile executors
# shellcheck disable=SC2086
exec java -Xmx1g $opens ${MUTUNE_BENCH_JAVA_OPTS:-} \
  -Dmutune.jar="$root/$t/mutune-spark-jobs.jar" \
  -Dmutune.sparkClasspath="$root/$t/spark-classpath.txt" \
  -Dmutune.sparkHomeClasspath="$root/$t/spark-home-classpath.txt" \
  -Dmutune.javaOpens="$opens" \
  -Dmutune.log4j="$root/bin/log4j2.properties" \
  -Dlog4j2.configurationFile="$root/bin/log4j2.properties" \
  -cp "$root/$t/test-classes:$(cat $t/spark-classpath.txt):$root/$t/mutune-spark-jobs.jar" \
  io.mutune.jobs.bench.SparkSweepBench "$@"
