#!/usr/bin/env bash
# Installs headless Chromium, which only the HTML report's browser test needs
# (test/scanner/html-browser.test; lit marks it UNSUPPORTED without it).
# Optional on purpose: scripts/setup.sh does not call it. Idempotent.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  echo "setup-browser: chromium present"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "setup-browser: installing chromium"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# Fonts so that screenshots show text: Chromium depends on none by itself.
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core
