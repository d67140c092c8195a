# Sourced helper (bash): describes a PyTorch installation for DJL 0.36.
# torch_describe DIR sets TORCH_HOME (the folder holding include/ and lib/), TORCH_LIB (its lib/),
# TORCH_FULL_VERSION (e.g. 2.13.0+cpu), PYTORCH_VERSION (2.13.0), PYTORCH_FLAVOR (cpu, cu130) and
# TORCH_SITE (the site-packages folder of a pip torch, else empty). DIR may be a pip/conda `torch`
# folder, its lib/ folder, a site-packages folder, a Python venv, or a libtorch folder.
# Returns 1 with a one-line reason in TORCH_ERROR when DIR is none of these.

torch_describe() {
  local dir=${1%/} cand
  TORCH_ERROR=""; TORCH_HOME=""; TORCH_SITE=""
  for cand in "$dir" "${dir%/lib}" "$dir/torch" "$dir"/lib/python3*/site-packages/torch "$dir/libtorch"; do
    if [ -f "$cand/lib/libtorch.so" ] && [ -d "$cand/include" ]; then TORCH_HOME=$(cd "$cand" && pwd); break; fi
  done
  if [ -z "$TORCH_HOME" ]; then
    TORCH_ERROR="'$1' holds no PyTorch (want a pip torch folder, a venv or a libtorch folder with lib/libtorch.so)"
    return 1
  fi
  TORCH_LIB=$TORCH_HOME/lib
  local cuda=""
  if [ -f "$TORCH_HOME/version.py" ]; then
    TORCH_SITE=$(dirname "$TORCH_HOME")
    TORCH_FULL_VERSION=$(sed -n "s/^__version__ = '\(.*\)'.*/\1/p" "$TORCH_HOME/version.py")
    cuda=$(sed -n "s/^cuda[^=]*= *'\([0-9.]*\)'.*/\1/p" "$TORCH_HOME/version.py" | head -n 1)
  elif [ -f "$TORCH_HOME/build-version" ]; then
    TORCH_FULL_VERSION=$(head -n 1 "$TORCH_HOME/build-version")
  else
    TORCH_ERROR="'$TORCH_HOME' has neither version.py nor build-version, so its PyTorch version is unknown"
    return 1
  fi
  PYTORCH_VERSION=${TORCH_FULL_VERSION%%+*}
  if [ -z "$cuda" ] && [[ $TORCH_FULL_VERSION == *+cu[0-9]* ]]; then
    local tag=${TORCH_FULL_VERSION##*+cu}; cuda="${tag:0:2}.${tag:2}"
  fi
  if [ -n "$cuda" ] && [ -f "$TORCH_LIB/libtorch_cuda.so" ]; then
    local major=${cuda%%.*} minor=${cuda#*.}; minor=${minor%%.*}
    PYTORCH_FLAVOR=$(printf 'cu%02d%d' "$major" "$minor")   # DJL wants three digits: cu130, cu128
  else
    PYTORCH_FLAVOR=cpu
  fi
  return 0
}

# Folder where DJL 0.36 looks for a JNI built for this torch (LibUtils.findJniLibrary, cache step).
torch_bridge_dir() {
  echo "${DJL_CACHE_DIR:-$HOME/.djl.ai}/pytorch/$PYTORCH_VERSION-$PYTORCH_FLAVOR-linux-x86_64"
}

# Shared libraries of a pip CUDA torch (nvidia/*/lib), ':'-joined; empty for CPU or libtorch.
torch_cuda_lib_path() {
  [ -n "$TORCH_SITE" ] && [ -d "$TORCH_SITE/nvidia" ] || return 0
  find "$TORCH_SITE/nvidia" -maxdepth 3 -type d -name lib | sort | paste -sd: -
}

# torch_export DIR: exports what DJL 0.36 needs to run on that PyTorch (spec §2): PYTORCH_LIBRARY_PATH
# (its lib/), PYTORCH_VERSION, PYTORCH_FLAVOR (never the -precxx11 default), the test libraries a pip
# wheel ships excluded from DJL's recursive load, the CUDA library folders on LD_LIBRARY_PATH, and in
# TORCH_JAVA_OPTS the -Djna.library.path that lets DJL find libcudart.so.N and so count the GPUs.
torch_export() {
  torch_describe "$1" || return 1
  export PYTORCH_LIBRARY_PATH=$TORCH_LIB PYTORCH_VERSION PYTORCH_FLAVOR
  export PYTORCH_LIBRARY_EXCLUSION=${PYTORCH_LIBRARY_EXCLUSION:-libtorchbind_test.so,libjitbackend_test.so,libbackend_with_compiler.so,libaoti_custom_ops.so}
  local cuda_libs; cuda_libs=$(torch_cuda_lib_path)
  export LD_LIBRARY_PATH=$TORCH_LIB${cuda_libs:+:$cuda_libs}${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
  TORCH_JAVA_OPTS=""
  local cudart; cudart=$(find ${cuda_libs//:/ } -maxdepth 1 -name 'libcudart.so*' 2>/dev/null | head -n 1)
  [ -n "$cudart" ] && TORCH_JAVA_OPTS="-Djna.library.path=$(dirname "$cudart")"
  export TORCH_JAVA_OPTS
  return 0
}
