#!/usr/bin/env bash
# Runs a command on an installed PyTorch instead of the bundled CPU natives, e.g. the test suite:
#   scripts/gpu/with-torch.sh /path/to/venv-or-torch mvn -B test
# It exports PYTORCH_LIBRARY_PATH, PYTORCH_VERSION, PYTORCH_FLAVOR, LD_LIBRARY_PATH (forked test JVMs
# inherit them); for CUDA it adds -Djna.library.path to
# JAVA_TOOL_OPTIONS so every JVM, forked ones included, can count the GPUs.
# The JNI bridge must have been built first (scripts/gpu/build-bridge.sh; docs/GPU.md).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/torch-env.sh"
[ $# -ge 2 ] || { echo "with-torch: usage: with-torch.sh TORCH_DIR COMMAND [ARGS...] (docs/GPU.md)" >&2; exit 2; }
torch_export "$1" || { echo "with-torch: $TORCH_ERROR" >&2; exit 2; }
shift
[ -n "$TORCH_JAVA_OPTS" ] && export JAVA_TOOL_OPTIONS="${JAVA_TOOL_OPTIONS:+$JAVA_TOOL_OPTIONS }$TORCH_JAVA_OPTS"
echo "with-torch: PyTorch $TORCH_FULL_VERSION ($PYTORCH_FLAVOR) from $PYTORCH_LIBRARY_PATH" >&2
exec "$@"
