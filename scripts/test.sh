#!/usr/bin/env bash
# The README's test command: installs what is missing, builds, runs the whole
# lit suite, and ends with a plain "N passed, N failed" line for CI.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
build="${COROLINT_BUILD_DIR:-build}"
report="$build/lit-results.xml"
status=0
/usr/lib/llvm-22/bin/lit -sv --xunit-xml-output="$report" "$build/test" || status=$?
python3 - "$report" <<'PY'
import sys, xml.etree.ElementTree as ET
cases = ET.parse(sys.argv[1]).getroot().iter("testcase")
passed = failed = skipped = 0
for case in cases:
    if case.find("failure") is not None or case.find("error") is not None:
        failed += 1
    elif case.find("skipped") is not None:
        skipped += 1
    else:
        passed += 1
print(f"lit: {passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed or passed == 0 else 0)
PY
exit "$status"
