#!/usr/bin/env bash
# Times `vpclab import aws` and `vpclab import terraform` of the generated large account
# (gen-import.sh) side by side with the seed run, as whole processes started through ./vpclab:
# per size, RUNS rounds of seed, import aws, import terraform (after one warm-up round), then
# each command's median wall time and its ratio to the seed run of the same round (median, range).
#   src/test/bench/import-bench.sh [RUNS] [VPCS...]      (default 5 rounds; 15 30 60 120 VPCs)
set -euo pipefail
cd "$(dirname "$0")/../../.."
vpclab=${VPCLAB:-./vpclab}   # another build's launcher, to compare
runs=${1:-5}
shift || true
sizes=${*:-15 30 60 120}
mvn -q -o test-compile
./vpclab run scenarios/seed.vpc >/dev/null 2>&1 || true   # builds the class-data archive
ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
  e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
ratios() { awk '{r=$2/$1; printf "%.2f\n", r}'; }
echo "date $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores, runs $runs"
printf '%-6s %-10s %10s %10s %22s\n' VPCS what median_ms seed_ms 'ratio median (range)'
for n in $sizes; do
  d=target/bench/import-$n
  [ -f "$d/terraform/state.json" ] || src/test/bench/gen-import.sh "$d" "$n" >/dev/null
  aws=("$d"/aws/*.json)
  : >"$d/times"
  for r in $(seq 0 "$runs"); do
    s=$(ms ./vpclab run scenarios/seed.vpc || true)
    a=$(ms "$vpclab" import aws "${aws[@]}" --out "$d/aws.vpc")
    t=NA   # a state over the build's input limit is refused, not timed (16 MiB before 128)
    [ "$(stat -c %s "$d/terraform/state.json")" -gt "${IMPORT_LIMIT:-134217728}" ] ||
      t=$(ms "$vpclab" import terraform "$d/terraform/state.json" --out "$d/terraform.vpc")
    [ "$r" -gt 0 ] && echo "$s $a $t" >>"$d/times"
  done
  seed=$(cut -d' ' -f1 "$d/times" | median)
  for col in 2 3; do
    what=$([ $col = 2 ] && echo aws || echo terraform)
    if grep -q NA "$d/times" && [ $col = 3 ]; then
      printf '%-6s %-10s %s\n' "$n" "$what" "state over the input limit: not read"; continue
    fi
    med=$(cut -d' ' -f$col "$d/times" | median)
    rs=$(awk -v c=$col '{print $1, $c}' "$d/times" | ratios | sort -n)
    printf '%-6s %-10s %10s %10s %10s (%s to %s)\n' "$n" "$what" "$med" "$seed" \
      "$(echo "$rs" | median)" "$(echo "$rs" | head -1)" "$(echo "$rs" | tail -1)"
  done
done
