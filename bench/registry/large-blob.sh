#!/usr/bin/env bash
# The issue's streaming figure: a 2 GiB layer pushed (chunked and monolithic) and pulled back
# through a registry server whose heap is capped at 256 MiB. Runs LargeBlobTest with its sizes
# raised; prints the timings line. Needs ~4 GiB free under /tmp. Settings: BLOB_MIB, HEAP.
set -euo pipefail
cd "$(dirname "$0")/../.."
export CERULEAN_LARGE_BLOB_MIB=${BLOB_MIB:-2048} CERULEAN_LARGE_BLOB_HEAP=${HEAP:-256m}
mvn -B -q -pl cerulean-server -am test -Dtest=LargeBlobTest -Dsurefire.failIfNoSpecifiedTests=false
grep -h 'large blob:' cerulean-server/target/surefire-reports/*LargeBlobTest*.xml
