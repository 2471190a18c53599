#!/usr/bin/env bash
# The whole suite, one benchmark after the other, on one machine that should otherwise be quiet.
#
#   bench/run-all.sh [--quick|--full]
#
# Order: B1a (nginx and a lone gateway, no local run), B6 (its own starts of the local run), then
# one local run on the benchmarks' ports shared by B1b, B7, B2, B5 and B3 (BENCH_STACK_DATA: each script
# uses it instead of starting its own), then the resident memory of that run's processes after
# the load. Each benchmark appends its own section to docs/benchmarks.md under a heading for
# this suite run. Quick: a smoke test of every script in a few minutes (most of it the starts of
# the local run), figures not to be trusted; full: about 20 minutes.
source "$(dirname "$0")/lib/common.sh"
[ -z "${BENCH_STACK_DATA:-}" ] || die "run-all starts its own local run: unset BENCH_STACK_DATA"
mode_arg=$([ "$QUICK" = 1 ] && echo --quick || echo --full)
export BENCH_PARENT_COMMAND="$COMMAND_LINE" BENCH_JARS BENCH_DOCS BENCH_RECORD
if [ "$BENCH_RECORD" = 1 ]; then
  [ -f "$BENCH_DOCS" ] || printf '# Benchmarks\n\nAppended by the bench/ scripts (see bench/README.md); newest last.\n' > "$BENCH_DOCS"
  printf '\n## Suite run %s (%s mode): `%s`\n\nMachine: %s. Commit %s%s.\n' "$STARTED_AT" "$MODE" "$COMMAND_LINE" "$MACHINE" \
    "$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo '?')" \
    "$( [ "$BENCH_JARS" != "$REPO" ] && printf ', jars from %s (built %s)' "$BENCH_JARS" "$(date -u -r "$BENCH_JARS/gateway/target/gateway.jar" '+%Y-%m-%d %H:%M UTC')")" \
    >> "$BENCH_DOCS"
fi

failed=()
run() {
  say ""; say "=== $1"
  "$BENCH_DIR/$1" "$mode_arg" || { failed+=("$1"); say "$1 FAILED"; }
}
run b1a-gateway-vs-nginx.sh
run b6-local-run.sh

stack_start
export BENCH_STACK_DATA="$STACK_DATA"
run b1b-article-reads.sh
run b7-portal-page.sh
run b2-votes.sh
run b5-renditions.sh
run b3-log-to-readable.sh

rows=""; sum=0
LOAD_NOTE="the local run shared by B1b, B7, B2, B5 and B3, right after them"
while read -r name pid; do
  rss=$(rss_mb "$pid"); sum=$(( sum + ${rss/\?/0} ))
  rows="$rows| $name | $rss |"$'\n'
done < <(stack_processes)
record "B6 after load: resident memory of the shared local run after B1b, B7, B2, B5 and B3" "| process | resident MB |
|---|---:|
${rows}| total | $sum |"

if [ ${#failed[@]} -gt 0 ]; then say "failed: ${failed[*]}"; exit 1; fi
say "all benchmarks ran"
