#!/usr/bin/env bash
# End-to-end check of the real game: start the binary under Xvfb (Mesa's
# software Vulkan), play one call with key presses only, and save
# screenshots of the library, the call and the debrief into
# docs/screenshots/; then author mode on a copy of one scenario, with a
# broken and a fixed save that must reload without a key press (the
# author.png screenshot). Fails if a screen never appears, a reload does not
# come within 5 s, or a screenshot is blank.
#
# Uses the binary `cargo test` already built (target/debug/headset), so no
# second build profile is needed. Needs: xvfb mesa-vulkan-drivers xdotool
# imagemagick (scripts/test.sh installs them).
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${HEADSET_BIN:-target/debug/headset}
out=${HEADSET_SCREENSHOTS:-docs/screenshots}
# shellcheck source=scripts/xvfb-session.sh
. scripts/xvfb-session.sh

fail() {
    echo "e2e: $*" >&2
    echo "--- game log (last 30 lines) ---" >&2
    tail -n 30 "$work/game.log" >&2 || true
    exit 1
}

[ -x "$bin" ] || fail "$bin is missing: run cargo test (or cargo build) first"

start_xvfb || fail "Xvfb did not start"

# Wait until the game's log has a line (the game logs every screen change).
wait_for() {
    local what=$1 secs=${2:-60}
    for _ in $(seq $((secs * 10))); do
        grep -q "$what" "$work/game.log" && return 0
        kill -0 "$game_pid" 2>/dev/null || fail "the game exited while waiting for '$what'"
        sleep 0.1
    done
    fail "'$what' never appeared within ${secs}s"
}

# A screenshot that is not blank: a real screen has many colours.
shot() {
    local file="$out/$1.png"
    sleep 1.5 # let the last frames settle
    import -window root "$file" || fail "screenshot $file failed"
    local colours
    colours=$(convert "$file" -format '%k' info:)
    [ "$colours" -gt 50 ] || fail "screenshot $file looks blank ($colours colours)"
    echo "e2e: saved $file ($colours colours)"
}

key() { xdotool key --delay 80 "$@"; }

mkdir -p "$out"
# A returning trainee: settings saved by an earlier session, with the
# customer speed "Off", so lines come when Space is pressed and the run does
# not depend on how fast this machine is.
mkdir -p "$work/data"
cat >"$work/data/settings.ron" <<'RON'
(name: "Sam", lang: En, text_size: Normal, timers: Off)
RON
# Starts the game on the scenario folder $1 (further arguments go to the
# game) and waits for its window and first frame.
start_game() {
    local folder=$1
    shift
    HEADSET_DATA_DIR="$work/data" RUST_LOG=info NO_COLOR=1 \
        "$bin" --scenarios "$folder" --seed 7 "$@" >"$work/game.log" 2>&1 &
    game_pid=$!
    wait_for "screen: Profile"
    wid=$(timeout 60 xdotool search --sync --name '^Headset$' | head -n 1)
    [ -n "$wid" ] || fail "no game window"
    wait_for "first frame submitted after"
    xdotool windowfocus --sync "$wid"
    # Keep the pointer out of the way: hover highlights are not part of the test.
    xdotool mousemove --window "$wid" 1275 795
}

start_game scenarios
grep -o "first frame submitted after [0-9]* ms" "$work/game.log" | sed 's/^/e2e: /'

# Profile: the saved name is filled in; Enter starts.
key Return
wait_for "screen: Library"
# The first call in the list (English first, easiest first) is selected.
shot library

key Return
wait_for "screen: Call"
# Each turn: Space until the customer has finished, then a reply by its
# number. Reply 1 is whatever the seed put first; the call ends within a
# few turns either way.
listen() { for _ in $(seq 6); do key space; sleep 0.3; done; }
listen
key 2
sleep 0.5
listen
shot call
for _ in $(seq 8); do
    grep -q "call ended" "$work/game.log" && break
    key 1
    sleep 0.5
    listen
done
grep -q "call ended" "$work/game.log" || key h
wait_for "call ended" 10
grep -o "call ended.*" "$work/game.log" | sed 's/^/e2e: /'
sleep 1
key Return
wait_for "screen: Debrief" 30
shot debrief

echo "e2e: library, call and debrief reached with the keyboard alone"

# Author mode, as a trainer uses it: a copy of one scenario, a jump with the
# keyboard, then saves from "the editor" while no key is pressed. Nothing
# but the game's own file watching may wake it for the reload.
kill "$game_pid" 2>/dev/null || true
wait "$game_pid" 2>/dev/null || true
mkdir -p "$work/sc/en"
kettle="$work/sc/en/warranty-kettle.ron"
cp scenarios/en/warranty-kettle.ron "$kettle"
start_game "$work/sc" --author
key Return
wait_for "screen: Library"
key Return
wait_for "screen: Call"
listen
# The jump list is in play order: open, receipt, when, descale,
# receipt_first, toaster, manager_request, pushback. Seven down, then J.
for _ in $(seq 7); do key Next; done
key j
listen
# Saved the way many editors save: a new file renamed over the old one.
save() { cp "$1" "$kettle.tmp" && mv "$kettle.tmp" "$kettle"; }
sed 's/channel: Phone/channel: Phon/' scenarios/en/warranty-kettle.ron >"$work/broken.ron"
save "$work/broken.ron"
wait_for "has errors; the call keeps the last good version" 5
shot author
sed 's/proof enough?/proof enough, surely?/' scenarios/en/warranty-kettle.ron >"$work/fixed.ron"
save "$work/fixed.ron"
wait_for "warranty-kettle.ron reloaded" 5
echo "e2e: author mode jumped by key and reloaded two saves without a key press"
