#!/usr/bin/env bash
# What the window costs the proxy: Limpet's throughput with the GUI open (under Xvfb, the
# Sessions or Charts tab visible) vs headless (--no-gui), in front of the same three nginx
# backends, same config, one worker. Not part of ctest. Everything listens on 127.0.0.1 only and
# every process started here is stopped on exit.
#
#   tests/bench/gui.sh                       # 3 alternating rounds of 10 s, sticky cookies
#   GUI_TAB=charts tests/bench/gui.sh        # the Charts tab instead of Sessions
#   SCENARIO=nocookie tests/bench/gui.sh     # every request a new session (the table grows)
#   SESSIONS=100000 tests/bench/gui.sh       # 100,000 sessions in the table before the load
#
# Environment: DURATION (s, default 10), ROUNDS (default 3: headless and GUI alternate, each
# round starts a fresh process, and the median of each is reported), WARMUP (s, default 2),
# CONNECTIONS (wrk -c, default 50), GUI_TAB (sessions | charts, default sessions), SCENARIO
# (sticky | nocookie, default sticky), SESSIONS (bindings restored from a state file at each
# start, default 0), LIMPET (binary, default build/bin/limpet), KEEP_TMP=1
# keeps the temporary directory with configs, logs and raw wrk output. Each measured round also
# logs the CPU time of Limpet's threads (from /proc/PID/task/*/stat), in % of one core.
#
# Without a display the script runs itself again under xvfb-run. The tab is chosen the way a
# user's last session would leave it (the window's saved settings, in a private
# XDG_CONFIG_HOME): Limpet needs no option for it.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# shellcheck source=SCRIPTDIR/../../scripts/lib.sh
source "$root/scripts/lib.sh"

DURATION="${DURATION:-10}"
ROUNDS="${ROUNDS:-3}"
WARMUP="${WARMUP:-2}"
CONNECTIONS="${CONNECTIONS:-50}"
GUI_TAB="${GUI_TAB:-sessions}"
SCENARIO="${SCENARIO:-sticky}"
LIMPET="${LIMPET:-$root/build/bin/limpet}"
SESSIONS="${SESSIONS:-0}"
for v in DURATION ROUNDS WARMUP CONNECTIONS; do
    if ! [[ "${!v}" =~ ^[0-9]+$ ]] || ((${!v} < 1)); then
        echo "gui bench: $v must be a positive integer (got '${!v}')" >&2
        exit 2
    fi
done
if ! [[ "$SESSIONS" =~ ^[0-9]+$ ]]; then
    echo "gui bench: SESSIONS must be a number of sessions (got '$SESSIONS')" >&2
    exit 2
fi
case "$GUI_TAB" in
sessions) tab_index=2 ;;
charts) tab_index=1 ;;
*)
    echo "gui bench: GUI_TAB must be sessions or charts (got '$GUI_TAB')" >&2
    exit 2
    ;;
esac
case "$SCENARIO" in
sticky | nocookie) ;;
*)
    echo "gui bench: SCENARIO must be sticky or nocookie (got '$SCENARIO')" >&2
    exit 2
    ;;
esac

log() { printf '[gui-bench] %s\n' "$*" >&2; }
die() {
    printf '[gui-bench] ERROR: %s\n' "$*" >&2
    exit 1
}

# --- tools ---------------------------------------------------------------------------------
declare -A tool_package=([nginx]=nginx-light [wrk]=wrk [curl]=curl [python3]=python3
    [xvfb-run]=xvfb [xauth]=xauth [xwininfo]=x11-utils)
missing=()
for tool in "${!tool_package[@]}"; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("${tool_package[$tool]}")
done
if ((${#missing[@]})); then
    limpet_install_packages "${missing[@]}" >&2
fi
if [[ ! -x "$LIMPET" ]]; then
    log "$LIMPET not found: building Limpet first"
    limpet_install_packages "${LIMPET_PACKAGES[@]}" >&2
    limpet_build >&2
    [[ -x "$LIMPET" ]] || die "build finished but $LIMPET does not exist"
fi

# The GUI run needs an X display: take a private one for the whole script.
if [[ -z "${DISPLAY:-}" ]]; then
    exec xvfb-run -a -s "-screen 0 1400x900x24" "$0" "$@"
fi

# --- process bookkeeping -------------------------------------------------------------------
tmp="$(mktemp -d "${TMPDIR:-/tmp}/limpet-gui-bench.XXXXXX")"
pids=()

stop_pid() { # stop_pid PID: TERM, wait up to 5 s, then KILL (children too, e.g. nginx workers)
    local pid="$1" i children
    kill -0 "$pid" 2>/dev/null || {
        wait "$pid" 2>/dev/null || true
        return 0
    }
    children="$(pgrep -P "$pid" 2>/dev/null || true)"
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        log "process $pid did not stop on SIGTERM: killing it"
        # shellcheck disable=SC2086
        kill -KILL "$pid" $children 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
    for child in $children; do
        if kill -0 "$child" 2>/dev/null; then kill -KILL "$child" 2>/dev/null || true; fi
    done
}

forget_pid() { # removes PID from the cleanup list once it has been stopped
    local keep=() p
    for p in "${pids[@]}"; do [[ "$p" == "$1" ]] || keep+=("$p"); done
    pids=("${keep[@]}")
}

cleanup() {
    local rc=$? i
    trap - EXIT INT TERM
    for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
        stop_pid "${pids[i]}"
    done
    if [[ "${KEEP_TMP:-0}" == 1 || $rc -ne 0 ]]; then
        log "logs and configs kept in $tmp"
    else
        rm -rf "$tmp"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- ports ---------------------------------------------------------------------------------
read -r P1 P2 P3 LIMPET_PORT < <(python3 -c '
import socket
socks = []
for _ in range(4):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    socks.append(s)
print(" ".join(str(s.getsockname()[1]) for s in socks))
')

wait_http() { # wait_http NAME PID PORT LOG: until the port answers HTTP (at most ~10 s)
    local name="$1" pid="$2" port="$3" logfile="$4" i
    for ((i = 0; i < 100; i++)); do
        if ! kill -0 "$pid" 2>/dev/null; then
            tail -n 20 "$logfile" >&2 || true
            die "$name exited during start-up (log: $logfile)"
        fi
        if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/"; then
            return 0
        fi
        sleep 0.1
    done
    tail -n 20 "$logfile" >&2 || true
    die "$name does not accept connections on 127.0.0.1:$port after 10 s"
}

# --- nginx backends (as tests/bench/run.sh) ------------------------------------------------
start_nginx() { # start_nginx INDEX PORT
    local i="$1" port="$2" dir="$tmp/nginx$1" user=""
    mkdir -p "$dir/logs" "$dir/tmp"
    [[ "$(id -u)" == 0 ]] && user="user root;"
    cat >"$dir/nginx.conf" <<NGINX
$user
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    keepalive_requests 100000;
    keepalive_timeout 600s;
    client_body_temp_path $dir/tmp/body;
    proxy_temp_path $dir/tmp/proxy;
    fastcgi_temp_path $dir/tmp/fastcgi;
    uwsgi_temp_path $dir/tmp/uwsgi;
    scgi_temp_path $dir/tmp/scgi;
    server {
        listen 127.0.0.1:$port;
        location / {
            add_header X-Backend s$i;
            return 200 "ok\n";
        }
    }
}
NGINX
    nginx -p "$dir/" -c "$dir/nginx.conf" -e "$dir/logs/error.log" -g 'daemon off;' \
        >"$dir/logs/stdout.log" 2>&1 </dev/null &
    pids+=($!)
    wait_http "nginx s$i" "$!" "$port" "$dir/logs/error.log"
}

# --- Limpet --------------------------------------------------------------------------------
cat >"$tmp/limpet.toml" <<TOML
[listener]
bind = "127.0.0.1:$LIMPET_PORT"
workers = 1

[admin]
enabled = false

[timeouts]
keepalive = 600000
client = 600000
shutdown = 2000

[state]
file = "$tmp/limpet.state.json"

[[pool]]
name = "app"
balance = "roundrobin"

[pool.sticky]
mode = "insert"
cookie = "SRV"

[[pool.backend]]
name = "s1"
address = "127.0.0.1:$P1"

[[pool.backend]]
name = "s2"
address = "127.0.0.1:$P2"

[[pool.backend]]
name = "s3"
address = "127.0.0.1:$P3"
TOML
"$LIMPET" --check-config "$tmp/limpet.toml" >/dev/null || die "Limpet rejects $tmp/limpet.toml"

# SESSIONS bindings over the three backends, in the state file Limpet restores at start (a
# fresh copy for each start: Limpet saves its own on the way out).
if ((SESSIONS > 0)); then
    python3 - "$SESSIONS" "$tmp/preload.json" <<'PY'
import base64, datetime, json, sys
count, path = int(sys.argv[1]), sys.argv[2]
now = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="milliseconds")
now = now.replace("+00:00", "Z")
sessions = [{"pool": "app", "key": base64.b64encode(b"preload-%09d" % i).decode(),
             "backend": "s%d" % (i % 3 + 1), "client": "192.0.2.%d" % (i % 250 + 1),
             "first_seen": now, "last_seen": now, "requests": 1} for i in range(count)]
json.dump({"version": 1, "saved": now, "backends": [], "sessions": sessions}, open(path, "w"))
PY
fi

# The window's saved settings (QSettings "Limpet"/"limpet"): the tab it opens on.
mkdir -p "$tmp/config/Limpet"
printf '[mainWindow]\ntab=%d\n' "$tab_index" >"$tmp/config/Limpet/limpet.conf"

LIMPET_PID=""
start_limpet() { # start_limpet headless|gui
    local mode="$1" logfile="$tmp/limpet-$1.log" i
    rm -f "$tmp/limpet.state.json"
    if ((SESSIONS > 0)); then cp "$tmp/preload.json" "$tmp/limpet.state.json"; fi
    if [[ "$mode" == headless ]]; then
        "$LIMPET" --no-gui --workers 1 --config "$tmp/limpet.toml" >>"$logfile" 2>&1 </dev/null &
    else
        XDG_CONFIG_HOME="$tmp/config" QT_QPA_PLATFORM=xcb \
            "$LIMPET" --workers 1 --config "$tmp/limpet.toml" >>"$logfile" 2>&1 </dev/null &
    fi
    LIMPET_PID=$!
    pids+=("$LIMPET_PID")
    wait_http "Limpet ($mode)" "$LIMPET_PID" "$LIMPET_PORT" "$logfile"
    if ((SESSIONS > 0)) && ! grep -q ": $SESSIONS sessions," "$logfile"; then
        tail -n 20 "$logfile" >&2
        die "Limpet ($mode) did not restore the $SESSIONS sessions of the state file (log: $logfile)"
    fi
    if [[ "$mode" == gui ]]; then
        # The measurement means nothing unless the window is really up.
        for ((i = 0; i < 100; i++)); do
            xwininfo -root -tree 2>/dev/null | grep -q '"Limpet' && return 0
            sleep 0.1
        done
        die "Limpet started but its window is not on $DISPLAY (log: $logfile)"
    fi
}
stop_limpet() {
    stop_pid "$LIMPET_PID"
    forget_pid "$LIMPET_PID"
    LIMPET_PID=""
}

# --- cookies (sticky scenario) -------------------------------------------------------------
cookies=""
learn_cookies() { # one SRV cookie per backend, from Limpet's Set-Cookie headers
    local i value route
    declare -A seen=()
    for ((i = 0; i < 30 && ${#seen[@]} < 3; i++)); do
        value="$(curl -s -o /dev/null -D - --max-time 5 "http://127.0.0.1:$LIMPET_PORT/" |
            tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: SRV=\([^;]*\).*/\1/p')"
        route="$(cut -d- -f2 <<<"$value")"
        [[ -n "$value" && -n "$route" && -z "${seen[$route]:-}" ]] && seen[$route]="$value"
    done
    ((${#seen[@]} == 3)) || die "no Set-Cookie SRV for each backend after 30 requests"
    cookies=""
    for route in s1 s2 s3; do cookies+="SRV=${seen[$route]} "; done
    cookies="${cookies% }"
}

# --- wrk -----------------------------------------------------------------------------------
declare -A rps=()
run_wrk() { # run_wrk KEY SECONDS: KEY="" for a warm-up that is not recorded
    local key="$1" seconds="$2" out
    local -a script=()
    [[ "$SCENARIO" == sticky ]] && script=(-s "$here/cookies.lua")
    out="$tmp/wrk-${key:-warmup}.txt"
    BENCH_COOKIES="$cookies" timeout $((seconds + 30)) \
        wrk -t1 -c"$CONNECTIONS" -d"${seconds}s" "${script[@]}" \
        "http://127.0.0.1:$LIMPET_PORT/" >"$out" 2>&1 </dev/null || {
        cat "$out" >&2
        die "wrk failed"
    }
    [[ -n "$key" ]] || return 0
    rps[$key]="$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$out")"
    [[ -n "${rps[$key]}" ]] || {
        cat "$out" >&2
        die "cannot parse wrk output $out"
    }
    local errors
    errors="$(awk '/Non-2xx or 3xx responses:|Socket errors:/' "$out" | tr -s ' ' | tr '\n' ' ')"
    log "$(printf '%-12s %8s req/s %s' "$key" "${rps[$key]}" "$errors")"
}

thread_ticks() { # thread_ticks PID: "name ticks" per thread (utime + stime), same names summed
    local stat rest name
    for stat in /proc/"$1"/task/*/stat; do
        stat="$(cat "$stat" 2>/dev/null)" || continue
        name="${stat#*(}"
        name="${name%)*}"
        rest="${stat##*) }"
        # shellcheck disable=SC2086
        set -- $rest
        echo "${name// /_} $((${12} + ${13}))"
    done | awk '{ t[$1] += $2 } END { for (n in t) print n, t[n] }'
}

thread_cpu() { # thread_cpu BEFORE AFTER SECONDS: "name=N.N%" for threads over 0.1 % of a core
    local hz
    hz="$(getconf CLK_TCK)"
    awk -v hz="$hz" -v s="$3" 'NR == FNR { b[$1] = $2; next }
        { d = ($2 - b[$1]) * 100 / hz / s; total += d; if (d >= 0.1) out = out sprintf(" %s=%.1f%%", $1, d) }
        END { printf "total=%.1f%%%s", total, out }' "$1" "$2"
}

measure() { # measure MODE ROUND: a fresh Limpet, warm-up, one measured run
    local mode="$1" round="$2" started
    start_limpet "$mode"
    [[ "$SCENARIO" == sticky ]] && learn_cookies
    run_wrk "" "$WARMUP"
    thread_ticks "$LIMPET_PID" >"$tmp/ticks-$mode.$round.before"
    started="$(date +%s.%N)"
    run_wrk "$mode.$round" "$DURATION"
    thread_ticks "$LIMPET_PID" >"$tmp/ticks-$mode.$round.after"
    log "$(printf '%-12s CPU: ' "$mode.$round")$(thread_cpu "$tmp/ticks-$mode.$round.before" \
        "$tmp/ticks-$mode.$round.after" "$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')")"
    if ! kill -0 "$LIMPET_PID" 2>/dev/null; then
        die "Limpet ($mode) died during the run (log: $tmp/limpet-$mode.log)"
    fi
    stop_limpet
}

# --- run -----------------------------------------------------------------------------------
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
log "temporary directory: $tmp; display $DISPLAY"
log "ports: nginx $P1 $P2 $P3, Limpet $LIMPET_PORT"
start_nginx 1 "$P1"
start_nginx 2 "$P2"
start_nginx 3 "$P3"

log "measuring: $ROUNDS rounds of ${DURATION}s (after ${WARMUP}s warm-up), headless and GUI ($GUI_TAB tab) alternating, wrk -t1 -c$CONNECTIONS, $SCENARIO"
for ((round = 1; round <= ROUNDS; round++)); do
    measure headless "$round"
    measure gui "$round"
done

median() { tr ' ' '\n' | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
values() { local r s=""; for ((r = 1; r <= ROUNDS; r++)); do s+=" ${rps[$1.$r]}"; done; echo "${s# }"; }
headless="$(values headless | median)"
gui="$(values gui | median)"
ratio="$(awk -v a="$gui" -v b="$headless" 'BEGIN { printf "%.3f", a / b }')"
# Each GUI round over the headless round just before it: the machine's speed drifts from minute
# to minute, and a pair measured back to back shares most of that drift.
pair_ratios=""
for ((r = 1; r <= ROUNDS; r++)); do
    pair_ratios+=" $(awk -v a="${rps[gui.$r]}" -v b="${rps[headless.$r]}" 'BEGIN { printf "%.3f", a / b }')"
done
pair_ratios="${pair_ratios# }"

echo
echo "## Limpet with the window open vs headless ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPUs, load average $load_before at start)"
echo
echo "workers=1, 3 x nginx backends, wrk -t1 -c$CONNECTIONS, $SCENARIO, $SESSIONS sessions restored at start, median of $ROUNDS alternating rounds of ${DURATION}s; GUI: Xvfb, $GUI_TAB tab"
echo
echo "| run | req/s (median) | rounds |"
echo "|---|---:|---|"
echo "| headless (--no-gui) | $headless | $(values headless) |"
echo "| GUI ($GUI_TAB tab) | $gui | $(values gui) |"
echo
echo "GUI/headless: $ratio ($(awk -v r="$ratio" 'BEGIN { printf "%+.1f%%", (r - 1) * 100 }'))"
echo "GUI/headless per pair of rounds: $pair_ratios (median $(median <<<"$pair_ratios"))"
