#!/usr/bin/env bash
# Install everything babele and its tests need on a fresh Debian machine, then
# (unless --no-run) run the pipeline on the shipped project.
#   Debian packages: libxml2-utils (xmllint validates XLIFF against the OASIS
#   schemas in tests), python3 (runs ../shared/tools/fill-xliff.py, the
#   translator stand-in of the round-trip tests), omegat (the real CAT tool of
#   the OmegaT round-trip test, run headless in console mode).
#   npm packages: exactly package-lock.json (npm ci).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(libxml2-utils python3 omegat)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  echo "setup: installing Debian packages: ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

echo "setup: npm ci"
npm ci --no-audit --no-fund

if [ "${1:-}" != "--no-run" ]; then
  echo "setup: running the pipeline on the shipped project (npm start)"
  npm start
fi
