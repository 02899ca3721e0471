#!/usr/bin/env bash
# Writes the hub-and-spoke benchmark scenario (docs/performance.md, "Pricing designs of several
# VPCs"): a hub VPC with 8 shared interface endpoints in 3 AZs, SPOKES spoke VPCs of 3 AZs with
# 5 spread groups each, all on one transit gateway, traffic * -> each service and east-west lines.
#   src/test/bench/gen-hub-spoke.sh [OUT] [SPOKES]      (default target/bench/hub-spoke.vpc, 100)
set -euo pipefail
cd "$(dirname "$0")/../../.."
out=${1:-target/bench/hub-spoke.vpc}
spokes=${2:-100}
mvn -q -o test-compile
mkdir -p "$(dirname "$out")"
antlr=$(ls "$HOME"/.m2/repository/org/antlr/antlr4-runtime/4.13.2/antlr4-runtime-4.13.2.jar)
java -cp "target/classes:target/test-classes:$antlr" dev.vpclab.bench.HubSpokeBench gen "$out" \
  "$spokes"
echo "$out: $(wc -l <"$out") lines, $spokes spokes"
