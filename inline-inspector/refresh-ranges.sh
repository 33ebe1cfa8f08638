#!/usr/bin/env sh
# Rewrites inline-inspector's shipped front ranges (CloudFront origin-facing, Cloudflare v4+v6) from the published
# lists. Run from the repository root after `./mvnw -pl inline-inspector -am package -DskipTests`; review the diff
# and commit it. Options: --out DIR, --aws URL, --cloudflare-v4 URL, --cloudflare-v6 URL.
set -eu
cd "$(dirname "$0")/.."
classes=inline-inspector/target/classes
if [ ! -f inline-inspector/target/classpath.txt ]; then
  echo "build first: ./mvnw -B -ntp -pl inline-inspector -am package -DskipTests" >&2
  exit 2
fi
exec java -cp "$classes:$(cat inline-inspector/target/classpath.txt)" io.edgeward.inspector.fronts.RangesRefresh "$@"
