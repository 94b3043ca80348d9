#!/usr/bin/env bash
# Times `headset validate --no-explore` (release: loading and the static
# checks) on a generated library of 1,000 scenarios of 40 nodes, next to
# reading the same bytes with cat. The engine-based checks explore every call
# and are timed by `cargo bench --bench explore` instead.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cargo build --release --locked -q
cargo run --release --locked -q --example gen_library -- "$dir" 1000 40
for i in 1 2 3; do
    /usr/bin/time -f "validate: %e s wall, %U s user, %M KB peak" target/release/headset validate --no-explore "$dir" >/dev/null 2>"$dir/t" || true
    tail -1 "$dir/t"
done
/usr/bin/time -f "cat (raw read): %e s wall" sh -c "cat $dir/*.ron >/dev/null"
