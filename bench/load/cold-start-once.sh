#!/usr/bin/env bash
# One cold start, as hyperfine runs it: start Cerulean on an already prepared data dir (CA and
# database exist, as on any start after the first), wait for the first 200 from /cerulean/health,
# append the milliseconds from process start to that 200 to TIMES_FILE, then kill the server.
#
#   cold-start-once.sh launcher|java JAVA_HOME DATA_DIR PORT TIMES_FILE
#     launcher  ./cerulean serve ...  (what users run: the launcher script, then the JVM)
#     java      java <the launcher's JVM flags> $CERULEAN_JAVA_OPTS -jar cerulean.jar serve ...
#               (no launcher script)
#     plain     java $CERULEAN_JAVA_OPTS -jar cerulean.jar serve ...  (only the flags given, for
#               trying JVM options such as an AOT cache that exclude the launcher's)
#
# The wait loop forks nothing while the JVM starts: a bash /dev/tcp connect every 5 ms until the
# port accepts, then curl every 20 ms until 200. The connector opens before the surfaces are wired
# and answers 503 meanwhile, so the curl loop runs during the start: each try is a process and a TLS
# handshake on the same cores, hence the longer pause. Resolution is about 20 ms.
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

pid=""
trap '[ -z "$pid" ] || { kill -KILL "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; } || true' EXIT

start=$EPOCHREALTIME
case $mode in
  launcher)
    JAVA_HOME=$java_home "$repo/cerulean" "${flags[@]}" >"$data/cold-start.log" 2>&1 &
    ;;
  java)
    # The same JVM flags the launcher passes (class-data sharing; JDK 19+ keeps its own archive).
    opts=(-Xshare:auto -XX:+UseSerialGC -Xms16m -Xmx512m)
    feature=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$java_home/release")
    opts+=(-XX:TrimNativeHeapInterval=1000)   # both JDKs the bench uses (17.0.15, 25) have it
    if [ "$feature" -ge 19 ]; then
      opts+=(-XX:SharedArchiveFile="$repo/cerulean-server/target/cerulean-jdk${feature}.jsa" -XX:+AutoCreateSharedArchive)
    fi
    # shellcheck disable=SC2086  # CERULEAN_JAVA_OPTS is a list of flags, as in the launcher
    "$java_home/bin/java" "${opts[@]}" ${CERULEAN_JAVA_OPTS:-} -jar "$jar" "${flags[@]}" >"$data/cold-start.log" 2>&1 &
    ;;
  plain)
    # shellcheck disable=SC2086
    "$java_home/bin/java" ${CERULEAN_JAVA_OPTS:-} -jar "$jar" "${flags[@]}" >"$data/cold-start.log" 2>&1 &
    ;;
  *) echo "unknown mode $mode" >&2; exit 2 ;;
esac
pid=$!

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
awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f\n", (e - s) * 1000 }' >>"$times"
