#!/usr/bin/env bash
# Configures and builds corolint in ./build (or $COROLINT_BUILD_DIR) with clang-22 and Ninja.
set -euo pipefail
cd "$(dirname "$0")/.."
build="${COROLINT_BUILD_DIR:-build}"
cmake -S . -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++-22 "$@" >/dev/null
cmake --build "$build"
