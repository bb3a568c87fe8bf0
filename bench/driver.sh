# Sourced by the bench scripts: the one place that says how corolint is run.
#
# corolint_scan <build-dir> <checks> [file ...] analyses the TUs of
# <build-dir>/compile_commands.json (all of them, or the files given) and prints
# the diagnostics as "file:line:col: warning: ... [check]" lines. It prefers the
# standalone scanner build/bin/corolint and falls back to clang-tidy-22 with the
# plugin (run-clang-tidy-22 when no file is given).

corolint_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corolint_build="${COROLINT_BUILD_DIR:-$corolint_root/build}"
case "$corolint_build" in /*) ;; *) corolint_build="$corolint_root/$corolint_build" ;; esac
corolint_plugin="$corolint_build/lib/corolint-tidy.so"
corolint_scanner="$corolint_build/bin/corolint"

corolint_driver_name() {
  if [ -x "$corolint_scanner" ]; then echo "corolint"; else echo "clang-tidy-22 + corolint-tidy.so"; fi
}

corolint_scan() {
  local db="$1" checks="$2"
  shift 2
  if [ -x "$corolint_scanner" ]; then
    "$corolint_scanner" -p "$db" --checks="$checks" --no-cache --progress=none "$@"
  elif [ $# -eq 0 ]; then
    run-clang-tidy-22 -quiet -j "${COROLINT_JOBS:-2}" -load="$corolint_plugin" \
      -checks="$checks" -p "$db" 2>/dev/null
  else
    clang-tidy-22 -quiet -load="$corolint_plugin" -checks="$checks" -p "$db" "$@" 2>/dev/null
  fi
}
