#!/usr/bin/env bash
# B6: the local run, from the command to every service healthy (jars built), and the resident
# memory of each of its processes.
#
#   bench/b6-local-run.sh [--quick|--full]
#
# Starts the local run exactly as ./run does once the jars are built (java -jar
# devstack/target/devstack-exec.jar, here with the jars copied to a temporary folder: ./run's
# staleness check, a `find` over the sources, is left out, and no build can start) on the
# benchmarks' ports with an empty data folder (a first start: Kafka's log formatted, topics
# created), and measures
#   - until every one of the five JVMs answers 200 on /actuator/health on its management port (polled every 0.2 s), and
#   - until the run prints "Up in" (health, then the seed article's photos uploaded and its
#     event published),
# then, after B6_SETTLE seconds idle (quick 5, full 30), the resident memory (VmRSS) of each
# process: devstack (the Kafka broker and the MongoDB-wire server share that JVM), the three
# services, the gateway, the portal. Stops it and starts again for the next round (fresh data).
# Quick: 1 round; full: 3 rounds, medians.
source "$(dirname "$0")/lib/common.sh"
need java curl
[ -z "${BENCH_STACK_DATA:-}" ] || die "B6 measures its own starts: unset BENCH_STACK_DATA"
[ "$QUICK" = 1 ] && ROUNDS=${BENCH_ROUNDS:-1}
settle=${B6_SETTLE:-$([ "$QUICK" = 1 ] && echo 5 || echo 30)}
LOAD_NOTE="$ROUNDS start(s) of the local run, one after the other; no load"
names="devstack article-service rating-service media-service gateway portal"
ms() { echo $(( ($2 - $1) / 1000000 )); }

for round in $(seq 1 "$ROUNDS"); do
  # stack_start, with the health of each JVM watched alongside
  stage_local_run_jars
  port_free "$B_GATEWAY_PORT" "$B_ARTICLE_PORT" "$B_RATING_PORT" "$B_MEDIA_PORT" "$B_PORTAL_PORT" \
    "$B_KAFKA_PORT" "$B_KAFKA_CONTROLLER_PORT" "$B_MONGO_PORT" "$B_GATEWAY_MGMT_PORT" "$B_ARTICLE_MGMT_PORT" \
    "$B_RATING_MGMT_PORT" "$B_MEDIA_MGMT_PORT" "$B_PORTAL_MGMT_PORT"
  STACK_DATA="$BENCH_TMP/stack-data-$round"; mkdir -p "$STACK_DATA"
  stack_env; export DEVSTACK_DATA="$STACK_DATA"
  say "round $round: starting the local run"
  t0=$(date +%s%N)
  java -Dfile.encoding=UTF-8 -Ddevstack.root="$STAGED" -jar "$STAGED/devstack/target/devstack-exec.jar" \
    > "$STACK_DATA/run.log" 2>&1 &
  STACK_PID=$!
  CLEANUPS+=("stack_stop")
  healthy_at=""; up_at=""
  while [ -z "$up_at" ] || [ -z "$healthy_at" ]; do
    kill -0 "$STACK_PID" 2>/dev/null || { tail -30 "$STACK_DATA/run.log" >&2; die "the local run exited"; }
    now=$(date +%s%N)
    [ $(( (now - t0) / 1000000000 )) -lt "${BENCH_STARTUP_TIMEOUT:-300}" ] || die "not up within the timeout"
    if [ -z "$healthy_at" ]; then
      all=1
      for port in "$B_GATEWAY_MGMT_PORT" "$B_ARTICLE_MGMT_PORT" "$B_RATING_MGMT_PORT" "$B_MEDIA_MGMT_PORT" "$B_PORTAL_MGMT_PORT"; do
        curl -sf -m 1 -o /dev/null "http://127.0.0.1:$port/actuator/health" || { all=0; break; }
      done
      [ "$all" = 1 ] && healthy_at=$now
    fi
    [ -z "$up_at" ] && grep -q '^Up in' "$STACK_DATA/run.log" && up_at=$(date +%s%N)
    sleep 0.2
  done
  STACK_CHILDREN=$(pgrep -P "$STACK_PID" | tr '\n' ' ')
  say "  every service healthy after $(ms "$t0" "$healthy_at") ms, 'Up in' after $(ms "$t0" "$up_at") ms; idle ${settle} s"
  sleep "$settle"
  line="startup\t$round\t$(ms "$t0" "$healthy_at")\t$(ms "$t0" "$up_at")"
  sum=0
  while read -r name pid; do
    rss=$(rss_mb "$pid"); sum=$(( sum + ${rss/\?/0} ))
    printf 'rss\t%s\t%s\t%s\n' "$round" "$name" "$rss" >> "$RESULTS"
  done < <(stack_processes)
  printf 'rss\t%s\ttotal\t%s\n' "$round" "$sum" >> "$RESULTS"
  printf "$line\n" >> "$RESULTS"
  say "  resident memory: $(awk -F'\t' -v r="$round" '$1=="rss" && $2==r{printf "%s %s MB  ", $3, $4}' "$RESULTS")"
  stack_stop
done

startup() { awk -F'\t' -v c="$1" '$1=="startup"{print $c}' "$RESULTS" | median; }
rss_of() { awk -F'\t' -v n="$1" '$1=="rss" && $3==n{print $4}' "$RESULTS" | median; }
healthy_s=$(awk -v m="$(startup 3)" 'BEGIN{printf "%.1f", m/1000}')
up_s=$(awk -v m="$(startup 4)" 'BEGIN{printf "%.1f", m/1000}')
total_mb=$(rss_of total)
rows=""
for name in $names total; do rows="$rows| $name | $(rss_of "$name") |"$'\n'; done
record "B6: the local run, start to healthy and resident memory" "An empty data folder each round (a first start); JVM options as the local run sets them. Median of $ROUNDS start(s); per round: healthy $(awk -F'\t' '$1=="startup"{printf "%s%.1f s", (k++ ? ", " : ""), $3/1000}' "$RESULTS"); resident memory measured ${settle} s after 'Up in', idle.

| figure | value | target | |
|---|---:|---|---|
| command to every service healthy | ${healthy_s} s | at most 20 s | $(awk -v v="$healthy_s" 'BEGIN{print v <= 20 ? "met" : "not met"}') |
| command to 'Up in' (healthy, then the seed article published) | ${up_s} s | | |
| resident memory, all processes | ${total_mb} MB | at most 1,229 MB (1.2 GB) | $(awk -v v="$total_mb" 'BEGIN{print v <= 1228.8 ? "met" : "not met"}') |

| process | resident MB (idle) |
|---|---:|
${rows%$'\n'}"
