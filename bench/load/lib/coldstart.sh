# Cold start: hyperfine repeats cold-start-once.sh, each time on a fresh copy of a data dir that
# a previous start prepared (CA, keys and database exist). The figure reported is the time from
# process start to the first 200 on /cerulean/health, which cold-start-once.sh takes itself;
# hyperfine's own time also contains killing the server and is kept only as a cross-check.
# Rows go to $WORK/coldstart.tsv: jdk what runs median_ms min_ms max_ms hyperfine_median_ms

COLD_RUNS=${BENCH_COLD_RUNS:-10}

# hyperfine_ms JSON FIELD: median, min or max of the first result of a hyperfine JSON export, in ms.
hyperfine_ms() {
  if command -v jq >/dev/null 2>&1; then
    jq -r --arg f "$2" '.results[0][$f] * 1000 | . * 10 | round / 10' "$1"
  else
    python3 -c 'import json,sys; print(round(json.load(open(sys.argv[1]))["results"][0][sys.argv[2]]*1000, 1))' "$1" "$2"
  fi
}

# stats_ms FILE: "median min max" of one number per line.
stats_ms() {
  sort -n "$1" | awk '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%.0f %.0f %.0f\n", m, v[1], v[NR] }'
}

# cold_start JDK_LABEL JAVA_HOME TEMPLATE_DIR MODE [ROW]
# ROW names the series in coldstart.tsv (default MODE), e.g. launcher-empty for an empty template.
cold_start() {
  local jdk=$1 java_home=$2 template=$3 mode=$4 row=${5:-$4}
  local tag fresh times json port median min max
  tag=$(printf %s "$jdk-$row" | tr -c 'A-Za-z0-9' '_')
  fresh="$WORK/cold-$tag" times="$WORK/cold-$tag.ms" json="$WORK/cold-$tag.json"
  port=$(free_port)
  : >"$times"
  log "cold start, $row, $jdk: $COLD_RUNS runs (+1 warm-up)"
  hyperfine --style basic --runs "$COLD_RUNS" --warmup 1 --export-json "$json" \
    --prepare "rm -rf $(printf %q "$fresh") && cp -a $(printf %q "$template") $(printf %q "$fresh")" \
    "$(printf '%q ' "$BENCH_HOME/load/cold-start-once.sh" "$mode" "$java_home" "$fresh" "$port" "$times")" \
    >"$WORK/cold-$tag.hyperfine.txt" 2>&1 || {
      tail -20 "$WORK/cold-$tag.hyperfine.txt" >&2
      note_failure "cold start, $row, $jdk" "$(grep -m1 -iE 'error|fail|never|exited' "$WORK/cold-$tag.hyperfine.txt" || echo 'hyperfine failed')"
      rm -rf "$fresh"
      return 0
    }
  # the warm-up run also appended a time; drop it
  tail -n "$COLD_RUNS" "$times" >"$times.measured"
  read -r median min max < <(stats_ms "$times.measured")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$jdk" "$row" "$COLD_RUNS" "$median" "$min" "$max" \
    "$(hyperfine_ms "$json" median)" >>"$WORK/coldstart.tsv"
  log "  median $median ms, min $min ms, max $max ms"
  start_cost "$jdk" "$row" "$times.polls"
  rm -rf "$fresh"
}

# start_cost JDK ROW POLLS_FILE: medians of what the measured starts had used when their first 200
# arrived (health-poll.py's cpu_ms, sys_ms and minflt), one row in $WORK/coldcost.tsv:
# jdk row cpu_ms sys_ms minflt. Nothing for the curl poller, which does not read them.
start_cost() {
  [ -f "$3" ] || return 0
  local field median medians=()
  for field in cpu_ms sys_ms minflt; do
    tail -n "$COLD_RUNS" "$3" | sed -n "s/.*$field=\([0-9][0-9]*\).*/\1/p" >"$3.$field"
    [ -s "$3.$field" ] || return 0
    read -r median _ < <(stats_ms "$3.$field")
    medians+=("$median")
  done
  printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "${medians[@]}" >>"$WORK/coldcost.tsv"
}

# jvm_floor JDK_LABEL JAVA_HOME: how long the bare JVM takes to start and exit (java -version),
# the floor under any Java server's cold start on this machine.
jvm_floor() {
  local jdk=$1 java_home=$2 json
  json="$WORK/floor-$(printf %s "$jdk" | tr -c 'A-Za-z0-9' '_').json"
  hyperfine --style basic --runs "$COLD_RUNS" --warmup 2 --export-json "$json" \
    "$(printf %q "$java_home/bin/java") -Xshare:auto -version" >/dev/null 2>&1 \
    || { note_failure "bare JVM start, $jdk" "hyperfine java -version failed"; return 0; }
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$jdk" "jvm-floor" "$COLD_RUNS" "$(hyperfine_ms "$json" median)" \
    "$(hyperfine_ms "$json" min)" "$(hyperfine_ms "$json" max)" "-" >>"$WORK/coldstart.tsv"
}

# peer_cold_start JDK_LABEL JAVA_HOME TEMPLATE_DIR: the cold start of the Jetty peer (BenchJetty,
# compiled into a jar here) with the launcher's JVM flags and a class archive of its own, trained
# as the launcher trains Cerulean's (one start that answers a few requests, then exits). It serves
# the template's certificate and answers 200 at once: Jetty 12 and the JDK's TLS on this JDK with
# nothing of Cerulean's own start-up, so Cerulean's row minus this one is what Cerulean adds.
peer_cold_start() {
  local jdk=$1 java_home=$2 template=$3 dir feature archive port pid deadline
  local jar="$REPO/cerulean-server/target/cerulean.jar" train=()
  dir="$WORK/peer-cold-$(printf %s "$jdk" | tr -c 'A-Za-z0-9' '_')"
  rm -rf "$dir" && mkdir -p "$dir/classes"
  if ! "$java_home/bin/javac" -d "$dir/classes" -cp "$jar" "$BENCH_HOME/load/BenchJetty.java" >"$dir/javac.log" 2>&1 \
     || ! "$java_home/bin/jar" cf "$dir/peer.jar" -C "$dir/classes" . >>"$dir/javac.log" 2>&1; then
    note_failure "Jetty peer cold start, $jdk" "BenchJetty.java did not compile ($dir/javac.log)"
    return 0
  fi
  feature=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$java_home/release")
  if [ "${feature:-17}" -ge 25 ]; then archive="$dir/peer.aot" train=(-XX:AOTCacheOutput="$archive")
    # as the launcher trains on JDK 25: a cache without the training run's method profiles
    [ "$feature" != 25 ] || train+=(-XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining)
  else archive="$dir/peer.jsa" train=(-XX:ArchiveClassesAtExit="$archive"); fi
  port=$(free_port)
  launcher_jvm_options "$java_home"   # lib/launcher.sh: the flags the timed starts use too
  env "${LAUNCHER_ENV[@]}" CERULEAN_TLS_PROVIDER=jdk "$java_home/bin/java" "${train[@]}" "${LAUNCHER_OPTS[@]}" \
    -cp "$dir/peer.jar:$jar" BenchJetty "$port" "$template/tls/server.pem" "$NGINX_BODY" >"$dir/train.log" 2>&1 &
  pid=$!
  deadline=$((SECONDS + 60))
  until curl -fsS -o /dev/null --cacert "$template/tls/ca.pem" "https://127.0.0.1:$port/cerulean/health" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null || [ "$SECONDS" -ge "$deadline" ]; then
      kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
      note_failure "Jetty peer cold start, $jdk" "the training start did not answer ($dir/train.log)"
      return 0
    fi
    sleep 0.1
  done
  for _ in 1 2 3; do curl -fsS -o /dev/null --cacert "$template/tls/ca.pem" "https://127.0.0.1:$port/x" || true; done
  kill -TERM "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null || true   # the archive is written as the JVM exits
  [ -f "$archive" ] || { note_failure "Jetty peer cold start, $jdk" "no class archive was written ($dir/train.log)"; return 0; }
  ( export BENCH_PEER_JAR="$dir/peer.jar" BENCH_PEER_ARCHIVE="$archive" BENCH_PEER_BODY="$NGINX_BODY"
    cold_start "$jdk" "$java_home" "$template" peer
    paired_cold_start "$jdk" "$java_home" "$template" )
}

# paired_cold_start JDK_LABEL JAVA_HOME TEMPLATE_DIR (with the BENCH_PEER_* of peer_cold_start):
# COLD_RUNS pairs of starts, Cerulean through the launcher and then the Jetty peer, each on a fresh
# copy of the template, after one warm-up pair. The two series above run minutes apart, and this
# machine's speed moves by more than the difference between them in that time; a pair sees the
# machine in one state, so the median of the pairs' differences is what Cerulean's own start-up
# adds. One row in $WORK/coldpair.tsv: jdk pairs median_diff min_diff max_diff cerulean_median peer_median
paired_cold_start() {
  local jdk=$1 java_home=$2 template=$3 tag base port mode
  tag=$(printf %s "$jdk" | tr -c 'A-Za-z0-9' '_')
  base="$WORK/pair-$tag" port=$(free_port)
  : >"$base.launcher" && : >"$base.peer"
  log "cold start, Cerulean and the Jetty peer alternated, $jdk: $COLD_RUNS pairs (+1 warm-up)"
  for _ in $(seq 0 "$COLD_RUNS"); do
    for mode in launcher peer; do
      rm -rf "$base.data" && cp -a "$template" "$base.data"
      if ! "$BENCH_HOME/load/cold-start-once.sh" "$mode" "$java_home" "$base.data" "$port" "$base.$mode" \
           >"$base.$mode.log" 2>&1; then
        note_failure "alternated cold start ($mode), $jdk" "$(tail -3 "$base.$mode.log" | tr '\n' ' ')"
        rm -rf "$base.data"
        return 0
      fi
    done
  done
  rm -rf "$base.data"
  tail -n "$COLD_RUNS" "$base.launcher" >"$base.launcher.measured"
  tail -n "$COLD_RUNS" "$base.peer" >"$base.peer.measured"
  paste "$base.launcher.measured" "$base.peer.measured" | awk '{ printf "%.1f\n", $1 - $2 }' >"$base.diff"
  local diff cerulean peer
  diff=$(stats_ms "$base.diff") cerulean=$(stats_ms "$base.launcher.measured") peer=$(stats_ms "$base.peer.measured")
  printf '%s\t%s\t%s\t%s\t%s\n' "$jdk" "$COLD_RUNS" "$(printf %s "$diff" | tr ' ' '\t')" "${cerulean%% *}" "${peer%% *}" \
    >>"$WORK/coldpair.tsv"
  log "  Cerulean - peer: median ${diff%% *} ms (Cerulean ${cerulean%% *}, peer ${peer%% *})"
}
