#!/usr/bin/env bash
# The methods' cost table of docs/PERFORMANCE.md from full runs, back to back on this machine (run it on a quiet
# machine: it takes hours; nothing else may run): HLOP with DSR, BPTT and OTTT side by side with the HLOP authors'
# code (scripts/bench/sidebyside.sh), then Plasticity's fine-tuning, GPM, EWC, memory and experience replay alone;
# then one table: wall time against the reference's, the share of the wall time outside training, and each
# method's training time per task against fine-tuning's with the same training method (end-of-task work
# included: EWC's Fisher, GPM's bases, the replay phase).
# Usage: scripts/bench/methods-cost.sh [TASKS]      (default 10; THREADS default 2, OUT default runs/methods-cost)
#   FAMILIES (default "dsr bptt ottt"): the training methods whose rows to run; e.g. FAMILIES=dsr runs only
#   HLOP-DSR side by side, then fine-tuning, GPM, EWC and both replays with DSR (about 2 h here, against many hours
#   for all three: the reference's OTTT alone takes hours). The table has the rows of the runs that exist in OUT.
# Smoke test: MAX_BATCHES=2 MAX_TEST_BATCHES=2 PLASTICITY_SET="data.trainLimit=128 data.testLimit=128" ... 2
set -euo pipefail
cd "$(dirname "$0")/../.."
TASKS=${1:-10}; THREADS=${THREADS:-2}; OUT=${OUT:-runs/methods-cost}
mkdir -p "$OUT"
FAMILIES=${FAMILIES:-dsr bptt ottt}
has() { case " $FAMILIES " in *" ${1##*-} "*) return 0 ;; *) return 1 ;; esac; }
for m in hlop-dsr hlop-bptt hlop-ottt; do
  has "$m" || continue
  OUT=$OUT/sidebyside-$m THREADS=$THREADS scripts/bench/sidebyside.sh "$m" "$TASKS" 2022 | tail -4
done
for m in finetune-dsr gpm-dsr ewc-dsr mr-dsr er-dsr finetune-bptt finetune-ottt; do
  has "$m" || continue
  rm -rf "${OUT:?}/$m"
  EXTRA=(); for kv in ${PLASTICITY_SET:-}; do EXTRA+=(--set "$kv"); done
  scripts/plasticity run "configs/pmnist-$m.json" --set data.tasks="$TASKS" --set threads="$THREADS" \
    --set output.progress=false --set training.forwardTransfer=false "${EXTRA[@]}" --out "$OUT/$m" > "$OUT/$m.log" 2>&1
  echo "$m: $(grep -o 'ACC .*' "$OUT/$m.log" | tail -1)"
done
python3 - "$OUT" "$TASKS" <<'PY'
import json, os, sys
out, tasks = sys.argv[1], sys.argv[2]
def metrics(path):
    return json.load(open(path + '/metrics.json'))
def per_task(m):
    extra = ('ewcFisherSeconds', 'gpmBasisSeconds', 'memoryReplaySeconds')
    return [t['trainSeconds'] + sum(t['diagnostics'].get(k, 0) for k in extra) for t in m['perTask']]
def wall_of(log):   # wall_s= on the last line: the reference's REF line, or our PROCESS line
    line = open(log).read().strip().splitlines()[-1]
    return float(dict(kv.split('=', 1) for kv in line.split()[1:] if '=' in kv)['wall_s'])
print('| what | measured |')
print('|---|---|')
runs = {}
for m in ('hlop-dsr', 'hlop-bptt', 'hlop-ottt'):
    tag = '%s-t%s-seed2022' % (m, tasks)
    if not os.path.exists('%s/sidebyside-%s/%s/metrics.json' % (out, m, tag)):
        continue
    ours = metrics('%s/sidebyside-%s/%s' % (out, m, tag))
    runs[m] = ours
    ref = wall_of('%s/sidebyside-%s/ref/%s.log' % (out, m, tag))
    train = sum(t['trainSeconds'] for t in ours['perTask'])
    wall = wall_of('%s/sidebyside-%s/%s.log' % (out, m, tag))   # the process's, start-up included
    print('| %s wall time / the reference\'s | %.0f s / %.0f s = %.2f |' % (m, wall, ref, wall / ref))
    print('| %s outside training, share of the wall time | %.0f %% (%.0f s of %.0f s; run clock %.0f s) |'
          % (m, 100 * (1 - train / wall), wall - train, wall, ours['wallTimeSeconds']))
for m in ('finetune-dsr', 'gpm-dsr', 'ewc-dsr', 'mr-dsr', 'er-dsr', 'finetune-bptt', 'finetune-ottt'):
    if os.path.exists('%s/%s/metrics.json' % (out, m)):
        runs[m] = metrics('%s/%s' % (out, m))
def ratio(method, base):
    if method not in runs or base not in runs:
        return
    a, b = per_task(runs[method]), per_task(runs[base])
    r = [x / y for x, y in zip(a, b)]
    print('| %s training time / %s, per task | %.2f – %.2f (all tasks %.2f) |' % (method, base, min(r), max(r),
                                                                              sum(a) / sum(b)))
for method, base in (('hlop-dsr', 'finetune-dsr'), ('hlop-bptt', 'finetune-bptt'), ('hlop-ottt', 'finetune-ottt'),
                     ('gpm-dsr', 'finetune-dsr'), ('ewc-dsr', 'finetune-dsr'), ('mr-dsr', 'finetune-dsr'),
                     ('er-dsr', 'finetune-dsr')):
    ratio(method, base)
PY
