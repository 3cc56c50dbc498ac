#!/usr/bin/env bash
# The README's run command: installs the gateway's optional system package (poppler-utils, for rendering scanned
# PDFs sent to /v1/responses) when apt can, builds the Control UI, publishes a ReadyToRun `sharpclaw` into
# artifacts/sharpclaw and starts the gateway. Extra arguments go to `sharpclaw gateway` (e.g. --port 18790).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v pdftoppm >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing Debian's poppler-utils (pdftoppm) so /v1/responses can render scanned PDFs"
    export DEBIAN_FRONTEND=noninteractive
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends poppler-utils >/dev/null; } \
      || echo "poppler-utils could not be installed; scanned PDFs will be passed as text only"
  else
    echo "note: pdftoppm not found (apt-get install poppler-utils); scanned PDFs will be passed as text only"
  fi
fi

scripts/build-ui.sh
dotnet publish src/SharpClaw.Cli -c Release -r linux-x64 -p:PublishReadyToRun=true -o artifacts/sharpclaw -nologo -v q
exec artifacts/sharpclaw/sharpclaw gateway "$@"
