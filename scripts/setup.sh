#!/usr/bin/env bash
# Installs every Debian package corolint needs to build, test and run its examples.
# Idempotent: packages already present are skipped, so CI and the README can call it every time.
set -euo pipefail

PACKAGES=(
  clang-22 clang-tidy-22 clangd-22 libclang-22-dev llvm-22-dev llvm-22-tools lld-22
  cmake ninja-build python3
  # The HTML report names the commit it describes (test/scanner/html-metadata.test).
  git
  libasio-dev libboost1.81-dev
  # Real code nobody here wrote: the example programs of Asio and Boost.Asio,
  # scanned with and without skipped bodies (test/scanner/skip-bodies-corpus)
  # and benchmarked (bench/run.py).
  libasio-doc libboost1.81-doc
  # The sanitizer pass of scripts/test.sh: the shared ASan runtime.
  libclang-rt-22-dev
  # The HTML report renders docs/ with GitHub's CommonMark (tables included).
  libcmark-gfm-dev libcmark-gfm-extensions-dev
  # The SARIF schema test validates with jsonschema, checking formats: its
  # `format: uri` check needs rfc3987 (without it any string passes).
  python3-jsonschema python3-rfc3987
  # The HTML report's browser test renders in headless Chromium; without
  # fonts its screenshots would show no text.
  chromium fonts-dejavu-core
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "setup: all ${#PACKAGES[@]} packages present"
  exit 0
fi

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
