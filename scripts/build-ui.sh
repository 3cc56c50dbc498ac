#!/usr/bin/env bash
# Builds the Control UI (ui/ -> ui/dist) with the lockfile's exact versions. The gateway build then copies
# ui/dist into its output as control-ui/. Skips `npm ci` when node_modules is newer than the lockfile.
set -euo pipefail
cd "$(dirname "$0")/../ui"
if ! command -v npm >/dev/null 2>&1; then
  echo "npm is required to build the Control UI (ui/); install node and npm" >&2
  exit 1
fi
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
npm run build --silent

