#!/bin/sh
# Installs the official French administrative division data (npm package
# @etalab/decoupage-administratif) into an ignored directory, for the
# generator internal/gen/territory. Nothing installed here is committed.
#
#   scripts/install-territory-data.sh [DIR]   (default: internal/gen/territory/node_modules)
#
# The version is pinned: bump it here and re-run `go generate ./offer/...`.
set -eu
VERSION="${DECOUPAGE_VERSION:-6.0.0}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIR="${1:-$ROOT/internal/gen/territory}"
mkdir -p "$DIR"
cd "$DIR"
if [ -f "node_modules/@etalab/decoupage-administratif/package.json" ] &&
	grep -q "\"version\": \"$VERSION\"" node_modules/@etalab/decoupage-administratif/package.json; then
	echo "@etalab/decoupage-administratif@$VERSION déjà installé dans $DIR/node_modules"
	exit 0
fi
npm install --no-save --no-package-lock --ignore-scripts --no-audit --no-fund \
	"@etalab/decoupage-administratif@$VERSION" >&2
echo "@etalab/decoupage-administratif@$VERSION installé dans $DIR/node_modules"
