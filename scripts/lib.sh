# shellcheck shell=bash
# Shared helpers for scripts/run, scripts/test and tests/bench/run.sh. Source it; do not run it.
# Callers set `set -euo pipefail` themselves.

# Debian packages needed to build, test and run Limpet (and its benchmark).
LIMPET_PACKAGES=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qcoro-qt6-dev node-llhttp libtomlplusplus-dev libgl-dev libqt6opengl6-dev qtkeychain-qt6-dev
    curl haproxy nginx-light wrk xvfb xauth procps
)

# The repository root: the parent of this scripts/ directory, from any cwd.
LIMPET_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

limpet_log() {
    printf '[limpet] %s\n' "$*" >&2
}

# Prints the packages from "$@" that dpkg does not report as installed.
limpet_missing_packages() {
    local pkg status
    for pkg in "$@"; do
        status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
        if [[ "$status" != *" installed" ]]; then
            printf '%s\n' "$pkg"
        fi
    done
}

# Installs the packages from "$@" (default: LIMPET_PACKAGES) that are not installed yet.
# Runs apt-get through sudo when not root and sudo exists; never reads stdin.
limpet_install_packages() {
    local -a wanted=("$@")
    if ((${#wanted[@]} == 0)); then
        wanted=("${LIMPET_PACKAGES[@]}")
    fi
    if ! command -v dpkg-query >/dev/null 2>&1; then
        limpet_log "dpkg-query not found: not a Debian system, skipping package installation"
        return 0
    fi
    local -a missing
    mapfile -t missing < <(limpet_missing_packages "${wanted[@]}")
    if ((${#missing[@]} == 0)); then
        return 0
    fi
    local -a sudo=(env)
    if [[ "$(id -u)" != 0 ]]; then
        if command -v sudo >/dev/null 2>&1; then
            # Without a terminal (CI) sudo must not wait for a password it cannot read.
            if [[ -t 0 ]]; then sudo=(sudo env); else sudo=(sudo -n env); fi
        else
            limpet_log "missing packages: ${missing[*]}"
            limpet_log "not root and no sudo: install them as root, then run again"
            return 1
        fi
    fi
    limpet_log "installing: ${missing[*]}"
    "${sudo[@]}" DEBIAN_FRONTEND=noninteractive apt-get update </dev/null
    "${sudo[@]}" DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        "${missing[@]}" </dev/null
}

# Configures and builds Limpet (Release, Ninja) into $LIMPET_ROOT/build.
limpet_build() {
    cmake -S "$LIMPET_ROOT" -B "$LIMPET_ROOT/build" -G Ninja -DCMAKE_BUILD_TYPE=Release
    cmake --build "$LIMPET_ROOT/build" --parallel
}
