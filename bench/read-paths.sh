#!/usr/bin/env bash
# The article page's read paths, measured side by side in one run on this machine.
#
#   bench/read-paths.sh [requests per target per round] [concurrency] [rounds]
#
# Starts its own local run (ports 18080-18083, Kafka 19092, MongoDB 27117, a temporary data
# folder, the gateway's per-address limit lifted so that the load is not answered 429), warms
# every target up, then runs the targets in turn, round after round, with `hey` (Debian package
# `hey`), and prints the median over the rounds of each target's requests/s, p50 and p99.
# Bounded: requests x targets x rounds; stops the local run when done or interrupted.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-2000}; C=${2:-16}; ROUNDS=${3:-3}
command -v hey >/dev/null || { echo "needs hey (apt-get install hey)" >&2; exit 1; }

data=$(mktemp -d); log="$data/run.log"
export DEVSTACK_DATA="$data" GATEWAY_PORT=18080 ARTICLE_SERVICE_PORT=18081 RATING_SERVICE_PORT=18082 \
  MEDIA_SERVICE_PORT=18083 DEVSTACK_KAFKA_PORT=19092 DEVSTACK_KAFKA_CONTROLLER_PORT=19093 \
  DEVSTACK_MONGODB_PORT=27117 GATEWAY_RATELIMIT_PERADDRESS_REQUESTS=100000000
./run > "$log" 2>&1 &
run=$!
# TERM, not INT: a background job of a script ignores SIGINT
stop() { kill -TERM "$run" 2>/dev/null || true; wait "$run" 2>/dev/null || true; rm -rf "$data"; }
trap stop EXIT
for _ in $(seq 1 300); do grep -q "^Up in" "$log" && break; kill -0 "$run" 2>/dev/null || { cat "$log"; exit 1; }; sleep 1; done
grep -q "^Up in" "$log" || { echo "the local run did not come up; see $log" >&2; exit 1; }

S=khoi-mat-tran-va-cac-to-chuc-chinh-tri-xa-hoi-tinh-tong-ket-cong-tac-thi-dua
G=http://127.0.0.1:18080
for _ in $(seq 1 60); do curl -sf "$G/api/articles/$S" > /dev/null && break; sleep 0.5; done
photo=$(curl -s "$G/api/articles/$S" | sed -E 's/.*"url":"(\/api\/media\/[^"]+)".*/\1/')
declare -A targets=(
  [article-via-gateway]="$G/api/articles/$S"
  [article-direct]="http://127.0.0.1:18081/api/articles/$S"
  [rating-line-via-gateway]="$G/api/articles/$S/rating"
  [photo-w1024-via-gateway]="$G$photo"
  [search-via-gateway]="$G/api/articles/search?q=thi+dua"
)
order=(article-via-gateway article-direct rating-line-via-gateway photo-w1024-via-gateway search-via-gateway)

for name in "${order[@]}"; do hey -n 300 -c "$C" "${targets[$name]}" > /dev/null; done   # warm-up
results="$data/results.tsv"
for round in $(seq 1 "$ROUNDS"); do
  for name in "${order[@]}"; do
    out=$(hey -n "$N" -c "$C" "${targets[$name]}")
    non200=$(echo "$out" | awk '/Status code distribution/{f=1;next} f&&/\[/{ if ($1 != "[200]") s+=$2 } END{print s+0}')
    rps=$(echo "$out" | awk '/Requests\/sec/{print $2}')
    p50=$(echo "$out" | awk '/ 50% in/{print $3*1000}')
    p99=$(echo "$out" | awk '/ 99% in/{print $3*1000}')
    printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$rps" "$p50" "$p99" "$non200" >> "$results"
  done
done

echo "$(date -u +%F) $(nproc) cores, $N requests x $ROUNDS rounds per target, concurrency $C; median of rounds"
printf '%-26s %10s %9s %9s %8s\n' target 'req/s' 'p50 ms' 'p99 ms' 'non-200'
median() { sort -n | sed -n "$(( (ROUNDS + 1) / 2 ))p"; }
for name in "${order[@]}"; do
  rows=$(awk -F'\t' -v n="$name" '$1==n' "$results")
  printf '%-26s %10.0f %9.2f %9.2f %8d\n' "$name" "$(cut -f2 <<<"$rows" | median)" "$(cut -f3 <<<"$rows" | median)" \
    "$(cut -f4 <<<"$rows" | median)" "$(cut -f5 <<<"$rows" | paste -sd+ | bc)"
done
