#!/usr/bin/env bash
# Fuzzes the client frame path (fuzz/Rekindle.Fuzz/Target/FrameTarget.cs) with afl++ and SharpFuzz.
#   fuzz/run.sh [EXECS] [SECONDS]   afl-fuzz until EXECS executions (default 1,000,000) or SECONDS
#                                   (default 3600); prints executions, exec/s, crashes and hangs;
#                                   exits 1 if afl found a crash or a hang.
#   fuzz/run.sh --replay DIR...     runs the target once on every file of the folders, without afl.
# Installs afl++ (Debian) and the SharpFuzz tool (fuzz/dotnet-tools.json) when missing; builds
# Release into fuzz/out/bin (FUZZ_OUT moves fuzz/out) and instruments Rekindle.dll there. Findings:
# fuzz/out/findings. Seeds: fuzz/corpus, or FUZZ_SEEDS (e.g. the queue of an earlier run, to go on).
set -euo pipefail
cd "$(dirname "$0")"
out=${FUZZ_OUT:-out}

build() {
  rm -rf "$1"
  dotnet publish Rekindle.Fuzz -c Release -o "$1" -nologo -v:quiet
}

if [ "${1:-}" = "--replay" ]; then
  shift
  build "$out/replay"
  exec dotnet "$out/replay/Rekindle.Fuzz.dll" --replay "$@"
fi

execs=${1:-1000000}
seconds=${2:-3600}

if ! command -v afl-fuzz >/dev/null 2>&1; then
  as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
  echo "== installing afl++ (Debian package)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++ >/dev/null
fi

echo "== build and instrument"
bin=$out/bin
build "$bin"
dotnet tool restore >/dev/null
dotnet tool run sharpfuzz "$bin/Rekindle.dll"

echo "== afl-fuzz: until $execs executions or $seconds s"
findings=$out/findings
rm -rf "$findings"
# The target is a managed program started by dotnet (no afl instrumentation in the binary), on a
# shared machine (no core pinning), with a core_pattern afl cannot see through.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1
started=$(date +%s)
afl-fuzz -i "${FUZZ_SEEDS:-corpus}" -o "$findings" -x frames.dict -t 30000 -m none -E "$execs" -V "$seconds" -- dotnet "$bin/Rekindle.Fuzz.dll" >"$out/afl.log" 2>&1 || {
  echo "afl-fuzz failed; the end of $out/afl.log:"
  tail -20 "$out/afl.log"
  exit 1
}

elapsed=$(( $(date +%s) - started ))
stats=$findings/default/fuzzer_stats
stat() { sed -n "s/^$1 *: *//p" "$stats"; }
crashes=$(stat saved_crashes)
hangs=$(stat saved_hangs)
done=$(stat execs_done)
echo "executions: $done in $elapsed s ($(( done / (elapsed > 0 ? elapsed : 1) )) exec/s), corpus: $(stat corpus_count) inputs, crashes: $crashes, hangs: $hangs"
if [ "$crashes" != 0 ] || [ "$hangs" != 0 ]; then
  echo "findings in $findings/default/crashes and hangs: replay them with fuzz/run.sh --replay <folder>, fix, and add each to fuzz/regressions/"
  exit 1
fi
