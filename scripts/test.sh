#!/usr/bin/env bash
# Runs every test and check; stops at the first failure with a non-zero exit.
# Installs what is missing first (scripts/setup.sh --test); safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"
step() { printf '\n== %s\n' "$*"; }

# The build directories of one full run take ~4 GB; say so at once when the disk is short
# rather than failing half-way with "No space left on device".
free_mb=$(df -Pm . | awk 'NR == 2 { print $4 }')
if [ "${free_mb:-0}" -lt 5000 ]; then
  printf 'warning: %s MB free on this disk; a full test run needs about 4,000 MB for target/\n' "$free_mb" >&2
fi

step "Formatting (cargo fmt --check)"
cargo fmt --check

step "Lints, native (cargo clippy -D warnings)"
cargo clippy --locked --all-targets -- -D warnings

# On wasm32 only the library, the binary and the browser tests (tests/web_*.rs) are built:
# the native test files use proptest, which is a native-only dev-dependency.
step "Lints, wasm32 (cargo clippy -D warnings)"
cargo clippy --locked --target wasm32-unknown-unknown --lib --bins --test 'web_*' -- -D warnings

step "Native tests (cargo test)"
cargo test --locked

# The examples in the API docs (off in the default `cargo test`, see Cargo.toml): run here so an
# example that no longer compiles or holds fails the command.
step "Documentation examples (cargo test --doc)"
cargo test --locked --doc

# Checked, not linked, in the main target directory: its dependencies are the ones clippy has
# just checked, so this adds little time and no second multi-gigabyte build directory.
step "The fuzz target compiles (fuzz/, decode + validate)"
cargo check --manifest-path fuzz/Cargo.toml --target-dir target --bin decode

step "Browser tests in headless Chromium (wasm-bindgen-test)"
cargo test --locked --target wasm32-unknown-unknown --test 'web_*'

step "Release build (scripts/build_release.sh: trunk build --release on the pinned nightly)"
scripts/build_release.sh

step "Size of the release build"
python3 scripts/size_report.py dist

step "End-to-end tests in headless Chromium (Playwright, axe-core)"
npm run --silent e2e
