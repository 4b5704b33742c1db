#!/usr/bin/env bash
# Registry benchmark rows that need the whole server (issue 7 §8), next to run.sh's content-side
# rows: manifest GET with a Bearer ACR access token and with Basic admin credentials against
# `./cerulean serve`, against CNCF distribution 2.8.2 (Debian docker-registry) with htpasswd
# basic auth and without auth; `skopeo copy` of a 3-layer OCI layout (written here) into an empty
# repository of each; and Cerulean's peak RSS while a BIG_MIB blob is pushed.
# Needs: docker-registry wrk curl openssl skopeo jq python3 htpasswd (apache2-utils), a built jar.
# Settings: LAYER_MIB (16, each of the 3 layers), BIG_MIB (2048), WRK_SECONDS (10).
set -euo pipefail
cd "$(dirname "$0")/../.."
LAYER_MIB=${LAYER_MIB:-16}
BIG_MIB=${BIG_MIB:-2048}
WRK_SECONDS=${WRK_SECONDS:-10}
work=$(mktemp -d /tmp/cerulean-regfull.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; [ -n "${KEEP:-}" ] || rm -rf "$work"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_https() { for _ in $(seq 1 300); do curl -sk -o /dev/null "$1" && return 0; sleep 0.2; done; echo "not up: $1" >&2; exit 1; }

# --- Cerulean: the real server, a Standard registry with the admin user on ---
./cerulean serve --port 0 --proxy-port 0 --data-dir "$work/cerulean" >"$work/cerulean.log" 2>&1 & c_pid=$!; pids+=($c_pid)
for _ in $(seq 1 600); do [ -s "$work/cerulean/endpoints.json" ] && break; sleep 0.2; done
ep() { jq -r ".$1" "$work/cerulean/endpoints.json"; }
port=$(ep httpsPort); proxy="http://127.0.0.1:$(ep proxyPort)"; c_ca=$(ep caCertificate); sub=$(ep subscriptionId)
wait_https "https://localhost:$port/cerulean/health"
arm_token=$(curl -sf --cacert "$c_ca" "https://localhost:$port/$(ep tenantId)/oauth2/v2.0/token" -d grant_type=client_credentials \
  --data-urlencode "client_id=$(ep clientId)" --data-urlencode "client_secret=$(ep clientSecret)" \
  --data-urlencode scope=https://management.azure.com/.default | jq -r .access_token)
arm() { curl -sf --cacert "$c_ca" -H "Authorization: Bearer $arm_token" -H 'Content-Type: application/json' -X "$1" "https://localhost:$port$2" ${3:+-d "$3"}; }
reg="bench$(date +%s)"; ls="$reg.azurecr.io"; rid="/subscriptions/$sub/resourceGroups/bench/providers/Microsoft.ContainerRegistry/registries/$reg"
arm PUT "/subscriptions/$sub/resourceGroups/bench?api-version=2021-04-01" '{"location":"westus"}' >/dev/null
arm PUT "$rid?api-version=2023-01-01-preview" '{"location":"westus","sku":{"name":"Standard"},"properties":{"adminUserEnabled":true}}' >/dev/null
for _ in $(seq 1 100); do [ "$(arm GET "$rid?api-version=2023-01-01-preview" | jq -r .properties.provisioningState)" = Succeeded ] && break; sleep 0.1; done
admin_pw=$(arm POST "$rid/listCredentials?api-version=2023-01-01-preview" | jq -r '.passwords[0].value')
c_base="https://localhost:$port"; c_host=(-H "Host: $ls")   # the Host header picks the registry

# --- distribution 2.8.2: one without auth, one with bcrypt htpasswd basic auth ---
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$work/key.pem" -out "$work/cert.pem" \
  -days 1 -subj /CN=localhost -addext subjectAltName=DNS:localhost 2>/dev/null
htpasswd -Bbn bench secret >"$work/htpasswd"
distribution() { # name port [auth yaml]
  cat >"$work/$1.yml" <<YML
version: 0.1
log: {level: error}
storage: {filesystem: {rootdirectory: $work/store-$1}, delete: {enabled: true}}
http: {addr: "127.0.0.1:$2", tls: {certificate: $work/cert.pem, key: $work/key.pem}}
${3:-}
YML
  docker-registry serve "$work/$1.yml" >"$work/$1.log" 2>&1 & pids+=($!)
}
d_port=$(free_port); h_port=$(free_port)
distribution open "$d_port"
distribution htpasswd "$h_port" "auth: {htpasswd: {realm: bench, path: $work/htpasswd}}"
d_base="https://localhost:$d_port"; h_base="https://localhost:$h_port"
wait_https "$d_base/v2/"; wait_https "$h_base/v2/"

# --- a 3-layer OCI layout (gzip'd tars of random bytes), also the manifest the GETs read ---
layout="$work/layout"; mkdir -p "$layout/blobs/sha256"
put_blob() { local d; d=$(sha256sum "$1" | cut -d' ' -f1); mv "$1" "$layout/blobs/sha256/$d"; echo "$d"; }
layers=""; diffs=""
for i in 1 2 3; do
  mkdir -p "$work/l$i"; head -c $((LAYER_MIB * 1024 * 1024)) /dev/urandom >"$work/l$i/file$i"
  tar -C "$work/l$i" -cf "$work/l$i.tar" "file$i"; diff=$(sha256sum "$work/l$i.tar" | cut -d' ' -f1); gzip -1 "$work/l$i.tar"
  size=$(stat -c %s "$work/l$i.tar.gz"); d=$(put_blob "$work/l$i.tar.gz")
  layers+="${layers:+,}{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"sha256:$d\",\"size\":$size}"
  diffs+="${diffs:+,}\"sha256:$diff\""
done
printf '{"architecture":"amd64","os":"linux","config":{},"rootfs":{"type":"layers","diff_ids":[%s]}}' "$diffs" >"$work/config"
csize=$(stat -c %s "$work/config"); cd_=$(put_blob "$work/config")
printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:%s","size":%d},"layers":[%s]}' \
  "$cd_" "$csize" "$layers" >"$work/manifest"
msize=$(stat -c %s "$work/manifest"); md=$(put_blob "$work/manifest")
printf '{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:%s","size":%d,"annotations":{"org.opencontainers.image.ref.name":"v1"}}]}' \
  "$md" "$msize" >"$layout/index.json"
printf '{"imageLayoutVersion":"1.0.0"}' >"$layout/oci-layout"

# --- skopeo copy into an empty repository: Cerulean through its proxy, distribution (htpasswd) directly ---
mkdir -p "$work/c-certs" "$work/d-certs"; cp "$c_ca" "$work/c-certs/ca.crt"; cp "$work/cert.pem" "$work/d-certs/ca.crt"
elapsed() { local s; s=$(date +%s.%N); "$@" >"$work/elapsed.out" 2>&1 || { cat "$work/elapsed.out" >&2; return 1; }; echo "$(date +%s.%N) - $s" | bc; }
c_copy=$(export HTTPS_PROXY="$proxy" NO_PROXY=; elapsed skopeo copy -q --dest-cert-dir "$work/c-certs" --dest-creds "$reg:$admin_pw" \
  "oci:$layout:v1" "docker://$ls/copy/app:v1")
h_copy=$(export HTTPS_PROXY=; elapsed skopeo copy -q --dest-cert-dir "$work/d-certs" --dest-creds bench:secret \
  "oci:$layout:v1" "docker://localhost:$h_port/copy/app:v1")
curl -sf --cacert "$work/cert.pem" -X PUT -H 'Content-Type: application/vnd.oci.image.manifest.v1+json' --data-binary @"$layout/blobs/sha256/$md" \
  "$d_base/v2/copy/app/manifests/v1" -o /dev/null 2>/dev/null || true # the no-auth instance only serves manifest GETs below
HTTPS_PROXY= skopeo copy -q --dest-cert-dir "$work/d-certs" "oci:$layout:v1" "docker://localhost:$d_port/copy/app:v1" >/dev/null

# --- manifest GET: Bearer access token and Basic on Cerulean, htpasswd and no auth on distribution ---
bearer=$(curl -sf --cacert "$c_ca" "${c_host[@]}" -u "$reg:$admin_pw" \
  "$c_base/oauth2/token?service=$ls&scope=repository:copy/app:pull" | jq -r .access_token)
cat >"$work/get.lua" <<'LUA'
wrk.headers["Accept"] = "application/vnd.oci.image.manifest.v1+json"
LUA
rate() { # the same request once with curl first: a rate of errors is no figure
  local args=() a code; for a in "$@"; do [[ $a == https://* ]] && url=$a || args+=("$a"); done
  code=$(curl -sk -o /dev/null -w '%{http_code}' -H 'Accept: application/vnd.oci.image.manifest.v1+json' "${args[@]}" "$url")
  [ "$code" = 200 ] || { echo "manifest GET $url answered $code" >&2; return 1; }
  wrk -t2 -c32 -d"${WRK_SECONDS}s" -s "$work/get.lua" "$@" | awk '/Requests\/sec/{print $2}'; }
c_url="$c_base/v2/copy/app/manifests/v1"
rate "${c_host[@]}" -H "Authorization: Bearer $bearer" "$c_url" >/dev/null # warm-up
c_bearer=$(rate "${c_host[@]}" -H "Authorization: Bearer $bearer" "$c_url")
c_basic=$(rate "${c_host[@]}" -H "Authorization: Basic $(printf '%s' "$reg:$admin_pw" | base64 -w0)" "$c_url")
h_basic=$(rate -H "Authorization: Basic $(printf bench:secret | base64)" "$h_base/v2/copy/app/manifests/v1")
d_open=$(rate "$d_base/v2/copy/app/manifests/v1")
for r in "$c_bearer" "$c_basic" "$h_basic" "$d_open"; do [ -n "$r" ] || { echo "a manifest GET run failed" >&2; exit 1; }; done

# --- peak RSS of the server process while a BIG_MIB blob is pushed (monolithic POST) ---
head -c $((BIG_MIB * 1024 * 1024)) /dev/urandom >"$work/big"
big_digest="sha256:$(sha256sum "$work/big" | cut -d' ' -f1)"
rss_kib() { awk '/^VmRSS/{print $2}' "/proc/$1/status"; }
java_pid=$(pgrep -P "$c_pid" java || echo "$c_pid")
rss_before=$(rss_kib "$java_pid"); peak=$rss_before
# -T - streams the file, chunked (--data-binary reads it whole into memory and refuses 2 GiB; -T FILE would append its name to a URL ending in /)
curl -sS --cacert "$c_ca" "${c_host[@]}" -u "$reg:$admin_pw" -H 'Content-Type: application/octet-stream' \
  -X POST -T - "$c_base/v2/big/blobs/uploads/?digest=$big_digest" -o "$work/push.out" -w "%{http_code}\n" <"$work/big" & push_pid=$!
while kill -0 "$push_pid" 2>/dev/null; do r=$(rss_kib "$java_pid"); [ "$r" -gt "$peak" ] && peak=$r; sleep 0.05; done
wait "$push_pid" || { echo "the big push failed:" >&2; cat "$work/push.out" >&2; }

printf '\n| case | Cerulean | distribution 2.8.2 (htpasswd) | distribution 2.8.2 (no auth) |\n|---|---|---|---|\n'
printf '| manifest GET, req/s, Bearer ACR access token | %s | – | – |\n' "$c_bearer"
printf '| manifest GET, req/s, Basic | %s | %s | %s (no auth) |\n' "$c_basic" "$h_basic" "$d_open"
printf '| skopeo copy, 3 × %d MiB layers into an empty repository, s | %.2f | %.2f | – |\n' "$LAYER_MIB" "$c_copy" "$h_copy"
printf '| server RSS during a %d MiB push, MiB: before / peak | %d / %d | – | – |\n' "$BIG_MIB" $((rss_before / 1024)) $((peak / 1024))
