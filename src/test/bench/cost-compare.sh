#!/usr/bin/env bash
# CostBench on this tree and on an older commit, side by side (docs/performance.md, "Pricing at
# scale"). The older tree is exported with git archive into target/bench/cost-REF and compiled
# there; the benchmark class of this tree runs against both (it uses only the public API).
#   src/test/bench/cost-compare.sh REF [ROUNDS] [OLD_ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/../../.."
ref=${1:?usage: cost-compare.sh REF [ROUNDS] [OLD_ROUNDS]}
rounds=${2:-15}
old_rounds=${3:-3}
old=target/bench/cost-$(git rev-parse --short "$ref")
mvn -q -o test-compile
if [ ! -d "$old/target/classes" ]; then
  rm -rf "$old" && mkdir -p "$old"
  git archive "$ref" | tar -x -C "$old"
  (cd "$old" && mvn -q -o compile)
fi
antlr=$(ls "$HOME"/.m2/repository/org/antlr/antlr4-runtime/4.13.2/antlr4-runtime-4.13.2.jar)
new_cp="target/classes:target/test-classes:$antlr"
old_cp="$old/target/classes:target/test-classes:$antlr"
for size in "2000 200" "4000 400"; do
  echo "== $size, this tree"
  java -cp "$new_cp" dev.vpclab.bench.CostBench $size "$rounds"
  echo "== $size, $ref"
  # the older build's 400-step sweep takes minutes at the larger size: cost alone there
  java -cp "$old_cp" dev.vpclab.bench.CostBench $size "$old_rounds" \
    $([ "${size%% *}" = 2000 ] || echo cost)
done
