#!/usr/bin/env bash
# Runs every test Headset has. On a fresh Debian machine it first installs what
# the tests need; on a prepared machine the install steps are quick no-ops.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\n== %s\n' "$*"; }

# Debian packages the tests need: the game's end-to-end test runs the real
# window under Xvfb on Mesa's software Vulkan, drives it with xdotool and
# checks screenshots with ImageMagick. winit loads the X libraries at run time.
# Python with venv runs the Ralph LRS the LRS tests deliver to. Graphviz's
# dot must accept every dialogue graph `headset graph` draws. gcc builds the
# mimalloc allocator's C source (and links Rust on a bare machine).
apt_packages=(xvfb mesa-vulkan-drivers libvulkan1 xdotool imagemagick
    libx11-6 libxcursor1 libxrandr2 libxi6 libxkbcommon-x11-0
    python3 python3-venv graphviz gcc)
need_apt=()
for p in "${apt_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need_apt+=("$p")
done
if [ ${#need_apt[@]} -gt 0 ]; then
    log "installing ${need_apt[*]}"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}"
fi

if ! command -v cargo >/dev/null; then
    echo "cargo is missing: install Rust 1.95 with rustup (https://rustup.rs)" >&2
    exit 2
fi
for component in rustfmt clippy; do
    if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
        log "installing $component"
        rustup component add "$component"
    fi
done

log "cargo fmt --check"
cargo fmt --check

log "cargo clippy"
cargo clippy --locked --all-targets -- -D warnings

# The LRS tests (tests/lrs_*.rs) deliver to a real learning record store:
# Ralph, from PyPI, in a virtual environment kept in the user's cache
# (about 50 s the first time, a second after). The tests start and stop it.
log "Ralph LRS for the LRS tests"
HEADSET_RALPH="$(scripts/lrs-setup.sh)"
export HEADSET_RALPH HEADSET_REQUIRE_LRS=1

log "cargo test"
cargo test --locked

# The binary cargo test just built: `cargo run` would resolve features without
# the dev-dependencies and rebuild egui, bevy_egui and headset for nothing.
log "validate shipped scenarios with the real binary"
target/debug/headset validate scenarios

log "Graphviz accepts every dialogue graph"
for f in scenarios/*/*.ron; do
    target/debug/headset graph "$f" --format dot | dot -Tsvg > /dev/null || {
        echo "dot rejected the graph of $f" >&2
        exit 1
    }
done

# The binary cargo test built (same profile): no second build.
log "the game end to end under Xvfb"
scripts/e2e-game.sh

log "all tests passed"
