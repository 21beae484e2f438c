#!/usr/bin/env bash
# Installs what building (and, with `--test`, testing) Samenscan needs, and nothing that is
# already there: safe to run any number of times. Downloads come only from the package
# registries (crates.io, npm, Debian) and rustup. Versions are pinned; see ../shared/toolchain.md.
#
#   scripts/setup.sh          build tools: wasm32 target, the release build's pinned nightly,
#                             trunk, wasm-bindgen-cli, npm packages
#   scripts/setup.sh --test   the above, plus Chromium and ChromeDriver for the browser tests
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# Keep in step with RUSTUP_TOOLCHAIN in scripts/build_release.sh.
RELEASE_TOOLCHAIN=nightly-2026-05-20
with_test=false
[ "${1:-}" = "--test" ] && with_test=true

say() { printf '\n== %s\n' "$*"; }
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"

if ! command -v cargo >/dev/null; then
  echo "cargo is missing: install Rust with rustup first (https://rustup.rs)." >&2
  exit 1
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "Adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "Adding rustup component $component"
    rustup component add "$component"
  fi
done

# The release build (scripts/build_release.sh) uses this nightly, and only that build: it rebuilds
# the standard library (-Zbuild-std) for a smaller wasm. Needs its source (rust-src); ~20 s once.
if ! rustup run "$RELEASE_TOOLCHAIN" rustc --version >/dev/null 2>&1 \
  || ! rustup component list --toolchain "$RELEASE_TOOLCHAIN" --installed | grep -q '^rust-src' \
  || ! rustup target list --toolchain "$RELEASE_TOOLCHAIN" --installed | grep -qx wasm32-unknown-unknown; then
  say "Installing Rust $RELEASE_TOOLCHAIN with rust-src (the release build only)"
  rustup toolchain install "$RELEASE_TOOLCHAIN" --profile minimal -c rust-src -t wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  say "Installing trunk $TRUNK_VERSION (takes several minutes once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# wasm-bindgen-cli must be exactly the wasm-bindgen of Cargo.lock. Installed without --locked:
# its own lock file names a crate version the registry no longer serves (toolchain.md).
wbg_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$wbg_version" ]; then
  echo "Cannot find wasm-bindgen in Cargo.lock." >&2
  exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wbg_version" ]; then
  say "Installing wasm-bindgen-cli $wbg_version (takes a few minutes once)"
  cargo install wasm-bindgen-cli --version "$wbg_version" --force
fi

# npm packages: binaryen's wasm-opt (Debian's is too old and silently breaks the app), and the
# end-to-end test tools. `npm ci` only when the lock file changed since the last install.
if ! command -v npm >/dev/null; then
  say "Installing Node.js and npm (Debian)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm
fi
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "Installing npm packages (npm ci)"
  npm ci --no-audit --no-fund
fi

say "Fetching crates (then every build runs offline)"
cargo fetch --locked
# The standard library's own crates, for -Zbuild-std in the (offline) release build.
cargo "+$RELEASE_TOOLCHAIN" fetch --locked --manifest-path \
  "$(rustup run "$RELEASE_TOOLCHAIN" rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"

if $with_test; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "Installing Chromium and ChromeDriver (Debian)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
  fi
  # The fuzz target's libfuzzer-sys compiles libFuzzer (C++).
  if ! command -v c++ >/dev/null; then
    say "Installing a C++ compiler for the fuzz target (Debian)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq g++
  fi
fi
