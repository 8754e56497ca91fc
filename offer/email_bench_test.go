package offer_test

import (
	"testing"

	"github.com/spie-fr/socle/offer"
)

// BenchmarkNormalizeEmail: addresses as structures write them, in ASCII
// (the byte path) and beyond (display names, local parts and domains
// judged with the generated tables).
func BenchmarkNormalizeEmail(b *testing.B) {
	for _, bc := range []struct{ name, v string }{
		{"ASCII", "accueil@centre-social-chateau-thierry.exemple.fr"},
		{"ASCIINom", "Accueil du centre <accueil@centre-social.exemple.fr>"},
		{"Accents", "élodie.lefèvre@mairie-évry.fr"},
		{"NomAccentué", "Élodie Lefèvre <elodie.lefevre@exemple.fr>"},
		{"Refus", "accueil@exemple.test"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				offer.NormalizeEmail(bc.v)
			}
		})
	}
}
