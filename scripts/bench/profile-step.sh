#!/usr/bin/env bash
# Where a training step's time goes, side by side for several configs (docs/PERFORMANCE.md, "Where HLOP-DSR's extra
# time goes"): `plasticity bench` under Java Flight Recorder, then the main thread's native-method samples taken
# inside the training step, counted by the innermost Plasticity frame (the code that called the engine) and by the
# engine operation. With the same steps for every config, a count difference is a time difference: one sample is
# about 20 ms of the main thread, over all timed and warm-up steps. The engine's worker threads are not sampled.
# Usage: scripts/bench/profile-step.sh CONFIG... [-- BENCH_ARGS...]
#   default BENCH_ARGS: --later-task --warmup 20 --steps 400 --repeats 1 --set threads=2
# Environment: OUT (default runs/profile-step: the recordings), TOP (rows per table, default 30).
set -euo pipefail
cd "$(dirname "$0")/../.."
CONFIGS=()
while [ $# -gt 0 ] && [ "$1" != -- ]; do CONFIGS+=("$1"); shift; done
[ "${1:-}" = -- ] && shift
ARGS=("$@"); [ ${#ARGS[@]} -gt 0 ] || ARGS=(--later-task --warmup 20 --steps 400 --repeats 1 --set threads=2)
[ ${#CONFIGS[@]} -gt 0 ] || { sed -n '2,9p' "$0"; exit 2; }
for cfg in "${CONFIGS[@]}"; do
  [ -f "$cfg" ] || { echo "profile-step: no config $cfg" >&2; exit 2; }
done
command -v jfr >/dev/null || { echo "profile-step: needs the JDK's jfr tool on PATH" >&2; exit 2; }
OUT=${OUT:-runs/profile-step}; mkdir -p "$OUT"
TEXTS=()
for cfg in "${CONFIGS[@]}"; do
  name=$(basename "$cfg" .json)
  JAVA_OPTS="${JAVA_OPTS:--Xmx2g -XX:MaxDirectMemorySize=256m} -XX:StartFlightRecording=filename=$OUT/$name.jfr,settings=profile" \
    scripts/plasticity bench "$cfg" "${ARGS[@]}" 2>&1 | tail -1 | sed "s/^/$name: /"
  jfr print --events jdk.NativeMethodSample --stack-depth 16 "$OUT/$name.jfr" > "$OUT/$name.samples.txt"
  TEXTS+=("$OUT/$name.samples.txt")
done
python3 - "${TOP:-30}" "${TEXTS[@]}" <<'PY'
import collections, os, re, sys
top, files = int(sys.argv[1]), sys.argv[2:]
IN_STEP = ('TrainingStep', 'HlopPlugin', 'Sgd', 'Adam')   # frames of the benchmarked training step
def count(path):
    callers, ops = collections.Counter(), collections.Counter()
    for event in open(path).read().split('jdk.NativeMethodSample')[1:]:
        frames = re.findall(r'^\s+([\w.$<>]+)\(', event, re.M)
        if not frames or not any(any(s in f for s in IN_STEP) for f in frames):
            continue
        ours = [f for f in frames if f.startswith('org.plasticity.')]
        callers[ours[0][len('org.plasticity.'):] if ours else '(engine only)'] += 1
        ops[frames[0].rsplit('.', 1)[-1]] += 1
    return callers, ops
counts = [count(f) for f in files]
names = [os.path.basename(f).replace('.samples.txt', '') for f in files]
for title, k in (('innermost Plasticity frame', 0), ('engine operation', 1)):
    tables = [c[k] for c in counts]
    print('\nsamples in the step by %s' % title)
    print(' '.join('%14s' % n[-14:] for n in names) + '  frame')
    print(' '.join('%14d' % sum(t.values()) for t in tables) + '  (all)')
    keys = sorted(set().union(*tables), key=lambda x: -sum(t[x] for t in tables))[:top]
    for key in keys:
        print(' '.join('%14d' % t[key] for t in tables) + '  ' + key)
PY
