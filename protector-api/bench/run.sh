#!/usr/bin/env bash
# Load benchmark of POST /v1/check on loopback (docs/benchmarks/protector.md).
# Starts a real broker + Protector seeded with decisions, then:
#   1. warm-up; 2. peak: closed-loop wrk runs at several connection counts, best rps wins;
#   3. latency at about half of peak: wrk with a per-connection pause (Lua delay()) tuned so the
#      achieved rate is ~50 % of peak, and its p99 reported.
# Usage: protector-api/bench/run.sh [duration-seconds]   (needs wrk: apt-get install -y wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
DUR=${1:-15}
PORT=${PORT:-18081}
IPS=${IPS:-10000}; CIDRS=${CIDRS:-1000}; SESSIONS=${SESSIONS:-5000}
WRK_THREADS=${WRK_THREADS:-1}
JAVA_OPTS=${JAVA_OPTS:--Xms512m -Xmx512m -XX:+UseParallelGC}

(cd .. && mvn -o -q -pl protector-api -am install -DskipTests)
mvn -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
CP="target/test-classes:target/classes:$(cat target/test-classpath.txt)"
java $JAVA_OPTS -cp "$CP" io.edgeward.protector.bench.LoadBenchServer "$PORT" "$IPS" "$CIDRS" "$SESSIONS" \
  > target/bench-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do grep -q READY target/bench-server.log && break; sleep 1; done
grep READY target/bench-server.log
URL="http://127.0.0.1:$PORT/v1/check"
export DELAY_MS=0
TICKS=$(getconf CLK_TCK)
# CPU time (user+sys, in ticks) the Protector JVM has used so far: figures are also given per request,
# which holds up better than raw rps on a shared, loaded machine.
cpu() { awk '{print $14 + $15}' "/proc/$SERVER/stat"; }
run() { # args: label, wrk args...
  local label=$1; shift
  local before after out rps reqs
  before=$(cpu)
  out=$(wrk "$@" -s "$LUA" --latency "$URL")
  after=$(cpu)
  rps=$(echo "$out" | awk '/^Requests\/sec/ {printf "%d", $2}')
  reqs=$(echo "$out" | awk '/requests in/ {print $1}')
  echo "$label rps=$rps $(echo "$out" | grep -E '^p50=' | sed 's/ rps=.*//') server_cpu_us_per_req=$(( (after - before) * 1000000 / TICKS / (reqs > 0 ? reqs : 1) )) load=$(cut -d' ' -f1 /proc/loadavg) $(echo "$out" | grep -E 'Non-2xx|Socket errors' | tr '\n' ' ')"
  LAST_RPS=$rps
}
LUA=bench/check.lua

echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
echo "== warm-up"
run warmup -t"$WRK_THREADS" -c32 -d20s
echo "== peak (closed loop)"
BEST=0
for C in 16 32 64 128; do
  run "c=$C" -t"$WRK_THREADS" -c"$C" -d"${DUR}s"
  if [ "$LAST_RPS" -gt "$BEST" ]; then BEST=$LAST_RPS; fi
done
HALF=$((BEST / 2))
echo "== peak=$BEST rps; latency at ~half = $HALF rps (c=64, paced by delay())"
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
