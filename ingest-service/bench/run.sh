#!/usr/bin/env bash
# Runs the ingest benchmark (see docs/benchmarks/ingest.md): starts a broker, Kafka's ProducerPerformance, the
# ingest service, then the closed-loop peak and the open-loop latency run. Arguments are passed on, e.g.
#   ingest-service/bench/run.sh batch=500 workers=8 seconds=30
# Works on a fresh clone: the Maven wrapper fetches what the local repository lacks (no install, no offline mode).
set -euo pipefail
cd "$(dirname "$0")/../.."
# every module of the reactor writes the same file; ingest-service, built last, leaves its own test class path
./mvnw -B -ntp -q -pl ingest-service -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$PWD/ingest-service/target/bench.classpath" -Dmdep.includeScope=test
cd ingest-service
exec java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    io.edgeward.ingest.bench.IngestBenchmark "$@"
