#!/usr/bin/env bash
# Browser tests drive Debian's chromium through Playwright (executable_path); Playwright never downloads a browser.
# Idempotent: installs the package only when the binary is missing.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "chromium is missing; install it with: sudo apt-get install -y chromium (browser tests will be skipped)" >&2
  exit 0
fi
echo "== installing Debian chromium for the browser tests"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
