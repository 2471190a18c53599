#!/usr/bin/env bash
# B2: votes through the gateway, then the totals checked exact, side by side with the HTTP floor.
#
#   bench/b2-votes.sh [--quick|--full]
#
# Starts its own local run (see bench/b1b-article-reads.sh; or uses BENCH_STACK_DATA's), publishes
# 100 articles and waits until rating-service knows them all. Then, per round:
#   - the HTTP floor: GET /api/articles/<id>/rating (the rating line: one cheap read) of a random
#     one of the 100 articles through the same gateway and rating-service;
#   - votes: POST /api/articles/<id>/ratings {"stars": random 1..5} on a random one of the 100,
#     no cookie (so the gateway issues a new anonymous voter per request: per-voter limits never
#     apply), a random X-Forwarded-For per request (GATEWAY_TRUSTED_PROXIES=127.0.0.1: the
#     per-address limits apply to each forwarded address, unchanged); at most B2_MAX_VOTES
#     (default 50,000) votes or the round's duration, whichever ends first; then no new vote
#     for B2_DRAIN seconds (quick 3, full 13: the gateway's vote time-out is 12 s) so that every
#     vote sent is answered and counted (a vote in flight when wrk stops would be counted by the
#     service but not by the script);
#   - the tally: every 202 names its article and stars (bench/lib/votes.lua), so the exact totals
#     are known; GET /api/articles/<id>/rating of all 100 through the gateway, again and again,
#     until every article's count and points are exactly those (sweeps start when the vote phase
#     ends and run during the drain); the time from the end of the vote phase until the first
#     exact sweep is the catch-up time (resolution: one sweep of 100 reads, a few 100 ms).
# Quick: 2 s per target per round; full: 20 s.
source "$(dirname "$0")/lib/common.sh"
need wrk curl java jq unzip

stack_start
articles=$(ensure_articles "${B2_ARTICLES:-100}" votes rating-service)
cut -f1 "$articles" > "$BENCH_TMP/ids"
sed 's|^|/api/articles/|; s|$|/rating|' "$BENCH_TMP/ids" > "$BENCH_TMP/rating-paths"
G="http://127.0.0.1:$B_GATEWAY_PORT"
max_votes=${B2_MAX_VOTES:-50000}
expected="$BENCH_TMP/expected.tsv"
: > "$expected"
drain=${B2_DRAIN:-$([ "$QUICK" = 1 ] && echo 3 || echo 13)}
catchup_timeout=${B2_CATCHUP_TIMEOUT:-$([ "$QUICK" = 1 ] && echo 60 || echo 180)}

# the totals as rating-service answers them, through the gateway: "id<TAB>count<TAB>points"
totals() {
  local xff
  xff="10.$((RANDOM % 256)).$((RANDOM % 256)).$((RANDOM % 254 + 1))"
  sed "s|^|$G|" "$BENCH_TMP/rating-paths" | xargs curl -s -H "X-Forwarded-For: $xff" \
    | jq -r '[.articleId, .count, .points] | @tsv' | sort
}
# what the totals must be: those before the first vote of this run plus every vote accepted since
want_all() {
  awk -F'\t' '{c[$1]+=$2; p[$1]+=$3} END{for (k in c) printf "%s\t%d\t%d\n", k, c[k], p[k]}' \
    "$BENCH_TMP/baseline" "$expected" | sort
}

FLOOR="HTTP floor: GET rating line via gateway"
VOTES="votes via gateway (new voter each)"
totals > "$BENCH_TMP/baseline"   # an earlier run on the same local run may have voted
[ "$(wc -l < "$BENCH_TMP/baseline")" = "$(wc -l < "$BENCH_TMP/ids")" ] || die "could not read the rating lines"
say "warm-up ($WARMUP s each)"
warm -s "$BENCH_DIR/lib/xff.lua" "$G" -- "$BENCH_TMP/rating-paths"
wrk_once $(( WARMUP + drain )) -s "$BENCH_DIR/lib/votes.lua" "$G" -- "$BENCH_TMP/ids" "$expected" "$WARMUP" 0 > /dev/null
catchups=()
exact=yes
for round in $(seq 1 "$ROUNDS"); do
  measure "$FLOOR" "$round" -s "$BENCH_DIR/lib/xff.lua" "$G" -- "$BENCH_TMP/rating-paths"
  # the totals, read again and again from the end of the vote phase on (in the background,
  # while the drain runs); each sweep kept with its time, compared once the expected are known
  snaps="$BENCH_TMP/snaps.$round"; mkdir -p "$snaps"
  t_votes_end=$(( $(date +%s%N) + DURATION * 1000000000 ))
  ( sleep "$DURATION"; while [ ! -e "$snaps/stop" ]; do ts=$(date +%s%N); totals > "$snaps/.t"; mv "$snaps/.t" "$snaps/$ts"; sleep 0.2; done ) &
  poller=$!
  CLEANUPS+=("kill $poller 2>/dev/null")
  measure_for $(( DURATION + drain )) "$VOTES" "$round" -s "$BENCH_DIR/lib/votes.lua" "$G" -- "$BENCH_TMP/ids" \
    "$expected" "$DURATION" $(( (max_votes + WRK_THREADS - 1) / WRK_THREADS ))
  want_all > "$BENCH_TMP/want"
  matched=""
  while [ -z "$matched" ]; do
    for snap in $(ls "$snaps" | grep -v stop | sort -n); do
      if cmp -s "$BENCH_TMP/want" "$snaps/$snap"; then matched=$snap; break; fi
      [ "$snap" = "$(ls "$snaps" | grep -v stop | sort -n | tail -1)" ] || rm -f "$snaps/$snap"
    done
    [ -n "$matched" ] && break
    if [ $(( ($(date +%s%N) - t_votes_end) / 1000000000 )) -ge "$catchup_timeout" ]; then break; fi
    sleep 0.2
  done
  touch "$snaps/stop"; wait "$poller" 2>/dev/null || true
  if [ -n "$matched" ]; then
    c=$(awk -v t="$(( matched - t_votes_end ))" 'BEGIN{printf "%.1f", (t < 0 ? 0 : t)/1e9}')
    catchups+=("$c"); say "  round $round  tally exact ${c} s after the end of the vote phase"
  else
    last=$(ls "$snaps" | grep -v stop | sort -n | tail -1)
    off=$(diff "$BENCH_TMP/want" "$snaps/$last" | grep -c '^>' || true)
    say "  round $round  tally NOT exact $catchup_timeout s after the vote phase: $off of $(wc -l < "$BENCH_TMP/ids") articles differ"
    catchups+=(">$catchup_timeout"); exact=no
  fi
done

unanswered=$(total "$VOTES" 11)
votes_total=$(awk -F'\t' '{s+=$2} END{print s+0}' "$expected")
acc=$(med "$VOTES" 10)
floor=$(med "$FLOOR" 3)
catchup_median=$(printf '%s\n' "${catchups[@]}" | tr -d '>' | median)
r=$(ratio "$acc" "$floor")
ok() { awk -v v="$1" -v t="$2" -v d="$3" 'BEGIN{ if (v == "n/a" || v == "nan") print "n/a"; else print ((d == "min" && v >= t) || (d == "max" && v <= t)) ? "met" : "not met" }'; }
record "B2: votes through the gateway vs the HTTP floor" "$(wc -l < "$BENCH_TMP/ids") articles; each vote a new anonymous voter (no cookie) with a random X-Forwarded-For; at most $max_votes votes per round, then a drain of $drain s without new votes; req/s and votes/s are over the vote phase, the tally's catch-up counts from the end of the vote phase. $votes_total votes accepted in all (warm-up included); votes sent but not answered by the end of a drain (if any, the exact check cannot hold): $unanswered.

$(table "$FLOOR" "$VOTES")

| figure | value | target | |
|---|---:|---|---|
| accepted votes/s (median of rounds; per round $(per_round "$VOTES" 10)) | $(printf '%.0f' "$acc") | at least 2,000 | $(ok "$acc" 2000 min) |
| accepted votes/s / HTTP floor req/s | $r | at least 0.5 | $(ok "$r" 0.5 min) |
| totals exact (every article's count and points) after every round | $exact | exact | $([ "$exact" = yes ] && echo met || echo "not met") |
| tally caught up, s after the end of the vote phase (per round: ${catchups[*]}) | $catchup_median | at most 2 | $([ "$exact" = yes ] && ok "$catchup_median" 2 max || echo "not met") |
| tally's cost per vote at the start vs the end of 100,000 votes on one article | measured by rating-service's TallyFoldRateTest (docs/benchmarks.md, \"The tally's fold rate\") | within 20 % | |"
