#!/bin/sh
# install-browser.sh installs what the wasm widgets' browser tests and the demo
# portal need: Debian chromium (headless browser driven by the Go tests) and,
# from npm, axe-core (accessibility audit) and @gouvfr/dsfr (the official
# styles and Marianne font of French public services). npm packages go to
# wasm/node_modules, which is ignored by git and never committed.
#
# Idempotent and fast when everything is already installed.
# Usage: scripts/install-browser.sh   (run from anywhere; root or sudo for apt)
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)

have_chromium() {
	command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1
}

if ! have_chromium; then
	sudo=""
	if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
	echo "install-browser: installation de chromium (apt-get)…"
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
fi

dir="$root/wasm/node_modules"
if [ ! -f "$dir/axe-core/axe.min.js" ] || [ ! -f "$dir/@gouvfr/dsfr/dist/dsfr.min.css" ]; then
	if ! command -v npm >/dev/null 2>&1; then
		echo "install-browser: npm est requis (paquet Debian npm ou Node.js)" >&2
		exit 2
	fi
	echo "install-browser: installation de axe-core et @gouvfr/dsfr (npm)…"
	# --prefix keeps node_modules under wasm/; --no-save writes no package.json.
	npm install --silent --ignore-scripts --no-audit --no-fund --no-save --no-package-lock \
		--prefix "$root/wasm" axe-core@4 @gouvfr/dsfr@1 >/dev/null
fi

echo "install-browser: chromium $(chromium --version 2>/dev/null | awk '{print $2}'), axe-core et @gouvfr/dsfr prêts dans wasm/node_modules"
