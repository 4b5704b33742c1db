# Starting and talking to the Cerulean under test: start on a free port with the proxy off,
# wait for readiness, client-credentials token, authenticated ARM calls, stop.
# After cerulean_start these are set: CER_PID CER_BASE CER_CA CER_TENANT CER_SUB CER_CLIENT
# CER_SECRET CER_DATA; after cerulean_login also CER_TOKEN.

# cerulean_start JAVA_HOME DATA_DIR LOG_FILE [serve flags...]
# Starts `./cerulean serve --port 0 --proxy-port -1` with the given JDK and waits until
# endpoints.json is written and /cerulean/health answers 200 (at most 120 s).
cerulean_start() {
  local java_home=$1 data=$2 logfile=$3
  shift 3
  mkdir -p "$data"
  rm -f "$data/endpoints.json"
  JAVA_HOME=$java_home "$REPO/cerulean" serve --port 0 --proxy-port -1 --data-dir "$data" "$@" \
    >"$logfile" 2>&1 &
  CER_PID=$!
  remember_pid "$CER_PID"
  CER_DATA=$data
  local deadline=$((SECONDS + 120))
  until [ -s "$data/endpoints.json" ]; do
    if ! kill -0 "$CER_PID" 2>/dev/null; then
      local status=0
      wait "$CER_PID" || status=$?
      tail -30 "$logfile" >&2
      die "Cerulean exited during start with status $status (log: $logfile)"
    fi
    [ "$SECONDS" -lt "$deadline" ] || die "Cerulean not ready after 120 s (log: $logfile)"
    sleep 0.1
  done
  CER_BASE="https://127.0.0.1:$(json_field "$data/endpoints.json" httpsPort)"
  CER_CA="$data/tls/ca.pem"
  CER_TENANT=$(json_field "$data/endpoints.json" tenantId)
  CER_SUB=$(json_field "$data/endpoints.json" subscriptionId)
  CER_CLIENT=$(json_field "$data/endpoints.json" clientId)
  CER_SECRET=$(json_field "$data/endpoints.json" clientSecret)
  until curl -fsS -o /dev/null --cacert "$CER_CA" "$CER_BASE/cerulean/health"; do
    [ "$SECONDS" -lt "$deadline" ] || die "/cerulean/health never answered 200 (log: $logfile)"
    sleep 0.1
  done
}

# The token form of the client-credentials grant (v1 endpoint, ARM as the resource).
cerulean_token_form() {
  printf 'grant_type=client_credentials&resource=%s&client_id=%s&client_secret=%s' \
    "$(uri_encode https://management.azure.com/)" "$(uri_encode "$CER_CLIENT")" "$(uri_encode "$CER_SECRET")"
}

cerulean_login() {
  local response="$WORK/token.json"
  curl -fsS --cacert "$CER_CA" -o "$response" --data "$(cerulean_token_form)" \
    "$CER_BASE/$CER_TENANT/oauth2/token" || die "token request failed"
  CER_TOKEN=$(json_field "$response" access_token)
}

# arm METHOD PATH [JSON_BODY]: an authenticated ARM call; prints the response body, fails on >= 400.
arm() {
  local method=$1 path=$2 body=${3:-}
  local args=(-sS --fail-with-body --cacert "$CER_CA" -X "$method" -H "Authorization: Bearer $CER_TOKEN")
  [ -z "$body" ] || args+=(-H 'Content-Type: application/json' --data "$body")
  curl "${args[@]}" "$CER_BASE$path"
}

# arm_status METHOD PATH [JSON_BODY]: like arm but prints only the HTTP status, never fails.
arm_status() {
  local method=$1 path=$2 body=${3:-}
  local args=(-sS -o /dev/null -w '%{http_code}' --cacert "$CER_CA" -X "$method" -H "Authorization: Bearer $CER_TOKEN")
  [ -z "$body" ] || args+=(-H 'Content-Type: application/json' --data "$body")
  curl "${args[@]}" "$CER_BASE$path" || true
}

# Graceful stop (SIGTERM), so the SQLite file is clean and JDK 19+ writes its CDS archive.
cerulean_stop() {
  stop_pid "$CER_PID" TERM
}
