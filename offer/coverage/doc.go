// Package coverage sets the needs of the people of a territory against the
// offer eligible there (Aude: « analyse quantitative des besoins des publics
// et de l'offre existante »).
//
// Needs are read from a stream of socle commun diagnostics: a frein rated
// moyen or fort is a need in its SPIE thématique, a besoin of the
// professional project marked BESOIN is a need in the thématique of that
// besoin (emploi-formation or creation-entreprise). Each diagnostic counts
// once per thématique, in the commune where the person lives.
//
// The offer is a catalogue of services (package offer): a service answers a
// need when one of its data·inclusion thématiques maps to the SPIE thématique
// and it is eligible in the commune. Cells (territory × thématique) are
// compared at the level of the commune, the EPCI or the département, and
// ranked: uncovered first (no eligible service), then thinly covered (too
// many people in need per service), the gaps a territory should fill.
//
// [Analyse] streams the diagnostics in memory bounded by the number of
// communes and thématiques, whatever the length of the stream. Counts of
// people are published under the statistical secret of package secret
// (threshold 5 by default): a cell whose people are secret is not published
// nor ranked, and a cell's breakdown by impact (fort, moyen, the rest) is
// protected against its total.
package coverage
