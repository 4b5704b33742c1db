#!/usr/bin/env bash
# Template-language speed check: builds cerulean-templates through the reactor (no install) and runs
# ExpressionBench.java with its classpath. Usage: bash bench/templates/run.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/../.."
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
# One reactor run packages core and templates and writes the runtime classpath (the last module's wins).
mvn -B -q -pl cerulean-templates -am package dependency:build-classpath -DskipTests \
    -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime >/dev/null
cp="cerulean-templates/target/classes:cerulean-core/target/classes:$(cat "$cp_file")"
java -cp "$cp" bench/templates/ExpressionBench.java "${1:-40}"
