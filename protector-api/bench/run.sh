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
LUA=bench/check.lua

echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
echo "== warm-up"
wrk -t"$WRK_THREADS" -c32 -d10s -s "$LUA" "$URL" | tail -3
echo "== peak (closed loop)"
BEST=0
for C in 16 32 64 128; do
  OUT=$(wrk -t"$WRK_THREADS" -c"$C" -d"${DUR}s" -s "$LUA" --latency "$URL")
  RPS=$(echo "$OUT" | awk '/^Requests\/sec/ {printf "%d", $2}')
  echo "c=$C rps=$RPS $(echo "$OUT" | grep -E '^p50=') $(echo "$OUT" | grep -E 'Non-2xx|Socket errors' | tr '\n' ' ')"
  if [ "$RPS" -gt "$BEST" ]; then BEST=$RPS; fi
done
HALF=$((BEST / 2))
echo "== peak=$BEST rps; latency at ~half = $HALF rps (c=64, paced by delay())"
C=64
for D in 1 2 3 4 5 6 8 10; do
  OUT=$(DELAY_MS=$D wrk -t"$WRK_THREADS" -c"$C" -d"${DUR}s" -s "$LUA" --latency "$URL")
  RPS=$(echo "$OUT" | awk '/^Requests\/sec/ {printf "%d", $2}')
  echo "delay=${D}ms rps=$RPS $(echo "$OUT" | grep -E '^p50=')"
  if [ "$RPS" -le "$HALF" ]; then break; fi
done
