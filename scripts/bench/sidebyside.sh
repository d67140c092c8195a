#!/usr/bin/env bash
# Side by side with the HLOP authors' code on permuted MNIST (docs/FIDELITY.md, docs/PERFORMANCE.md): for each seed,
# the reference (../shared/ref/run.sh, HLOP_SEED=seed) and then Plasticity (configs/pmnist-METHOD.json, seed=seed) on
# the first TASKS tasks, one after the other on this machine; then one line per run and the mean ± std of ACC, BWT
# and wall time per side. The permutations are the reference's (seed 2022) on both sides whatever the seed.
# Usage: scripts/bench/sidebyside.sh METHOD [TASKS] [SEED...]      (defaults: 10 tasks, seed 2022)
#   METHOD: finetune-dsr hlop-dsr mr-dsr hlop-mr-dsr finetune-bptt hlop-bptt finetune-ottt hlop-ottt, or a DSR one
#           with -fa / -ss (feedback alignment / sign-symmetric feedback: the reference's flags)
# Environment: THREADS (default 2, both sides; time only on a quiet machine, run timing comparisons one at a time),
#   PARALLEL=1 (run each seed's two sides at the same time, for accuracy comparisons only: the wall times then
#   mean nothing; use THREADS=1), OUT (default runs/sidebyside/METHOD), REF_HARNESS (default ../shared/ref, set up
#   with its setup.sh). Smoke tests: MAX_BATCHES / MAX_TEST_BATCHES (the harness's) and PLASTICITY_SET (extra
#   --set values for Plasticity, space-separated, e.g. "data.trainLimit=192 data.testLimit=128").
set -euo pipefail
cd "$(dirname "$0")/../.."
[ $# -ge 1 ] || { sed -n '2,15p' "$0"; exit 2; }
METHOD=$1; TASKS=${2:-10}; shift $(( $# >= 2 ? 2 : 1 ))
SEEDS=("$@"); [ ${#SEEDS[@]} -gt 0 ] || SEEDS=(2022)
THREADS=${THREADS:-2}
HARNESS=${REF_HARNESS:-../shared/ref}
[ -x "$HARNESS/run.sh" ] || { echo "sidebyside: no reference harness at $HARNESS (set REF_HARNESS)" >&2; exit 2; }
BASE=$METHOD; FLAGS=()
case "$METHOD" in
  *-dsr-fa) BASE=${METHOD%-fa}; FLAGS=(-feedback_alignment) ;;
  *-dsr-ss) BASE=${METHOD%-ss}; FLAGS=(-sign_symmetric) ;;
esac
CONFIG=configs/pmnist-$METHOD.json
[ -f "$CONFIG" ] || { echo "sidebyside: no config $CONFIG for METHOD '$METHOD'" >&2; exit 2; }
OUT=${OUT:-runs/sidebyside/$METHOD}
mkdir -p "$OUT/ref"
for seed in "${SEEDS[@]}"; do
  tag=$METHOD-t$TASKS-seed$seed
  reference() {
    HLOP_SEED=$seed HLOP_THREADS=$THREADS RUN_TAG=$tag LOG_DIR=$(cd "$OUT/ref" && pwd) \
      "$HARNESS/run.sh" "$BASE" "$TASKS" "${FLAGS[@]}" | grep '^REF'
  }
  if [ "${PARALLEL:-0}" = 1 ]; then reference & else reference; fi
  rm -rf "$OUT/$tag"
  EXTRA=(); for kv in ${PLASTICITY_SET:-}; do EXTRA+=(--set "$kv"); done
  # training.forwardTransfer=false: evaluate what the reference evaluates (no untrained row, no next-task column)
  # the process's wall time, start-up included, as the reference's wall_s is: the last line of the log
  t0=$(date +%s.%N)
  scripts/plasticity run "$CONFIG" --set seed="$seed" --set data.tasks="$TASKS" --set threads="$THREADS" \
    --set output.progress=false --set training.forwardTransfer=false "${EXTRA[@]}" --out "$OUT/$tag" \
    > "$OUT/$tag.log" 2>&1
  echo "PROCESS wall_s=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')" >> "$OUT/$tag.log"
  echo "plasticity $tag: $(grep -o 'ACC .*' "$OUT/$tag.log" | tail -1)"
  wait
done
python3 - "$OUT" "$METHOD" "$TASKS" "${SEEDS[@]}" <<'PY'
import json, re, statistics, sys
out, method, tasks, seeds = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
rows = {'reference': [], 'plasticity': []}
for s in seeds:
    tag = '%s-t%s-seed%s' % (method, tasks, s)
    ref = open('%s/ref/%s.log' % (out, tag)).read().strip().splitlines()[-1]
    f = dict(kv.split('=', 1) for kv in ref.split()[1:] if '=' in kv)
    num = lambda v: float('nan') if v == 'NA' else float(v)
    rows['reference'].append((s, num(f['ACC']), num(f['BWT']), float(f['wall_s'])))
    m = json.load(open('%s/%s/metrics.json' % (out, tag)))
    proc = [l for l in open('%s/%s.log' % (out, tag)) if l.startswith('PROCESS wall_s=')]
    wall = float(proc[-1].split('=')[1]) if proc else m['wallTimeSeconds']
    rows['plasticity'].append((s, 100 * m['acc'], 100 * m['bwt'] if m['bwt'] is not None else float('nan'), wall))
print('| side | seed | ACC (%) | BWT (points) | wall (s) |')
print('|---|---|---|---|---|')
for side, rs in rows.items():
    for s, acc, bwt, wall in rs:
        print('| %s | %s | %.2f | %.2f | %.0f |' % (side, s, acc, bwt, wall))
for side, rs in rows.items():
    def ms(i):
        v = [r[i] for r in rs]
        return '%.2f ± %.2f' % (statistics.mean(v), statistics.stdev(v)) if len(v) > 1 else '%.2f' % v[0]
    print('| %s | mean over %d | %s | %s | %s |' % (side, len(rs), ms(1), ms(2), ms(3)))
ref, ours = rows['reference'], rows['plasticity']
print('wall time ratio (plasticity / reference): %.2f' % (sum(r[3] for r in ours) / sum(r[3] for r in ref)))
PY
