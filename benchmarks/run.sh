#!/usr/bin/env bash
# Build the starter and the benchmarks, then run them: the results table goes to
# benchmarks/target/results/results.md (and stdout). Arguments go to the harness:
# --quick for a smoke run of a few minutes, --jfr to profile the starter on W2 and W3.
# Sizes: JAVA_OPTS="-Dzai.bench.runs=5 -Dzai.bench.systems=baseline,starter" benchmarks/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -Pbenchmarks -pl benchmarks -am package -DskipTests
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -jar benchmarks/target/zai-benchmarks.jar "$@"
