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
  rm -rf "$fresh"
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
