#!/usr/bin/env bash
# Charts for Chinese readers need a CJK font, or matplotlib draws boxes and the chart falls back to English labels.
# Idempotent: installs Debian's small WenQuanYi Micro Hei only when no CJK font is present.
set -euo pipefail
if fc-list 2>/dev/null | grep -qiE "wqy|noto sans cjk|source han|droid sans fallback"; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "no CJK font; install one (e.g. sudo apt-get install -y fonts-wqy-microhei) or Chinese charts use English labels" >&2
  exit 0
fi
echo "== installing a CJK font for Chinese chart labels"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-wqy-microhei >/dev/null
rm -rf "${MPLCONFIGDIR:-$HOME/.cache/matplotlib}"  # matplotlib caches its font list: let it see the new font
