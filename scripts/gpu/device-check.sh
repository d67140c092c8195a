#!/usr/bin/env bash
# The prepared GPU-machine check (docs/GPU.md, "Device check"), under 10 minutes: unpack the bundle,
# build the JNI bridge against the machine's PyTorch (CUDA), a GPU smoke op, `plasticity bench` for
# BPTT, DSR and OTTT at batch 64 and 512, the 10-task PMNIST HLOP-DSR protocol, and optionally the
# reference timing harness. Each step is time-boxed; results go to OUT/summary.txt.
#
# Usage: scripts/gpu/device-check.sh [--cpu] [--small] [--bundle DIR|TARBALL] [--torch DIR]
#                                    [--bridge-work DIR] [--ref DIR] [--out DIR] [--budget SECONDS] [--threads N]
#   --cpu          CPU bridge and device=cpu (the rehearsal on a machine without GPU)
#   --small        tiny sizes: 5 timed bench steps, 2 tasks of 2000/1000 images (rehearsal)
#   --bundle       the portable bundle (default: the bundle this script sits in, else dist/plasticity)
#   --torch        the PyTorch to use (default: the one `python3 -c 'import torch'` finds)
#   --bridge-work  keep the bridge's object files there (a rerun only relinks)
#   --ref          a copy of the reference harness (shared/ref) to run for the ratio, if time is left
#   --out          results folder for logs and metrics (default: $OUT if set, else ./device-check-out)
#   --work         scratch folder for the unpacked bundle, bridge cache and run folder (default
#                  ${TMPDIR:-/tmp}/plasticity-device-check), kept out of --out so little comes back
#   --budget       total seconds (default 570); the protocol run gets what the earlier steps left
#   --threads      intra-op CPU threads for every run (default 0 = all cores)
set -uo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CPU=no; SMALL=no; BUNDLE=""; TORCH=""; BRIDGE_WORK=""; REF=""; RESULTS=${OUT:-$PWD/device-check-out}; BUDGET=570; THREADS=0; SCRATCH=${TMPDIR:-/tmp}/plasticity-device-check
while [ $# -gt 0 ]; do
  case "$1" in
    --cpu) CPU=yes; shift ;;
    --small) SMALL=yes; shift ;;
    --bundle) BUNDLE=${2:?}; shift 2 ;;
    --torch) TORCH=${2:?}; shift 2 ;;
    --bridge-work) BRIDGE_WORK=${2:?}; shift 2 ;;
    --ref) REF=${2:?}; shift 2 ;;
    --out) RESULTS=${2:?}; shift 2 ;;
    --budget) BUDGET=${2:?}; shift 2 ;;
    --threads) THREADS=${2:?}; shift 2 ;;
    --work) SCRATCH=${2:?}; shift 2 ;;
    -h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "device-check: unknown option '$1'; see --help" >&2; exit 2 ;;
  esac
done
T0=$(date +%s)
mkdir -p "$RESULTS" "$SCRATCH"; RESULTS=$(cd "$RESULTS" && pwd); SCRATCH=$(cd "$SCRATCH" && pwd)
SUM=$RESULTS/summary.txt; : > "$SUM"
say() { echo "$*" | tee -a "$SUM" >&2; }
left() { echo $(( BUDGET - ($(date +%s) - T0) )); }
# step NAME SECONDS CMD...: runs CMD with a time box, logs to RESULTS/NAME.log, records rc and time.
step() {
  local name=$1 box=$2; shift 2
  local l; l=$(left); [ "$box" -gt "$l" ] && box=$l
  if [ "$box" -lt 10 ]; then say "$name: skipped (budget spent)"; return 1; fi
  local s; s=$(date +%s)
  timeout -k 5 "$box" "$@" > "$RESULTS/$name.log" 2>&1; local rc=$?
  say "$name: rc=$rc $(( $(date +%s) - s )) s (box $box s)"
  return $rc
}

# 1. The bundle.
if [ -z "$BUNDLE" ]; then
  if [ -x "$HERE/../../runtime/bin/java" ]; then BUNDLE=$HERE/../..; else BUNDLE=$HERE/../../dist/plasticity; fi
fi
if [ -f "$BUNDLE" ]; then
  rm -rf "$SCRATCH/bundle"; mkdir -p "$SCRATCH/bundle" && tar -xf "$BUNDLE" -C "$SCRATCH/bundle"
  j=$(find "$SCRATCH/bundle" -maxdepth 4 -path '*/runtime/bin/java' | head -n 1); BUNDLE=${j%/runtime/bin/java}
fi
[ -x "$BUNDLE/runtime/bin/java" ] || { echo "device-check: no bundle at '$BUNDLE': build one with scripts/gpu/bundle.sh (docs/GPU.md)" >&2; exit 2; }
B=$(cd "$BUNDLE" && pwd)
[ -d "$B/djl/engines" ] || { echo "device-check: bundle $B has no DJL sources: rebuild it with scripts/gpu/bundle.sh --djl-src DIR" >&2; exit 2; }
say "bundle: $B ($(du -sh "$B" | cut -f1)), java $("$B/runtime/bin/java" -version 2>&1 | head -n 1)"

# 2. The machine's PyTorch.
if [ -z "$TORCH" ]; then
  TORCH=$(python3 -c 'import os, torch; print(os.path.dirname(torch.__file__))' 2>/dev/null) \
    || { echo "device-check: no PyTorch found by python3; pass --torch DIR" >&2; exit 2; }
fi
source "$B/scripts/gpu/torch-env.sh"
torch_describe "$TORCH" || { echo "device-check: $TORCH_ERROR" >&2; exit 2; }
say "torch: $TORCH_FULL_VERSION ($PYTORCH_FLAVOR) at $TORCH_HOME; $(nproc) cores; $(nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader 2>/dev/null | head -n 1)"
if [ "$CPU" = yes ]; then DEV=cpu; KIND=--cpu; else DEV=gpu; KIND=--cuda; fi
export DJL_CACHE_DIR=$SCRATCH/djl-cache PLASTICITY_TORCH=$TORCH
[ -d "$B/data/mnist" ] && export PLASTICITY_DATA=$B/data
P="$B/scripts/plasticity"

# 3. The bridge (JAVA_HOME = the bundle's runtime: it carries jni.h; the header comes pre-generated).
step bridge 300 env JAVA_HOME="$B/runtime" "$B/scripts/gpu/build-bridge.sh" --djl-src "$B/djl" --torch "$TORCH" \
  $KIND --jobs "$(nproc)" ${BRIDGE_WORK:+--work "$BRIDGE_WORK"} || { say "bridge failed: see $RESULTS/bridge.log"; exit 1; }

# 4. Smoke: one tiny bench on the device proves the load path (the natives line names the libraries);
#    LD_BIND_NOW makes a symbol the bridge misses fail at load time, not in the middle of a run.
if [ "$SMALL" = yes ]; then STEPS=5; WARM=2; REP=1; else STEPS=40; WARM=10; REP=3; fi
step smoke 90 env LD_BIND_NOW=1 "$P" bench "$B/configs/pmnist-finetune-dsr.json" --set device=$DEV --set threads=$THREADS \
  --warmup 1 --steps 2 --repeats 1
grep -h "natives loaded" "$RESULTS/smoke.log" | tee -a "$SUM" >&2
# No GPU-tagged tests: the test suite needs Maven and a JDK, which a bundle does not carry.

# 5. Throughput per method and batch size.
for cfg in finetune-bptt finetune-dsr finetune-ottt; do
  for b in 64 512; do
    step "bench-$cfg-b$b" 60 "$P" bench "$B/configs/pmnist-$cfg.json" --set device=$DEV --set threads=$THREADS \
      --set training.batchSize=$b --warmup $WARM --steps $STEPS --repeats $REP
    grep -h "^median" "$RESULTS/bench-$cfg-b$b.log" | sed "s/^/  $cfg b$b: /" | tee -a "$SUM" >&2
  done
done

# 6. The PMNIST HLOP-DSR protocol (10 tasks; --small: 2 tasks of 2000/1000 images).
SIZES=(); [ "$SMALL" = yes ] && SIZES=(--set data.tasks=2 --set data.trainLimit=2000 --set data.testLimit=1000)
rm -rf "$SCRATCH/run-hlop-dsr"   # a finished run folder would be refused on a rerun
step protocol $(( $(left) - 5 )) "$P" run "$B/configs/pmnist-hlop-dsr.json" --set device=$DEV --set threads=$THREADS \
  "${SIZES[@]}" --out "$SCRATCH/run-hlop-dsr"
mkdir -p "$RESULTS/run-hlop-dsr"; cp "$SCRATCH"/run-hlop-dsr/{metrics.json,acc_matrix.csv,run.log,config.json} "$RESULTS/run-hlop-dsr/" 2>/dev/null
grep -h -E '^  "(acc|bwt|fwt|wallTimeSeconds)"' "$RESULTS/run-hlop-dsr/metrics.json" 2>/dev/null | tr -d ' ,' \
  | sed 's/^/  protocol /' | tee -a "$SUM" >&2
command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=memory.used,memory.total --format=csv,noheader >> "$SUM" 2>/dev/null

# 7. The reference code, only if time is left (its harness runs the authors' scripts on CPU as patched).
if [ -n "$REF" ] && [ "$(left)" -gt 60 ]; then
  step ref-setup 120 "$REF/setup.sh" && step ref-run $(( $(left) - 5 )) "$REF/run.sh" hlop-dsr "$([ "$SMALL" = yes ] && echo 1 || echo 10)"
  tail -n 1 "$RESULTS/ref-run.log" 2>/dev/null | tee -a "$SUM" >&2
fi
say "device-check: done in $(( $(date +%s) - T0 )) s"
