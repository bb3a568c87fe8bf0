#!/usr/bin/env bash
# Style gate for corolint's own C++ (not for code corolint analyses):
#  * clang-format (.clang-format: LLVM style) over lib/ and tools/;
#  * with --tidy, also the project's .clang-tidy over the same files, on the
#    compile database of the release build ($COROLINT_BUILD_DIR or build),
#    one clang-tidy per core. scripts/test.sh runs the clang-format half; the
#    clang-tidy half is run by hand until tools/ is clean under it (lib/ is
#    but for the newest checks' files; see docs/architecture.md).
set -euo pipefail
cd "$(dirname "$0")/.."
build="${COROLINT_BUILD_DIR:-build}"

format=$(command -v clang-format-22 || command -v clang-format || true)
[ -n "$format" ] || { echo "check-style: no clang-format on PATH" >&2; exit 2; }
mapfile -t formatted < <(git ls-files 'lib/*.cpp' 'lib/*.h' 'tools/*.cpp' 'tools/*.h')
"$format" --dry-run -Werror "${formatted[@]}"
echo "check-style: clang-format: ${#formatted[@]} files formatted"

[ "${1:-}" = "--tidy" ] || exit 0

tidy=/usr/lib/llvm-22/bin/clang-tidy
[ -f "$build/compile_commands.json" ] || { echo "check-style: no $build/compile_commands.json" >&2; exit 2; }
mapfile -t linted < <(git ls-files 'lib/*.cpp' 'tools/*.cpp')
# Findings are printed; -warnings-as-errors makes any of them fail the gate.
printf '%s\n' "${linted[@]}" |
  xargs -P "$(nproc)" -n 4 "$tidy" -p "$build" --quiet --warnings-as-errors='*' 2>/dev/null
echo "check-style: clang-tidy: ${#linted[@]} files clean"
