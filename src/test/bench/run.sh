#!/usr/bin/env bash
# vpclab benchmarks (issue 7): builds, makes the inputs under target/bench, runs each benchmark
# and prints a table. Figures and how to read them: docs/performance.md.
#   src/test/bench/run.sh            everything
#   FILES=2000 src/test/bench/run.sh fewer files for the throughput benchmark
# Needs: java 17, mvn, python3 (its pty module: Linux or macOS); hyperfine and /usr/bin/time when present (apt-get install
# hyperfine time), else a timing loop and no memory figure.
set -euo pipefail
cd "$(dirname "$0")/../../.."
root=$(pwd)
bench=target/bench
files=${FILES:-10000}
runs=${RUNS:-10}
# the launcher's JVM flags (see ./vpclab)
jvm="-Djava.awt.headless=true -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss4m"

echo "building..." >&2
mvn -q -B -DskipTests package >/dev/null
mvn -q -B test-compile >/dev/null
mkdir -p "$bench"
mvn -q -B dependency:build-classpath -Dmdep.outputFile="$bench/cp.txt" -Dmdep.includeScope=test \
  >/dev/null
cp="target/classes:target/test-classes:$(cat "$bench/cp.txt")"
./vpclab --version >/dev/null # makes the class-data archive

# hello world, started like vpclab: same flags, its own class-data archive from a training run
if [ ! -f "$bench/hello.jar" ]; then
  mkdir -p "$bench/hello"
  cat >"$bench/hello/Hello.java" <<'JAVA'
public class Hello {
  public static void main(String[] args) {
    System.out.println("hello");
  }
}
JAVA
  javac -d "$bench/hello" "$bench/hello/Hello.java"
  printf 'Main-Class: Hello\n' >"$bench/hello/manifest.txt"
  jar cfm "$bench/hello.jar" "$bench/hello/manifest.txt" -C "$bench/hello" Hello.class
  java $jvm -XX:ArchiveClassesAtExit="$bench/hello.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
    -jar "$bench/hello.jar" >/dev/null 2>&1 || true
fi
hello="java $jvm -XX:SharedArchiveFile=$bench/hello.jsa -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off -jar $bench/hello.jar"

echo "making inputs..." >&2
if [ ! -d "$bench/files" ] || [ "$(ls "$bench/files" | wc -l)" -ne "$files" ]; then
  rm -rf "$bench/files"
  java -cp "$cp" dev.vpclab.bench.Bench gen-files "$bench/files" "$files" >&2
fi
[ -f "$bench/scale.vpc" ] || java -cp "$cp" dev.vpclab.bench.Bench gen-scale "$bench/scale.vpc"
[ -f "$bench/hub-spoke.vpc" ] || java -cp "$cp" dev.vpclab.bench.HubSpokeBench gen "$bench/hub-spoke.vpc" 100
[ -f "$bench/big.vpc" ] || java -cp "$cp" dev.vpclab.bench.Bench gen-big "$bench/big.vpc" 12

# median wall time in seconds of a command (a shell string), $runs runs after one warm-up
median() {
  if command -v hyperfine >/dev/null 2>&1; then
    hyperfine -N --warmup 1 --runs "$runs" --export-json "$bench/h.json" "$1" >/dev/null 2>&1 \
      || hyperfine --warmup 1 --runs "$runs" --export-json "$bench/h.json" "$1" >/dev/null
    python3 -c 'import json,sys; print("%.4f" % json.load(open(sys.argv[1]))["results"][0]["median"])' \
      "$bench/h.json"
  else
    python3 - "$1" "$runs" <<'PY'
import subprocess, sys, time
cmd, n = sys.argv[1], int(sys.argv[2])
subprocess.run(cmd, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
ts = []
for _ in range(n):
    t = time.perf_counter()
    subprocess.run(cmd, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ts.append(time.perf_counter() - t)
ts.sort()
print("%.4f" % ts[len(ts) // 2])
PY
  fi
}

# peak memory (max RSS, MB) of one run of a command
rss() {
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f %M -o "$bench/rss.txt" sh -c "$1" >/dev/null 2>&1 || true
    echo $(( $(tail -n 1 "$bench/rss.txt") / 1024 ))
  else
    echo "?"
  fi
}

rows=()
row() { rows+=("$(printf '| %-58s | %-34s | %-10s |' "$1" "$2" "$3")"); }

echo "cold start..." >&2
t_seed=$(median "./vpclab run scenarios/seed.vpc")
t_hello=$(median "$hello")
ratio=$(python3 -c "print('%.1f' % ($t_seed / $t_hello))")
row "cold start: ./vpclab run scenarios/seed.vpc (median of $runs)" \
  "$(python3 -c "print('%.0f ms' % ($t_seed * 1000))") = ${ratio}x hello" \
  "$(rss "./vpclab run scenarios/seed.vpc") MB"
row "cold start: hello-world jar, same JVM flags (median of $runs)" \
  "$(python3 -c "print('%.0f ms' % ($t_hello * 1000))")" "$(rss "$hello") MB"

echo "REPL start..." >&2
# the REPL on a pseudo-terminal to its first prompt, beside the seed run (A B A B ...)
repl=$(python3 src/test/bench/repl-prompt.py -n "$runs" --vs "./vpclab run scenarios/seed.vpc")
row "REPL: first prompt on a pseudo-terminal (median of $runs)" \
  "$(echo "$repl" | sed -nE 's/^REPL, first prompt: +([0-9.]+) .*/\1 ms/p') = $(echo "$repl" | sed -nE 's/^first prompt \/ batch, pair by pair: ([0-9.]+) .*/\1/p')x the seed run" \
  "-"

echo "kernel start..." >&2
# the Jupyter kernel on a connection file to its kernel_info reply, beside the seed run
kernel=$(/usr/bin/python3 src/test/bench/kernel-info.py -n "$runs" --vs "./vpclab run scenarios/seed.vpc")
row "kernel: kernel_info reply (median of $runs)" \
  "$(echo "$kernel" | sed -nE 's/^kernel, kernel_info reply: +([0-9.]+) .*/\1 ms/p') = $(echo "$kernel" | sed -nE 's/^kernel_info reply \/ batch, pair by pair: ([0-9.]+) .*/\1/p')x the seed run" \
  "-"

echo "throughput..." >&2
start=$(python3 -c 'import time; print(time.time())')
status=0
./vpclab check "$bench"/files/*.vpc >"$bench/check.out" 2>&1 || status=$?
t=$(python3 -c "import time; print(time.time() - $start)")
row "throughput: one 'vpclab check' of $files files (status $status)" \
  "$(python3 -c "print('%.0f files/s (%.1f s)' % ($files / $t, $t))")" \
  "$(rss "./vpclab check $bench/files/*.vpc") MB"

echo "scale..." >&2
runs_saved=$runs
runs=5
t_scale=$(median "./vpclab run $bench/scale.vpc")
runs=$runs_saved
row "scale: ./vpclab run scale.vpc (10,000 instances; median of 5)" \
  "$(python3 -c "print('%.2f s' % $t_scale)")" "$(rss "./vpclab run $bench/scale.vpc") MB"
inproc=$(java -Xss4m -cp "$cp" dev.vpclab.bench.Bench run "$bench/scale.vpc" 10)
row "scale: in process after warm-up (median of 10)" \
  "$(echo "$inproc" | sed -E 's/.*median ([0-9]+ ms).*/\1/')" "-"

echo "hub and spoke..." >&2
# side by side with the seed run: the two commands alternate, so both see the same machine
t_hub=$(median "./vpclab run $bench/hub-spoke.vpc")
t_seed2=$(median "./vpclab run scenarios/seed.vpc")
row "hub and spoke: ./vpclab run hub-spoke.vpc (101 VPCs; median of $runs)" \
  "$(python3 -c "print('%.0f ms = %.1fx the seed run (%.0f ms)' % ($t_hub * 1000, $t_hub / $t_seed2, $t_seed2 * 1000))")" \
  "$(rss "./vpclab run $bench/hub-spoke.vpc") MB"

echo "parse..." >&2
p=$(java -Xss4m -Xmx2g -cp "$cp" dev.vpclab.bench.Bench parse "$bench/big.vpc")
echo "$p" >&2
row "parse: SourceParser.parse of big.vpc ($(python3 -c "import os; print('%.1f' % (os.path.getsize('$bench/big.vpc') / 2**20))") MB), in process" \
  "$(echo "$p" | sed -E 's/.*median [0-9]+ ms = ([0-9.]+ MB\/s);.*/\1/')" "-"
row "parse: whole run of big.vpc, in process" \
  "$(echo "$p" | sed -E 's/.*whole run.* = ([0-9.]+ MB\/s).*/\1/')" "-"
row "parse: ./vpclab run big.vpc, whole process (1 run)" \
  "$(python3 -c "
import subprocess, time
t = time.time(); subprocess.run(['./vpclab', 'run', '$bench/big.vpc'], stdout=subprocess.DEVNULL)
print('%.1f s' % (time.time() - t))")" "$(rss "./vpclab run $bench/big.vpc") MB"

echo
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -n 1)"
printf '| %-58s | %-34s | %-10s |\n' "benchmark" "figure" "peak RSS"
printf '|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..60})" "$(printf -- '-%.0s' {1..36})" \
  "$(printf -- '-%.0s' {1..12})"
printf '%s\n' "${rows[@]}"
