#!/bin/sh
# test.sh runs every test of socle: it installs what the browser tests need
# (Debian chromium, axe-core and the DSFR styles from npm) when missing, then
# runs the whole Go test suite, browser tests included, and the seed corpora
# of the fuzz targets (they are ordinary test cases of go test).
# Usage: scripts/test.sh [go test flags]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
sh scripts/install-browser.sh
export SPIE_BROWSER_TESTS=1
go test -count=1 -timeout 15m "$@" ./...
# the widgets' modules are built without the table of communes
# (wasm.CommunesTag): the library and the widgets with the table handed
# over at run time
go test -count=1 -tags spie_communes_external "$@" ./spie/territory/ ./wasm/widget/
# the tests that validate, normalise, search and deduplicate from many
# goroutines at once (named …Concurrent…) share pools and caches: without
# the race detector they can only fail by a panic
go test -count=1 -race -run 'Concurren' "$@" ./schemas/ ./offer/ ./carnet/... ./spie/... ./diagnostic/...
