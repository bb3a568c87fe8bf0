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
# Exit code 1 means "findings", which is what the example is for.
status=0
"$build/bin/corolint" -p "$example_build" || status=$?
[ "$status" -le 1 ] || exit "$status"
