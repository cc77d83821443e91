#!/usr/bin/env bash
# Browser tests of the counter terminal UI: installs what is missing (scripts/ui-deps:
# Chromium, Node.js, playwright-core) and runs the given test files (default: all *.test.mjs
# here) against the given rxdesk binary.
#   tests/e2e/ui/run.sh path/to/rxdesk [ui.test.mjs queue.test.mjs ...]
# Screenshots go to tests/artifacts/screenshots/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
bin="${1:-${RXDESK_BIN:-}}"
[ -n "$bin" ] || { echo "usage: $0 path/to/rxdesk [test files] (or RXDESK_BIN)" >&2; exit 2; }
shift || true
export RXDESK_BIN="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"
"$repo/scripts/ui-deps"
cd "$here"
if [ "$#" -eq 0 ]; then set -- *.test.mjs; fi
# One file at a time: each starts its own rxdesk and Chromium, and the machine is small.
exec node --test --test-concurrency=1 --test-reporter=spec "$@"
