# The wrk side of the benchmark: the list of cases to measure against a started Cerulean, one
# bounded wrk run with CPU accounting, and the raw results table (runs.tsv) the report reads.

WRK_THREADS=${BENCH_WRK_THREADS:-2}
WRK_CONNECTIONS=${BENCH_WRK_CONNECTIONS:-32}
WRK_SECONDS=${BENCH_SECONDS:-15}
WRK_WARMUP_SECONDS=${BENCH_WARMUP_SECONDS:-10}
CLK_TCK=$(getconf CLK_TCK)

# --- cases ------------------------------------------------------------------------------------
# A case file in cases/ runs its setup against the started server and then registers what to
# measure with add_case; the run measures every registered case, nginx being the ceiling.
#   add_case NAME METHOD PATH [--bearer] [--form BODY] [--min-rps N] [--min-ratio R]
#     --bearer     send the ARM access token (CER_TOKEN)
#     --bearer-token TOKEN  send this access token instead (another principal)
#     --form BODY  POST body, sent as application/x-www-form-urlencoded
#     --min-rps    goal: at least N requests/s
#     --min-ratio  goal: at least R times nginx's requests/s
#     --max-p99    goal: p99 latency at most MS milliseconds (reported beside the throughput goal)
CASE_NAME=() CASE_METHOD=() CASE_PATH=() CASE_BODY=() CASE_CTYPE=() CASE_BEARER=() CASE_GOAL=()

add_case() {
  local name=$1 method=$2 path=$3 body="" ctype="" bearer=0 goal="" p99goal=""
  shift 3
  while [ $# -gt 0 ]; do
    case $1 in
      --bearer) bearer=1; shift ;;
      --bearer-token) bearer=$2; shift 2 ;;
      --form) body=$2; ctype=application/x-www-form-urlencoded; shift 2 ;;
      --min-rps) goal="rps>=$2"; shift 2 ;;
      --min-ratio) goal="ratio>=$2"; shift 2 ;;
      --max-p99) p99goal="$2"; shift 2 ;;
      *) die "add_case: unknown option $1" ;;
    esac
  done
  CASE_NAME+=("$name") CASE_METHOD+=("$method") CASE_PATH+=("$path") CASE_BODY+=("$body")
  CASE_CTYPE+=("$ctype") CASE_BEARER+=("$bearer") CASE_GOAL+=("$goal${p99goal:+;p99<=$p99goal}")
}

# case_bearer INDEX: the bearer token case INDEX sends, or nothing.
case_bearer() {
  case ${CASE_BEARER[$1]} in
    0) ;;
    1) printf '%s' "$CER_TOKEN" ;;
    *) printf '%s' "${CASE_BEARER[$1]}" ;;
  esac
}

clear_cases() {
  CASE_NAME=() CASE_METHOD=() CASE_PATH=() CASE_BODY=() CASE_CTYPE=() CASE_BEARER=() CASE_GOAL=()
}

# --- CPU accounting -----------------------------------------------------------------------------
# proc_ticks PID...: user+system clock ticks of the given processes (all their threads).
proc_ticks() {
  local total=0 pid fields
  local -a f
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] || continue
    fields=$(sed 's/^.*) //' "/proc/$pid/stat")   # drop "pid (comm) ": field 1 is now the state
    read -r -a f <<<"$fields"
    total=$((total + f[11] + f[12]))
  done
  echo "$total"
}

# machine_ticks: "busy total" jiffies summed over all CPUs, from /proc/stat.
machine_ticks() {
  awk '/^cpu / { busy = $2 + $3 + $4 + $7 + $8 + $9; print busy, busy + $5 + $6; exit }' /proc/stat
}

# wait_quiet: the machine is shared, so before each measurement wait (at most BENCH_QUIET_WAIT
# seconds, default 120) until the CPUs were less than BENCH_QUIET_PCT (default 15) percent busy
# over one second. Sets QUIET_BUSY_PCT to the last sample; the rows record it.
wait_quiet() {
  local limit=${BENCH_QUIET_WAIT:-120} threshold=${BENCH_QUIET_PCT:-15} waited=0 m0 m1
  while :; do
    m0=$(machine_ticks); sleep 1; m1=$(machine_ticks)
    QUIET_BUSY_PCT=$(awk -v a="$m0" -v b="$m1" 'BEGIN { split(a, x, " "); split(b, y, " ");
      d = y[2] - x[2]; printf "%.0f", (d > 0 ? 100 * (y[1] - x[1]) / d : 0) }')
    [ "$QUIET_BUSY_PCT" -ge "$threshold" ] || break
    if [ "$waited" -ge "$limit" ]; then
      log "  machine still ${QUIET_BUSY_PCT}% busy after ${waited} s of waiting; measuring anyway (row marked)"
      break
    fi
    [ "$waited" -gt 0 ] || log "  machine ${QUIET_BUSY_PCT}% busy (other work); waiting for it to settle"
    waited=$((waited + 1))
  done
}

# --- one wrk run --------------------------------------------------------------------------------
# children_ticks PID: user+system ticks of the finished children of shell PID (wrk, once waited
# for). wrk_run passes its own $BASHPID: that is the main shell, or the background subshell a
# profile runs wrk_run in, whose children $$ would not see.
children_ticks() {
  local -a f
  read -r -a f <<<"$(sed 's/^.*) //' "/proc/$1/stat")"
  echo $((f[13] + f[14]))
}

# wrk_run OUT_FILE SECONDS URL METHOD BODY CTYPE BEARER SERVER_PID...
# Runs wrk once and appends to OUT_FILE wrk's output plus a line
#   CPU server_cores=X wrk_cores=Y other_cores=Z machine_busy_pct=P
# where other_cores is CPU used by anything else on the machine during the run (noise).
# Returns 1 (wrk's output shown) when wrk fails; the callers decide whether that ends the run.
wrk_run() {
  local out=$1 seconds=$2 url=$3 method=$4 body=$5 ctype=$6 bearer=$7
  shift 7
  local t0 t1 c0 c1 m0 m1 start end self=$BASHPID
  t0=$(proc_ticks "$@"); c0=$(children_ticks "$self"); m0=$(machine_ticks); start=$EPOCHREALTIME
  BENCH_METHOD=$method BENCH_BODY=$body BENCH_CONTENT_TYPE=$ctype BENCH_BEARER=$bearer \
    wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"${seconds}s" --timeout 5s --latency \
    -s "$BENCH_HOME/load/request.lua" "$url" >"$out" 2>&1 || { tail -5 "$out" >&2; log "wrk failed for $url"; return 1; }
  end=$EPOCHREALTIME; m1=$(machine_ticks); t1=$(proc_ticks "$@"); c1=$(children_ticks "$self")
  awk -v t0="$t0" -v t1="$t1" -v c0="$c0" -v c1="$c1" -v hz="$CLK_TCK" -v s="$start" -v e="$end" \
      -v m0="$m0" -v m1="$m1" 'BEGIN {
    split(m0, a, " "); split(m1, b, " ")
    secs = e - s; server = (t1 - t0) / hz / secs; wrk = (c1 - c0) / hz / secs
    busy = (b[1] - a[1]) / hz / secs; other = busy - server - wrk
    printf "CPU server_cores=%.2f wrk_cores=%.2f other_cores=%.2f machine_busy_pct=%.0f\n",
      server, wrk, (other < 0 ? 0 : other), 100 * (b[1] - a[1]) / (b[2] - a[2])
  }' >>"$out"
}

# field FILE KEY: value of KEY=... on the BENCH or CPU line of a wrk_run output file.
field() { grep -oE "(^| )$2=[^ ]+" "$1" | head -1 | cut -d= -f2; }

# measure_case JDK LABEL REP URL METHOD BODY CTYPE BEARER SERVER_PID...
# One recorded wrk run; appends a row to $WORK/runs.tsv:
#   jdk case rep rps p50_ms p99_ms max_ms errors server_cores wrk_cores other_cores busy_before_pct
# A failed wrk run is noted and skipped (returns 0); a server process that is gone afterwards is
# noted and returns 1, so the caller can skip what that server would have served.
measure_case() {
  local jdk=$1 label=$2 rep=$3
  shift 3
  local out errors pid wrk_ok=1
  out="$WORK/wrk/$(printf %s "$jdk-$label" | tr -c 'A-Za-z0-9' '_')-$rep.txt"
  wait_quiet
  wrk_run "$out" "$WRK_SECONDS" "$@" || wrk_ok=0
  for pid in "${@:6}"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      note_failure "$label [$jdk] run $rep" "the server process $pid is gone (see its log under $WORK)"
      return 1
    fi
  done
  if [ "$wrk_ok" = 0 ]; then
    note_failure "$label [$jdk] run $rep" "wrk failed: $(tail -1 "$out")"
    return 0
  fi
  errors=$(( $(field "$out" status_errors) + $(field "$out" connect_errors) + $(field "$out" read_errors) \
    + $(field "$out" write_errors) + $(field "$out" timeouts) ))
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$jdk" "$label" "$rep" "$(field "$out" rps)" \
    "$(field "$out" p50_ms)" "$(field "$out" p99_ms)" "$(field "$out" max_ms)" "$errors" \
    "$(field "$out" server_cores)" "$(field "$out" wrk_cores)" "$(field "$out" other_cores)" \
    "$QUIET_BUSY_PCT" >>"$WORK/runs.tsv"
  log "  $label [$jdk] run $rep: $(field "$out" rps) req/s, p99 $(field "$out" p99_ms) ms, errors $errors," \
    "CPU server $(field "$out" server_cores) / wrk $(field "$out" wrk_cores) / other $(field "$out" other_cores) cores"
}

# warm_case URL METHOD BODY CTYPE BEARER SERVER_PID...: an unrecorded run so the JIT has compiled
# the hot path before anything is measured.
warm_case() {
  wrk_run "$WORK/wrk/warmup.txt" "$WRK_WARMUP_SECONDS" "$@" || note_failure "warm-up of $1" "wrk failed: $(tail -1 "$WORK/wrk/warmup.txt")"
}
