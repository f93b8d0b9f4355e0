#!/usr/bin/env bash
# Install Debian's Chromium for the Playwright browser tests (Playwright's own browser download
# needs the internet; Debian's package comes from the package registry). Idempotent; one line out.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  echo "browser: $(chromium --version 2>/dev/null | head -1) at $(command -v chromium)"
  exit 0
fi
if [[ "$(id -u)" != "0" ]] && ! command -v sudo >/dev/null 2>&1; then
  echo "install-browser: chromium is missing and this user cannot run apt-get; install the 'chromium' package" >&2
  exit 1
fi
SUDO=""; [[ "$(id -u)" == "0" ]] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null
echo "browser: $(chromium --version 2>/dev/null | head -1) installed"
