#!/usr/bin/env bash
# npm test's static checks: the type check (single-threaded, about as long as the other two
# together) runs beside eslint and the layering check, so on two cores they overlap. Each prints
# as it goes; the script fails when any of them fails. Run by `npm test`.
set -uo pipefail
cd "$(dirname "$0")/.."
PATH="$PWD/node_modules/.bin:$PATH"
tsc --noEmit --incremental -p . &
types=$!
npm run -s lint && npm run -s deps
rest=$?
wait "$types"
typed=$?
exit $((typed != 0 || rest != 0))
