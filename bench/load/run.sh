#!/usr/bin/env bash
# Cerulean's load benchmark: one run on loopback measuring Cerulean against nginx (the machine's
# ceiling for serving the same JSON over HTTPS), with JDK 17 and the newest JDK 21+ found.
#   - every case in cases/ (ARM GET of a resource group, token issuance, ...) with wrk
#   - nginx serving the resource group's exact response body as a static file
#   - the Java peer (BenchJetty.java): Jetty 12 core with Cerulean's connector serving the same
#     bytes on the same JDK and JVM options, the ceiling of the stack Cerulean runs on
#   - the RS256 signing ceiling (openssl speed, and the JDK itself)
#   - cold start: process start to first 200 on /cerulean/health (hyperfine + cold-start-once.sh),
#     beside the Jetty peer's cold start with the same flags (the stack's floor)
# With BENCH_PROFILE=1 it also records where the server's CPU goes (JFR) for every case.
# Prints a summary and writes it to bench/results/<UTC timestamp>.md, also when the run stops
# early (marked incomplete, with what it had). Installs nothing; every process it starts is
# stopped on exit. See bench/README.md for the settings (BENCH_* variables).
set -euo pipefail

BENCH_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO="$(cd "$BENCH_HOME/.." && pwd)"
for lib in tools measure cerulean nginx launcher jetty coldstart profile report; do
  # shellcheck source=/dev/null
  source "$BENCH_HOME/load/lib/$lib.sh"
done
REPEATS=${BENCH_REPEATS:-2}
read -r -a SERVE_FLAGS <<<"${BENCH_SERVE_FLAGS:-}"

require_tools
WORK=$(mktemp -d /tmp/cerulean-bench.XXXXXX)
mkdir -p "$WORK/wrk"
RESULT=""
# write_results [INCOMPLETE_NOTE]: the report into bench/results/<UTC timestamp>.md, printed too.
write_results() {
  INCOMPLETE=${1:-}
  mkdir -p "$BENCH_HOME/results"
  RESULT="$BENCH_HOME/results/$(date -u +%Y%m%dT%H%M%SZ).md"
  report >"$RESULT"
  echo
  cat "$RESULT"
  echo
  log "written to $RESULT"
}
# on_exit STATUS: a run that stops early still leaves what it measured and profiled, marked incomplete.
on_exit() {
  local status=$1
  if [ -z "$RESULT" ] && { [ -s "$WORK/runs.tsv" ] || [ -s "$WORK/profile.md" ]; }; then
    stop_all
    write_results "the run stopped early (exit status $status) after: ${LAST_LOG:-?}" || log "the partial report failed"
  fi
  stop_all
  if [ -n "${BENCH_KEEP:-}" ]; then log "work files kept in $WORK"; else rm -rf "$WORK"; fi
}
trap 'on_exit $?' EXIT
trap 'exit 130' INT TERM
: >"$WORK/runs.tsv"; : >"$WORK/coldstart.tsv"; : >"$WORK/coldcost.tsv"; : >"$WORK/coldpair.tsv"; : >"$WORK/peers.tsv"; : >"$WORK/goals.tsv"; : >"$WORK/footprint.tsv"
: >"$WORK/failures.tsv"
JETTY_LABEL="Jetty static JSON (Java ceiling)"

# rss_row JDK ROW FIELD: the server's VmRSS or VmHWM (MB) into footprint.tsv.
rss_row() {
  printf '%s\t%s\t%s\n' "$1" "$2" "$(awk -v f="$3:" '$1 == f { print int($2 / 1024) }' "/proc/$CER_PID/status")" >>"$WORK/footprint.tsv"
}

mapfile -t JDKS < <(discover_jdks)
[ "${#JDKS[@]}" -gt 0 ] || die "no JDK 17 or newer found (set BENCH_JDKS to JAVA_HOME paths)"

log "checking the jar (the launcher builds it when missing or stale)"
JAVA_HOME=${JDKS[0]} "$REPO/cerulean" --help >/dev/null

# tls_summary HOST_PORT: protocol, cipher suite, key exchange group and signature, as OpenSSL sees them.
tls_summary() {
  openssl s_client -connect "$1" -brief </dev/null 2>&1 \
    | awk -F': ' '/^(Protocol version|Ciphersuite|Peer signature type|Server Temp Key|Negotiated TLS1.3 group)/ { v = v (v ? ", " : "") $2 } END { print v }'
}

# response_size URL: "header bytes + body bytes" of one GET with the ARM token.
response_size() {
  curl -sk -o /dev/null -w '%{size_header} + %{size_download} bytes' -H "Authorization: Bearer $CER_TOKEN" "$1"
}

NGINX_VERSION=$(nginx -v 2>&1 | sed 's/^nginx version: //')
{
  printf 'date\t%s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
  printf 'machine\t%s, %s CPUs, %s MiB RAM, Linux %s\n' "$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)" \
    "$(nproc)" "$(awk '/^MemTotal/ { printf "%d", $2 / 1024 }' /proc/meminfo)" "$(uname -r)"
  # what the kernel (and hypervisor) charge for a page touched the first time: a JVM start touches ~20,000
  printf 'memory first touch\t%s (page-touch.py)\n' "$(python3 "$BENCH_HOME/load/page-touch.py" "$REPO/cerulean-server/target/cerulean.jar" 2>/dev/null || echo 'not measured')"
  printf 'load generator\twrk %s, -t%s -c%s -d%ss after a %ss warm-up per case, %s runs each, on 127.0.0.1\n' \
    "$(wrk -v 2>&1 | awk 'NR == 1 { print $2 }')" "$WRK_THREADS" "$WRK_CONNECTIONS" "$WRK_SECONDS" "$WRK_WARMUP_SECONDS" "$REPEATS"
  printf 'peer\t%s, %s worker processes, static file, access_log off, keep-alive; %s\n' \
    "$NGINX_VERSION" "${BENCH_NGINX_WORKERS:-auto}" "$(openssl version | awk '{ print $1, $2 }')"
  for home in "${JDKS[@]}"; do printf '%s\t%s\n' "$(jdk_label "$home")" "$(jdk_describe "$home")"; done
  printf 'server flags\tserve --port 0 --proxy-port -1 --data-dir <temp> %s (through ./cerulean)\n' "${SERVE_FLAGS[*]:-}"
  printf 'cold-start poll\t%s\n' "$(if [ "${BENCH_COLD_POLL:-keepalive}" = curl ]; then echo 'curl every 20 ms, a new TLS connection each (BENCH_COLD_POLL=curl)'; else echo "one keep-alive TLS connection, GET every ${BENCH_COLD_POLL_MS:-10} ms (health-poll.py)"; fi)"
} >"$WORK/env.tsv"

log "signing ceiling: openssl speed rsa2048 on $(nproc) processes"
wait_quiet
openssl_signs=$(openssl speed -seconds 5 -multi "$(nproc)" rsa2048 2>/dev/null | awk '/^rsa 2048 bits/ { print $(NF - 1) }')
printf 'OpenSSL %s, %s processes (openssl speed rsa2048)\t%.0f\n' "$(openssl version | awk '{ print $2 }')" "$(nproc)" \
  "$openssl_signs" >>"$WORK/peers.tsv"

nginx_up=0
index=0
for home in "${JDKS[@]}"; do
  index=$((index + 1))
  jdk=$(jdk_label "$home")
  data="$WORK/data-$index"

  log "$jdk: RS256 signing ceiling of the JDK ($(nproc) threads)"
  wait_quiet
  jdk_signs=$("$home/bin/java" "$BENCH_HOME/load/RsaSignRate.java" "$(nproc)" 5 | sed -n 's/^signs_per_s=\([0-9]*\).*/\1/p')
  printf '%s, %s threads (SHA256withRSA, RsaSignRate.java)\t%s\n' "$jdk" "$(nproc)" "$jdk_signs" >>"$WORK/peers.tsv"
  accp_signs=$("$home/bin/java" -cp "$REPO/cerulean-server/target/cerulean.jar" "$BENCH_HOME/load/RsaSignRate.java" "$(nproc)" 5 \
    com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider 2>/dev/null | sed -n 's/^signs_per_s=\([0-9]*\).*/\1/p' || true)
  printf '%s + Amazon Corretto Crypto Provider (what Cerulean signs with), %s threads\t%s\n' "$jdk" "$(nproc)" \
    "${accp_signs:-unavailable}" >>"$WORK/peers.tsv"

  log "$jdk: starting Cerulean"
  cerulean_start "$home" "$data" "$WORK/cerulean-$index.log" "${SERVE_FLAGS[@]}"
  cerulean_login
  sleep 2
  rss_row "$jdk" idle-first VmRSS # the first serve: empty data dir, class archive not yet written
  clear_cases
  NGINX_PATH=""
  for case_file in "$BENCH_HOME"/load/cases/*.sh; do
    # shellcheck source=/dev/null
    source "$case_file"
  done
  [ "${#CASE_NAME[@]}" -gt 0 ] || die "no cases registered"
  for i in "${!CASE_NAME[@]}"; do
    grep -qF "${CASE_NAME[$i]}"$'\t' "$WORK/goals.tsv" || printf '%s\t%s\n' "${CASE_NAME[$i]}" "${CASE_GOAL[$i]}" >>"$WORK/goals.tsv"
  done
  NGINX_PATH=${NGINX_PATH:-${CASE_PATH[0]}}

  if [ "$nginx_up" = 0 ]; then
    log "starting nginx with the same response body and certificate"
    nginx_start "$NGINX_BODY" "$data/tls/server.pem"
    nginx_up=1
    printf 'TLS, nginx\t%s\n' "$(tls_summary "${NGINX_BASE#https://}")" >>"$WORK/env.tsv"
    printf 'response, nginx\t%s\n' "$(response_size "$NGINX_BASE$NGINX_PATH")" >>"$WORK/env.tsv"
    mapfile -t nginx_procs < <(nginx_pids)
    wrk_run "$WORK/wrk/warmup.txt" 3 "$NGINX_BASE$NGINX_PATH" GET "" "" "$CER_TOKEN" "${nginx_procs[@]}" \
      || note_failure "nginx warm-up" "wrk failed"
  fi
  log "$jdk: starting the Jetty peer (BenchJetty.java, same body and certificate)"
  JETTY_PID=""
  if jetty_start "$home" "$NGINX_BODY" "$data/tls/server.pem" "$WORK/jetty-$index.log"; then
    printf 'Jetty peer on %s\t%s\n' "$jdk" "$JETTY_INFO" >>"$WORK/env.tsv"
    printf 'TLS, Jetty peer on %s\t%s\n' "$jdk" "$(tls_summary "${JETTY_BASE#https://}")" >>"$WORK/env.tsv"
    printf 'response, Jetty peer on %s\t%s\n' "$jdk" "$(response_size "$JETTY_BASE$NGINX_PATH")" >>"$WORK/env.tsv"
    # Jetty's code in Cerulean is warmed by every case's warm-up; the peer gets as long in one go
    # (its requests/s was still rising 30 s into a run on the busy machine).
    peer_warmup=${BENCH_PEER_WARMUP_SECONDS:-$((3 * WRK_WARMUP_SECONDS))}
    log "warm-up: $JETTY_LABEL (${peer_warmup} s)"
    wrk_run "$WORK/wrk/warmup.txt" "$peer_warmup" "$JETTY_BASE$NGINX_PATH" GET "" "" "$CER_TOKEN" "$JETTY_PID" \
      || note_failure "warm-up of the Jetty peer" "wrk failed: $(tail -1 "$WORK/wrk/warmup.txt")"
  else
    note_failure "Jetty peer on $jdk" "did not start (log: $WORK/jetty-$index.log)"
    JETTY_PID=""
  fi
  printf 'TLS, Cerulean on %s\t%s\n' "$jdk" "$(tls_summary "${CER_BASE#https://}")" >>"$WORK/env.tsv"
  printf 'response, Cerulean on %s\t%s\n' "$jdk" "$(response_size "$CER_BASE$NGINX_PATH")" >>"$WORK/env.tsv"

  for i in "${!CASE_NAME[@]}"; do
    bearer=$(case_bearer "$i")
    log "warm-up: ${CASE_NAME[$i]} (${WRK_WARMUP_SECONDS} s)"
    warm_case "$CER_BASE${CASE_PATH[$i]}" "${CASE_METHOD[$i]}" "${CASE_BODY[$i]}" "${CASE_CTYPE[$i]}" "$bearer" "$CER_PID"
  done
  cer_gone=0
  for rep in $(seq 1 "$REPEATS"); do
    measure_case nginx "nginx static JSON (ceiling)" "$index.$rep" "$NGINX_BASE$NGINX_PATH" GET "" "" "$CER_TOKEN" "${nginx_procs[@]}" \
      || die "nginx is gone"
    if [ -n "$JETTY_PID" ] && ! measure_case "$jdk" "$JETTY_LABEL" "$rep" "$JETTY_BASE$NGINX_PATH" GET "" "" "$CER_TOKEN" "$JETTY_PID"; then
      JETTY_PID=""
    fi
    for i in "${!CASE_NAME[@]}"; do
      bearer=$(case_bearer "$i")
      armget_first=0
      [ "$rep" != 1 ] || [ "${CASE_NAME[$i]}" != "ARM GET resource group" ] || armget_first=1
      # The goal is the peak *while ARM GET runs*: the peak so far (every case's warm-up) is kept,
      # then the kernel's high-water mark is reset to the current RSS (clear_refs 5) for this run.
      if [ "$armget_first" = 1 ]; then
        rss_row "$jdk" warm-up-peak VmHWM
        echo 5 2>/dev/null >"/proc/$CER_PID/clear_refs" || note_failure "peak RSS during ARM GET" "cannot reset VmHWM: the peak shown includes the warm-ups"
      fi
      measure_case "$jdk" "${CASE_NAME[$i]}" "$rep" "$CER_BASE${CASE_PATH[$i]}" "${CASE_METHOD[$i]}" \
        "${CASE_BODY[$i]}" "${CASE_CTYPE[$i]}" "$bearer" "$CER_PID" || { cer_gone=1; break 2; }
      [ "$armget_first" = 0 ] || rss_row "$jdk" arm-get-peak VmHWM
    done
  done
  [ "$cer_gone" = 1 ] || rss_row "$jdk" runs-peak VmHWM
  [ "$cer_gone" = 0 ] || note_failure "Cerulean on $jdk" "exited during the runs; its remaining cases and profiles were skipped"
  if [ -n "${BENCH_PROFILE:-}" ] && [ "$cer_gone" = 0 ]; then
    [ -z "$JETTY_PID" ] || profile_case "$home" "$jdk" "$JETTY_LABEL" "$JETTY_BASE$NGINX_PATH" GET "" "" "$CER_TOKEN" \
      "$JETTY_PID" "the Jetty peer"
    for i in "${!CASE_NAME[@]}"; do
      bearer=$(case_bearer "$i")
      profile_case "$home" "$jdk" "${CASE_NAME[$i]}" "$CER_BASE${CASE_PATH[$i]}" "${CASE_METHOD[$i]}" \
        "${CASE_BODY[$i]}" "${CASE_CTYPE[$i]}" "$bearer" "$CER_PID"
    done
  fi
  [ -z "$JETTY_PID" ] || stop_pid "$JETTY_PID"
  log "$jdk: stopping Cerulean"
  cerulean_stop

  template="$WORK/template-$index"
  cp -a "$data" "$template"
  rm -f "$template/endpoints.json"
  # Idle RSS as the issue defines it: a start on a prepared data dir with the class archive present
  # (the first serve above writes the archive at its exit and costs ~10 MB more). The median of
  # BENCH_IDLE_RUNS starts: one reading moves by 10-15 MB with when the JIT hands back its arenas.
  wait_quiet
  : >"$WORK/idle-$index.mb"
  for _ in $(seq "${BENCH_IDLE_RUNS:-3}"); do
    rm -rf "$WORK/idle-$index" && cp -a "$template" "$WORK/idle-$index"
    cerulean_start "$home" "$WORK/idle-$index" "$WORK/cerulean-idle-$index.log" "${SERVE_FLAGS[@]}"
    cerulean_login
    sleep 2
    awk '$1 == "VmRSS:" { print int($2 / 1024) }' "/proc/$CER_PID/status" >>"$WORK/idle-$index.mb"
    cerulean_stop
    rm -rf "$WORK/idle-$index"
  done
  read -r idle_median idle_min idle_max < <(stats_ms "$WORK/idle-$index.mb")
  printf '%s\t%s\t%s\n' "$jdk" idle "$idle_median" >>"$WORK/footprint.tsv"
  printf '%s\t%s\t%s–%s of %s\n' "$jdk" idle-spread "$idle_min" "$idle_max" "$(wc -l <"$WORK/idle-$index.mb")" >>"$WORK/footprint.tsv"
  if [ "${BENCH_COLD_RUNS:-10}" -gt 0 ]; then
    wait_quiet
    cold_start "$jdk" "$home" "$template" launcher
    wait_quiet
    cold_start "$jdk" "$home" "$template" java
    wait_quiet
    mkdir -p "$WORK/empty-$index"
    cold_start "$jdk" "$home" "$WORK/empty-$index" launcher launcher-empty
    wait_quiet
    peer_cold_start "$jdk" "$home" "$template"
    jvm_floor "$jdk" "$home"
  fi
  [ -z "${BENCH_PROFILE:-}" ] || startup_phases "$home" "$jdk" "$template"
done
stop_pid "$NGINX_PID"
write_results
