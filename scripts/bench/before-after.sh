#!/usr/bin/env bash
# Before against after on a machine whose speed drifts (docs/PERFORMANCE.md, "Paired runs"): the same full run from two
# built checkouts at the same time, one thread each, so that both see the same machine; one method after the other.
# Then per method: each side's training seconds per task, after / before per task and over the run, the time outside
# training (noisy when paired: the two processes reach their evaluations at different moments), ACC / BWT, and how
# far the two accuracy matrices are apart (entries in points: mean, largest, how many above 0.1).
# Usage: scripts/bench/before-after.sh BEFORE_DIR AFTER_DIR METHOD... (METHOD: a configs/pmnist-METHOD.json name, or
#   B:A to run method B on the before side and A on the after side, e.g. `DIR DIR finetune-dsr:hlop-dsr` for a
#   method's training time over fine-tuning's on one checkout)
#   BEFORE_DIR, AFTER_DIR: two checkouts, each built (mvn package -DskipTests, or any scripts/plasticity call there);
#   they may be the same checkout.
# Environment: TASKS (default 10), SEED (default 2022), OUT (default runs/before-after), PLASTICITY_SET (extra --set
#   values for both sides, space-separated), PLASTICITY_DATA as for any run, BEFORE_PREDATES_FWT=1 for a before
#   checkout older than training.forwardTransfer (its run then also evaluates for forward transfer, which changes no
#   entry of the accuracy matrix but makes its time outside training incomparable). Run nothing else meanwhile: the two
#   sides take the machine's two cores.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ $# -ge 3 ] || { sed -n '2,11p' "$0"; exit 2; }
for d in "$1" "$2"; do [ -d "$d" ] || { echo "before-after: no checkout at $d" >&2; exit 2; }; done
BEFORE=$(cd "$1" && pwd); AFTER=$(cd "$2" && pwd); shift 2
TASKS=${TASKS:-10}; SEED=${SEED:-2022}; OUT=${OUT:-runs/before-after}
mkdir -p "$OUT"; OUT=$(cd "$OUT" && pwd)
for side in "$BEFORE" "$AFTER"; do
  [ -x "$side/scripts/plasticity" ] || { echo "before-after: $side is not a Plasticity checkout" >&2; exit 2; }
done
for m in "$@"; do
  [ -f "$BEFORE/configs/pmnist-${m%%:*}.json" ] && [ -f "$AFTER/configs/pmnist-${m##*:}.json" ] \
    || { echo "before-after: no configs/pmnist-${m%%:*}.json before or configs/pmnist-${m##*:}.json after" >&2; exit 2; }
done
EXTRA=(); for kv in ${PLASTICITY_SET:-}; do EXTRA+=(--set "$kv"); done
one_side() {   # DIR NAME METHOD: one run, its log ending with the process's wall time; fails when the run fails
  local t0 rc=0 fwt=(--set training.forwardTransfer=false); t0=$(date +%s.%N); rm -rf "${OUT:?}/$2-$3"
  [ "$2" = before ] && [ "${BEFORE_PREDATES_FWT:-0}" = 1 ] && fwt=()
  (cd "$1" && scripts/plasticity run "configs/pmnist-$3.json" --set seed="$SEED" --set data.tasks="$TASKS" \
     --set threads=1 --set output.progress=false "${fwt[@]}" "${EXTRA[@]}" \
     --out "$OUT/$2-$3") > "$OUT/$2-$3.log" 2>&1 || rc=$?
  echo "PROCESS wall_s=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')" >> "$OUT/$2-$3.log"
  return $rc
}
for m in "$@"; do
  mb=${m%%:*}; ma=${m##*:}
  one_side "$BEFORE" before "$mb" & pid=$!
  one_side "$AFTER" after "$ma" || { wait $pid || true; echo "before-after: the after run of $ma failed ($OUT/after-$ma.log)" >&2; exit 1; }
  wait $pid || { echo "before-after: the before run of $mb failed ($OUT/before-$mb.log)" >&2; exit 1; }
done
python3 - "$OUT" "$@" <<'PY'
import json, sys
out, methods = sys.argv[1], sys.argv[2:]
def load(name):
    m = json.load(open('%s/%s/metrics.json' % (out, name)))
    wall = [l for l in open('%s/%s.log' % (out, name)) if l.startswith('PROCESS wall_s=')][-1].split('=')[1]
    return m, float(wall), [t['trainSeconds'] for t in m['perTask']]
for method in methods:
    mb, ma = method.split(':')[0], method.split(':')[-1]
    (b, wb, tb), (a, wa, ta) = load('before-' + mb), load('after-' + ma)
    print('== %s' % method)
    for side, m, w, t in (('before', b, wb, tb), ('after', a, wa, ta)):
        print('%-6s wall %7.1f s  training %7.1f s  outside %6.1f s  ACC %.2f BWT %.2f  per task %s'
              % (side, w, sum(t), m['wallTimeSeconds'] - sum(t), 100 * m['acc'], 100 * m['bwt'], ' '.join('%.1f' % x for x in t)))
    print('after / before, training per task: %s; over the run %.3f'
          % (' '.join('%.3f' % (x / y) for x, y in zip(ta, tb)), sum(ta) / sum(tb)))
    d = [100 * abs(x - y) for rb, ra in zip(b['accMatrix'], a['accMatrix']) for x, y in zip(rb, ra)
         if x is not None and y is not None]
    print('accuracy matrices: %d entries, mean difference %.3f, largest %.3f, %d above 0.1 point'
          % (len(d), sum(d) / len(d), max(d), sum(1 for x in d if x > 0.1)))
PY
