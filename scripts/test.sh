#!/usr/bin/env bash
# The README's test command: installs what is missing, then builds and runs
# the whole lit suite twice: on the release build, and on a build whose engine
# and tools carry AddressSanitizer and UBSan (COROLINT_SANITIZE), with the
# style gate (scripts/check-style.sh --tidy: clang-format and clang-tidy)
# after the first. It ends with
# a plain "N passed, N failed" line over both runs for CI.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
build="${COROLINT_BUILD_DIR:-build}"

status=0
run_suite() {
  local dir="$1"
  shift
  COROLINT_BUILD_DIR="$dir" bash scripts/build.sh "$@"
  echo "test: lit suite on $dir"
  /usr/lib/llvm-22/bin/lit -sv --xunit-xml-output="$dir/lit-results.xml" "$dir/test" || status=1
}
run_suite "$build"
# Formatting and the project's .clang-tidy over lib/ and tools/, on the
# release build's compile database.
bash scripts/check-style.sh --tidy || status=1
run_suite "$build-asan" -DCOROLINT_SANITIZE=ON

python3 - "$build/lit-results.xml" "$build-asan/lit-results.xml" <<'PY'
import sys, xml.etree.ElementTree as ET
total = [0, 0, 0]
for report in sys.argv[1:]:
    counts = [0, 0, 0]  # passed, failed, skipped
    for case in ET.parse(report).getroot().iter("testcase"):
        if case.find("failure") is not None or case.find("error") is not None:
            counts[1] += 1
        elif case.find("skipped") is not None:
            counts[2] += 1
        else:
            counts[0] += 1
    print("lit %s: %d passed, %d failed, %d skipped" % (report, *counts))
    total = [t + c for t, c in zip(total, counts)]
    if counts[0] == 0:
        total[1] += 1  # a run that executed nothing is a failure
print("lit: %d passed, %d failed, %d skipped" % tuple(total))
sys.exit(1 if total[1] else 0)
PY
exit "$status"
