#!/usr/bin/env bash
# Renders each view of Limpet's window to docs/screenshots/<view>.png (cluster, charts, sessions,
# inspector, tracing, log, config) for the README: the demo cluster runs in-process with
# browser-like traffic through it and one backend drained midway, under Xvfb. Not part of ctest.
#
#   tests/screenshots.sh                 # build/bin/limpet_screenshots, or builds it into build/
#   SECONDS_OF_TRAFFIC=30 tests/screenshots.sh
#
# Environment: BUILD_DIR (default build), OUT (default docs/screenshots), SECONDS_OF_TRAFFIC
# (default 20: how long traffic runs before the grabs), SIZE (window, default 1360x850),
# SCREENSHOTS (the tool's binary; default $BUILD_DIR/bin/limpet_screenshots, built when missing).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
# shellcheck source=SCRIPTDIR/../scripts/lib.sh
source "$root/scripts/lib.sh"

BUILD_DIR="${BUILD_DIR:-$root/build}"
OUT="${OUT:-$root/docs/screenshots}"
SECONDS_OF_TRAFFIC="${SECONDS_OF_TRAFFIC:-20}"
SIZE="${SIZE:-1360x850}"
SCREENSHOTS="${SCREENSHOTS:-$BUILD_DIR/bin/limpet_screenshots}"

if ! command -v xvfb-run >/dev/null 2>&1 || ! command -v xauth >/dev/null 2>&1; then
    limpet_install_packages xvfb xauth >&2
fi
if [[ ! -x "$SCREENSHOTS" ]]; then
    limpet_log "$SCREENSHOTS not found: building it"
    limpet_install_packages "${LIMPET_PACKAGES[@]}" >&2
    [[ -f "$BUILD_DIR/build.ninja" ]] ||
        cmake -S "$root" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release >&2
    cmake --build "$BUILD_DIR" --target limpet_screenshots >&2
    [[ -x "$SCREENSHOTS" ]] || { limpet_log "build finished but $SCREENSHOTS does not exist"; exit 1; }
fi

mkdir -p "$OUT"
limpet_log "rendering the views into $OUT (${SECONDS_OF_TRAFFIC}s of traffic first)"
# xcb under Xvfb, as a user's desktop would draw it (not the offscreen platform); a private
# display (-a) so a running X server is left alone.
QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1400x900x24" \
    "$SCREENSHOTS" --seconds "$SECONDS_OF_TRAFFIC" --size "$SIZE" "$OUT"
for view in cluster charts sessions inspector tracing log config; do
    [[ -s "$OUT/$view.png" ]] || { limpet_log "missing $OUT/$view.png"; exit 1; }
done
limpet_log "done: $(cd "$OUT" && echo ./*.png)"
