#!/usr/bin/env bash
# Training throughput per architecture and training method (docs/PERFORMANCE.md, "Convolutional networks"):
# plasticity bench on the MLP, the spiking CNN and the spiking ResNet-18, fine-tuning and HLOP, in task 0 and in the
# state of later tasks (--later-task: projections on, BatchNorm and thresholds frozen), and DSR's per-step form for
# comparison (--per-step-dsr). Run it on a quiet machine; it prints one "median" line per row.
# Usage: scripts/bench/architectures.sh [STEPS] [THREADS]   (defaults 20 and 2)
set -euo pipefail
cd "$(dirname "$0")/../.."
STEPS=${1:-20}
THREADS=${2:-2}
bench() { # bench LABEL CONFIG [ARGS...]
  local label=$1 config=$2
  shift 2
  local line
  line=$(scripts/plasticity bench "configs/$config.json" --set threads="$THREADS" --warmup 3 --steps "$STEPS" \
         --repeats 2 "$@" | grep '^median')
  printf '%-48s %s\n' "$label" "$line"
}
bench "mlp dsr finetune"                    pmnist-finetune-dsr
bench "mlp bptt finetune"                   pmnist-finetune-bptt
bench "cnn dsr finetune, task 0"            smnist-cnn-finetune-dsr
bench "cnn dsr hlop, task 0"                smnist-cnn-hlop-dsr
bench "cnn dsr finetune, later task"        smnist-cnn-finetune-dsr --later-task
bench "cnn dsr finetune, later task, per-step" smnist-cnn-finetune-dsr --later-task --per-step-dsr
bench "cnn dsr hlop, later task"            smnist-cnn-hlop-dsr --later-task
bench "cnn bptt finetune, task 0"           sfmnist-cnn-finetune-bptt
bench "cnn bptt hlop, task 0"               sfmnist-cnn-hlop-bptt
bench "resnet18 dsr finetune, task 0"       sfmnist-resnet18-finetune-dsr
bench "resnet18 dsr hlop, task 0"           sfmnist-resnet18-hlop-dsr
bench "resnet18 dsr finetune, later task"   sfmnist-resnet18-finetune-dsr --later-task
bench "resnet18 dsr finetune, later, per-step" sfmnist-resnet18-finetune-dsr --later-task --per-step-dsr
