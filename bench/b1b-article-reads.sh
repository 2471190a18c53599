#!/usr/bin/env bash
# B1b: GET /api/articles/{slug} through the gateway, 1,000 published articles, random slugs,
# side by side with the gateway proxying static bytes (B1a's gateway figure), in one run.
#
#   bench/b1b-article-reads.sh [--quick|--full]
#
# Starts its own local run (bench/lib/common.sh: gateway 18080, services 18081-18083, portal
# 18084, Kafka 19092/19093, MongoDB-wire 37017, data in a temporary folder, the gateway trusting
# 127.0.0.1 as a proxy), publishes 1,000 ArticlePublished events to its Kafka (bench/lib/BenchEvents.java,
# built from devstack's own Articles/EventRecords) and waits until article-service serves them all.
# Then, besides it, nginx serving the seed article's live bytes as a file (18090) and a second
# gateway alone (18092, the local run gateway's own JVM options) whose article route goes to that
# nginx. Interleaved in each round, wrk with 32 connections and a random X-Forwarded-For per request:
#   - gateway -> nginx (static seed article)              B1a's gateway figure
#   - gateway -> article-service, random of 1,000 slugs    B1b
#   - article-service straight, random of 1,000 slugs      where the gateway's cost shows
# Quick: 2 s per target per round; full: 20 s (about 4 min with the start).
source "$(dirname "$0")/lib/common.sh"
need nginx wrk curl java jq unzip

stack_start
port_free "$B_NGINX_STATIC_PORT" "$B_LONE_GATEWAY_PORT"
articles=$(ensure_articles "${B1B_ARTICLES:-1000}" reads article-service)
cut -f2 "$articles" | sed 's|^|/api/articles/|' > "$BENCH_TMP/paths"

# the seed article's bytes, as article-service answers them, served by nginx as a file
seed_slug=$(sed -n 's|^  http://localhost:[0-9]*/api/articles/||p' "$STACK_DATA/run.log" | head -1)
[ -n "$seed_slug" ] || seed_slug=$(jq -r .slug "$BENCH_DIR/fixtures/seed-article.json")
mkdir -p "$BENCH_TMP/nginx/www/api/articles"
curl -sf "http://127.0.0.1:$B_ARTICLE_PORT/api/articles/$seed_slug" > "$BENCH_TMP/nginx/www/api/articles/$seed_slug" \
  || die "article-service does not serve the seed article $seed_slug"
nginx_start "
  server {
    listen 127.0.0.1:$B_NGINX_STATIC_PORT;
    root $BENCH_TMP/nginx/www;
  }"
wait_http "http://127.0.0.1:$B_NGINX_STATIC_PORT/api/articles/$seed_slug" 10
opts=$(local_run_gateway_opts)
lone_gateway_start "http://127.0.0.1:$B_NGINX_STATIC_PORT" "$opts"
wait_http "http://127.0.0.1:$B_LONE_GATEWAY_PORT/api/articles/$seed_slug" 30

XFF="$BENCH_DIR/lib/xff.lua"
static_url="http://127.0.0.1:$B_LONE_GATEWAY_PORT/api/articles/$seed_slug"
S="gateway -> nginx (static seed article)"
A="gateway -> article-service (1,000 slugs)"
D="article-service straight (1,000 slugs)"
say "warm-up ($WARMUP s each)"
warm -s "$XFF" "$static_url"
warm -s "$XFF" "http://127.0.0.1:$B_GATEWAY_PORT" -- "$BENCH_TMP/paths"
warm -s "$XFF" "http://127.0.0.1:$B_ARTICLE_PORT" -- "$BENCH_TMP/paths"
for round in $(seq 1 "$ROUNDS"); do
  measure "$S" "$round" -s "$XFF" "$static_url"
  measure "$A" "$round" -s "$XFF" "http://127.0.0.1:$B_GATEWAY_PORT" -- "$BENCH_TMP/paths"
  measure "$D" "$round" -s "$XFF" "http://127.0.0.1:$B_ARTICLE_PORT" -- "$BENCH_TMP/paths"
done

r=$(ratio "$(med "$A" 3)" "$(med "$S" 3)")
record "B1b: article reads through the gateway vs the gateway proxying static bytes" "$(wc -l < "$articles") published articles, a random slug per request; the static target is the seed article's live bytes ($(wc -c < "$BENCH_TMP/nginx/www/api/articles/$seed_slug") bytes) served by nginx through a second gateway with the same JVM options as the local run's (\`$opts\`).

$(table "$S" "$A" "$D")

| ratio | value | target | |
|---|---:|---|---|
| gateway -> article-service / gateway -> static | $r | at least 0.6 | $(awk -v r="$r" 'BEGIN{print (r != "n/a" && r >= 0.6) ? "met" : "not met"}') |
| gateway -> article-service / article-service straight | $(ratio "$(med "$A" 3)" "$(med "$D" 3)") | (information) | |"
