#!/usr/bin/env bash
# The benchmark of design §6: builds the release app, serves it (and the same enquête in SurveyJS)
# on 127.0.0.1, measures in headless Chromium and writes BENCHMARKS.md. Separate from
# scripts/test.sh, which stays fast and asserts no timings. Takes ~15 min on 2 cores.
#
#   scripts/bench.sh                      everything
#   BENCH_ONLY=cold,size scripts/bench.sh a part (size, cold, autosave, import); the counts are
#                                         environment variables too, see bench/bench.mjs
#   BENCH_SKIP_SETUP=1 BENCH_SKIP_BUILD=1 use the tools and dist/ that are already there
#   BENCH_APP_DIR=/some/dist              measure that build instead of dist/ (implies no build)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

say() { printf '\n== %s\n' "$*" >&2; }
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$root/node_modules/.bin:$PATH"

if [ -z "${BENCH_SKIP_SETUP:-}" ]; then
  say "Setting up (tools, Chromium, npm packages)"
  scripts/setup.sh --test
fi
app_dir=${BENCH_APP_DIR:-dist}
if [ -z "${BENCH_SKIP_BUILD:-}" ] && [ -z "${BENCH_APP_DIR:-}" ]; then
  say "Building the release app (scripts/build_release.sh)"
  scripts/build_release.sh
fi
[ -f "$app_dir/index.html" ] || { echo "$app_dir/index.html is missing: build first" >&2; exit 1; }

say "Building the native parse benchmark (bench/native-parse)"
native_target=${CARGO_TARGET_DIR:-$root/target}
( cd bench/native-parse && CARGO_TARGET_DIR="$native_target" cargo build --release --locked --quiet )
native_bin="$native_target/release/samenscan-native-parse"

work=$(mktemp -d "${TMPDIR:-/tmp}/samenscan-bench.XXXXXX")
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# The app as built, copied so a rebuild during the run cannot change what is measured.
cp -r "$app_dir" "$work/app"

say "Preparing the SurveyJS page (all files local)"
mkdir -p "$work/surveyjs"
cp bench/surveyjs/index.html bench/surveyjs/main.js "$work/surveyjs/"
cp node_modules/survey-core/survey.core.min.js \
   node_modules/survey-core/survey-core.fontless.min.css \
   node_modules/survey-js-ui/survey-js-ui.min.js "$work/surveyjs/"
cp node_modules/survey-core/i18n/dutch.min.js "$work/surveyjs/survey.i18n.dutch.min.js"
{
  printf 'window.SAMENSCAN_SURVEY = '
  node bench/surveyjs-convert.mjs
  printf ';\n'
} > "$work/surveyjs/survey-json.js"

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}
serve() { # serve DIR VAR: python3 -m http.server on a free port; the URL goes into $VAR
  local dir=$1 port
  port=$(free_port)
  python3 -m http.server "$port" --bind 127.0.0.1 --directory "$dir" >"$dir.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 100); do
    if python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/', timeout=1)" 2>/dev/null; then
      printf -v "$2" 'http://127.0.0.1:%s/' "$port"
      return
    fi
    sleep 0.1
  done
  echo "the server for $dir did not start (see $dir.log)" >&2
  exit 1
}
serve "$work/app" app_url
serve "$work/surveyjs" surveyjs_url

say "Measuring (app $app_url, SurveyJS $surveyjs_url)"
BENCH_APP_URL=$app_url \
BENCH_SURVEYJS_URL=$surveyjs_url \
BENCH_DIST="$work/app" \
BENCH_SURVEYJS_DIR="$work/surveyjs" \
BENCH_NATIVE_BIN=$native_bin \
BENCH_OUT="${BENCH_OUT:-$root/BENCHMARKS.md}" \
  node bench/bench.mjs
