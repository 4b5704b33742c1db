# The results file: turns the tables the run collected under $WORK into one Markdown report.
#   env.tsv       key, value                     machine, tools, settings, TLS, response sizes
#   runs.tsv      one row per measured wrk run  (lib/measure.sh)
#   goals.tsv     case, goal                     from add_case --min-rps / --min-ratio
#   coldstart.tsv one row per cold-start series (lib/coldstart.sh)
#   coldcost.tsv  jdk, start, CPU, kernel CPU, page faults at the first 200 (lib/coldstart.sh)
#   coldpair.tsv  jdk, pairs, Cerulean - peer median/min/max, each one's median (alternated starts)
#   peers.tsv     name, value                    signing ceilings
#   failures.tsv  what, reason                   what did not work (lib/tools.sh note_failure)
#   profile.md    JFR summaries                  (lib/profile.sh, BENCH_PROFILE=1)

report() {
  echo "# Cerulean load benchmark — $(awk -F'\t' '$1 == "date" { print $2 }' "$WORK/env.tsv")"
  echo
  [ -z "${INCOMPLETE:-}" ] || { echo "**Incomplete: $INCOMPLETE.** Every table below holds only what was measured before that."; echo; }
  awk -F'\t' '$1 != "date" { printf "- **%s**: %s\n", $1, $2 }' "$WORK/env.tsv"
  echo
  if [ -s "$WORK/failures.tsv" ]; then
    echo "## What failed in this run"
    echo
    awk -F'\t' '{ printf "- %s: %s\n", $1, $2 }' "$WORK/failures.tsv"
    echo
  fi
  report_throughput
  echo
  report_gap
  echo
  report_signing
  echo
  report_cold_start
  echo
  report_footprint
  echo
  report_all_runs
  if [ -s "$WORK/profile.md" ]; then
    echo
    echo "## Where the server's CPU goes (JFR execution samples, BENCH_PROFILE=1)"
    echo
    cat "$WORK/profile.md"
  fi
}

report_throughput() {
  echo "## Throughput (wrk over HTTPS, keep-alive; best of $REPEATS runs by requests/s)"
  echo
  echo "| benchmark | server | requests/s | p99 ms | vs nginx | vs Jetty peer (same JDK) | server CPU (cores) | requests per server CPU-second | errors | goal |"
  echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
  awk -F'\t' '
    FILENAME ~ /goals/ { goal[$1] = $2; next }
    {
      key = $2 SUBSEP $1
      if (!(key in best)) { order[++n] = key; name[key] = $2; jdk[key] = $1 }
      if (!(key in best) || $4 + 0 > rps[key]) {
        best[key] = 1; rps[key] = $4 + 0; p99[key] = $6; errs[key] = $8; cores[key] = $9 + 0
      }
      if ($1 == "nginx" && $4 + 0 > ceiling) ceiling = $4 + 0
      if ($2 == JETTY && $4 + 0 > jetty[$1]) jetty[$1] = $4 + 0
    }
    END {
      for (i = 1; i <= n; i++) {
        k = order[i]; ratio = ceiling > 0 ? rps[k] / ceiling : 0
        g = goal[name[k]]; verdict = "–"; p99goal = ""
        if (index(g, ";p99<=") > 0) { p99goal = substr(g, index(g, ";p99<=") + 6) + 0; g = substr(g, 1, index(g, ";p99<=") - 1) }
        if (g ~ /^rps>=/) {
          need = substr(g, 6) + 0
          verdict = rps[k] >= need ? sprintf("≥ %d/s: met", need) \
            : sprintf("≥ %d/s: **missed by %.0f%%**", need, 100 * (need - rps[k]) / need)
        } else if (g ~ /^ratio>=/) {
          need = substr(g, 8) + 0
          verdict = ratio >= need ? sprintf("≥ %.2f× nginx: met", need) \
            : sprintf("≥ %.2f× nginx: **missed by %.0f%%**", need, 100 * (need - ratio) / need)
        }
        if (p99goal != "" && jdk[k] != "nginx") verdict = verdict sprintf("; p99 ≤ %d ms: %s", p99goal, (p99[k] + 0 <= p99goal ? "met" : "**missed**"))
        server = jdk[k] == "nginx" ? NGINX : (name[k] == JETTY ? "Jetty peer, " jdk[k] : "Cerulean, " jdk[k])
        vsj = (jdk[k] != "nginx" && jetty[jdk[k]] > 0) ? sprintf("%.2f", rps[k] / jetty[jdk[k]]) : "–"
        printf "| %s | %s | %.0f | %.2f | %.2f | %s | %.2f | %.0f | %s | %s |\n", name[k], server,
          rps[k], p99[k], ratio, vsj, cores[k], (cores[k] > 0 ? rps[k] / cores[k] : 0), errs[k], verdict
      }
    }' NGINX="$NGINX_VERSION" JETTY="$JETTY_LABEL" "$WORK/goals.tsv" "$WORK/runs.tsv"
  echo
  echo "wrk and the server share the machine's CPUs; *server CPU* is what the server process itself"
  echo "used during the run, so *requests per server CPU-second* compares efficiency independent of how"
  echo "the CPUs were split between client and server."
}

# report_gap: ARM GET beside both peers, per JDK, in requests/s and per server CPU-second. Jetty /
# nginx is what the JVM's HTTP and TLS stack costs against nginx; ARM GET / Jetty is Cerulean's own
# work on top of that stack (routing, token check, RBAC, the store read, headers, metrics).
report_gap() {
  echo "## ARM GET against both peers (best runs; per server CPU-second in brackets)"
  echo
  echo "*Same round* divides each ARM GET run by the nginx run of its own round, a minute or two"
  echo "apart, and gives the median of those ratios: nginx's best run may come from minutes in which"
  echo "the machine was faster than in any of Cerulean's (the best-run columns compare across them)."
  echo
  # Same round: runs.tsv is in run order, and each round opens with its nginx run. The ratios go out
  # in thousandths, since stats_ms (lib/coldstart.sh) gives whole numbers.
  local jdk median rounds
  awk -F'\t' -v ARM="ARM GET resource group" '$1 == "nginx" { nginx = $4 + 0; next }
    $2 == ARM && nginx > 0 { printf "%s\t%.0f\n", $1, 1000 * $4 / nginx }' "$WORK/runs.tsv" >"$WORK/armget-rounds.tsv"
  : >"$WORK/armget-paired.tsv"
  while IFS= read -r jdk; do
    awk -F'\t' -v k="$jdk" '$1 == k { print $2 }' "$WORK/armget-rounds.tsv" >"$WORK/armget-rounds-one.txt"
    rounds=$(wc -l <"$WORK/armget-rounds-one.txt")
    read -r median _ < <(stats_ms "$WORK/armget-rounds-one.txt")
    printf '%s\t%.2f (%d rounds)\n' "$jdk" "$(awk -v m="$median" 'BEGIN { print m / 1000 }')" "$rounds" >>"$WORK/armget-paired.tsv"
  done < <(cut -f1 "$WORK/armget-rounds.tsv" | awk '!seen[$0]++')
  echo "| JDK | nginx | Jetty peer | ARM GET | Jetty / nginx | ARM GET / Jetty | ARM GET / nginx | ARM GET / nginx, same round |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  awk -F'\t' '
    FNR == NR { paired[$1] = $2; next }
    function keep(slot, k) { if ($4 + 0 > rps[slot, k]) { rps[slot, k] = $4 + 0; eff[slot, k] = ($9 + 0 > 0 ? $4 / $9 : 0) } }
    $1 == "nginx" { keep("n", "all"); next }
    $2 == JETTY { keep("j", $1); if (!($1 in seen)) { seen[$1] = 1; order[++n] = $1 } next }
    $2 == ARM { keep("a", $1); if (!($1 in seen)) { seen[$1] = 1; order[++n] = $1 } }
    function cell(slot, k) { return rps[slot, k] > 0 ? sprintf("%.0f (%.0f)", rps[slot, k], eff[slot, k]) : "–" }
    function both(s1, k1, s2, k2) {
      if (!(rps[s1, k1] > 0 && rps[s2, k2] > 0)) return "–"
      return sprintf("%.2f (%.2f)", rps[s1, k1] / rps[s2, k2], (eff[s2, k2] > 0 ? eff[s1, k1] / eff[s2, k2] : 0)) }
    END { for (i = 1; i <= n; i++) { k = order[i]
      printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", k, cell("n", "all"), cell("j", k), cell("a", k),
        both("j", k, "n", "all"), both("a", k, "j", k), both("a", k, "n", "all"), ((k in paired) ? paired[k] : "–") } }
  ' JETTY="$JETTY_LABEL" ARM="ARM GET resource group" "$WORK/armget-paired.tsv" "$WORK/runs.tsv"
}

report_signing() {
  echo "## Signing ceiling (RS256 = RSA-2048 with SHA-256, no HTTP around it)"
  echo
  echo "| what | signatures/s |"
  echo "| --- | ---: |"
  awk -F'\t' '{ printf "| %s | %s |\n", $1, $2 }' "$WORK/peers.tsv"
}

report_cold_start() {
  echo "## Cold start (process start to first 200 on /cerulean/health)"
  echo
  echo "Median (min–max) of $COLD_RUNS runs after one warm-up run, each on a fresh copy of a data dir"
  echo "an earlier start prepared (CA and database exist). Timed by cold-start-once.sh itself;"
  echo "hyperfine's median (which also includes killing the server) in brackets."
  echo
  echo "*First start* runs the launcher on an empty data dir (CA, keys and database made; the"
  echo "launcher's class-data archive exists from the earlier runs)."
  echo
  echo "*Jetty peer* is BenchJetty (Jetty 12 core and the JDK's TLS on Cerulean's connector, answering"
  echo "200 at once) started with the launcher's JVM flags and a class archive of its own, trained the"
  echo "same way: the same stack with nothing of Cerulean's own start-up, the floor under its row."
  echo
  echo "| JDK | \`./cerulean serve\` | \`java -jar\` (no launcher script) | Jetty peer | bare JVM (\`java -version\`) | goal ≤ 500 ms | first start, empty data dir | goal ≤ 1,500 ms |"
  echo "| --- | ---: | ---: | ---: | ---: | --- | ---: | --- |"
  awk -F'\t' '
    { key = $1; if (!(key in seen)) { seen[key] = 1; order[++n] = key }
      cell[key, $2] = ($2 == "jvm-floor") ? sprintf("%s ms", $4) : sprintf("%s ms (%s–%s) [%s]", $4, $5, $6, $7)
      if ($2 == "launcher") median[key] = $4 + 0
      if ($2 == "launcher-empty") first[key] = $4 + 0 }
    END { for (i = 1; i <= n; i++) { k = order[i]
      v = (k in median) ? (median[k] <= 500 ? "met" : sprintf("**missed by %d ms**", median[k] - 500)) : "–"
      f = (k in first) ? (first[k] <= 1500 ? "met" : sprintf("**missed by %d ms**", first[k] - 1500)) : "–"
      p = ((k, "peer") in cell) ? cell[k, "peer"] : "–"
      printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", k, cell[k, "launcher"], cell[k, "java"], p, cell[k, "jvm-floor"], v,
        cell[k, "launcher-empty"], f } }
  ' "$WORK/coldstart.tsv"
  if [ -s "$WORK/coldpair.tsv" ]; then
    echo
    echo "*Cerulean − peer, alternated*: the same two starts in pairs, one right after the other on fresh"
    echo "copies of the data dir, so that both see the machine in the same state (the series above run"
    echo "minutes apart); the median of the pairs' differences is what Cerulean's own start-up adds."
    echo
    echo "| JDK | pairs | Cerulean − peer, median (min–max) | Cerulean | Jetty peer |"
    echo "| --- | ---: | ---: | ---: | ---: |"
    awk -F'\t' '{ printf "| %s | %s | %s ms (%s–%s) | %s ms | %s ms |\n", $1, $2, $3, $4, $5, $6, $7 }' "$WORK/coldpair.tsv"
  fi
  [ -s "$WORK/coldcost.tsv" ] || return 0
  echo
  echo "What each start had used when its first 200 arrived (medians over the same starts, read from"
  echo "/proc by the poller): CPU on both cores, the kernel's share of it, and minor page faults, each"
  echo "a page touched for the first time (its cost on this machine: *memory first touch* above)."
  echo
  echo "| JDK | start | CPU ms | kernel ms | page faults |"
  echo "| --- | --- | ---: | ---: | ---: |"
  awk -F'\t' '{ printf "| %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5 }' "$WORK/coldcost.tsv"
}

report_footprint() {
  echo "## Footprint (resident set of the server process, through \`./cerulean serve\`)"
  echo
  echo "*Idle* is read two seconds after a start on a prepared data dir (class archive present) and"
  echo "one token request, the median of several starts (range in brackets); *first serve* the same on the run's first start (empty data dir, archive"
  echo "written at its exit); *during ARM GET* is the peak (VmHWM, reset to the current RSS as the run"
  echo "starts) over the first measured ARM GET run, which follows every case's warm-up; *whole run* is the"
  echo "highest of the peak before that reset and the peak over all measured runs after it."
  echo
  echo "| JDK | idle RSS | goal ≤ 120 MB | idle RSS, first serve | peak RSS during ARM GET | goal ≤ 300 MB | peak RSS, whole run |"
  echo "| --- | ---: | --- | ---: | ---: | --- | ---: |"
  awk -F'\t' '
    { if (!($1 in seen)) { seen[$1] = 1; order[++n] = $1 } v[$1, $2] = $3 + 0; t[$1, $2] = $3 }
    END { for (i = 1; i <= n; i++) { k = order[i]
      spread = ((k, "idle-spread") in t) ? sprintf(" (%s)", t[k, "idle-spread"]) : ""
      whole = v[k, "warm-up-peak"] > v[k, "runs-peak"] ? v[k, "warm-up-peak"] : v[k, "runs-peak"]
      printf "| %s | %d MB%s | %s | %d MB | %d MB | %s | %d MB |\n", k, v[k, "idle"], spread, (v[k, "idle"] <= 120 ? "met" : "**missed**"),
        v[k, "idle-first"], v[k, "arm-get-peak"], (v[k, "arm-get-peak"] <= 300 ? "met" : "**missed**"), whole } }
  ' "$WORK/footprint.tsv"
}

report_all_runs() {
  echo "## Every measured run"
  echo
  echo "*other* is CPU used by anything but the server and wrk during the run (other work on the"
  echo "machine, plus kernel time not charged to a process); *busy before* is the machine's load in"
  echo "the second before the run."
  echo
  echo "| server | benchmark | run | requests/s | p50 ms | p99 ms | max ms | errors | server cores | wrk cores | other cores | busy before % |"
  echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  awk -F'\t' '{ printf "| %s | %s | %s | %.0f | %s | %s | %s | %s | %s | %s | %s | %s |\n",
    $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12 }' "$WORK/runs.tsv"
}
