#!/usr/bin/env bash
# Step for step against the HLOP authors' code (docs/FIDELITY.md, "Step for step"): the reference trains STEPS
# batches of permuted-MNIST task 0 and, after its end-of-task merge and subspace growth, STEPS batches of task 1,
# dumping its initial state, the batch indices, the per-step losses and the state after each phase; Plasticity
# starts each phase from the dumped state, replays the same batches with configs/pmnist-VARIANT-METHOD.json and
# prints the per-step loss and final-state differences against the tolerances.
# Usage: scripts/bench/stepcheck.sh METHOD VARIANT [STEPS]
#   METHOD: dsr|bptt|ottt, or dsr-fa|dsr-ss (DSR with feedback alignment / sign-symmetric feedback)
#   VARIANT: finetune|hlop
# Needs the reference harness set up (REF_HARNESS, default ../shared/ref: run its setup.sh once).
# Environment: HLOPREF_ROOT (the harness's scratch root, default /tmp/hlopref), STEPCHECK_DIR (where the dump
# goes, default runs/stepcheck/METHOD-VARIANT), THREADS (default 1, both sides).
set -euo pipefail
cd "$(dirname "$0")/../.."
[ $# -ge 2 ] || { sed -n '2,12p' "$0"; exit 2; }
METHOD=$1 VARIANT=$2 STEPS=${3:-50}
TRAINING=$METHOD FEEDBACK=backprop
case "$METHOD" in
  dsr|bptt|ottt) ;;
  dsr-fa) TRAINING=dsr FEEDBACK=feedback-alignment ;;
  dsr-ss) TRAINING=dsr FEEDBACK=sign-symmetric ;;
  *) echo "stepcheck: METHOD must be dsr, bptt, ottt, dsr-fa or dsr-ss, not '$METHOD'" >&2; exit 2 ;;
esac
case "$VARIANT" in finetune|hlop) ;; *) echo "stepcheck: VARIANT must be finetune or hlop, not '$VARIANT'" >&2; exit 2;; esac
HARNESS=$(cd "${REF_HARNESS:-../shared/ref}" 2>/dev/null && pwd) \
  || { echo "stepcheck: no reference harness at ${REF_HARNESS:-../shared/ref} (set REF_HARNESS)" >&2; exit 2; }
ROOT=${HLOPREF_ROOT:-/tmp/hlopref}
[ -x "$ROOT/venv/bin/python" ] && [ -d "$ROOT/HLOP-SNN" ] && [ -d "$ROOT/data/mnist/binary_pmnist" ] \
  || { echo "stepcheck: the reference harness is not set up in $ROOT: run $HARNESS/setup.sh" >&2; exit 2; }
THREADS=${THREADS:-1}
DUMP=${STEPCHECK_DIR:-runs/stepcheck/$METHOD-$VARIANT}
rm -rf "$DUMP"; mkdir -p "$DUMP"
DUMP=$(cd "$DUMP" && pwd)
HELPER=$(pwd)/scripts/bench/stepcheck_ref.py
( cd "$ROOT/HLOP-SNN"
  PYTHONPATH="$ROOT/HLOP-SNN:$HARNESS/stubs" OMP_NUM_THREADS=$THREADS MKL_NUM_THREADS=$THREADS \
    "$ROOT/venv/bin/python" -u "$HELPER" --method "$TRAINING" --feedback "$FEEDBACK" --variant "$VARIANT" --steps "$STEPS" \
    --data-dir "$ROOT/data/mnist" --out "$DUMP" )
scripts/plasticity stepcheck "configs/pmnist-$VARIANT-$METHOD.json" --reference "$DUMP" --set threads="$THREADS"
