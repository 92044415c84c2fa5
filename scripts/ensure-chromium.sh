#!/usr/bin/env bash
# Make sure a headless Chromium is available for test/cross-runtime (Debian's `chromium` package).
# Idempotent and quiet: does nothing when a browser is already on PATH; otherwise installs it with
# apt-get (root, or passwordless sudo). Prints the browser's path on success; exits non-zero with one
# line on stderr when it cannot install (no apt-get, no privileges, no network).
set -euo pipefail

find_browser() {
  if [ -n "${CHROMIUM_BIN:-}" ] && [ -x "${CHROMIUM_BIN}" ]; then echo "${CHROMIUM_BIN}"; return 0; fi
  for name in chromium chromium-browser google-chrome-stable google-chrome; do
    if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return 0; fi
  done
  return 1
}

if find_browser; then exit 0; fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: no chromium on PATH and no apt-get to install it" >&2
  exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO=(sudo -n)
else
  echo "ensure-chromium: no chromium on PATH, and installing it needs root (or passwordless sudo)" >&2
  exit 1
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
export DEBIAN_FRONTEND=noninteractive
if ! { "${SUDO[@]}" apt-get update -qq && "${SUDO[@]}" apt-get install -y -qq --no-install-recommends chromium; } >"$log" 2>&1; then
  echo "ensure-chromium: apt-get could not install chromium; last lines of its output:" >&2
  tail -n 5 "$log" >&2
  exit 1
fi

if find_browser; then exit 0; fi
echo "ensure-chromium: chromium was installed but is not on PATH" >&2
exit 1
