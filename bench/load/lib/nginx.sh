# The peer: nginx serving Cerulean's own response body as a static file over HTTPS, with the
# same certificate chain and key as Cerulean, TLS 1.3, keep-alive and no access log. Whatever
# path is asked, it answers that one file, so wrk sends nginx byte-for-byte the same requests.
# After nginx_start: NGINX_PID NGINX_BASE; nginx_pids lists master and workers.

# nginx_start BODY_FILE SERVER_PEM
# SERVER_PEM is Cerulean's tls/server.pem (PKCS#8 key, leaf certificate, issuing CA), split
# here into the key and chain files nginx wants.
nginx_start() {
  local body=$1 server_pem=$2 dir="$WORK/nginx" port
  mkdir -p "$dir/www" "$dir/tmp"
  # nginx workers run as an unprivileged user when started by root; let them read the file.
  chmod 755 "$WORK" "$dir" "$dir/www"
  cp "$body" "$dir/www/body.json"
  chmod 644 "$dir/www/body.json"
  openssl pkey -in "$server_pem" -out "$dir/key.pem" 2>/dev/null || die "cannot read the key in $server_pem"
  awk '/-----BEGIN CERTIFICATE-----/ { on = 1 } on { print } /-----END CERTIFICATE-----/ { on = 0 }' \
    "$server_pem" >"$dir/chain.pem"
  [ -s "$dir/chain.pem" ] || die "no certificate in $server_pem"
  port=$(free_port)
  cat >"$dir/nginx.conf" <<EOF
daemon off;
worker_processes ${BENCH_NGINX_WORKERS:-auto};
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $dir/tmp/body;
    proxy_temp_path $dir/tmp/proxy;
    fastcgi_temp_path $dir/tmp/fastcgi;
    uwsgi_temp_path $dir/tmp/uwsgi;
    scgi_temp_path $dir/tmp/scgi;
    default_type application/json;
    charset utf-8;
    charset_types application/json;
    open_file_cache max=16 inactive=60s;
    open_file_cache_valid 60s;
    # Jetty keeps a connection for any number of requests; nginx's default is 1,000.
    keepalive_requests 1000000;
    keepalive_timeout 60s;
    server {
        listen 127.0.0.1:$port ssl;
        ssl_certificate $dir/chain.pem;
        ssl_certificate_key $dir/key.pem;
        ssl_protocols TLSv1.2 TLSv1.3;
        root $dir/www;
        location / { try_files /body.json =404; }
    }
}
EOF
  nginx -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log" >"$dir/stdout.log" 2>&1 &
  NGINX_PID=$!
  remember_pid "$NGINX_PID"
  NGINX_BASE="https://127.0.0.1:$port"
  local deadline=$((SECONDS + 20))
  until curl -fsk -o /dev/null "$NGINX_BASE/"; do
    kill -0 "$NGINX_PID" 2>/dev/null || { cat "$dir/error.log" "$dir/stdout.log" >&2; die "nginx exited"; }
    [ "$SECONDS" -lt "$deadline" ] || die "nginx not answering after 20 s"
    sleep 0.1
  done
}

# The nginx master and its workers, for CPU accounting.
nginx_pids() {
  echo "$NGINX_PID"
  pgrep -P "$NGINX_PID" || true
}
