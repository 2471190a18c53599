#!/usr/bin/env bash
# B7: the portal's article page through the gateway, side by side with the article's JSON through
# the gateway (B1b), in one run.
#
#   bench/b7-portal-page.sh [--quick|--full]
#
# Starts its own local run (see bench/b1b-article-reads.sh; or uses BENCH_STACK_DATA's) and the
# same 1,000 published articles as B1b (made once per local run). Interleaved in each round, wrk
# with 32 connections, a random slug and a random X-Forwarded-For per request (the gateway
# trusts 127.0.0.1 as a proxy; the portal passes the chain on to the gateway when it reads the
# API, so its own reads are limited per reader too, with the defaults unchanged):
#   - GET /tin-tuc/<slug> through the gateway (gateway -> portal -> gateway -> services)
#   - GET /api/articles/<slug> through the gateway (B1b)
# Quick: 5 s per target per round (a page takes several API reads); full: 20 s.
source "$(dirname "$0")/lib/common.sh"
need wrk curl java jq unzip
# a page is several API reads: in 2 s a loaded machine may answer none of 32 concurrent pages
if [ "$QUICK" = 1 ]; then DURATION=${BENCH_DURATION:-5}; WARMUP=${BENCH_WARMUP:-5}; fi

stack_start
articles=$(ensure_articles "${B1B_ARTICLES:-1000}" reads article-service)
cut -f2 "$articles" | sed 's|^|/tin-tuc/|' > "$BENCH_TMP/page-paths"
cut -f2 "$articles" | sed 's|^|/api/articles/|' > "$BENCH_TMP/json-paths"
G="http://127.0.0.1:$B_GATEWAY_PORT"
first=$(head -1 "$BENCH_TMP/page-paths")
code=$(curl -s -o "$BENCH_TMP/page.html" -w '%{http_code}' -H "X-Forwarded-For: 10.9.9.9" "$G$first")
[ "$code" = 200 ] || die "the portal answers $code for $first"
grep -q 'Bài đo hiệu năng' "$BENCH_TMP/page.html" || die "the page for $first does not show the article's title"

P="portal page via gateway (/tin-tuc/<slug>)"
J="article JSON via gateway (/api/articles/<slug>)"
say "warm-up ($WARMUP s each)"
warm -s "$BENCH_DIR/lib/xff.lua" "$G" -- "$BENCH_TMP/page-paths"
warm -s "$BENCH_DIR/lib/xff.lua" "$G" -- "$BENCH_TMP/json-paths"
for round in $(seq 1 "$ROUNDS"); do
  measure "$P" "$round" -s "$BENCH_DIR/lib/xff.lua" "$G" -- "$BENCH_TMP/page-paths"
  measure "$J" "$round" -s "$BENCH_DIR/lib/xff.lua" "$G" -- "$BENCH_TMP/json-paths"
done

r=$(ratio "$(med "$P" 3)" "$(med "$J" 3)")
record "B7: the portal's article page through the gateway vs the article's JSON (B1b)" "$(wc -l < "$articles") published articles, a random slug per request; a page is $(wc -c < "$BENCH_TMP/page.html") bytes of HTML (the first article's), the portal keeps API answers for portal.api-cache-ttl (2 s by default).

$(table "$P" "$J")

| ratio | value | target | |
|---|---:|---|---|
| portal page / article JSON throughput | $r | at least 0.5 | $(awk -v r="$r" 'BEGIN{print (r != "n/a" && r >= 0.5) ? "met" : "not met"}') |"
