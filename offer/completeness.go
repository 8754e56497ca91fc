package offer

import (
	"math"
	"strings"
	"time"
	"unicode/utf8"
)

// CompletenessCriterion is one criterion of socle's completeness score,
// with its value from 0 to 1.
type CompletenessCriterion struct {
	Key   string  `json:"critere"`
	Label string  `json:"libelle"`
	Value float64 `json:"valeur"`
}

// Completeness is socle's completeness score of a service ("complétude"),
// from 0 to 1: the mean of its criteria. It is socle's own reading of how
// usable a service's description is, not data·inclusion's score_qualite
// (ScoreQualiteOf), which it must not be mistaken for.
type Completeness struct {
	Score    float64                 `json:"score"`
	Criteria []CompletenessCriterion `json:"criteres"`
}

// CompletenessOf scores a service at the date now:
//   - fraîcheur: 1 when date_maj is less than 6 months old, decreasing
//     linearly to 0 at 24 months;
//   - description: 1 from 300 characters (data·inclusion advises 200 to
//     2,000), proportionally below, 0.5 above 2,000;
//   - contact: the share of the modes de mobilisation whose contact exists
//     (téléphone, courriel, lien, adresse); 0 without modes;
//   - thématiques, publics, zone d'éligibilité, type: 1 when filled in.
func CompletenessOf(s *Service, now time.Time) Completeness {
	var q Completeness
	add := func(key, label string, v float64) {
		q.Criteria = append(q.Criteria, CompletenessCriterion{key, label, math.Round(v*100) / 100})
	}
	fresh := 0.0
	if days := daysSince(s.DateMaj, now); days >= 0 {
		switch {
		case days <= 182:
			fresh = 1
		case days < 730:
			fresh = 1 - float64(days-182)/float64(730-182)
		}
	}
	add("fraicheur", "Fraîcheur de la mise à jour", fresh)
	n := utf8.RuneCountInString(strings.TrimSpace(s.Description))
	desc := math.Min(1, float64(n)/300)
	if n > 2000 {
		desc = 0.5
	}
	add("description", "Longueur de la description", desc)
	contact := 0.0
	if len(s.ModesMobilisation) > 0 {
		ok := 0
		for _, m := range s.ModesMobilisation {
			if s.missingContact(m) == "" {
				ok++
			}
		}
		contact = float64(ok) / float64(len(s.ModesMobilisation))
	}
	add("contact", "Contact pour les modes de mobilisation", contact)
	filled := func(b bool) float64 {
		if b {
			return 1
		}
		return 0
	}
	add("thematiques", "Thématiques renseignées", filled(len(s.Thematiques) > 0))
	add("publics", "Publics renseignés", filled(len(s.Publics) > 0))
	add("zone", "Zone d'éligibilité renseignée", filled(len(s.ZoneEligibilite) > 0))
	add("type", "Type de service renseigné", filled(s.Type != nil))
	sum := 0.0
	for _, c := range q.Criteria {
		sum += c.Value
	}
	q.Score = math.Round(sum/float64(len(q.Criteria))*100) / 100
	return q
}
