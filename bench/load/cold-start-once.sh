#!/usr/bin/env bash
# One cold start, as hyperfine runs it: start Cerulean on an already prepared data dir (CA and
# database exist, as on any start after the first), wait for the first 200 from /cerulean/health,
# append the milliseconds from process start to that 200 to TIMES_FILE, then kill the server.
#
#   cold-start-once.sh launcher|java JAVA_HOME DATA_DIR PORT TIMES_FILE
#     launcher  ./cerulean serve ...  (what users run: the launcher script, then the JVM)
#     java      java <the launcher's JVM flags, its archive included> $CERULEAN_JAVA_OPTS -jar
#               cerulean.jar serve ...  (what the launcher script itself costs)
#     plain     java $CERULEAN_JAVA_OPTS -jar cerulean.jar serve ...  (only the flags given, for
#               trying JVM options such as an AOT cache that exclude the launcher's)
#     peer      the Jetty peer (BenchJetty compiled into $BENCH_PEER_JAR, lib/coldstart.sh) with the
#               launcher's JVM flags and its own class archive ($BENCH_PEER_ARCHIVE), serving
#               DATA_DIR/tls/server.pem: Jetty 12 and the JDK's TLS answering 200 with nothing of
#               Cerulean's own start-up, the floor under Cerulean's cold start on this stack
#
# The time is taken from just before the server process is started to the moment the first 200
# arrives. How health is polled (BENCH_COLD_POLL):
#   keepalive (default)  health-poll.py, loaded before the start time is taken (a bash coprocess),
#                        retries the TCP connect every 5 ms until the port accepts, then polls every
#                        10 ms (BENCH_COLD_POLL_MS) on ONE keep-alive TLS connection, reconnecting only
#                        when the server refuses or closes it: one handshake per start, nothing forked.
#   curl                 the earlier loop: a bash /dev/tcp connect every 5 ms until the port accepts,
#                        then curl every 20 ms until 200. The connector answers 503 while the surfaces
#                        are wired, so each try is a new process and a TLS handshake the server performs
#                        on the same cores while it starts; this slows the start it measures.
# Resolution is about the poll interval (10 or 20 ms).
set -euo pipefail
mode=$1 java_home=$2 data=$3 port=$4 times=$5
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="$repo/cerulean-server/target/cerulean.jar"
flags=(serve --port "$port" --proxy-port -1 --data-dir "$data")

fifo=$(mktemp -u)
mkfifo "$fifo"
exec {tick}<>"$fifo"
rm -f "$fifo"
pause() { read -r -t "${1:-0.005}" -u "$tick" || true; }

pid="" poller_pid=""
trap '[ -z "$pid" ] || { kill -KILL "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; } || true
      [ -z "$poller_pid" ] || kill "$poller_pid" 2>/dev/null || true' EXIT

poll=${BENCH_COLD_POLL:-keepalive}
if [ "$poll" = keepalive ]; then
  interval=$(awk -v ms="${BENCH_COLD_POLL_MS:-10}" 'BEGIN { printf "%.3f", ms / 1000 }')
  coproc POLLER { exec python3 "$repo/bench/load/health-poll.py" "$port" "$data/tls/ca.pem" "$interval" 60; }
  poller_pid=$POLLER_PID
  # own copies: bash closes and unsets POLLER[...] as soon as the coprocess exits
  exec {from_poller}<&"${POLLER[0]}" {to_poller}>&"${POLLER[1]}"
  read -r -t 10 -u "$from_poller" ready || { echo "health-poll.py did not start" >&2; exit 1; }
fi

# The JVM flags and environment `./cerulean serve` gives this JDK, read from the launcher itself
# before the clock starts: `java` with its archive flags, `peer` without (it has an archive of its own).
BENCH_HOME="$repo/bench"
# shellcheck source=lib/launcher.sh
source "$BENCH_HOME/load/lib/launcher.sh"
LAUNCHER_OPTS=() LAUNCHER_ENV=()
case $mode in
  java) launcher_jvm_options "$java_home" cds ;;
  peer)
    launcher_jvm_options "$java_home"
    case ${BENCH_PEER_ARCHIVE:-} in
      *.aot) LAUNCHER_OPTS=(-XX:AOTCache="$BENCH_PEER_ARCHIVE" "${LAUNCHER_OPTS[@]}") ;;
      *.jsa) LAUNCHER_OPTS=(-XX:SharedArchiveFile="$BENCH_PEER_ARCHIVE" "${LAUNCHER_OPTS[@]}") ;;
    esac
    ;;
esac

start=$EPOCHREALTIME
case $mode in
  launcher)
    JAVA_HOME=$java_home "$repo/cerulean" "${flags[@]}" >"$data/cold-start.log" 2>&1 &
    ;;
  java)
    # shellcheck disable=SC2086  # CERULEAN_JAVA_OPTS is a list of flags, as in the launcher
    env "${LAUNCHER_ENV[@]}" "$java_home/bin/java" "${LAUNCHER_OPTS[@]}" ${CERULEAN_JAVA_OPTS:-} -jar "$jar" "${flags[@]}" \
      >"$data/cold-start.log" 2>&1 &
    ;;
  peer)
    # Cerulean loads ACCP only after it answers; the peer must not load it before (CERULEAN_TLS_PROVIDER=jdk)
    env "${LAUNCHER_ENV[@]}" CERULEAN_TLS_PROVIDER=jdk "$java_home/bin/java" "${LAUNCHER_OPTS[@]}" \
      -cp "$BENCH_PEER_JAR:$jar" BenchJetty "$port" "$data/tls/server.pem" "$BENCH_PEER_BODY" >"$data/cold-start.log" 2>&1 &
    ;;
  plain)
    # shellcheck disable=SC2086
    "$java_home/bin/java" ${CERULEAN_JAVA_OPTS:-} -jar "$jar" "${flags[@]}" >"$data/cold-start.log" 2>&1 &
    ;;
  *) echo "unknown mode $mode" >&2; exit 2 ;;
esac
pid=$!

if [ "$poll" = keepalive ]; then
  echo "$pid" >&"$to_poller"
  read -r -u "$from_poller" outcome end detail || { outcome=fail; end="health-poll.py ended without an answer"; }
  [ "$outcome" = ok ] || { echo "health poll: $end $detail" >&2; tail -20 "$data/cold-start.log" >&2; exit 1; }
  echo "$detail" >>"$times.polls"   # "polls=N connections=M" per start: one connection is the point
else
  deadline=$((SECONDS + 60))
  until { : <>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { tail -20 "$data/cold-start.log" >&2; exit 1; }
    [ "$SECONDS" -lt "$deadline" ] || { echo "port $port never opened" >&2; exit 1; }
    pause
  done
  until curl -fsS -o /dev/null --cacert "$data/tls/ca.pem" "https://127.0.0.1:$port/cerulean/health" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { tail -20 "$data/cold-start.log" >&2; exit 1; }
    [ "$SECONDS" -lt "$deadline" ] || { echo "health never answered 200" >&2; exit 1; }
    pause 0.02
  done
  end=$EPOCHREALTIME
fi
awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f\n", (e - s) * 1000 }' >>"$times"
