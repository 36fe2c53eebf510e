#!/usr/bin/env bash
# Side-by-side benchmark: Limpet vs HAProxy in front of the same three nginx backends, with
# cookie-based sticky sessions. Not part of ctest. Everything listens on 127.0.0.1 only and
# every process started here is stopped on exit.
#
#   tests/bench/run.sh                 # 10 s per measured run
#   DURATION=5 tests/bench/run.sh      # quick run
#
# Environment: DURATION (s, default 10), ROUNDS (default 3: each scenario runs ROUNDS times,
# Limpet and HAProxy alternating, and the median round is reported, so that a noisy neighbour on a
# shared machine does not decide the comparison), WARMUP (s, default 2), CONNECTIONS (wrk -c, default 50),
# IDLE_CLIENTS (default 5000), LIMPET (binary, default build/bin/limpet), KEEP_TMP=1 keeps the
# temporary directory with configs, logs and raw wrk output.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# shellcheck source=SCRIPTDIR/../../scripts/lib.sh
source "$root/scripts/lib.sh"

DURATION="${DURATION:-10}"
ROUNDS="${ROUNDS:-3}"
WARMUP="${WARMUP:-2}"
CONNECTIONS="${CONNECTIONS:-50}"
IDLE_CLIENTS="${IDLE_CLIENTS:-5000}"
LIMPET="${LIMPET:-$root/build/bin/limpet}"
for v in DURATION ROUNDS WARMUP CONNECTIONS IDLE_CLIENTS; do
    if ! [[ "${!v}" =~ ^[0-9]+$ ]] || ((${!v} < 1)); then
        echo "bench: $v must be a positive integer (got '${!v}')" >&2
        exit 2
    fi
done

log() { printf '[bench] %s\n' "$*" >&2; }
die() {
    printf '[bench] ERROR: %s\n' "$*" >&2
    exit 1
}

# --- tools ---------------------------------------------------------------------------------
declare -A tool_package=([nginx]=nginx-light [haproxy]=haproxy [wrk]=wrk [curl]=curl
    [python3]=python3)
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

# 5,000 idle clients need file descriptors in this shell, Limpet, HAProxy and Python.
ulimit -n 20000 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if (($(ulimit -n) < IDLE_CLIENTS + 200)); then
    die "open file limit $(ulimit -n) is too low for $IDLE_CLIENTS idle clients (need ~$((IDLE_CLIENTS + 200)))"
fi

# --- process bookkeeping -------------------------------------------------------------------
tmp="$(mktemp -d "${TMPDIR:-/tmp}/limpet-bench.XXXXXX")"
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
    # nginx workers exit with their master; make sure none outlives it.
    for child in $children; do
        if kill -0 "$child" 2>/dev/null; then kill -KILL "$child" 2>/dev/null || true; fi
    done
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

forget_pid() { # removes PID from the cleanup list once it has been stopped
    local keep=() p
    for p in "${pids[@]}"; do [[ "$p" == "$1" ]] || keep+=("$p"); done
    pids=("${keep[@]}")
}

# --- ports ---------------------------------------------------------------------------------
# Asks the kernel for free ports on 127.0.0.1 (held together so they are distinct).
read -r P1 P2 P3 LIMPET_PORT HAPROXY_PORT < <(python3 -c '
import socket
socks = []
for _ in range(5):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    socks.append(s)
print(" ".join(str(s.getsockname()[1]) for s in socks))
')

# --- waiting -------------------------------------------------------------------------------
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

# --- nginx backends ------------------------------------------------------------------------
start_nginx() { # start_nginx INDEX PORT
    local i="$1" port="$2" dir="$tmp/nginx$1" user=""
    mkdir -p "$dir/logs" "$dir/tmp"
    [[ "$(id -u)" == 0 ]] && user="user root;"
    cat >"$dir/nginx.conf" <<NGINX
$user
worker_processes 1;
worker_rlimit_nofile 20000;
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
events { worker_connections 16384; }
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

# --- Limpet and HAProxy --------------------------------------------------------------------
cat >"$tmp/limpet.toml" <<TOML
[listener]
bind = "127.0.0.1:$LIMPET_PORT"
workers = 1

[admin]
bind = "127.0.0.1:0"

[timeouts]
keepalive = 600000
client = 600000
shutdown = 2000

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

cat >"$tmp/haproxy.cfg" <<CFG
global
    nbthread 1
    maxconn 8000

defaults
    mode http
    maxconn 8000
    timeout connect 5s
    timeout client 600s
    timeout server 30s
    timeout http-keep-alive 600s
    option http-keep-alive

frontend fe
    bind 127.0.0.1:$HAPROXY_PORT
    default_backend app

backend app
    balance roundrobin
    cookie SRV insert indirect nocache
    server s1 127.0.0.1:$P1 cookie s1
    server s2 127.0.0.1:$P2 cookie s2
    server s3 127.0.0.1:$P3 cookie s3
CFG

LIMPET_PID=""
HAPROXY_PID=""
start_limpet() {
    "$LIMPET" --check-config "$tmp/limpet.toml" >/dev/null || die "Limpet rejects $tmp/limpet.toml"
    "$LIMPET" --no-gui --workers 1 --config "$tmp/limpet.toml" >>"$tmp/limpet.log" 2>&1 </dev/null &
    LIMPET_PID=$!
    pids+=("$LIMPET_PID")
    wait_http Limpet "$LIMPET_PID" "$LIMPET_PORT" "$tmp/limpet.log"
}
start_haproxy() {
    haproxy -c -q -f "$tmp/haproxy.cfg" || die "HAProxy rejects $tmp/haproxy.cfg"
    haproxy -db -f "$tmp/haproxy.cfg" >>"$tmp/haproxy.log" 2>&1 </dev/null &
    HAPROXY_PID=$!
    pids+=("$HAPROXY_PID")
    wait_http HAProxy "$HAPROXY_PID" "$HAPROXY_PORT" "$tmp/haproxy.log"
}
restart_proxies() {
    stop_pid "$LIMPET_PID" && forget_pid "$LIMPET_PID"
    stop_pid "$HAPROXY_PID" && forget_pid "$HAPROXY_PID"
    start_limpet
    start_haproxy
}

# --- cookies -------------------------------------------------------------------------------
response_header() { # response_header PORT HEADER [COOKIE]: value of HEADER in a GET / response
    local port="$1" header="$2" cookie="${3:-}"
    local -a args=(-s -o /dev/null -D - --max-time 5)
    [[ -n "$cookie" ]] && args+=(-H "Cookie: $cookie")
    curl "${args[@]}" "http://127.0.0.1:$port/" | tr -d '\r' |
        awk -v h="$(tr '[:upper:]' '[:lower:]' <<<"$header")" '
            { n = index($0, ":"); if (n && tolower(substr($0, 1, n - 1)) == h) { v = substr($0, n + 1); sub(/^ +/, "", v); print v; exit } }'
}

# Limpet's cookie values look like xxxxxxxx-s1-xxxxxxxx: collect one per backend.
declare -A limpet_cookie=()
learn_limpet_cookies() {
    local i value route
    for ((i = 0; i < 30 && ${#limpet_cookie[@]} < 3; i++)); do
        value="$(response_header "$LIMPET_PORT" Set-Cookie | sed -n 's/^SRV=\([^;]*\).*/\1/p')"
        route="$(cut -d- -f2 <<<"$value")"
        if [[ -n "$value" && -n "$route" && -z "${limpet_cookie[$route]:-}" ]]; then
            limpet_cookie[$route]="$value"
        fi
    done
    for route in s1 s2 s3; do
        [[ -n "${limpet_cookie[$route]:-}" ]] ||
            die "no Set-Cookie SRV=...-$route-... from Limpet after 30 requests (got: ${!limpet_cookie[*]})"
    done
}

check_sticky() { # check_sticky NAME PORT VALUE1 VALUE2 VALUE3: each cookie must reach its backend
    local name="$1" port="$2" i got
    shift 2
    for i in 1 2 3; do
        for _ in 1 2 3; do
            got="$(response_header "$port" X-Backend "SRV=${!i}")"
            [[ "$got" == "s$i" ]] || die "$name sent cookie SRV=${!i} to '${got:-?}' instead of s$i"
        done
    done
    log "$name: each sticky cookie reaches its own backend"
}

# --- wrk -----------------------------------------------------------------------------------
to_ms() { # to_ms 1.23ms|456.00us|1.02s|1.00m -> milliseconds
    awk -v x="$1" 'BEGIN {
        if (x ~ /us$/) { sub(/us$/, "", x); printf "%.3f", x / 1000 }
        else if (x ~ /ms$/) { sub(/ms$/, "", x); printf "%.3f", x }
        else if (x ~ /m$/) { sub(/m$/, "", x); printf "%.3f", x * 60000 }
        else if (x ~ /s$/) { sub(/s$/, "", x); printf "%.3f", x * 1000 }
        else printf "nan" }'
}

declare -A result=()
run_wrk() { # run_wrk KEY PORT SECONDS [COOKIES]: KEY="" for a warm-up that is not recorded
    local key="$1" port="$2" seconds="$3" cookies="${4:-}" out
    local -a script=()
    [[ -n "$cookies" ]] && script=(-s "$here/cookies.lua")
    out="$tmp/wrk-${key:-warmup}-$port.txt"
    BENCH_COOKIES="$cookies" timeout $((seconds + 30)) \
        wrk -t1 -c"$CONNECTIONS" -d"${seconds}s" --latency "${script[@]}" \
        "http://127.0.0.1:$port/" >"$out" 2>&1 </dev/null || {
        cat "$out" >&2
        die "wrk against 127.0.0.1:$port failed"
    }
    [[ -n "$key" ]] || return 0
    result[$key.rps]="$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$out")"
    result[$key.p50]="$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")"
    result[$key.p99]="$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")"
    result[$key.requests]="$(awk '/requests in/ { print $1 }' "$out")"
    result[$key.non2xx]="$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$out")"
    result[$key.sockerr]="$(awk '/Socket errors:/ { sub(/^ *Socket errors: */, ""); print }' "$out")"
    [[ -n "${result[$key.rps]}" ]] || {
        cat "$out" >&2
        die "cannot parse wrk output $out"
    }
    log "$(printf '%-18s %8s req/s  p50 %8s ms  p99 %8s ms%s%s' "$key" "${result[$key.rps]}" \
        "${result[$key.p50]}" "${result[$key.p99]}" \
        "${result[$key.non2xx]:+  non-2xx ${result[$key.non2xx]}}" \
        "${result[$key.sockerr]:+  socket errors: ${result[$key.sockerr]}}")"
}

# --- idle connection memory ----------------------------------------------------------------
rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }
fd_count() { find "/proc/$1/fd" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l; }

declare -A idle=()
measure_idle() { # measure_idle NAME PID PORT COOKIE...
    local name="$1" pid="$2" port="$3" before after i ready="$tmp/idle-$1.ready" cpid
    shift 3
    local -a cookie_args=()
    for c in "$@"; do cookie_args+=(--cookie "SRV=$c"); done
    # A few requests first, so start-up allocations are not counted per connection.
    for c in "$@"; do curl -s -o /dev/null --max-time 5 -H "Cookie: SRV=$c" "http://127.0.0.1:$port/"; done
    sleep 1
    before="$(rss_kb "$pid")"
    idle[$name.fds_before]="$(fd_count "$pid")"
    python3 "$here/idle_clients.py" --port "$port" --count "$IDLE_CLIENTS" "${cookie_args[@]}" \
        --ready-file "$ready" --hold 300 >"$tmp/idle-$name.log" 2>&1 </dev/null &
    cpid=$!
    pids+=("$cpid")
    for ((i = 0; i < 1500; i++)); do
        [[ -s "$ready" ]] && break
        kill -0 "$cpid" 2>/dev/null || break
        sleep 0.1
    done
    [[ -s "$ready" ]] || {
        cat "$tmp/idle-$name.log" >&2
        die "idle clients against $name did not get ready"
    }
    sleep 2 # let the proxy settle (timers, backend connections returned to pools)
    after="$(rss_kb "$pid")"
    idle[$name.fds_after]="$(fd_count "$pid")"
    kill -0 "$pid" 2>/dev/null || die "$name died while holding idle connections"
    stop_pid "$cpid"
    forget_pid "$cpid"
    idle[$name.before]="$before"
    idle[$name.after]="$after"
    idle[$name.open]="$(head -n 1 "$tmp/idle-$name.log")"
    idle[$name.closed]="$(sed -n 's/^closed_by_peer_while_idle=//p' "$tmp/idle-$name.log")"
    idle[$name.perconn]="$(awk -v a="$after" -v b="$before" -v n="$IDLE_CLIENTS" \
        'BEGIN { printf "%.2f", (a - b) / n }')"
    log "$name: VmRSS $before kB -> $after kB with $IDLE_CLIENTS idle clients" \
        "(${idle[$name.open]}, closed by $name while idle: ${idle[$name.closed]:-?})"
}

# --- run -----------------------------------------------------------------------------------
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
log "temporary directory: $tmp"
log "ports: nginx $P1 $P2 $P3, Limpet $LIMPET_PORT, HAProxy $HAPROXY_PORT"
start_nginx 1 "$P1"
start_nginx 2 "$P2"
start_nginx 3 "$P3"
start_limpet
start_haproxy

learn_limpet_cookies
check_sticky Limpet "$LIMPET_PORT" "${limpet_cookie[s1]}" "${limpet_cookie[s2]}" "${limpet_cookie[s3]}"
check_sticky HAProxy "$HAPROXY_PORT" s1 s2 s3
limpet_cookies="SRV=${limpet_cookie[s1]} SRV=${limpet_cookie[s2]} SRV=${limpet_cookie[s3]}"
haproxy_cookies="SRV=s1 SRV=s2 SRV=s3"

log "warm-up: ${WARMUP}s each"
run_wrk "" "$LIMPET_PORT" "$WARMUP" "$limpet_cookies"
run_wrk "" "$HAPROXY_PORT" "$WARMUP" "$haproxy_cookies"

log "measuring: $ROUNDS rounds of ${DURATION}s per run, wrk -t1 -c$CONNECTIONS, Limpet and HAProxy alternately"
for ((round = 1; round <= ROUNDS; round++)); do
    run_wrk "sticky.limpet.$round" "$LIMPET_PORT" "$DURATION" "$limpet_cookies"
    run_wrk "sticky.haproxy.$round" "$HAPROXY_PORT" "$DURATION" "$haproxy_cookies"
    run_wrk "nocookie.limpet.$round" "$LIMPET_PORT" "$DURATION"
    run_wrk "nocookie.haproxy.$round" "$HAPROXY_PORT" "$DURATION"
done
median() { tr ' ' '\n' | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# The reported figure of each key is the median over the rounds; requests are summed.
rounds_ratio=()
for key in sticky.limpet sticky.haproxy nocookie.limpet nocookie.haproxy; do
    for field in rps p50 p99; do
        values=""
        for ((round = 1; round <= ROUNDS; round++)); do values+=" ${result[$key.$round.$field]}"; done
        result[$key.$field]="$(median <<<"${values# }")"
    done
    total=0
    for ((round = 1; round <= ROUNDS; round++)); do total=$((total + result[$key.$round.requests])); done
    result[$key.requests]=$total
    result[$key.non2xx]="$(for ((round = 1; round <= ROUNDS; round++)); do printf '%s' "${result[$key.$round.non2xx]}"; done)"
    result[$key.sockerr]="$(for ((round = 1; round <= ROUNDS; round++)); do printf '%s' "${result[$key.$round.sockerr]}"; done)"
done

log "idle keep-alive clients: restarting Limpet and HAProxy so both start from a fresh process"
restart_proxies
measure_idle Limpet "$LIMPET_PID" "$LIMPET_PORT" "${limpet_cookie[s1]}" "${limpet_cookie[s2]}" "${limpet_cookie[s3]}"
measure_idle HAProxy "$HAPROXY_PID" "$HAPROXY_PORT" s1 s2 s3

# --- report --------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "n/a" }'; }
errors_of() {
    local e="${result[$1.non2xx]:+non-2xx ${result[$1.non2xx]}}"
    [[ -n "${result[$1.sockerr]}" ]] && e="${e:+$e; }socket ${result[$1.sockerr]}"
    printf '%s' "${e:-0}"
}

echo
echo "## Limpet vs HAProxy ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPUs, load average $load_before at start, median of $ROUNDS alternating rounds of ${DURATION}s, wrk -t1 -c$CONNECTIONS)"
echo
echo "Limpet $("$LIMPET" --version 2>/dev/null | awk '{ print $NF }'), workers=1;" \
    "$(haproxy -v | awk 'NR == 1 { print "HAProxy " $3 }'), nbthread 1;" \
    "3 x $(nginx -v 2>&1 | sed 's/.*: //') backends, worker_processes 1"
echo
echo "| scenario | proxy | req/s | p50 ms | p99 ms | requests | errors |"
echo "|---|---|---:|---:|---:|---:|---|"
for scenario in sticky nocookie; do
    for proxy in limpet haproxy; do
        k="$scenario.$proxy"
        label="$([[ $proxy == limpet ]] && echo Limpet || echo HAProxy)"
        desc="$([[ $scenario == sticky ]] && echo "sticky (3 cookies)" || echo "no cookie")"
        echo "| $desc | $label | ${result[$k.rps]} | ${result[$k.p50]} | ${result[$k.p99]} | ${result[$k.requests]} | $(errors_of "$k") |"
    done
done
echo
echo "| scenario | req/s Limpet/HAProxy | p50 Limpet/HAProxy | p99 Limpet/HAProxy |"
echo "|---|---:|---:|---:|"
for scenario in sticky nocookie; do
    desc="$([[ $scenario == sticky ]] && echo "sticky (3 cookies)" || echo "no cookie")"
    echo "| $desc | $(ratio "${result[$scenario.limpet.rps]}" "${result[$scenario.haproxy.rps]}")" \
        "| $(ratio "${result[$scenario.limpet.p50]}" "${result[$scenario.haproxy.p50]}")" \
        "| $(ratio "${result[$scenario.limpet.p99]}" "${result[$scenario.haproxy.p99]}") |"
done
echo
echo "Per round, sticky: req/s ratio and p99 ratio Limpet/HAProxy:"
for ((round = 1; round <= ROUNDS; round++)); do
    echo "- round $round: $(ratio "${result[sticky.limpet.$round.rps]}" "${result[sticky.haproxy.$round.rps]}")," \
        "p99 $(ratio "${result[sticky.limpet.$round.p99]}" "${result[sticky.haproxy.$round.p99]}")" \
        "(Limpet ${result[sticky.limpet.$round.rps]}, HAProxy ${result[sticky.haproxy.$round.rps]} req/s)"
done
echo
echo "| idle keep-alive clients | proxy | VmRSS before kB | VmRSS after kB | KB per connection | open fds before/after | clients | closed while idle |"
echo "|---:|---|---:|---:|---:|---:|---|---:|"
for name in Limpet HAProxy; do
    echo "| $IDLE_CLIENTS | $name | ${idle[$name.before]} | ${idle[$name.after]} | ${idle[$name.perconn]} | ${idle[$name.fds_before]}/${idle[$name.fds_after]} | ${idle[$name.open]} | ${idle[$name.closed]:-?} |"
done
echo "| ratio | Limpet/HAProxy | | | $(ratio "${idle[Limpet.perconn]}" "${idle[HAProxy.perconn]}") | | | |"
