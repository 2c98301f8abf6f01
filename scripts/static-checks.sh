#!/usr/bin/env bash
# npm test's static checks: the type check (single-threaded, about as long as the other two
# together) runs beside eslint and the layering check, so on two cores they overlap. Each prints
# as it goes; the script fails when any of them fails. Run by `npm test` (node_modules/.bin on PATH).
set -uo pipefail
cd "$(dirname "$0")/.."
tsc --noEmit --incremental -p . &
types=$!
npm run -s lint && npm run -s deps
rest=$?
wait "$types"
typed=$?
exit $((typed != 0 || rest != 0))
