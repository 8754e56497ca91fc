package frtext

import (
	"strings"
	"unicode"
)

// FrenchWords are frequent French words that are not English words (nor
// parts of one, matching whole words only): each found in an English text
// is a fault. Words that are English too are left out on purpose ("plus",
// "date", "action", "structure", "contact", "public", "type", "formation",
// "secret", "son", "non" as in "non-binary", "commune" for a French municipality). Together with the rule on diacritics (any word
// holding é, è, à, ç, ê, ô, î, û, ù, ë, ï, œ… is French), they catch a
// French label, sentence or message left in an English rendering.
var FrenchWords = []string{
	"d", "l", "j", "au", "aux", "aucun", "aucune", "avec", "avoir", "ce", "ces", "cette", "chez", "dans", "des",
	"donc", "du", "elle", "elles", "est", "et", "etre", "faire", "il", "ils", "la", "le", "les",
	"leur", "leurs", "mais", "moins", "ne", "nous", "ou", "par", "pas", "peut", "pour", "qu",
	"que", "qui", "sa", "sans", "ses", "sont", "sur", "un", "une", "vos", "votre", "vous",
	"oui", "selon", "entre", "depuis", "jusqu", "aussi", "tous", "tout", "toute", "toutes",
	"personne", "demande", "besoin", "besoins", "frein", "freins", "emploi", "logement",
	"thematique", "parcours", "rendez", "attente", "envoye", "portail", "ajouter",
	"enregistrer", "valider", "suivant", "precedent", "retour", "etape", "rechercher", "resultats",
	"niveau", "diplome", "competences", "objectifs", "commentaire", "nom",
	"prenom", "chiffres", "facultatif", "obligatoire", "choisir", "renseigne", "erreur", "erreurs",
	"corriger", "refuse", "refusee", "donnees", "indicateurs", "periode", "groupe", "valeur",
	"vers", "orienter", "envoyer", "proposer", "retirer", "imprimer", "transmis", "transmise", "prete",
	"fiche", "motif", "rayon", "inconnu", "inconnue", "choisi", "choisie",
}

// FrenchTermsOfArt are French names allowed in an English text: bodies,
// programmes, benefits and identifiers are written in French whatever the
// language (RSA, France Travail, Mission locale, CEJ…), and so is the carnet
// de bord, a term of the law (loi n° 2023-1196 pour le plein emploi), and
// the name of the Service public de l'insertion et de l'emploi (the same
// law, art. 1), which an English text names and then explains.
var FrenchTermsOfArt = []string{
	"Service public de l'insertion et de l'emploi", "France Travail", "Mission locale", "Mission Locale", "Missions locales", "Cap emploi", "carnet de bord", "carnets de bord",
	"RSA", "CEJ", "PACEA", "CAF", "QPV", "PMSMP", "SIAE", "SPIE", "ROME", "INSEE", "SIRET", "NIR", "IAE", "AAH", "ASS",
	"data·inclusion", "data.inclusion", "Baccalauréat", "baccalauréat", "Département", "département", "Saint-Quentin",
}

var french = func() map[string]bool {
	m := make(map[string]bool, len(FrenchWords))
	for _, w := range FrenchWords {
		m[w] = true
	}
	return m
}()

// The elided articles and pronouns (d', l', j', qu') count as words.

// French returns the French words (lower-case, sorted, without repeats)
// of the English text en, nil when en reads as English. It removes first
// the quoted parts, the allowed strings (the terms of art of
// FrenchTermsOfArt and allowed, for example the names of people and places
// and the free text of the data shown), fault codes and paths; a word is
// French when it is one of FrenchWords (compared without accents) or holds
// a French diacritic.
func French(en string, allowed ...string) []string {
	text := stripQuoted(en)
	for _, list := range [][]string{allowed, FrenchTermsOfArt} {
		for _, term := range longestFirst(list) {
			if term != "" {
				text = strings.ReplaceAll(text, term, " ")
			}
		}
	}
	text = stripNames(text)
	found := map[string]bool{}
	for _, w := range strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r)
	}) {
		w = strings.ToLower(w)
		if hasFrenchDiacritic(w) || french[unaccent(w)] {
			found[w] = true
		}
	}
	return sorted(found)
}

// longestFirst orders terms so that a longer term is removed before a
// shorter one it holds ("Missions locales" before "Mission locale").
func longestFirst(terms []string) []string {
	out := append([]string(nil), terms...)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && len(out[j]) > len(out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

const frenchDiacritics = "àâäçéèêëîïôöùûüÿœæ"

func hasFrenchDiacritic(w string) bool { return strings.ContainsAny(w, frenchDiacritics) }

var unaccenter = strings.NewReplacer("à", "a", "â", "a", "ä", "a", "ç", "c", "é", "e", "è", "e", "ê", "e", "ë", "e",
	"î", "i", "ï", "i", "ô", "o", "ö", "o", "ù", "u", "û", "u", "ü", "u", "ÿ", "y", "œ", "oe", "æ", "ae")

func unaccent(w string) string { return unaccenter.Replace(w) }
