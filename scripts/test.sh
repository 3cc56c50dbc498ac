#!/usr/bin/env bash
# Runs the whole SharpClaw test suite on a fresh machine (needs only the .NET SDK, node/npm and apt).
# Installs what the tests need (OpenClaw's npm client libraries, a node 22 runtime from npm), builds, runs
# every test project and ends with one plain line: "N passed, N failed". Exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

if [ -x scripts/install-test-deps.sh ]; then
  echo "== installing test dependencies"
  if ! scripts/install-test-deps.sh; then
    echo "test dependencies could not be installed (see above)"
    echo "0 passed, 1 failed"
    exit 1
  fi
fi

echo "== building the Control UI"
if ! scripts/build-ui.sh; then
  echo "Control UI build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

echo "== building"
if ! dotnet build SharpClaw.slnx -c Debug -nologo -v q; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

echo "== testing"
log=$(mktemp)
dotnet test --solution SharpClaw.slnx --no-build -c Debug 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Microsoft.Testing.Platform prints "total: / failed: / succeeded: / skipped:" per run summary.
passed=$(grep -E '^\s+succeeded:\s+[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -E '^\s+failed:\s+[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -E '^\s+skipped:\s+[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then
  echo "no tests ran"
  failed=1
fi
echo "(${skipped} skipped)"
echo "${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
