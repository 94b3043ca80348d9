#!/usr/bin/env bash
# Measures the release game under Xvfb: time from process start to the first
# frame of the profile screen, CPU used while idle on the library screen for
# 10 s, and peak memory. Prints the three figures.
#
# Builds the release binary if needed (a separate profile: not part of
# scripts/test.sh). Needs: xvfb mesa-vulkan-drivers xdotool x11-apps (xwd).
set -euo pipefail
cd "$(dirname "$0")/.."

bin=target/release/headset
if [ "${SKIP_BUILD:-0}" != 1 ]; then
    cargo build --release --locked
fi
# shellcheck source=scripts/xvfb-session.sh
. scripts/xvfb-session.sh
start_xvfb

mkdir -p "$work/data"
echo '(name: "Sam")' >"$work/data/settings.ron"

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)

# 1. Startup: from just before exec until the profile screen is on the
#    screen, timed from outside: the X screen is read every ~30 ms (xwd) for
#    5 s and every distinct picture kept with its time; afterwards the first
#    picture with real content (more than 50 colours: not an empty window)
#    gives the figure.
t0=$(date +%s%N)
HEADSET_DATA_DIR="$work/data" RUST_LOG=info NO_COLOR=1 "$bin" --scenarios scenarios >"$work/game.log" 2>&1 &
game_pid=$!
last=""
i=0
while [ $(($(date +%s%N) - t0)) -lt 5000000000 ]; do
    xwd -root -silent >"$work/now.xwd"
    now=$(date +%s%N)
    hash=$(md5sum <"$work/now.xwd")
    if [ "$hash" != "$last" ]; then
        i=$((i + 1))
        mv "$work/now.xwd" "$work/frame-$i.xwd"
        echo "$(((now - t0) / 1000000))" >"$work/frame-$i.ms"
        last=$hash
    fi
done
startup_ms=""
for k in $(seq "$i"); do
    colours=$(convert "xwd:$work/frame-$k.xwd" -format '%k' info:)
    if [ "$colours" -gt 50 ]; then
        startup_ms=$(cat "$work/frame-$k.ms")
        break
    fi
done
[ -n "$startup_ms" ] || { cat "$work/game.log"; echo "the profile screen never appeared" >&2; exit 1; }

# 2. Idle on the library screen: enter it, let it settle, count CPU ticks.
wid=$(timeout 30 xdotool search --sync --name '^Headset$' | head -n 1)
xdotool windowfocus --sync "$wid"
xdotool mousemove --window "$wid" 1275 795
xdotool key Return
for _ in $(seq 100); do grep -q "screen: Library" "$work/game.log" && break; sleep 0.1; done
sleep 3
c0=$(ticks "$game_pid")
sleep 10
c1=$(ticks "$game_pid")
idle_pct=$(awk -v t="$((c1 - c0))" -v hz="$hz" 'BEGIN { printf "%.1f", t / hz / 10 * 100 }')

# 3. Peak memory over the whole run (resident set high-water mark).
peak_kb=$(awk '/VmHWM/ {print $2}' "/proc/$game_pid/status")
peak_mb=$((peak_kb / 1024))

echo "startup to first frame: ${startup_ms} ms (target <= 1500)"
echo "idle CPU on the library screen over 10 s: ${idle_pct} % of one core (target <= 2)"
echo "peak memory (VmHWM): ${peak_mb} MB (target <= 250)"
