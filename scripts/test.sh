#!/usr/bin/env bash
# `npm test`: the type check, the formatter's check, eslint with the layering check, and the fast
# tier of jest, run side by side (on two cores they pack into about half their summed CPU time). Each prints as it goes;
# the script fails when any of them fails. Jest strips types with esbuild, so it does not wait for tsc.
set -uo pipefail
cd "$(dirname "$0")/.."
PATH="$PWD/node_modules/.bin:$PATH"
tsc --noEmit --incremental -p . &
types=$!
# The formatter (biome.json) first: it prints what it would change, and fails.
(biome format --max-diagnostics=20 . || { echo 'npm test: files are not formatted (npm run format)' >&2; exit 1; }
 npm run -s lint && npm run -s deps) &
style=$!
STX_TEST_TIER=fast jest "$@"
tests=$?
wait "$types"
typed=$?
wait "$style"
styled=$?
[ "$typed" -ne 0 ] && echo "npm test: the type check failed (tsc, above)" >&2
[ "$styled" -ne 0 ] && echo "npm test: the formatter, eslint or the layering check failed (above)" >&2
exit $((typed != 0 || styled != 0 || tests != 0))
