#!/usr/bin/env bash
# Builds SharpClaw in Release and runs the benchmarks (JIT). With --aot also publishes the Native-AOT
# `sharpclaw` (needs clang and zlib1g-dev; installed with apt when missing) and benchmarks that binary.
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/results
mkdir -p "$out"
dotnet build src/SharpClaw.Cli -c Release -nologo -v q
dotnet build bench/SharpClaw.Bench -c Release -nologo -v q
jit=artifacts/bin/SharpClaw.Cli/release/sharpclaw.dll
bench=artifacts/bin/SharpClaw.Bench/release/SharpClaw.Bench.dll
echo "## JIT"
dotnet "$bench" "$jit" "$@" | tee "$out/jit.md"
dotnet publish src/SharpClaw.Cli -c Release -r linux-x64 -p:PublishReadyToRun=true -o artifacts/sharpclaw -nologo -v q
echo "## ReadyToRun (the README's run command)"
dotnet "$bench" artifacts/sharpclaw/sharpclaw "$@" | tee "$out/r2r.md"
if [[ " $* " == *" --aot "* ]]; then
  command -v clang >/dev/null || { apt-get update -qq && apt-get install -y -qq clang zlib1g-dev; }
  dotnet publish src/SharpClaw.Cli -c Release -r linux-x64 -p:PublishAot=true -o artifacts/aot 2>&1 | tee "$out/aot-publish.log" | grep -E "warning IL|error" | sed 's/ \[.*//' | sort | uniq -c | sort -rn | head -20 || true
  echo "## Native AOT"
  dotnet "$bench" artifacts/aot/sharpclaw "$@" | tee "$out/aot.md"
fi
