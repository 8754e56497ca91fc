// Package territory answers the questions zone matching asks about French
// territories: the département and the EPCI of a commune, whether a
// département, an EPCI or a commune code exists. Its table is generated from
// the official open data (@etalab/decoupage-administratif) by
// internal/gen/territory and embedded, gzip'd, in communes.tsv.gz.
package territory

//go:generate sh ../../scripts/install-territory-data.sh
//go:generate go run ../../internal/gen/territory -out communes.tsv.gz
