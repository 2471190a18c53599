#!/usr/bin/env bash
# B1a: the gateway as a proxy, side by side with nginx as a proxy, in one run.
#
#   bench/b1a-gateway-vs-nginx.sh [--quick|--full]
#
# nginx (Debian nginx-light) serves a static copy of the seed article's JSON at
# /api/articles/<seed slug> on 127.0.0.1:18090. The same URL is then loaded
#   - through nginx proxying that upstream (127.0.0.1:18091; HTTP/1.1 keep-alive to the upstream), and
#   - through the gateway alone (127.0.0.1:18092, gateway.jar with ARTICLE_SERVICE_URL pointing at
#     the nginx upstream; the JVM options of GATEWAY_JAVA_OPTS, by default the local run's
#     -Xmx512m -XX:TieredStopAtLevel=1),
# with wrk, 32 connections, each request with a random X-Forwarded-For (bench/lib/xff.lua), the
# gateway started with GATEWAY_TRUSTED_PROXIES=127.0.0.1: its per-address limits apply to each
# forwarded address, unchanged. Targets alternate within each round; medians of 3 rounds.
# Quick: 2 s per target per round (about 30 s in all); full: 20 s (about 3 min).
# The static copy is bench/fixtures/seed-article.json (SEED_JSON overrides; bench/b1b-article-reads.sh
# uses the live bytes of its local run).
source "$(dirname "$0")/lib/common.sh"
need nginx wrk curl java jq

SEED_JSON=${SEED_JSON:-$BENCH_DIR/fixtures/seed-article.json}
[ -s "$SEED_JSON" ] || die "no $SEED_JSON"
slug=$(jq -r .slug "$SEED_JSON")
port_free "$B_NGINX_STATIC_PORT" "$B_NGINX_PROXY_PORT" "$B_LONE_GATEWAY_PORT"

mkdir -p "$BENCH_TMP/nginx/www/api/articles"
cp "$SEED_JSON" "$BENCH_TMP/nginx/www/api/articles/$slug"
nginx_start "
  upstream static_article { server 127.0.0.1:$B_NGINX_STATIC_PORT; keepalive 64; }
  server {
    listen 127.0.0.1:$B_NGINX_STATIC_PORT;
    root $BENCH_TMP/nginx/www;
  }
  server {
    listen 127.0.0.1:$B_NGINX_PROXY_PORT;
    location / {
      proxy_pass http://static_article;
      proxy_http_version 1.1;
      proxy_set_header Connection \"\";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
  }"
wait_http "http://127.0.0.1:$B_NGINX_STATIC_PORT/api/articles/$slug" 10
lone_gateway_start "http://127.0.0.1:$B_NGINX_STATIC_PORT"
wait_http "http://127.0.0.1:$B_LONE_GATEWAY_PORT/api/articles/$slug" 30

nginx_url="http://127.0.0.1:$B_NGINX_PROXY_PORT/api/articles/$slug"
gateway_url="http://127.0.0.1:$B_LONE_GATEWAY_PORT/api/articles/$slug"
bytes=$(wc -c < "$SEED_JSON")
[ "$(curl -s "$gateway_url" | wc -c)" = "$bytes" ] || die "the gateway does not pass the seed article's $bytes bytes through"

say "warm-up ($WARMUP s each)"
warm -s "$BENCH_DIR/lib/xff.lua" "$nginx_url"
warm -s "$BENCH_DIR/lib/xff.lua" "$gateway_url"
for round in $(seq 1 "$ROUNDS"); do
  measure "nginx proxying nginx" "$round" -s "$BENCH_DIR/lib/xff.lua" "$nginx_url"
  measure "gateway proxying nginx" "$round" -s "$BENCH_DIR/lib/xff.lua" "$gateway_url"
done

N="nginx proxying nginx"; G="gateway proxying nginx"
rps_ratio=$(ratio "$(med "$G" 3)" "$(med "$N" 3)")
p99_ratio=$(ratio "$(med "$G" 5)" "$(med "$N" 5)")
met() { awk -v r="$1" -v t="$2" -v dir="$3" 'BEGIN{ if (r == "n/a") print "n/a"; else if ((dir == "min" && r >= t) || (dir == "max" && r <= t)) print "met"; else print "not met" }'; }
record "B1a: the gateway as a proxy vs nginx as a proxy" "GET /api/articles/<seed slug>, $bytes bytes of JSON from nginx (static file); gateway JVM options: \`$LONE_GATEWAY_OPTS\`; $(nginx -v 2>&1 | sed 's/^nginx version: //'), worker_processes auto.

$(table "$N" "$G")

| ratio | value | target | |
|---|---:|---|---|
| gateway / nginx throughput | $rps_ratio | at least 0.5 | $(met "$rps_ratio" 0.5 min) |
| gateway / nginx p99 | $p99_ratio | at most 3 | $(met "$p99_ratio" 3 max) |"
