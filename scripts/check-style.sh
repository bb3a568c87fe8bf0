#!/usr/bin/env bash
# Style gate for corolint's own C++ (not for code corolint analyses):
#  * clang-format (.clang-format: LLVM style) over lib/ and tools/;
#  * with --tidy, also the project's .clang-tidy over the same files (or over
#    the .cpp files given after --tidy), on the compile database of the
#    release build ($COROLINT_BUILD_DIR or build), one clang-tidy per core.
#    Any finding fails the gate. scripts/test.sh runs both halves; the tidy
#    half costs about 12 CPU-minutes (6 minutes on CI's 2 cores).
set -euo pipefail
cd "$(dirname "$0")/.."
build="${COROLINT_BUILD_DIR:-build}"

format=$(command -v clang-format-22 || command -v clang-format || true)
[ -n "$format" ] || { echo "check-style: no clang-format on PATH" >&2; exit 2; }
mapfile -t formatted < <(git ls-files 'lib/*.cpp' 'lib/*.h' 'tools/*.cpp' 'tools/*.h')
"$format" --dry-run -Werror "${formatted[@]}"
echo "check-style: clang-format: ${#formatted[@]} files formatted"

[ "${1:-}" = "--tidy" ] || exit 0
shift

tidy=/usr/lib/llvm-22/bin/clang-tidy
[ -f "$build/compile_commands.json" ] || { echo "check-style: no $build/compile_commands.json" >&2; exit 2; }
if [ "$#" -gt 0 ]; then
  linted=("$@")
else
  mapfile -t linted < <(git ls-files 'lib/*.cpp' 'tools/*.cpp')
fi
# Findings are printed; -warnings-as-errors makes any of them fail the gate
# (xargs exits non-zero when one clang-tidy does). Only clang-tidy's
# "N warnings generated." counts are left out of what it says on stderr.
printf '%s\n' "${linted[@]}" |
  xargs -P "$(nproc)" -n 4 "$tidy" -p "$build" --quiet --warnings-as-errors='*' \
    2> >(grep -v -E '^[0-9]+ warnings? (and [0-9]+ errors? )?generated\.$' >&2)
echo "check-style: clang-tidy: ${#linted[@]} files clean"
