#!/usr/bin/env bash
# The README's main-job command: installs what is missing, builds corolint,
# configures the bundled example (exporting compile_commands.json) and scans it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
build="${COROLINT_BUILD_DIR:-build}"
example_build="$build/examples"
cmake -S examples -B "$example_build" -G Ninja -DCMAKE_CXX_COMPILER=clang++-22 >/dev/null
echo "== corolint on examples/ (compile database: $example_build/compile_commands.json)"
status=0
/usr/lib/llvm-22/bin/run-clang-tidy -quiet -j "$(nproc)" -load="$PWD/$build/lib/corolint-tidy.so" \
  -checks='-*,coro-*' -p "$example_build" 2>/dev/null | grep -E -A3 'warning:|note:' || status=$?
[ "$status" -le 1 ] || exit "$status"
