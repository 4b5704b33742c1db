# The Java peer: BenchJetty.java, Jetty 12 core from Cerulean's own jar serving the resource
# group's exact response body over HTTPS with Cerulean's connector and TLS set-up, on the same JDK
# and JVM options as Cerulean. nginx is the machine's ceiling; this is the ceiling of the stack
# Cerulean runs on, so ARM GET / Jetty says what Cerulean's own work costs.
# After jetty_start: JETTY_PID JETTY_BASE JETTY_INFO ("port=... connector=... tls_records=... jetty=...").

# jetty_start JAVA_HOME BODY_FILE SERVER_PEM LOG_FILE: starts the peer on a free port and waits (at
# most 120 s: the source file is compiled at start) until it listens. Returns 1 if it does not.
jetty_start() {
  local java_home=$1 body=$2 pem=$3 logfile=$4 port deadline
  launcher_jvm_options "$java_home"
  port=$(free_port)
  # shellcheck disable=SC2086  # BENCH_PEER_JAVA_OPTS is a list of flags
  env "${LAUNCHER_ENV[@]}" "$java_home/bin/java" "${LAUNCHER_OPTS[@]}" ${BENCH_PEER_JAVA_OPTS:-} \
    -cp "$REPO/cerulean-server/target/cerulean.jar" "$BENCH_HOME/load/BenchJetty.java" "$port" "$pem" "$body" \
    >"$logfile" 2>&1 &
  JETTY_PID=$!
  remember_pid "$JETTY_PID"
  JETTY_BASE="https://127.0.0.1:$port"
  deadline=$((SECONDS + 120))
  until grep -q '^listening ' "$logfile"; do
    if ! kill -0 "$JETTY_PID" 2>/dev/null || [ "$SECONDS" -ge "$deadline" ]; then
      tail -20 "$logfile" >&2
      stop_pid "$JETTY_PID"
      return 1
    fi
    sleep 0.2
  done
  JETTY_INFO="$(sed -n 's/^listening //p' "$logfile" | head -1); JVM: ${LAUNCHER_ENV[*]} ${LAUNCHER_OPTS[*]} ${BENCH_PEER_JAVA_OPTS:-}"
}
