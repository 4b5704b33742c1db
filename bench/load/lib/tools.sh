# Shared shell pieces for the load benchmark: logging, the tool check, JSON field access, free
# ports, JDK discovery and process bookkeeping. Sourced by run.sh; defines functions only.

log() { LAST_LOG="$*"; printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# note_failure WHAT REASON: something that did not work but need not end the run (a wrk run, a
# profile, a cold-start series); logged, and listed in the results file's "What failed" section.
note_failure() {
  log "FAILED: $1: $2"
  printf '%s\t%s\n' "$1" "$(printf %s "$2" | tr '\t\n' '  ')" >>"$WORK/failures.tsv"
}

# Every tool the run needs, with the Debian package that provides it. Installs nothing.
require_tools() {
  local missing=() tool
  for tool in wrk nginx hyperfine openssl curl; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
  done
  if ! command -v jq >/dev/null 2>&1 && ! command -v python3 >/dev/null 2>&1; then
    missing+=("jq (or python3)")
  fi
  # the cold-start poller (health-poll.py) unless the old curl loop is asked for
  if [ "${BENCH_COLD_POLL:-keepalive}" != curl ] && ! command -v python3 >/dev/null 2>&1; then
    missing+=("python3 (or BENCH_COLD_POLL=curl)")
  fi
  if [ "${#missing[@]}" -gt 0 ]; then
    log "missing tools: ${missing[*]}"
    log "on Debian/Ubuntu: sudo apt-get install -y wrk nginx hyperfine openssl curl jq python3"
    exit 2
  fi
  [ "${BASH_VERSINFO[0]}" -ge 5 ] || die "bash 5 or newer is needed (EPOCHREALTIME)"
}

# json_field FILE KEY: the top-level string or number KEY of a JSON file.
json_field() {
  if command -v jq >/dev/null 2>&1; then
    jq -er --arg k "$2" '.[$k]' "$1"
  else
    python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$1" "$2"
  fi
}

# json_length FILE KEY: number of elements of the top-level array KEY.
json_length() {
  if command -v jq >/dev/null 2>&1; then
    jq -er --arg k "$2" '.[$k] | length' "$1"
  else
    python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))[sys.argv[2]]))' "$1" "$2"
  fi
}

# uri_encode STRING: percent-encoding for an application/x-www-form-urlencoded value.
uri_encode() {
  if command -v jq >/dev/null 2>&1; then
    jq -rn --arg s "$1" '$s | @uri'
  else
    python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"
  fi
}

# A loopback port no socket uses, chosen below the kernel's ephemeral range so that no client
# connection (wrk's, curl's) can be holding it when the server binds.
free_port() {
  local low port
  low=$(awk '{ print $1 }' /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
  [ "$low" -gt 11000 ] || low=32768
  for _ in $(seq 1 100); do
    port=$((10000 + RANDOM % (low - 10000)))
    if command -v ss >/dev/null 2>&1; then
      [ -z "$(ss -Hant "( sport = :$port )" 2>/dev/null)" ] || continue
    fi
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  die "no free loopback port found"
}

# jdk_feature JAVA_HOME: the feature release (17, 21, 25) read from the release file, no JVM start.
jdk_feature() {
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null
}

# jdk_label JAVA_HOME: "JDK 25.0.3", the short name tables use.
jdk_label() {
  echo "JDK $(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$1/release" 2>/dev/null)"
}

# jdk_describe JAVA_HOME: full runtime version and vendor, e.g. "25.0.3+9-LTS (Eclipse Adoptium)".
jdk_describe() {
  local vendor version
  vendor=$(sed -n 's/^IMPLEMENTOR="\(.*\)"/\1/p' "$1/release" 2>/dev/null)
  version=$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"/\1/p' "$1/release" 2>/dev/null)
  echo "$version (${vendor:-unknown vendor}), $1"
}

# The JDKs to measure, one JAVA_HOME per line: BENCH_JDKS when set; otherwise a JDK 17 (the
# default build target) and the newest JDK 21+ found under /usr/lib/jvm.
discover_jdks() {
  if [ -n "${BENCH_JDKS:-}" ]; then
    tr ' ' '\n' <<<"$BENCH_JDKS" | sed '/^$/d'
    return
  fi
  local home real feature seventeen="" newest="" newest_feature=0
  declare -A seen=()
  for home in /usr/lib/jvm/*/; do
    home=${home%/}
    [ -x "$home/bin/java" ] || continue
    real=$(readlink -f "$home")
    [ -z "${seen[$real]:-}" ] || continue
    seen[$real]=1
    feature=$(jdk_feature "$real")
    [ -n "$feature" ] || continue
    if [ "$feature" = 17 ] && [ -z "$seventeen" ]; then seventeen=$real; fi
    if [ "$feature" -ge 21 ] && [ "$feature" -gt "$newest_feature" ]; then newest=$real; newest_feature=$feature; fi
  done
  if [ -z "$seventeen" ] && command -v java >/dev/null 2>&1; then
    real=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    [ "$(jdk_feature "$real")" = 17 ] && seventeen=$real
  fi
  [ -n "$seventeen" ] && echo "$seventeen"
  [ -n "$newest" ] && echo "$newest"
  return 0
}

# Processes this run started; stop_all (the EXIT trap) ends exactly these, newest first.
STARTED_PIDS=()
remember_pid() { STARTED_PIDS+=("$1"); }

# stop_pid PID [SIGNAL]: signal one process we started and wait up to 10 s for it, then KILL.
stop_pid() {
  local pid=$1 signal=${2:-TERM}
  kill -0 "$pid" 2>/dev/null || return 0
  kill "-$signal" "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

stop_all() {
  local i
  for ((i = ${#STARTED_PIDS[@]} - 1; i >= 0; i--)); do
    stop_pid "${STARTED_PIDS[$i]}"
  done
  STARTED_PIDS=()
}
