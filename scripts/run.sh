#!/usr/bin/env bash
# Builds the release app and serves it on http://127.0.0.1:${PORT:-8080}/ (Ctrl+C stops).
# Installs what is missing first (scripts/setup.sh); safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"
scripts/build_release.sh
port="${PORT:-8080}"
printf '\nSamenscan is served at  http://127.0.0.1:%s/   (Ctrl+C stops)\n\n' "$port"
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory "$PWD/dist"
