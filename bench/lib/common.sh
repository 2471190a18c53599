# Shared by the bench/*.sh scripts (sourced, not run). See bench/README.md.
#
# Every script: parses --quick / --full, makes a temporary folder, copies the jars it needs into it
# (so a build running meanwhile cannot swap a jar under a benchmark), starts what it needs on
# ports that a developer's ./run (8080-8084, 9092/9093, 27017) never uses, loads it from
# 127.0.0.1 only, stops everything it started (trap on EXIT, INT and TERM), prints a table and
# appends it to docs/benchmarks.md with the date, the machine and the exact command.

set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
REPO=$(cd "$BENCH_DIR/.." && pwd)
# The folder holding the modules' target/ folders with the built jars; the repository itself by
# default. The scripts never build: build first (mvn -DskipTests package) or point this elsewhere.
BENCH_JARS=${BENCH_JARS:-$REPO}
BENCH_DOCS=${BENCH_DOCS:-$REPO/docs/benchmarks.md}
BENCH_RECORD=${BENCH_RECORD:-1}  # 0: print only, append nothing to docs/benchmarks.md

# Ports: none of them is one of ./run's. Override any of them if taken, or move them all at once
# with BENCH_PORT_OFFSET (e.g. 10000: gateway 28080, Kafka 29092, MongoDB 47017, ...).
_po=${BENCH_PORT_OFFSET:-0}
B_GATEWAY_PORT=${B_GATEWAY_PORT:-$(( 18080 + _po ))}
B_ARTICLE_PORT=${B_ARTICLE_PORT:-$(( 18081 + _po ))}
B_RATING_PORT=${B_RATING_PORT:-$(( 18082 + _po ))}
B_MEDIA_PORT=${B_MEDIA_PORT:-$(( 18083 + _po ))}
B_PORTAL_PORT=${B_PORTAL_PORT:-$(( 18084 + _po ))}
B_KAFKA_PORT=${B_KAFKA_PORT:-$(( 19092 + _po ))}
B_KAFKA_CONTROLLER_PORT=${B_KAFKA_CONTROLLER_PORT:-$(( 19093 + _po ))}
B_MONGO_PORT=${B_MONGO_PORT:-$(( 37017 + _po ))}
B_NGINX_STATIC_PORT=${B_NGINX_STATIC_PORT:-$(( 18090 + _po ))}  # nginx serving the seed article's bytes
B_NGINX_PROXY_PORT=${B_NGINX_PROXY_PORT:-$(( 18091 + _po ))}    # nginx proxying that
B_LONE_GATEWAY_PORT=${B_LONE_GATEWAY_PORT:-$(( 18092 + _po ))}  # a gateway alone, its article route to nginx
# each JVM's actuator (health, Prometheus scrape) on a management port of its own, never routed
B_GATEWAY_MGMT_PORT=${B_GATEWAY_MGMT_PORT:-$(( 18180 + _po ))}
B_ARTICLE_MGMT_PORT=${B_ARTICLE_MGMT_PORT:-$(( 18181 + _po ))}
B_RATING_MGMT_PORT=${B_RATING_MGMT_PORT:-$(( 18182 + _po ))}
B_MEDIA_MGMT_PORT=${B_MEDIA_MGMT_PORT:-$(( 18183 + _po ))}
B_PORTAL_MGMT_PORT=${B_PORTAL_MGMT_PORT:-$(( 18184 + _po ))}
B_LONE_GATEWAY_MGMT_PORT=${B_LONE_GATEWAY_MGMT_PORT:-$(( 18192 + _po ))}

WRK_THREADS=${WRK_THREADS:-2}
WRK_CONNECTIONS=${WRK_CONNECTIONS:-32}

QUICK=0
COMMAND_LINE="bench/$(basename "$0")$(printf ' %q' "$@")"
for arg in "$@"; do
  case "$arg" in
    --quick) QUICK=1 ;;
    --full) QUICK=0 ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "unknown argument: $arg (use --quick or --full)" >&2; exit 2 ;;
  esac
done
if [ "$QUICK" = 1 ]; then
  ROUNDS=${BENCH_ROUNDS:-3}; DURATION=${BENCH_DURATION:-2}; WARMUP=${BENCH_WARMUP:-2}; MODE=quick
else
  ROUNDS=${BENCH_ROUNDS:-3}; DURATION=${BENCH_DURATION:-20}; WARMUP=${BENCH_WARMUP:-10}; MODE=full
fi

BENCH_TMP=$(mktemp -d "${TMPDIR:-/tmp}/bench.XXXXXX")
chmod 755 "$BENCH_TMP"   # nginx workers (user nobody) read the files served from here
RESULTS="$BENCH_TMP/results.tsv"
: > "$RESULTS"

# --- clean-up: every start registers how to stop what it started; run in reverse on exit
CLEANUPS=()
on_exit() {
  local rc=$?
  trap - EXIT INT TERM
  local i
  for (( i=${#CLEANUPS[@]}-1; i>=0; i-- )); do eval "${CLEANUPS[$i]}" || true; done
  if [ "${BENCH_KEEP_TMP:-0}" = 1 ]; then echo "kept $BENCH_TMP" >&2; else rm -rf "$BENCH_TMP"; fi
  exit $rc
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

say() { printf '%s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

need() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || die "needs $tool (Debian: apt-get install -y $(pkg_of "$tool"))"
  done
}
pkg_of() { case "$1" in nginx) echo nginx-light ;; vipsthumbnail) echo libvips-tools ;; *) echo "$1" ;; esac; }

port_free() {
  local port
  for port in "$@"; do
    [ "$port" -ge 1024 ] && [ "$port" -le 65535 ] || die "port $port is out of range (BENCH_PORT_OFFSET too large?)"
    if ss -Hltn "sport = :$port" | grep -q .; then die "port $port is taken: set the B_*_PORT variables (see bench/lib/common.sh)"; fi
  done
}

# Kills a process we started, by its id: TERM, then KILL after $2 seconds (default 20).
stop_pid() {
  local pid=$1 grace=${2:-20} i
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for (( i=0; i<grace*10; i++ )); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
}

# --- jars: copied into the temporary folder, laid out as the repository (module/target/module.jar)
STAGED="$BENCH_TMP/jars"
stage_jar() {
  local module=$1 name=${2:-$1.jar}
  local src="$BENCH_JARS/$module/target/$name"
  [ -f "$src" ] || die "$src is missing: build first (mvn -DskipTests package) or set BENCH_JARS"
  mkdir -p "$STAGED/$module/target"
  [ -f "$STAGED/$module/target/$name" ] || cp "$src" "$STAGED/$module/target/$name"
}
stage_local_run_jars() {
  local m
  stage_jar devstack devstack-exec.jar
  for m in article-service rating-service media-service gateway portal; do stage_jar "$m"; done
}

# The classes and libraries of devstack-exec.jar, for bench/lib/BenchEvents.java.
DEVSTACK_CP=""
devstack_classpath() {
  [ -n "$DEVSTACK_CP" ] && return 0
  stage_jar devstack devstack-exec.jar
  mkdir -p "$BENCH_TMP/devstack-classes"
  (cd "$BENCH_TMP/devstack-classes" && unzip -q "$STAGED/devstack/target/devstack-exec.jar" 'BOOT-INF/*')
  DEVSTACK_CP="$BENCH_TMP/devstack-classes/BOOT-INF/classes:$BENCH_TMP/devstack-classes/BOOT-INF/lib/*"
}
bench_events() {
  devstack_classpath
  java -cp "$DEVSTACK_CP" "$BENCH_DIR/lib/BenchEvents.java" "$@"
}

# --- the local run (what ./run starts), on the bench ports, data in a temporary folder.
# With BENCH_STACK_DATA set (bench/run-all.sh does), a local run already started by the caller on
# the same ports is used instead and left running.
STACK_PID=""
STACK_DATA=""
stack_env() {
  export GATEWAY_PORT=$B_GATEWAY_PORT ARTICLE_SERVICE_PORT=$B_ARTICLE_PORT RATING_SERVICE_PORT=$B_RATING_PORT \
    MEDIA_SERVICE_PORT=$B_MEDIA_PORT PORTAL_PORT=$B_PORTAL_PORT DEVSTACK_KAFKA_PORT=$B_KAFKA_PORT \
    DEVSTACK_KAFKA_CONTROLLER_PORT=$B_KAFKA_CONTROLLER_PORT DEVSTACK_MONGODB_PORT=$B_MONGO_PORT
  export GATEWAY_MANAGEMENT_PORT=$B_GATEWAY_MGMT_PORT ARTICLE_SERVICE_MANAGEMENT_PORT=$B_ARTICLE_MGMT_PORT \
    RATING_SERVICE_MANAGEMENT_PORT=$B_RATING_MGMT_PORT MEDIA_SERVICE_MANAGEMENT_PORT=$B_MEDIA_MGMT_PORT \
    PORTAL_MANAGEMENT_PORT=$B_PORTAL_MGMT_PORT
  # the load generator is a trusted proxy; every request says which client it forwards (xff.lua)
  export GATEWAY_TRUSTED_PROXIES=127.0.0.1
  # the gateway listens on loopback only (the services already do in the local run)
  export SERVER_ADDRESS=127.0.0.1
}

# Starts the local run and waits for its "Up in" line; sets STACK_PID, STACK_DATA, STACK_STARTED_NS.
stack_start() {
  if [ -n "${BENCH_STACK_DATA:-}" ]; then
    STACK_DATA=$BENCH_STACK_DATA
    curl -sf "http://127.0.0.1:$B_GATEWAY_MGMT_PORT/actuator/health" >/dev/null \
      || die "BENCH_STACK_DATA is set but no gateway answers on 127.0.0.1:$B_GATEWAY_PORT"
    return 0
  fi
  need java curl
  stage_local_run_jars
  port_free "$B_GATEWAY_PORT" "$B_ARTICLE_PORT" "$B_RATING_PORT" "$B_MEDIA_PORT" "$B_PORTAL_PORT" \
    "$B_KAFKA_PORT" "$B_KAFKA_CONTROLLER_PORT" "$B_MONGO_PORT" "$B_GATEWAY_MGMT_PORT" "$B_ARTICLE_MGMT_PORT" \
    "$B_RATING_MGMT_PORT" "$B_MEDIA_MGMT_PORT" "$B_PORTAL_MGMT_PORT"
  STACK_DATA="$BENCH_TMP/stack-data"
  mkdir -p "$STACK_DATA"
  stack_env
  export DEVSTACK_DATA="$STACK_DATA"
  say "starting the local run (ports $B_GATEWAY_PORT-$B_PORTAL_PORT, Kafka $B_KAFKA_PORT, MongoDB $B_MONGO_PORT; data $STACK_DATA)"
  STACK_STARTED_NS=$(date +%s%N)
  # exactly what ./run executes once the jars are built, with the staged jars as the root
  java -Dfile.encoding=UTF-8 -Ddevstack.root="$STAGED" -jar "$STAGED/devstack/target/devstack-exec.jar" \
    > "$STACK_DATA/run.log" 2>&1 &
  STACK_PID=$!
  CLEANUPS+=("stack_stop")
  local i
  for (( i=0; i<${BENCH_STARTUP_TIMEOUT:-300}*10; i++ )); do
    grep -q '^Up in' "$STACK_DATA/run.log" && break
    kill -0 "$STACK_PID" 2>/dev/null || { tail -30 "$STACK_DATA/run.log" >&2; die "the local run exited"; }
    sleep 0.1
  done
  grep -q '^Up in' "$STACK_DATA/run.log" || die "the local run was not up in time; see $STACK_DATA/run.log"
  STACK_UP_NS=$(date +%s%N)
  STACK_CHILDREN=$(pgrep -P "$STACK_PID" | tr '\n' ' ')
  say "local run up in $(( (STACK_UP_NS - STACK_STARTED_NS) / 1000000 )) ms"
}

stack_stop() {
  [ -n "$STACK_PID" ] || return 0
  say "stopping the local run"
  stop_pid "$STACK_PID" 60
  local pid
  for pid in ${STACK_CHILDREN:-}; do stop_pid "$pid" 5; done   # only if the run's own stop failed
  STACK_PID=""
}

# The process ids of the local run's JVMs: "name pid" lines (devstack = Kafka + MongoDB-wire server).
stack_processes() {
  local port pid name
  for name in gateway:$B_GATEWAY_PORT article-service:$B_ARTICLE_PORT rating-service:$B_RATING_PORT \
              media-service:$B_MEDIA_PORT portal:$B_PORTAL_PORT devstack:$B_KAFKA_PORT; do
    port=${name#*:}
    pid=$(ss -Hltnp "sport = :$port" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
    echo "${name%%:*} ${pid:-?}"
  done
}
rss_mb() { awk '/^VmRSS/{printf "%.0f", $2/1024}' "/proc/$1/status" 2>/dev/null || echo "?"; }

# "articleId<TAB>slug" of <count> published articles tagged <tag>, made once per local run's data
# folder and then reused (bench/run-all.sh runs several benchmarks on one local run). Waits until
# <where> (article-service, rating-service or both) serves each.
ensure_articles() {
  local count=$1 tag=$2 where=${3:-both} file="$STACK_DATA/articles-$2.tsv"
  if [ ! -s "$file" ]; then
    say "publishing $count articles ($tag) to Kafka at 127.0.0.1:$B_KAFKA_PORT"
    local t0; t0=$(date +%s%N)
    # the seed article as article-service answers it: its body and photos (media-service has them)
    local seed_slug
    seed_slug=$(sed -n 's|^  http://localhost:[0-9]*/api/articles/||p' "$STACK_DATA/run.log" | head -1)
    [ -n "$seed_slug" ] || die "no seed article in $STACK_DATA/run.log"
    # "Up in" comes once the seed's event is acknowledged, not yet necessarily read
    wait_http "http://127.0.0.1:$B_ARTICLE_PORT/api/articles/$seed_slug" 120
    curl -sf "http://127.0.0.1:$B_ARTICLE_PORT/api/articles/$seed_slug" > "$STACK_DATA/seed-article.json" \
      || die "article-service does not serve the seed article '$seed_slug'"
    bench_events publish "127.0.0.1:$B_KAFKA_PORT" "$count" "$tag" "$STACK_DATA/seed-article.json" > "$file.tmp"
    [ "$(wc -l < "$file.tmp")" = "$count" ] || die "publishing failed"
    mv "$file.tmp" "$file"
    wait_readable "$file" "$where"
    say "$count articles acknowledged and readable in $(( ($(date +%s%N) - t0) / 1000000 )) ms"
  else
    wait_readable "$file" "$where"
  fi
  echo "$file"
}
# The status code of each URL of stdin, one a line (kept-alive connections, 200 URLs a curl).
status_codes() { sed 's|^|-o\n/dev/null\n|' | xargs -d '\n' -n 600 curl -s -w '%{http_code}\n'; }
# Polls article-service and/or rating-service straight (not through the gateway: no limits
# involved) until each serves every article of the file.
wait_readable() {
  local file=$1 where=$2 deadline=$(( $(date +%s) + ${BENCH_READABLE_TIMEOUT:-600} )) missing last=""
  while :; do
    missing=0
    if [ "$where" != rating-service ]; then
      missing=$(cut -f2 "$file" | sed "s|^|http://127.0.0.1:$B_ARTICLE_PORT/api/articles/|" | status_codes | grep -vc '^200$' || true)
    fi
    if [ "$missing" = 0 ] && [ "$where" != article-service ]; then
      missing=$(cut -f1 "$file" | sed "s|^|http://127.0.0.1:$B_RATING_PORT/api/articles/|; s|$|/rating|" \
        | status_codes | grep -vc '^200$' || true)
    fi
    [ "$missing" = 0 ] && return 0
    [ "$missing" != "$last" ] && say "  $missing of $(wc -l < "$file") articles not readable yet"
    last=$missing
    [ "$(date +%s)" -lt "$deadline" ] || die "$missing articles of $file still not readable"
    sleep 1
  done
}

# --- nginx: one instance, configured by the caller's server blocks, files under $BENCH_TMP/nginx
NGINX_PID=""
nginx_start() {
  local servers=$1
  need nginx
  local dir="$BENCH_TMP/nginx"
  mkdir -p "$dir/logs" "$dir/temp" "$dir/www"
  chmod -R a+rX "$dir"
  cat > "$dir/nginx.conf" <<EOF
daemon off;
worker_processes auto;
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
events { worker_connections 4096; }
http {
  types { }
  default_type application/json;
  charset utf-8;
  charset_types application/json;
  client_body_temp_path $dir/temp/body;
  proxy_temp_path $dir/temp/proxy;
  fastcgi_temp_path $dir/temp/fastcgi;
  uwsgi_temp_path $dir/temp/uwsgi;
  scgi_temp_path $dir/temp/scgi;
  access_log off;
  keepalive_requests 1000000;
  server_tokens off;
$servers
}
EOF
  nginx -p "$dir" -c "$dir/nginx.conf" -t -q || die "nginx configuration refused"
  nginx -p "$dir" -c "$dir/nginx.conf" > "$dir/logs/stdout.log" 2>&1 &
  NGINX_PID=$!
  CLEANUPS+=("stop_pid $NGINX_PID 10")
}

# --- a gateway alone (bench B1a): its article routes to $1, the other service routes to a port
# nothing listens on; trusted proxy 127.0.0.1 as in the local run of the benchmarks.
LONE_GATEWAY_PID=""
lone_gateway_start() {
  local article_url=$1 opts=${2:-${GATEWAY_JAVA_OPTS:--Xmx512m -XX:TieredStopAtLevel=1}}
  stage_jar gateway
  port_free "$B_LONE_GATEWAY_PORT" "$B_LONE_GATEWAY_MGMT_PORT"
  local log="$BENCH_TMP/lone-gateway.log" nobody="http://127.0.0.1:9"
  LONE_GATEWAY_OPTS="$opts"
  # shellcheck disable=SC2086
  # a secret of its own: the gateway refuses to start with the one committed to the repository
  env SERVER_PORT="$B_LONE_GATEWAY_PORT" SERVER_ADDRESS=127.0.0.1 GATEWAY_TRUSTED_PROXIES=127.0.0.1 \
    MANAGEMENT_SERVER_PORT="$B_LONE_GATEWAY_MGMT_PORT" MANAGEMENT_SERVER_ADDRESS=127.0.0.1 \
    PLATFORM_VOTER_SECRET="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')" \
    ARTICLE_SERVICE_URL="$article_url" RATING_SERVICE_URL=$nobody MEDIA_SERVICE_URL=$nobody PORTAL_URL=$nobody \
    java $opts -Dfile.encoding=UTF-8 -jar "$STAGED/gateway/target/gateway.jar" > "$log" 2>&1 &
  LONE_GATEWAY_PID=$!
  CLEANUPS+=("stop_pid $LONE_GATEWAY_PID 20")
  wait_http "http://127.0.0.1:$B_LONE_GATEWAY_MGMT_PORT/actuator/health" 120 "$LONE_GATEWAY_PID" "$log"
}

# The JVM options the local run gives its gateway (read from the running process), so that a lone
# gateway is compared like for like.
local_run_gateway_opts() {
  local pid
  pid=$(stack_processes | awk '$1=="gateway"{print $2}')
  tr '\0' '\n' < "/proc/$pid/cmdline" | awk 'NR>1 && /^-X/' | paste -sd' '
}

wait_http() {
  local url=$1 timeout=$2 pid=${3:-} log=${4:-} i
  for (( i=0; i<timeout*5; i++ )); do
    curl -sf -o /dev/null "$url" && return 0
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then [ -n "$log" ] && tail -30 "$log" >&2; die "$url: process exited"; fi
    sleep 0.2
  done
  die "$url did not answer within $timeout s"
}

# --- load: wrk_round <target name> <round> <url> [wrk args...] [-- script args]
# Runs wrk for $DURATION s with $WRK_CONNECTIONS connections and xff.lua (or the -s given), and
# appends "name round req/s p50 p99 max requests non2xx socketerrors [accepted/s]" to $RESULTS.
wrk_once() {
  local seconds=$1; shift
  need wrk
  local out
  out=$(wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"${seconds}s" --timeout 10s "$@") \
    || { printf '%s\n' "$out" >&2; die "wrk failed"; }
  printf '%s\n' "$out" | grep '^BENCH' | tail -1 | cut -f2-
}
warm() { wrk_once "$WARMUP" "$@" > /dev/null; }
measure() { measure_for "$DURATION" "$@"; }
measure_for() {
  local seconds=$1 name=$2 round=$3; shift 3
  local line
  line=$(wrk_once "$seconds" "$@")
  printf '%s\t%s\t%s\n' "$name" "$round" "$line" >> "$RESULTS"
  say "  round $round  $(printf '%-34s' "$name") $(echo "$line" | awk -F'\t' '{printf "%8.0f req/s  p50 %7.2f ms  p99 %7.2f ms  non-2xx %d  errors %d", $1, $2, $3, $6, $7}')"
}

# --- figures
median() { sort -g | awk '{a[NR]=$1} END{ if (NR==0) {print "nan"} else if (NR%2) {print a[(NR+1)/2]} else {print (a[NR/2]+a[NR/2+1])/2} }'; }
# col: 3 req/s, 4 p50, 5 p99, 6 max, 7 requests, 8 non-2xx, 9 socket errors, 10 accepted/s, 11 unanswered
med() { awk -F'\t' -v n="$1" -v c="$2" '$1==n{print $c}' "$RESULTS" | median; }
total() { awk -F'\t' -v n="$1" -v c="$2" '$1==n{s+=$c} END{print s+0}' "$RESULTS"; }
per_round() { awk -F'\t' -v n="$1" -v c="$2" '$1==n{printf "%s%.0f", (k++ ? " / " : ""), $c}' "$RESULTS"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (b+0 == 0) print "n/a"; else printf "%.2f", a/b }'; }

# A markdown table of the named targets: medians over the rounds.
table() {
  local name
  echo "| target | req/s (median) | req/s per round | p50 ms | p99 ms | requests | non-2xx | socket errors |"
  echo "|---|---:|---|---:|---:|---:|---:|---:|"
  for name in "$@"; do
    printf '| %s | %.0f | %s | %.2f | %.2f | %d | %d | %d |\n' "$name" "$(med "$name" 3)" "$(per_round "$name" 3)" \
      "$(med "$name" 4)" "$(med "$name" 5)" "$(total "$name" 7)" "$(total "$name" 8)" "$(total "$name" 9)"
  done
}

machine() {
  local mem java load
  mem=$(awk '/^MemTotal/{printf "%.1f GB", $2/1048576}' /proc/meminfo)
  java=$(java -version 2>&1 | head -1)
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  echo "$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $mem memory, $java; load average at start $load"
}
MACHINE=$(machine)
STARTED_AT=$(date -u '+%Y-%m-%d %H:%M UTC')

# record <title> <markdown body>: prints it and appends it to docs/benchmarks.md.
record() {
  local title=$1 body=$2 text
  text=$(printf '\n### %s (%s mode)\n\n- date: %s\n- machine: %s\n- command: `%s`%s\n- %s\n\n%s\n' \
    "$title" "$MODE" "$STARTED_AT" "$MACHINE" "$COMMAND_LINE" \
    "$( [ "$BENCH_JARS" != "$REPO" ] && printf ' (BENCH_JARS=%s)' "$BENCH_JARS")$( [ -n "${BENCH_PARENT_COMMAND:-}" ] && [ "$BENCH_PARENT_COMMAND" != "$COMMAND_LINE" ] && printf ', run by `%s`' "$BENCH_PARENT_COMMAND")" \
    "${LOAD_NOTE:-$ROUNDS rounds, interleaved; $DURATION s per target per round after $WARMUP s of warm-up; wrk $WRK_THREADS threads, $WRK_CONNECTIONS connections, from 127.0.0.1}" "$body")
  [ "$QUICK" = 1 ] && text="$text"$'\n\n''Quick mode: seconds per target, a smoke test of the benchmark, not a measurement.'
  printf '%s\n' "$text"
  if [ "$BENCH_RECORD" = 1 ]; then
    [ -f "$BENCH_DOCS" ] || printf '# Benchmarks\n\nAppended by the bench/ scripts (see bench/README.md); newest last.\n' > "$BENCH_DOCS"
    printf '%s\n' "$text" >> "$BENCH_DOCS"
    say "appended to ${BENCH_DOCS#"$REPO"/}"
  fi
}
