#!/usr/bin/env bash
# Builds a portable Plasticity folder for a machine with no Java and no network (docs/GPU.md, "Portable
# bundle"): a jlink'd Java runtime holding only the modules the CLI needs (found with jdeps), the
# application jars without DJL's bundled CPU natives (the target brings its own PyTorch), the launcher,
# the GPU scripts and the configs; optionally DJL's native-bridge sources with the JNI header already
# generated (the target has no javac) and MNIST gzipped.
#
# Usage: scripts/gpu/bundle.sh [--out DIR] [--djl-src DIR|TARBALL] [--data DIR] [--lean] [--tar]
#   --out      target folder (default dist/plasticity; replaced)
#   --lean     leave java.desktop out (-11 MB): run, resume, bench, validate and sweep work, report does not
#   --tar      also write OUT.tar.xz, the form that travels (xz shrinks the runtime by about half)
#   --djl-src  DJL sources at the build's DJL version: copies the bridge sources into OUT/djl and
#              generates OUT/djl/include/ai_djl_pytorch_jni_PyTorchLibrary.h
#   --data     a data folder holding mnist/: its four files travel gzipped in OUT/data/mnist
# Needs a JDK 17 (jdeps, jlink, javac) and the Maven build (run mvn package first, or let the launcher).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
die() { echo "bundle: $*" >&2; exit 2; }
OUT=$ROOT/dist/plasticity; DJL_SRC=""; DATA=""; LEAN=no; TAR=no
while [ $# -gt 0 ]; do
  case "$1" in
    --out) OUT=${2:?}; shift 2 ;;
    --djl-src) DJL_SRC=${2:?}; shift 2 ;;
    --data) DATA=${2:?}; shift 2 ;;
    --lean) LEAN=yes; shift ;;
    --tar) TAR=yes; shift ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option '$1'; see --help" ;;
  esac
done
JDK=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v jlink || echo /nonexistent/bin/jlink)")")")}
[ -x "$JDK/bin/jlink" ] && [ -x "$JDK/bin/jdeps" ] || die "no jlink/jdeps: set JAVA_HOME to a JDK 17"
JAR=$ROOT/trainers/target/plasticity-trainers-0.1.0-SNAPSHOT.jar
[ -f "$JAR" ] && [ -d "$ROOT/trainers/target/lib" ] || die "no build: run mvn -B package -DskipTests first"
[ -z "$DATA" ] || [ -f "$DATA/mnist/train-images-idx3-ubyte" ] || [ -f "$DATA/mnist/train-images-idx3-ubyte.gz" ] \
  || die "--data '$DATA' holds no mnist/train-images-idx3-ubyte"

start=$(date +%s)
rm -rf "$OUT"; mkdir -p "$OUT/lib" "$OUT/scripts/gpu"
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
# DJL's CPU natives (110 MB) and its 2.7.1 JNI are useless next to another PyTorch: left out.
cp "$JAR" "$OUT/lib/"
for j in "$ROOT"/trainers/target/lib/*.jar; do
  case "$(basename "$j")" in pytorch-native-*|pytorch-jni-*) ;; *) cp "$j" "$OUT/lib/" ;; esac
done

# Modules: jdeps per jar, on a copy without module-info (some jars require optional modules).
mods=""
for j in "$OUT"/lib/*.jar; do
  d=$TMP/$(basename "$j" .jar); mkdir -p "$d"
  (cd "$d" && "$JDK/bin/jar" xf "$j") && find "$d" -name module-info.class -delete
  m=$("$JDK/bin/jdeps" --ignore-missing-deps --print-module-deps --multi-release 17 "$d" 2>/dev/null) \
    || die "jdeps failed on $(basename "$j")"
  mods="$mods,$m"
done
# jdk.crypto.ec/zipfs are not needed offline; jdk.unsupported serves sun.misc.Unsafe users at run time.
MODS=$(echo "$mods,jdk.unsupported" | tr ',' '\n' | sed '/^$/d' | sort -u | { [ $LEAN = yes ] && grep -v '^java.desktop$' || cat; } | paste -sd, -)
echo "bundle: modules $MODS" >&2
"$JDK/bin/jlink" --add-modules "$MODS" --strip-debug --no-man-pages --compress=2 --output "$OUT/runtime"
# The JDK's native libraries keep their symbol tables (libjvm.so: 23 -> 20 MB stripped).
command -v strip >/dev/null && find "$OUT/runtime" -name '*.so' -exec strip --strip-unneeded {} \;

cp "$ROOT/scripts/plasticity" "$OUT/scripts/"
cp "$ROOT"/scripts/gpu/*.sh "$OUT/scripts/gpu/"
cp -r "$ROOT/configs" "$OUT/configs"
if [ -n "$DJL_SRC" ]; then
  if [ -f "$DJL_SRC" ]; then mkdir -p "$TMP/djl-src" && tar -xf "$DJL_SRC" -C "$TMP/djl-src" && \
    DJL_SRC=$(dirname "$(dirname "$(find "$TMP/djl-src" -maxdepth 3 -type d -path '*engines/pytorch' | head -n 1)")"); fi
  [ -d "$DJL_SRC/engines/pytorch/pytorch-native/src/main/native" ] || die "--djl-src '$DJL_SRC' is not a DJL source tree"
  for p in engines/pytorch/pytorch-native/src/main/native api/src/main/native \
           engines/pytorch/pytorch-engine/src/main/java/ai/djl/pytorch/jni/PyTorchLibrary.java gradle/libs.versions.toml; do
    [ -e "$DJL_SRC/$p" ] || continue
    mkdir -p "$OUT/djl/$(dirname "$p")"; cp -rp "$DJL_SRC/$p" "$OUT/djl/$p"
  done
  mkdir -p "$OUT/djl/include"
  JAVA_HOME=$JDK "$ROOT/scripts/gpu/build-bridge.sh" --djl-src "$OUT/djl" \
    --header-only "$OUT/djl/include/ai_djl_pytorch_jni_PyTorchLibrary.h" >/dev/null
fi
if [ -n "$DATA" ]; then
  mkdir -p "$OUT/data/mnist"
  for f in train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte; do
    if [ -f "$DATA/mnist/$f.gz" ]; then cp "$DATA/mnist/$f.gz" "$OUT/data/mnist/"; else gzip -9c "$DATA/mnist/$f" > "$OUT/data/mnist/$f.gz"; fi
  done
fi
if [ $TAR = yes ]; then
  tar -C "$(dirname "$OUT")" -cf - "$(basename "$OUT")" | xz -6 -T1 > "$OUT.tar.xz"
  echo "bundle: $OUT.tar.xz: $(du -h "$OUT.tar.xz" | cut -f1)" >&2
fi
echo "bundle: $OUT: $(du -sh "$OUT" | cut -f1) (runtime $(du -sh "$OUT/runtime" | cut -f1), lib $(du -sh "$OUT/lib" | cut -f1)), $(( $(date +%s) - start )) s" >&2
echo "$OUT"
