#!/usr/bin/env bash
# The muTransfer benchmark (issue 5): LR sweep on a √2 grid, SP vs muP, MLP and transformer.
# Usage: bench/transfer.sh [mlp|transformer|all] [out-dir]   (CPU; one PyTorch thread)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl hpo,transfer install -DskipTests
./mvnw -q -B -pl transfer dependency:build-classpath -Dmdep.outputFile=transfer/target/bench.cp -Dmdep.includeScope=test
exec java -Xmx4g -Dai.djl.offline=true -cp "transfer/target/classes:transfer/target/test-classes:$(cat transfer/target/bench.cp)" \
  io.mutune.transfer.bench.TransferBenchmark "${1:-all}" "${2:-bench/out/transfer}"
