#!/usr/bin/env bash
# Browser tests of the counter terminal UI: installs what is missing (scripts/ui-deps:
# Chromium, Node.js, playwright-core) and runs ui.test.mjs against the given rxdesk binary.
#   tests/e2e/ui/run.sh path/to/rxdesk
# Screenshots go to tests/artifacts/screenshots/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
bin="${1:-${RXDESK_BIN:-}}"
[ -n "$bin" ] || { echo "usage: $0 path/to/rxdesk (or RXDESK_BIN)" >&2; exit 2; }
export RXDESK_BIN="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"
"$repo/scripts/ui-deps"
cd "$here"
exec node --test --test-reporter=spec ui.test.mjs
