#!/usr/bin/env bash
# The release build (trunk build --release), made small enough for the 350 KB gzip budget of
# ../shared/design.md §6 with a pinned nightly Rust used for this build only: it rebuilds the
# standard library (-Zbuild-std) with the immediate-abort panic strategy and the standard
# library's `optimize_for_size` feature. Everything else (cargo test, clippy, the wasm browser
# tests, `trunk serve`) keeps using stable. scripts/setup.sh installs the toolchain and fetches
# the standard library's crates, so this runs offline like every other build.
#
#   scripts/build_release.sh            leaves the app in dist/ (extra arguments go to trunk)
#
# A panic aborts at once: the browser console shows "RuntimeError: unreachable" instead of the
# panic message (the message formatting is what this drops).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"
# Keep in step with RELEASE_TOOLCHAIN in scripts/setup.sh.
export RUSTUP_TOOLCHAIN="nightly-2026-05-20"
export CARGO_UNSTABLE_BUILD_STD="std,panic_abort"
export CARGO_UNSTABLE_BUILD_STD_FEATURES="optimize_for_size"
export CARGO_UNSTABLE_PANIC_IMMEDIATE_ABORT="true"
export CARGO_PROFILE_RELEASE_PANIC="immediate-abort"
exec trunk build --release "$@"
