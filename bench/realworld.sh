#!/usr/bin/env bash
# Real-code run: every C++20 coroutine example shipped with standalone Asio
# (libasio-doc) and Boost.Asio (libboost1.81-doc) that compiles with clang++-22
# is put in a compile database and scanned with all coro-* checks.
#
#   bash bench/realworld.sh            # needs a built corolint (scripts/build.sh)
#
# Environment: COROLINT_BUILD_DIR (default build), COROLINT_BENCH_DIR (work dir,
# default <build>/bench/realworld), COROLINT_JOBS (default 2).
# Prints a summary table (files, coroutines, findings per check, precision over
# the verdicts in bench/realworld-triage.txt) and lists findings that have no
# verdict yet; exits 1 if there are any, so a new finding cannot go unnoticed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/driver.sh"

work="${COROLINT_BENCH_DIR:-$corolint_build/bench/realworld}"
asio_examples=/usr/share/doc/libasio-dev/examples
boost_examples=/usr/share/doc/libboost1.81-doc/examples/libs/asio/example
asio_flags="-DASIO_HAS_CO_AWAIT=1 -DASIO_HAS_STD_COROUTINE=1"

ensure_packages() {
  local missing=()
  for pkg in libasio-dev libasio-doc libboost1.81-dev libboost1.81-doc; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return
  echo "== installing ${missing[*]}" >&2
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Copies an example tree into the work dir, decompressing *.cpp.gz/*.hpp.gz.
copy_examples() {
  local from="$1" to="$2"
  mkdir -p "$to"
  cp -r "$from"/. "$to"/
  find "$to" \( -name '*.cpp.gz' -o -name '*.hpp.gz' -o -name '*.ipp.gz' \) -exec gunzip -f {} +
}

# Prints "<file>\t<flags>" for every coroutine example that compiles.
select_sources() {
  local tree flags file
  for tree in asio boost; do
    if [ "$tree" = asio ]; then flags="-std=c++20 $asio_flags"; else flags="-std=c++20"; fi
    grep -rlE --include='*.cpp' 'co_await|co_spawn|awaitable' "$work/src/$tree" | sort |
      while read -r file; do
        if clang++-22 $flags -I"$(dirname "$file")" -fsyntax-only "$file" 2>"$file.compile-errors"; then
          rm -f "$file.compile-errors"
          printf '%s\t%s\n' "$file" "$flags -I$(dirname "$file")"
        else
          echo "   skipped (does not compile): ${file#$work/src/}: $(grep -m1 'error:' "$file.compile-errors")" >&2
        fi
      done
  done
}

write_compile_database() {
  python3 - "$work/src" "$work/sources.tsv" <<'PY'
import json, shlex, sys
entries = []
for line in open(sys.argv[2]):
    file, flags = line.rstrip("\n").split("\t")
    entries.append({"directory": sys.argv[1], "file": file,
                    "arguments": ["clang++-22", *shlex.split(flags), "-c", file]})
json.dump(entries, open(sys.argv[1] + "/compile_commands.json", "w"), indent=1)
PY
}

# Coroutines = distinct coroutine bodies (functions and lambdas) in the main files.
count_coroutines() {
  clang-query-22 -p "$work/src" -c 'set output diag' \
    -c 'match coroutineBodyStmt(isExpansionInMainFile())' "$@" 2>/dev/null |
    grep -E '^/.*: note: "root" binds here' | cut -d: -f1-3 | sort -u
}

ensure_packages
[ -f "$corolint_plugin" ] || [ -x "$corolint_scanner" ] ||
  { echo "corolint is not built: run scripts/build.sh first" >&2; exit 2; }
rm -rf "$work" && mkdir -p "$work/src"
copy_examples "$asio_examples" "$work/src/asio"
copy_examples "$boost_examples" "$work/src/boost"

echo "== selecting coroutine examples that compile with clang++-22 -std=c++20" >&2
select_sources > "$work/sources.tsv"
write_compile_database
mapfile -t files < <(cut -f1 "$work/sources.tsv")

echo "== counting coroutines" >&2
count_coroutines "${files[@]}" > "$work/coroutines.txt"

echo "== scanning ${#files[@]} files with $(corolint_driver_name)" >&2
start=$(date +%s)
corolint_scan "$work/src" '-*,coro-*' > "$work/scan.log" || true
seconds=$(( $(date +%s) - start ))
grep -E '^/.*: warning: .*\[coro-[a-z-]+\]$' "$work/scan.log" | sed "s|^$work/src/||" | sort -u \
  > "$work/findings.txt" || true

python3 "$here/realworld_report.py" "$work" "$here/realworld-triage.txt" "$seconds"
