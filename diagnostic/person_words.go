package diagnostic

import "github.com/spie-fr/socle/spie"

// PersonImpacts are the answers a person gives about one thématique, in
// plain words, when they fill their own view (PersonView.Impact) — « la
// personne est la première à savoir identifier ses besoins » (issue 15,
// item 5). Each key is the Impacts key it records; "non-aborde" is left out:
// a person who does not answer leaves the impact empty.
var PersonImpacts = spie.Definitions{
	{Key: "sans-impact", Label: spie.Label{FR: "Non, cela ne me gêne pas pour trouver un emploi", EN: "No, it does not get in the way of finding a job"}, Source: sourceSocle},
	{Key: "moyen", Label: spie.Label{FR: "Oui, cela me gêne un peu", EN: "Yes, it gets in the way a little"}, Source: sourceSocle},
	{Key: "fort", Label: spie.Label{FR: "Oui, cela m'empêche de chercher un emploi pour l'instant", EN: "Yes, it stops me looking for a job for now"}, Source: sourceSocle},
}
