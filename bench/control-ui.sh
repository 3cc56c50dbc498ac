#!/usr/bin/env bash
# Control UI budget bench: builds the UI, then loads it cold in headless Chromium against a real gateway
# (SHARPCLAW_UI_BENCH_RUNS loads, default 20) and reads Chromium's performance timeline: the app's
# "sharpclaw:first-render" mark, first-contentful-paint and DOMContentLoaded. Prints the figures and exits
# non-zero when initial JS+CSS exceeds 150 KB gzip or the median first render exceeds 500 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build-ui.sh >/dev/null
scripts/install-test-deps.sh >/dev/null
dotnet build tests/SharpClaw.Gateway.Tests -c Release -nologo -v q >/dev/null
SHARPCLAW_UI_BENCH_RUNS=${SHARPCLAW_UI_BENCH_RUNS:-20} dotnet test --project tests/SharpClaw.Gateway.Tests -c Release --no-build \
  -- --filter-method "*InitialLoad_IsWithinTheSizeBudget_AndRendersFast" >/dev/null
report=artifacts/bench/control-ui.json
cat "$report"
python3 - "$report" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(f"| initial JS+CSS (gzip) | {r['initialGzipBytes']/1024:.1f} KB (budget {r['gzipBudgetBytes']/1024:.0f} KB; raw {r['initialRawBytes']/1024:.1f} KB) |")
print(f"| first render, median of {r['runs']} cold loads | {r['firstRenderMsMedian']:.0f} ms (max {r['firstRenderMsMax']:.0f}; budget {r['firstRenderBudgetMs']} ms) |")
print(f"| first contentful paint, median | {r['firstContentfulPaintMsMedian']:.0f} ms |")
print(f"| DOMContentLoaded, median | {r['domContentLoadedMsMedian']:.0f} ms |")
ok = r['initialGzipBytes'] <= r['gzipBudgetBytes'] and r['firstRenderMsMedian'] <= r['firstRenderBudgetMs']
sys.exit(0 if ok else 1)
PY
