#!/usr/bin/env bash
# The cost of single tensor operations on this machine's engine (scripts/bench/OpCost.java): the forms of a DSR
# neuron step's operations (boolean comparison and cast against the float step of neuron.Step), stacks and readout
# sums; docs/PERFORMANCE.md, "The spike step in float". Runs on the build (scripts/plasticity builds it when missing).
# Usage: scripts/bench/op-cost.sh [B N T]      (default 64 800 20; THREADS default 2)
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=trainers/target/plasticity-trainers-0.1.0-SNAPSHOT.jar
[ -f "$JAR" ] || scripts/plasticity --version >/dev/null
export OPT_OUT_TRACKING=true DJL_OFFLINE=true
java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads="${THREADS:-2}" -Dai.djl.pytorch.num_interop_threads=1 \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils=error -cp "$JAR:trainers/target/lib/*" scripts/bench/OpCost.java "$@"
