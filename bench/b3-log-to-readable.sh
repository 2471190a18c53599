#!/usr/bin/env bash
# B3: in the log to readable: ArticlePublished produced at a steady rate, the time from the
# producer's acknowledgement until the gateway serves the article; side by side with Kafka's own
# end-to-end latency on the same broker, in one run.
#
#   bench/b3-log-to-readable.sh [--quick|--full]
#
# Starts its own local run (see bench/b1b-article-reads.sh; or uses BENCH_STACK_DATA's). Per
# round, in turn:
#   - Kafka's own end-to-end latency, as Kafka's EndToEndLatency tool measures it (that tool is
#     in the kafka-tools jar, which the local run does not ship; bench/lib/BenchEvents.java
#     kafka-e2e does the same: one 2 KB record at a time, acks=all, then consumed) on a topic of
#     its own on the local run's broker: B3_KAFKA_RECORDS records (quick 100, full 1,000);
#   - readable: ArticlePublished (the seed article's body and photos, a title and slug of their
#     own) produced at B3_RATE per second (50) for the round's duration (quick 5 s, full 60 s);
#     from each acknowledgement on, GET /api/articles/<slug> through the gateway (a random
#     X-Forwarded-For each, the gateway trusting 127.0.0.1 as a proxy) every 2 ms for the first
#     50 ms, every 10 ms until 500 ms, every 100 ms until 2 s, every 250 ms after, until 200 (at
#     most 10 s; a failed or timed-out read counts as not yet). The resolution is therefore 2 ms
#     where the target (50 ms) is, coarser beyond, and the polling itself is load on the gateway. An article-service that folds fewer than B3_RATE events a
#     second falls behind: latencies then grow through the round and end as timeouts.
# Reports p50/p99/max of each and the ratio of the p99s.
source "$(dirname "$0")/lib/common.sh"
need curl java jq unzip
rate=${B3_RATE:-50}
seconds=${B3_SECONDS:-$([ "$QUICK" = 1 ] && echo 5 || echo 60)}
kafka_records=${B3_KAFKA_RECORDS:-$([ "$QUICK" = 1 ] && echo 100 || echo 1000)}
LOAD_NOTE="$ROUNDS rounds, Kafka's latency and then the readable latency in each; $rate events/s for $seconds s per round; $kafka_records records per round for Kafka's"

stack_start
# the seed article's body and photos (publishing a few articles also waits for the seed)
ensure_articles 10 b3-warm article-service > /dev/null
devstack_classpath
G="http://127.0.0.1:$B_GATEWAY_PORT"
ev() { java -cp "$DEVSTACK_CP" "$BENCH_DIR/lib/BenchEvents.java" "$@"; }
say "warm-up"
ev kafka-e2e "127.0.0.1:$B_KAFKA_PORT" bench-e2e-latency 20 > /dev/null
ev readable "127.0.0.1:$B_KAFKA_PORT" "$G" "$rate" 1 "warm-$RANDOM" "$STACK_DATA/seed-article.json" > /dev/null

# percentiles over every event: one never served within 10 s counts as longer than any other
pct() { sed 's/^[a-z].*/1e12/' | sort -g | awk -v p="$1" '{a[NR]=$1} END{ if (NR == 0) { print "nan"; exit } i = int(NR * p / 100 + 0.999); if (i < 1) i = 1; if (i > NR) i = NR; print (a[i] >= 1e12 ? ">10000" : a[i]) }'; }
for round in $(seq 1 "$ROUNDS"); do
  ev kafka-e2e "127.0.0.1:$B_KAFKA_PORT" bench-e2e-latency "$kafka_records" > "$BENCH_TMP/kafka-$round"
  ev readable "127.0.0.1:$B_KAFKA_PORT" "$G" "$rate" "$seconds" "r$round-$RANDOM" "$STACK_DATA/seed-article.json" \
    > "$BENCH_TMP/readable-$round"
  for what in kafka readable; do
    f="$BENCH_TMP/$what-$round"
    ok=$(grep -c '^[0-9]' "$f" || true); bad=$(grep -vc '^[0-9]' "$f" || true)
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$what" "$round" "$(pct 50 < "$f")" "$(pct 99 < "$f")" "$(pct 100 < "$f")" "$ok" "$bad" >> "$RESULTS"
    say "  round $round  $(printf '%-9s' "$what") p50 $(pct 50 < "$f") ms  p99 $(pct 99 < "$f") ms  max $(pct 100 < "$f") ms  ($ok measured, $bad not served within 10 s)"
  done
done

m() { awk -F'\t' -v n="$1" -v c="$2" '$1==n{print $c}' "$RESULTS" | sed 's/^>10000$/1e12/' | median | sed 's/^1e+12$/>10000/; s/^1e12$/>10000/'; }
s() { awk -F'\t' -v n="$1" -v c="$2" '$1==n{s+=$c} END{print s+0}' "$RESULTS"; }
p99_readable=$(m readable 4)
if [[ "$p99_readable" == ">"* ]]; then r=">$(ratio 10000 "$(m kafka 4)")"; else r=$(ratio "$p99_readable" "$(m kafka 4)"); fi
record "B3: in the log to readable through the gateway vs Kafka's own end-to-end latency" "Medians over the rounds of each round's percentiles, in ms, over every event (one not served within 10 s counts as >10000).

| target | p50 ms | p99 ms | max ms | served | not served within 10 s |
|---|---:|---:|---:|---:|---:|
| Kafka end to end (EndToEndLatency's method, 2 KB, acks=all) | $(m kafka 3) | $(m kafka 4) | $(m kafka 5) | $(s kafka 6) | $(s kafka 7) |
| ArticlePublished acknowledged -> gateway answers 200 ($rate/s) | $(m readable 3) | $(m readable 4) | $(m readable 5) | $(s readable 6) | $(s readable 7) |

| figure | value | target | |
|---|---:|---|---|
| readable p99 | $(m readable 4) ms | at most 50 ms | $(awk -v v="$(m readable 4)" 'BEGIN{print (v ~ /^[0-9.]+$/ && v + 0 <= 50) ? "met" : "not met"}') |
| readable p99 / Kafka's p99 | $r | at most 10 | $(awk -v r="$r" 'BEGIN{print (r ~ /^[0-9.]+$/ && r + 0 <= 10) ? "met" : "not met"}') |"
