#!/usr/bin/env bash
# The muTransfer benchmark (issue 5): LR sweep on a √2 grid, SP vs muP, MLP and transformer.
# Usage: bench/transfer.sh [mlp|transformer|all|summarize] [out-dir] [mup,sp] [zero-readout|-] [widths]
# (CPU; one PyTorch thread). widths, e.g. 512,1024, overrides the model's default widths.
# BENCH_JAVA_OPTS="-Dbench.mlpSteps=600" trains the MLP longer (files suffixed -600steps).
set -euo pipefail
cd "$(dirname "$0")/.."
# Build with the reactor (-am) so hpo comes from this checkout, and run against this checkout's
# classes: ~/.m2 is shared with other worktrees, whose install can replace mutune-hpo there.
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -q -B -ntp -o -pl transfer -am install -DskipTests
  ./mvnw -q -B -ntp -o -pl transfer dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
fi
CP="$(tr ':' '\n' < transfer/target/bench.cp | grep -v '/io/mutune/' | paste -sd: -)"
exec java -Xmx4g ${BENCH_JAVA_OPTS:-} -Dai.djl.offline=true -cp "transfer/target/classes:transfer/target/test-classes:hpo/target/classes:$CP" \
  io.mutune.transfer.bench.TransferBenchmark "${1:-all}" "${2:-bench/out/transfer}" "${@:3}"
