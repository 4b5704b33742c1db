#!/usr/bin/env bash
# Registry content-side benchmark (issue 7 §8, the part that does not depend on the token
# service): manifest GET with Basic credentials against Cerulean's content side (test Basic
# check, RegistryTestbedMain) and CNCF distribution 2.8.2 (Debian docker-registry, no auth), a
# blob push (POST + PUT) and pull, and nginx serving the same blob over HTTPS as the pull ceiling.
# Same machine, same run. Needs: docker-registry nginx wrk curl openssl (Debian packages).
# Settings: BLOB_MIB (default 512), WRK_SECONDS (default 10).
set -euo pipefail
cd "$(dirname "$0")/../.."
BLOB_MIB=${BLOB_MIB:-512}
WRK_SECONDS=${WRK_SECONDS:-10}
work=$(mktemp -d /tmp/cerulean-regbench.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_https() { for _ in $(seq 1 300); do curl -sk -o /dev/null "$1" && return 0; sleep 0.2; done; echo "not up: $1" >&2; exit 1; }

mvn -B -q -pl cerulean-server -am test-compile dependency:build-classpath -Dmdep.outputFile="$work/cp" -Dmdep.includeScope=test
cp="$(cat "$work/cp"):cerulean-server/target/classes:cerulean-server/target/test-classes"

# Cerulean's content side, admin myreg:secret checked by the test access policy
java -Xmx512m -cp "$cp" dev.cerulean.server.registry.RegistryTestbedMain "$work/cerulean" "$work/cerulean.port" \
  >"$work/cerulean.log" 2>&1 & pids+=($!)
for _ in $(seq 1 300); do [ -s "$work/cerulean.port" ] && break; sleep 0.2; done
c_base="https://localhost:$(cat "$work/cerulean.port")"

# distribution and nginx share one self-signed certificate
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$work/key.pem" -out "$work/cert.pem" \
  -days 1 -subj /CN=localhost -addext subjectAltName=DNS:localhost 2>/dev/null
d_port=$(free_port)
cat >"$work/distribution.yml" <<YML
version: 0.1
log: {level: error}
storage: {filesystem: {rootdirectory: $work/distribution}, delete: {enabled: true}}
http: {addr: "127.0.0.1:$d_port", tls: {certificate: $work/cert.pem, key: $work/key.pem}}
YML
docker-registry serve "$work/distribution.yml" >"$work/distribution.log" 2>&1 & pids+=($!)
d_base="https://localhost:$d_port"
n_port=$(free_port)
mkdir -p "$work/nginx/html" "$work/nginx/logs"
cat >"$work/nginx/nginx.conf" <<NGX
daemon off; worker_processes 1; error_log $work/nginx/logs/error.log; pid $work/nginx/nginx.pid;
events {}
http { access_log off; sendfile on;
  server { listen 127.0.0.1:$n_port ssl; ssl_certificate $work/cert.pem; ssl_certificate_key $work/key.pem; root $work/nginx/html; } }
NGX
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" & pids+=($!)
wait_https "$c_base/v2/"; wait_https "$d_base/v2/"; wait_https "https://localhost:$n_port/"

head -c $((BLOB_MIB * 1024 * 1024)) /dev/urandom >"$work/blob"
blob_digest="sha256:$(sha256sum "$work/blob" | cut -d' ' -f1)"
ln "$work/blob" "$work/nginx/html/blob"
chmod a+rx "$work" "$work/nginx" "$work/nginx/html"; chmod a+r "$work/blob" # nginx workers run as nobody
printf '{}' >"$work/config"
config_digest="sha256:$(sha256sum "$work/config" | cut -d' ' -f1)"
printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"%s","size":2},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"%s","size":%d}]}' \
  "$config_digest" "$blob_digest" $((BLOB_MIB * 1024 * 1024)) >"$work/manifest"

# push FILE DIGEST BASE CACERT AUTH...: POST a session, PUT the whole body; prints seconds
push() {
  local file=$1 digest=$2 base=$3 ca=$4; shift 4
  local start loc
  start=$(date +%s.%N)
  loc=$(curl -s --cacert "$ca" "$@" -X POST -D - -o /dev/null "$base/v2/bench/blobs/uploads/" | tr -d '\r' | awk -F': ' 'tolower($1)=="location"{print $2}')
  [[ $loc == /* ]] && loc="$base$loc"
  [[ $loc == *\?* ]] && loc="$loc&digest=$digest" || loc="$loc?digest=$digest"
  curl -sf --cacert "$ca" "$@" -X PUT -H 'Content-Type: application/octet-stream' --data-binary @"$file" "$loc" -o /dev/null
  echo "$(date +%s.%N) - $start" | bc
}
pull() { local url=$1 ca=$2; shift 2; curl -sf --cacert "$ca" "$@" -o /dev/null -w '%{time_total}' "$url"; }

c_ca="$work/cerulean/tls/ca.pem"; c_auth=(-u myreg:secret)
push "$work/config" "$config_digest" "$c_base" "$c_ca" "${c_auth[@]}" >/dev/null
push "$work/config" "$config_digest" "$d_base" "$work/cert.pem" >/dev/null
c_push=$(push "$work/blob" "$blob_digest" "$c_base" "$c_ca" "${c_auth[@]}")
d_push=$(push "$work/blob" "$blob_digest" "$d_base" "$work/cert.pem")
for target in "$c_base|$c_ca|-u myreg:secret" "$d_base|$work/cert.pem|"; do
  IFS='|' read -r base ca auth <<<"$target"
  # shellcheck disable=SC2086
  curl -sf --cacert "$ca" $auth -X PUT -H 'Content-Type: application/vnd.oci.image.manifest.v1+json' \
    --data-binary @"$work/manifest" "$base/v2/bench/manifests/v1" -o /dev/null
done
# each server serves the blob once before the timed pull: a long-running server is warm (JIT), as for wrk below
c_cold=$(pull "$c_base/v2/bench/blobs/$blob_digest" "$c_ca" "${c_auth[@]}")
pull "$d_base/v2/bench/blobs/$blob_digest" "$work/cert.pem" >/dev/null
pull "https://localhost:$n_port/blob" "$work/cert.pem" >/dev/null
c_pull=$(pull "$c_base/v2/bench/blobs/$blob_digest" "$c_ca" "${c_auth[@]}")
d_pull=$(pull "$d_base/v2/bench/blobs/$blob_digest" "$work/cert.pem")
n_pull=$(pull "https://localhost:$n_port/blob" "$work/cert.pem")

cat >"$work/get.lua" <<'LUA'
wrk.headers["Accept"] = "application/vnd.oci.image.manifest.v1+json"
LUA
rate() { wrk -t2 -c32 -d"${WRK_SECONDS}s" -s "$work/get.lua" "$@" | awk '/Requests\/sec/{print $2}'; }
basic="Authorization: Basic $(printf myreg:secret | base64)"
rate -H "$basic" "$c_base/v2/bench/manifests/v1" >/dev/null # warm-up
c_get=$(rate -H "$basic" "$c_base/v2/bench/manifests/v1")
d_get=$(rate "$d_base/v2/bench/manifests/v1")

printf '\n| case | Cerulean | distribution 2.8.2 | nginx |\n|---|---|---|---|\n'
printf '| manifest GET, req/s (Cerulean: Basic; distribution: no auth) | %s | %s | – |\n' "$c_get" "$d_get"
printf '| %d MiB blob push (POST + PUT), s | %.2f | %.2f | – |\n' "$BLOB_MIB" "$c_push" "$d_push"
printf '| %d MiB blob pull, s | %.2f | %.2f | %.2f |\n' "$BLOB_MIB" "$c_pull" "$d_pull" "$n_pull"
printf '| %d MiB blob pull, first after start (JIT cold), s | %.2f | – | – |\n' "$BLOB_MIB" "$c_cold"
printf '| pull vs nginx (nginx s / server s) | %.2f | %.2f | 1 |\n' "$(echo "$n_pull / $c_pull" | bc -l)" "$(echo "$n_pull / $d_pull" | bc -l)"
