#!/usr/bin/env bash
# Prints the JVM flags and environment `./cerulean serve` would give a JDK, one per line:
#   opt <flag>          each JVM option before -jar
#   env <NAME>=<value>  MALLOC_* and GLIBC_TUNABLES as the launcher exports them
# by running the launcher against a stand-in `java` (a copy of the JDK's release file and a script
# that prints its arguments), so the bench follows the launcher when its options change.
#
#   launcher-options.sh JAVA_HOME [cds]   without "cds", CERULEAN_CDS=off (no class-data archive flags)
# Prints nothing if the launcher could not be run; callers fall back to their own list.
set -euo pipefail
java_home=$1 cds=${2:-off}
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
fake=$(mktemp -d)
trap 'rm -rf "$fake"' EXIT
mkdir -p "$fake/bin"
cp "$java_home/release" "$fake/release"
cat >"$fake/bin/java" <<'STANDIN'
#!/usr/bin/env bash
echo call
env | grep -E '^(MALLOC_[A-Z_]*|GLIBC_TUNABLES)=' | sed 's/^/env /' || true
for a in "$@"; do [ "$a" = -jar ] && break; printf 'opt %s\n' "$a"; done
STANDIN
chmod +x "$fake/bin/java"
[ "$cds" = cds ] && cds=on
# With "cds" and no archive yet the launcher first calls java for its training run: only its last
# call (the server's) is printed.
{ CERULEAN_JAVA_OPTS='' CERULEAN_CDS=$cds JAVA_HOME=$fake "$repo/cerulean" serve 2>/dev/null || true; } \
  | awk '$0 == "call" { n = 0; delete kept; next } { kept[++n] = $0 } END { for (i = 1; i <= n; i++) print kept[i] }'
