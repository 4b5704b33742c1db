# launcher_jvm_options JAVA_HOME [cds]: fills LAUNCHER_OPTS and LAUNCHER_ENV with the JVM flags and
# the environment `./cerulean serve` gives this JDK, as launcher-options.sh reads them from the
# launcher itself: with "cds" its class-data archive flags included, else without (the Jetty peer
# has an archive of its own or none). The fixed list is the fallback. Used by run.sh (the Jetty
# peer) and by cold-start-once.sh (the `java` and `peer` starts), so every start the bench makes
# outside the launcher has the launcher's flags.
launcher_jvm_options() {
  local line
  LAUNCHER_OPTS=() LAUNCHER_ENV=()
  while IFS= read -r line; do
    case $line in
      "env "*) LAUNCHER_ENV+=("${line#env }") ;;
      "opt "*) LAUNCHER_OPTS+=("${line#opt }") ;;
    esac
  done < <("$BENCH_HOME/load/launcher-options.sh" "$1" "${2:-}" || true)
  if [ "${#LAUNCHER_OPTS[@]}" -eq 0 ]; then
    echo "the launcher's JVM options could not be read; using the fixed list" >&2
    LAUNCHER_OPTS=(-XX:+UseSerialGC -Xms16m -Xmx160m) LAUNCHER_ENV=(MALLOC_ARENA_MAX=2)
  fi
}
