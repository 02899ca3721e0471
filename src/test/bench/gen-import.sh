#!/usr/bin/env bash
# Writes the large-account import benchmark's input (docs/performance.md, "Importing a large
# account"): VPCS VPCs as the AWS CLI prints them (OUT_DIR/aws/*.json) and as terraform show -json
# prints their state (OUT_DIR/terraform/state.json).
#   src/test/bench/gen-import.sh [OUT_DIR] [VPCS]      (default target/bench/import-60, 60)
set -euo pipefail
cd "$(dirname "$0")/../../.."
vpcs=${2:-60}
out=${1:-target/bench/import-$vpcs}
mvn -q -o test-compile
repo=$HOME/.m2/repository
cp="target/classes:target/test-classes"
for j in org/antlr/antlr4-runtime/4.13.2/antlr4-runtime-4.13.2.jar \
    com/fasterxml/jackson/core/jackson-core/2.18.2/jackson-core-2.18.2.jar \
    com/fasterxml/jackson/core/jackson-databind/2.18.2/jackson-databind-2.18.2.jar \
    com/fasterxml/jackson/core/jackson-annotations/2.18.2/jackson-annotations-2.18.2.jar; do
  cp="$cp:$repo/$j"
done
rm -rf "$out"
java -cp "$cp" dev.vpclab.bench.ImportBench gen "$out" "$vpcs"
echo "$out: $vpcs VPCs, aws/ $(du -sh "$out/aws" | cut -f1), terraform/state.json $(du -h "$out/terraform/state.json" | cut -f1)"
