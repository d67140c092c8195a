#!/usr/bin/env bash
# The cost of single tensor operations on this machine's engine (scripts/bench/OpCost.java): the forms of a DSR
# neuron step's operations (boolean comparison and cast against the float step of neuron.Step), stacks and readout
# sums; docs/PERFORMANCE.md, "The spike step in float". With "routes" first, one linear layer's training step in the
# forms a projected or trace-based weight gradient can take (scripts/bench/RouteCost.java; docs/PERFORMANCE.md, "The
# projected weight gradient formed after backward"). Runs on the build (scripts/plasticity builds it when missing).
# Usage: scripts/bench/op-cost.sh [B N T]            (default 64 800 20; THREADS default 2)
#        scripts/bench/op-cost.sh routes [R IN OUT M] (default 64 800 800 460)
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=trainers/target/plasticity-trainers-0.1.0-SNAPSHOT.jar
[ -f "$JAR" ] || scripts/plasticity --version >/dev/null
BENCH=scripts/bench/OpCost.java
if [ "${1:-}" = routes ]; then BENCH=scripts/bench/RouteCost.java; shift; fi
export OPT_OUT_TRACKING=true DJL_OFFLINE=true
java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads="${THREADS:-2}" -Dai.djl.pytorch.num_interop_threads=1 \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils=error -cp "$JAR:trainers/target/lib/*" "$BENCH" "$@"
