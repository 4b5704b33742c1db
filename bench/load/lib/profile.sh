# Optional profile (BENCH_PROFILE=1): one extra, unrecorded wrk run per case with a JFR recording
# of the server, summarised as where the CPU goes. The recording starts two seconds into the run,
# after wrk's connections (and their TLS handshakes) are open, so it sees the steady state. A
# profile that fails is noted in the results and the run goes on.
# JFR execution samples only cover threads running Java code; time in the kernel (socket reads
# and writes) is not in them. Output: $WORK/profile.md.

PROFILE_SECONDS=${BENCH_PROFILE_SECONDS:-12}

# Subsystems counted inclusively: a sample counts for each whose pattern appears anywhere in its
# stack, so the column does not add up to 100 %.
PROFILE_GROUPS='RSA signing (token issue)|sun\.security\.rsa\.RSASignature\.engineSign|com\.amazon\.corretto\.crypto\.provider\..*Signature.*engineSign
RS256 verification (ARM bearer check)|sun\.security\.rsa\.RSASignature\.engineVerify
TLS records (AES-GCM)|sun\.security\.ssl\.SSLCipher|com\.sun\.crypto\.provider\.(GaloisCounterMode|GHASH|AESCrypt)
TLS handshakes|sun\.security\.ssl\.(ClientHello|ServerHello|CertificateMessage|CertificateVerify|Finished)
Jetty HTTP parsing and writing|org\.eclipse\.jetty\.http\.
JDK TLS engine (JSSE, records and handshakes)|sun\.security\.ssl\.
Cerulean HTTP front (routing, Exchange)|dev\.cerulean\.server\.http\.
JSON (Jackson)|com\.fasterxml\.jackson\.
Nimbus JOSE (JWT)|com\.nimbusds\.
store (SQLite, JDBC, Hikari)|org\.sqlite\.|com\.zaxxer\.hikari\.|dev\.cerulean\.store\.
logging|ch\.qos\.logback\.|org\.slf4j\.
regular expressions|java\.util\.regex\.
SecureRandom and UUIDs|java\.security\.SecureRandom|java\.util\.UUID\.randomUUID
Cerulean code (any frame)|dev\.cerulean\.'

# profile_case JAVA_HOME JDK_LABEL CASE_NAME URL METHOD BODY CTYPE BEARER SERVER_PID [SERVER]
# SERVER names the process in the heading ("Cerulean" unless given). Never ends the run: whatever
# goes wrong (wrk, jcmd, an unreadable recording) becomes a line in profile.md and in failures.tsv.
profile_case() {
  local java_home=$1 jdk=$2 name=$3 server=${10:-Cerulean} tag reason
  tag=$(printf %s "$jdk-$name" | tr -c 'A-Za-z0-9' '_')
  log "profiling: $name [$server on $jdk] (${PROFILE_SECONDS} s, JFR)"
  wait_quiet
  if ! reason=$(profile_record "$tag" "$@"); then
    note_failure "profile of $name [$server on $jdk]" "$reason"
    printf '### %s — %s on %s\n\nNo profile: %s\n\n' "$name" "$server" "$jdk" "$reason" >>"$WORK/profile.md"
    return 0
  fi
  {
    echo "### $name — $server on $jdk"
    echo
    echo "$(field "$WORK/wrk/profile-$tag.txt" rps) requests/s during the recording; CPU: server $(field "$WORK/wrk/profile-$tag.txt" server_cores)," \
      "wrk $(field "$WORK/wrk/profile-$tag.txt" wrk_cores), other work $(field "$WORK/wrk/profile-$tag.txt" other_cores) cores."
    [ -z "$reason" ] || echo "($reason)"
    echo
    profile_summary <"$WORK/profile-$tag.txt" || echo "(the summary of $WORK/profile-$tag.txt failed)"
    echo
  } >>"$WORK/profile.md"
}

# jcmd_message TEXT: the first line of jcmd's answer that says something (not its "PID:" line).
jcmd_message() {
  grep -m1 -vE '^[0-9]+:$|^[[:space:]]*$' <<<"$1" || echo "(no answer)"
}

# profile_record TAG JAVA_HOME JDK CASE URL METHOD BODY CTYPE BEARER PID: one wrk run with a JFR
# recording from its third second to three seconds before its end, stopped with JFR.stop (which
# returns once the file is complete: waiting for a `duration=` recording to appear raced with its
# writing), then printed as text to $WORK/profile-TAG.txt. Prints a note or, failing, the reason.
profile_record() {
  local tag=$1 java_home=$2 url=$5 method=$6 body=$7 ctype=$8 bearer=$9 pid=${10}
  local jfr="$WORK/profile-$1.jfr" out="$WORK/wrk/profile-$1.txt" recording="bench-$1-$RANDOM" wrk_pid answer
  rm -f "$jfr"
  wrk_run "$out" "$PROFILE_SECONDS" "$url" "$method" "$body" "$ctype" "$bearer" "$pid" &
  wrk_pid=$!
  sleep 2
  answer=$("$java_home/bin/jcmd" "$pid" JFR.start "name=$recording" settings=profile 'jdk.ExecutionSample#period=1ms' 2>&1) || true
  if [[ $answer != *"Started recording"* ]]; then
    wait "$wrk_pid" || true
    echo "jcmd JFR.start failed: $(jcmd_message "$answer")"
    return 1
  fi
  sleep $((PROFILE_SECONDS - 3))
  answer=$("$java_home/bin/jcmd" "$pid" JFR.stop "name=$recording" "filename=$jfr" 2>&1) || true
  local note=""
  wait "$wrk_pid" || note="wrk failed during the recording: $(tail -1 "$out")"
  if [ ! -s "$jfr" ]; then
    echo "jcmd JFR.stop wrote no recording: $(jcmd_message "$answer")${note:+; $note}"
    return 1
  fi
  if ! "$java_home/bin/jfr" print --events jdk.ExecutionSample --stack-depth 200 "$jfr" >"$WORK/profile-$tag.txt" 2>"$WORK/profile-$tag.err"; then
    echo "jfr print failed: $(tail -1 "$WORK/profile-$tag.err")${note:+; $note}"
    return 1
  fi
  echo "$note"
}

# profile_summary: reads `jfr print --events jdk.ExecutionSample` text, writes two tables.
profile_summary() {
  local self="$WORK/profile-self.tsv" samples
  awk -v groups="$PROFILE_GROUPS" -v self_file="$self" '
    BEGIN { ng = split(groups, lines, "\n")
            for (i = 1; i <= ng; i++) { split(lines[i], p, "|"); gname[i] = p[1]; gre[i] = substr(lines[i], length(p[1]) + 2) } }
    /stackTrace = \[/ { in_stack = 1; depth = 0; stack = ""; next }
    in_stack && /^[ \t]*\]/ {
      in_stack = 0; n++
      for (i = 1; i <= ng; i++) if (stack ~ gre[i]) hit[i]++
      next }
    in_stack {
      frame = $0; sub(/^[ \t]+/, "", frame); sub(/[ \t]+line:.*/, "", frame); sub(/\(.*/, "", frame)
      if (depth++ == 0) top[frame]++
      stack = stack " " frame }
    END {
      printf "" >self_file
      for (f in top) printf "%d\t%s\n", top[f], f >self_file
      if (n == 0) { print "(no samples)"; exit }
      printf "%d samples.\n\n| subsystem (inclusive) | share of samples |\n| --- | ---: |\n", n
      for (i = 1; i <= ng; i++) printf "| %s | %.0f %% |\n", gname[i], 100 * hit[i] / n
    }'
  samples=$(awk -F'\t' '{ s += $1 } END { print s + 0 }' "$self")
  [ "$samples" -gt 0 ] || return 0
  printf '\n| hottest methods (self) | share |\n| --- | ---: |\n'
  # awk stops printing rather than head stopping reading: under pipefail, sort's SIGPIPE from head
  # made every summary that had more than 12 methods report itself failed after printing in full
  sort -rn "$self" | awk -F'\t' -v n="$samples" 'NR <= 12 { printf "| `%s` | %.1f %% |\n", $2, 100 * $1 / n }'
}

# Start-up milestones: the first class each library loads, as a proxy for when that phase
# begins, plus where classes came from (CDS archive, JDK modules, the jar).
STARTUP_MILESTONES='picocli (command line)|^picocli\.
logback (logging set-up)|^ch\.qos\.logback\.
local CA and TLS material|^dev\.cerulean\.server\.tls\.
store opened|^dev\.cerulean\.store\.
Flyway (schema migration)|^org\.flywaydb\.
SQLite driver|^org\.sqlite\.
Hikari pool|^com\.zaxxer\.hikari\.
Nimbus JOSE (signing keys)|^com\.nimbusds\.
Javalin|^io\.javalin\.
Jetty|^org\.eclipse\.jetty\.
first TLS handshake (the health probe)|^sun\.security\.ssl\.ClientHello'

# startup_phases JAVA_HOME JDK_LABEL TEMPLATE_DIR: one extra cold start with class loading logged.
startup_phases() {
  local java_home=$1 jdk=$2 template=$3 fresh="$WORK/phases-data" times="$WORK/phases.ms" classes
  classes="$WORK/classes-$(printf %s "$jdk" | tr -c 'A-Za-z0-9' '_').log"
  log "start-up phases [$jdk]: one start with -Xlog:class+load"
  rm -rf "$fresh"; cp -a "$template" "$fresh"; : >"$times"
  CERULEAN_JAVA_OPTS="-Xlog:class+load:file=$classes:uptime" \
    "$BENCH_HOME/load/cold-start-once.sh" java "$java_home" "$fresh" "$(free_port)" "$times" \
    || { log "start-up phase run failed (see $fresh/cold-start.log); skipped"; return 0; }
  {
    echo "### Start-up phases — $jdk"
    echo
    echo "One start with \`-Xlog:class+load\` (which slows it a little): ready after $(cat "$times") ms."
    echo "Each row is the moment the first class of that part was loaded."
    echo
    echo "| phase begins | at ms |"
    echo "| --- | ---: |"
    awk -v milestones="$STARTUP_MILESTONES" '
      BEGIN { n = split(milestones, lines, "\n")
              for (i = 1; i <= n; i++) { split(lines[i], p, "|"); name[i] = p[1]; re[i] = p[2] } }
      { t = $1; gsub(/[\[\]s]/, "", t); cls = $2
        for (i = 1; i <= n; i++) if (!(i in at) && cls ~ re[i]) at[i] = t * 1000
        total++
        if ($0 ~ /shared objects file/) cds++; else if ($0 ~ /source: jrt:/) jdk++; else if ($0 ~ /\.jar/) jar++; else gen++ }
      END {
        for (i = 1; i <= n; i++) printf "| %s | %s |\n", name[i], (i in at) ? sprintf("%.0f", at[i]) : "–"
        printf "\nClasses loaded: %d — %d from the CDS archive, %d from JDK modules (not archived), %d from the jar, %d generated (lambdas, proxies).\n",
          total, cds, jdk, jar, gen }' "$classes"
    echo
  } >>"$WORK/profile.md"
  rm -rf "$fresh"
}
