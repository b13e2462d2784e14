#!/usr/bin/env bash
# Install everything babele and its tests need on a fresh Debian machine, then
# (unless --no-run) run the pipeline on the shipped project.
#   Debian packages: libxml2-utils (xmllint validates XLIFF against the OASIS
#   schemas in tests), python3 (runs ../shared/tools/fill-xliff.py, the
#   translator stand-in of the round-trip tests), omegat (the real CAT tool of
#   the OmegaT round-trip test, run headless in console mode), chromium and
#   fonts-liberation (the headless browser the report pages are tested in,
#   driven by the npm package playwright-core, which never downloads one; the
#   font so its screenshots have text whatever APT's Install-Recommends), and
#   the offline machine translation `npm start` drafts every locale with and its
#   tests check: apertium (the engine and its `apertium` command) with the
#   pairs the shipped babele.config.json names, apertium-spa-ita (it→es),
#   apertium-cat-ita (it→ca, and the first leg of it→en and it→fr),
#   apertium-eng-cat (ca→en), apertium-fra-cat (ca→fr), apertium-fr-es (es→fr,
#   the other pivot to French), and apertium-apy (the HTTP server the HTTP
#   engine's tests run on 127.0.0.1).
#   npm packages: exactly package-lock.json (npm ci).
set -euo pipefail
cd "$(dirname "$0")/.."

# ava 7 and the TypeScript sources need Node.js 20.19 or later.
if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' 2>/dev/null; then
  echo "setup: Node.js 20.19 or later is required (found: $(node --version 2>/dev/null || echo none))" >&2
  exit 1
fi

packages=(libxml2-utils python3 omegat chromium fonts-liberation apertium apertium-spa-ita apertium-cat-ita apertium-eng-cat apertium-fra-cat apertium-fr-es apertium-apy)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  echo "setup: installing Debian packages: ${missing[*]}"
  # Slim images lack this folder, and the Java runtime OmegaT pulls in fails without it.
  "${sudo_cmd[@]}" mkdir -p /usr/share/man/man1
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

echo "setup: npm ci"
npm ci --no-audit --no-fund

if [ "${1:-}" != "--no-run" ]; then
  echo "setup: running the pipeline on the shipped project (npm start)"
  npm start
fi
