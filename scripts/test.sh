#!/usr/bin/env bash
# Runs every test and check; stops at the first failure with a non-zero exit.
# Installs what is missing first (scripts/setup.sh --test); safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"
step() { printf '\n== %s\n' "$*"; }

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

step "The fuzz target builds (fuzz/, decode + validate)"
cargo build --manifest-path fuzz/Cargo.toml --bin decode

step "Browser tests in headless Chromium (wasm-bindgen-test)"
cargo test --locked --target wasm32-unknown-unknown --test 'web_*'

step "Release build (trunk build --release)"
trunk build --release

step "Size of the release build"
python3 scripts/size_report.py dist

step "End-to-end tests in headless Chromium (Playwright, axe-core)"
npm run --silent e2e
