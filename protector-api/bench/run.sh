#!/usr/bin/env bash
# Load benchmark of POST /v1/check on loopback, against the ceiling of the same server (docs/benchmarks/protector.md).
# Starts a real broker + Protector seeded with decisions (LoadBenchServer, test scope). The bench server adds two
# bench-only endpoints to the same Jetty server, connector and thread pool (never present in the production server):
#   /bench/bare          a bare Jetty handler beside /v1/check's, answering a fixed 60-byte JSON;
#   /bench/bare-javalin  the same answer through a Javalin route (Javalin's servlet, routing and filters).
# Each target is warmed up, then the targets take turns at each connection count (closed loop); a target's peak is its
# best rps. For /v1/check also the
# latency at about half of its peak: wrk with a per-connection pause (Lua delay()) tuned so the achieved rate is ~50 %.
# Usage: protector-api/bench/run.sh [duration-seconds]   (needs wrk: apt-get install -y wrk)
#   TARGETS="bare bare-javalin check" CONNS="16 32 64 128" WRK_THREADS=1 JAVA_OPTS=... to change the defaults.
# Works on a fresh clone: the Maven wrapper fetches what the local repository lacks.
set -euo pipefail
cd "$(dirname "$0")/.."
DUR=${1:-15}
PORT=${PORT:-18081}
IPS=${IPS:-10000}; CIDRS=${CIDRS:-1000}; SESSIONS=${SESSIONS:-5000}
WRK_THREADS=${WRK_THREADS:-1}
TARGETS=${TARGETS:-bare bare-javalin check}
CONNS=${CONNS:-16 32 64 128}
JAVA_OPTS=${JAVA_OPTS:--Xms512m -Xmx512m -XX:+UseParallelGC}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

# every module of the reactor writes the same file; protector-api, built last, leaves its own test class path
CP_FILE="$PWD/target/test-classpath.txt"
(cd .. && ./mvnw -B -ntp -q -pl protector-api -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE")
CP="target/test-classes:target/classes:$(cat target/test-classpath.txt)"
java $JAVA_OPTS -cp "$CP" io.edgeward.protector.bench.LoadBenchServer "$PORT" "$IPS" "$CIDRS" "$SESSIONS" \
  > target/bench-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do grep -q READY target/bench-server.log && break; sleep 1; done
grep READY target/bench-server.log
export DELAY_MS=0
TICKS=$(getconf CLK_TCK)
# CPU time (user+sys, in ticks) the Protector JVM has used so far: figures are also given per request,
# which holds up better than raw rps on a shared, loaded machine.
cpu() { awk '{print $14 + $15}' "/proc/$SERVER/stat"; }
run() { # args: label, wrk args...
  local label=$1; shift
  local before after out rps reqs
  before=$(cpu)
  out=$(wrk "$@" -s bench/check.lua --latency "http://127.0.0.1:$PORT$CHECK_PATH")
  after=$(cpu)
  rps=$(echo "$out" | awk '/^Requests\/sec/ {printf "%d", $2}')
  reqs=$(echo "$out" | awk '/requests in/ {print $1}')
  echo "$TARGET $label rps=$rps $(echo "$out" | grep -E '^p50=' | sed 's/ rps=.*//') server_cpu_us_per_req=$(( (after - before) * 1000000 / TICKS / (reqs > 0 ? reqs : 1) )) load=$(cut -d' ' -f1 /proc/loadavg) $(echo "$out" | grep -E 'Non-2xx|Socket errors' | tr '\n' ' ')"
  LAST_RPS=$rps
}
path_of() {
  case $1 in
    bare) echo /bench/bare ;;
    bare-javalin) echo /bench/bare-javalin ;;
    check) echo /v1/check ;;
    *) echo "unknown target $1" >&2; exit 1 ;;
  esac
}

echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
declare -A PEAK
for TARGET in $TARGETS; do
  export CHECK_PATH; CHECK_PATH=$(path_of "$TARGET")
  echo "== $TARGET ($CHECK_PATH): warm-up"
  run warmup -t"$WRK_THREADS" -c32 -d20s
  PEAK[$TARGET]=0
done
# the targets take turns at each connection count, so a change in the machine's load hits all of them alike
echo "== peak (closed loop), targets interleaved"
for C in $CONNS; do
  for TARGET in $TARGETS; do
    export CHECK_PATH; CHECK_PATH=$(path_of "$TARGET")
    run "c=$C" -t"$WRK_THREADS" -c"$C" -d"${DUR}s"
    if [ "$LAST_RPS" -gt "${PEAK[$TARGET]}" ]; then PEAK[$TARGET]=$LAST_RPS; fi
  done
done

if [ -n "${PEAK[check]:-}" ]; then
  TARGET=check; export CHECK_PATH=/v1/check
  HALF=$((PEAK[check] / 2))
  echo "== check: latency at ~half of peak = $HALF rps (c=64, paced by delay())"
  C=64
  # pace: each of the C connections pauses D ms between requests, so the offered rate is at most C*1000/D;
  # start near the delay that offers half of peak and lengthen it until the achieved rate is at or below half.
  D=$(( C * 1000 / (HALF > 0 ? HALF : 1) ))
  D=$(( D > 1 ? D : 1 ))
  for _ in 1 2 3 4 5 6; do
    export DELAY_MS=$D; run "delay=${D}ms c=$C" -t"$WRK_THREADS" -c"$C" -d"${DUR}s"
    if [ "$LAST_RPS" -le "$HALF" ]; then break; fi
    D=$(( D * 3 / 2 + 1 ))
  done
fi
echo "== summary: $(for t in $TARGETS; do printf '%s=%s ' "$t" "${PEAK[$t]}"; done)load $(cut -d' ' -f1-3 /proc/loadavg)"
for t in check bare-javalin; do
  if [ -n "${PEAK[$t]:-}" ] && [ -n "${PEAK[bare]:-}" ] && [ "${PEAK[bare]}" -gt 0 ]; then
    echo "== ratio $t / bare = $(awk -v a="${PEAK[$t]}" -v b="${PEAK[bare]}" 'BEGIN {printf "%.2f", a / b}')"
  fi
done
