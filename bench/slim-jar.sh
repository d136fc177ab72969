#!/usr/bin/env bash
# The submit jars: sizes of the full, slim and DJL jars, and what each executor pays to start with
# each (jar fetch, start to ready, first trial) on a local standalone cluster whose SPARK_HOME is a
# Spark distribution's jars. Prints the figures for docs/benchmarks.md. Usage: bench/slim-jar.sh [ROUNDS]  (default 3)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
# Reactor build of this checkout (never a single module against ~/.m2); MUTUNE_BENCH_NO_BUILD=1 reuses target/.
[[ "${MUTUNE_BENCH_NO_BUILD:-}" == 1 ]] || ./mvnw -q -B -ntp -pl spark-jobs -am package -DskipTests
t=spark-jobs/target
opens=$(sed -n 's:.*<spark.java.opens>\(.*\)</spark.java.opens>.*:\1:p' pom.xml)
# shellcheck disable=SC2086
exec java -Xmx1g $opens \
  -Dmutune.jar="$root/$t/mutune-spark-jobs.jar" \
  -Dmutune.slimJar="$root/$t/mutune-spark-jobs-slim.jar" \
  -Dmutune.djlJar="$root/$t/mutune-djl.jar" \
  -Dmutune.sparkClasspath="$root/$t/spark-classpath.txt" \
  -Dmutune.sparkHomeClasspath="$root/$t/spark-distribution-classpath.txt" \
  -Dmutune.javaOpens="$opens" \
  -Dmutune.log4j="$root/bin/log4j2.properties" \
  -Dlog4j2.configurationFile="$root/bin/log4j2.properties" \
  -cp "$root/$t/test-classes:$(cat $t/spark-classpath.txt):$root/$t/mutune-spark-jobs.jar" \
  io.mutune.jobs.bench.SlimJarBench "$@"
