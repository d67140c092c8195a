#!/usr/bin/env bash
# HLOP-DSR's later-task training step with the projection on the gradient against on the input rows
# (method.hlop.projectOn, docs/PERFORMANCE.md), beside fine-tuning's, at task 1's and at task 9's subspace sizes.
# Usage: scripts/bench/projection-site.sh [WARMUP] [STEPS] [REPEATS]   (defaults 20 100 2; run on a quiet machine)
set -euo pipefail
cd "$(dirname "$0")/../.."
WARMUP=${1:-20}; STEPS=${2:-100}; REPEATS=${3:-2}
bench() { scripts/plasticity bench "$@" --later-task --warmup "$WARMUP" --steps "$STEPS" --repeats "$REPEATS" | tail -1; }
echo "fine-tune DSR, later task: $(bench configs/pmnist-finetune-dsr.json)"
# task 1: 80/200/100 old rows, +70 each; task 9: the old rows the full run holds then, +10 each
for sizes in "task1 [80,200,100] [70,70,70]" "task9 [460,580,480] [10,10,10]"; do
  set -- $sizes
  for site in gradient auto; do
    echo "HLOP-DSR $1 ($2 old rows), projectOn=$site: $(bench configs/pmnist-hlop-dsr.json --set method.hlop.initial="$2" \
      --set method.hlop.increment="$3" --set method.hlop.projectOn=$site)"
  done
done
