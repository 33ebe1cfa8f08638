#!/usr/bin/env bash
# Runs the ingest benchmark (see docs/benchmarks/ingest.md): starts a broker, Kafka's ProducerPerformance, the
# ingest service, then the closed-loop peak and the open-loop latency run. Arguments are passed on, e.g.
#   ingest-service/bench/run.sh batch=500 workers=8 seconds=30
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -o -q -pl ingest-service -am install -DskipTests
mvn -o -q -pl ingest-service test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cd ingest-service
exec java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    io.edgeward.ingest.bench.IngestBenchmark "$@"
