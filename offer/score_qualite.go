package offer

import (
	"slices"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"
)

// ScoreQualite is data·inclusion's quality score of a service, as its
// score_qualite.py (data-inclusion-schema, DataInclusionVersion) computes
// it: the mean of the criteria that apply, each and the mean rounded to two
// decimals. It is data·inclusion's own score, distinct from socle's
// completeness score (QualityOf).
type ScoreQualite struct {
	Score float64 `json:"score_qualite"`
	// Criteres holds the value of each criterion by its name in
	// score_qualite.py, nil when it does not apply.
	Criteres map[string]*float64 `json:"criteres"`
}

// The criteria of score_qualite.py, in its order.
var scoreQualiteCriteria = []struct {
	name string
	fn   func(s *Service, today time.Time) *float64
}{
	{"adresse_bien_definie", adresseBienDefinie},
	{"modes_mobilisation_bien_definis", modesMobilisationBienDefinis},
	{"au_moins_un_public", func(s *Service, _ time.Time) *float64 { return oneIf(len(s.Publics) > 0) }},
	{"au_moins_une_thematique", func(s *Service, _ time.Time) *float64 { return oneIf(len(s.Thematiques) > 0) }},
	{"au_moins_un_moyen_de_contact", func(s *Service, _ time.Time) *float64 {
		return oneIf(filled(s.Courriel) || filled(s.LienMobilisation) || filled(s.Telephone))
	}},
	{"courriel_bien_defini", func(s *Service, _ time.Time) *float64 {
		return ifMode(s, ModeMobilisationCourriel, filled(s.Courriel))
	}},
	{"date_maj_recente", dateMajRecente},
	{"frais_bien_definis", fraisBienDefinis},
	{"description_bien_definie", descriptionBienDefinie},
	{"telephone_bien_defini", func(s *Service, _ time.Time) *float64 {
		return ifMode(s, ModeMobilisationTelephone, filled(s.Telephone))
	}},
}

// ScoreQualiteOf computes data·inclusion's score_qualite of a valid service
// on the day of now (the model reads pendulum.now()):
//   - adresse_bien_definie, when modes_accueil holds en-presentiel or
//     modes_mobilisation se-presenter: 1 with an adresse, else 0;
//   - modes_mobilisation_bien_definis: 1 with both modes_mobilisation and
//     mobilisable_par, 0.5 with one of them, 0 with none;
//   - au_moins_un_public, au_moins_une_thematique: 1 when the list is not
//     empty;
//   - au_moins_un_moyen_de_contact: 1 with a courriel, a lien_mobilisation
//     or a telephone;
//   - courriel_bien_defini, telephone_bien_defini, when modes_mobilisation
//     holds envoyer-un-courriel (telephoner): 1 with a courriel (telephone);
//   - date_maj_recente, except for the sources agefiph and france-travail:
//     with d the days between date_maj and today (pendulum's durations: six
//     months are 180 days, two years 730), 1 when d < 180, (730 − d) / 550
//     when 180 < d < 730, else 0 (the model gives 0 at exactly 180 days);
//   - frais_bien_definis: 0 without frais, 1 when gratuit, when payant 1
//     with frais_precisions and 0.5 without (an empty frais_precisions,
//     for which the model raises, counts as none);
//   - description_bien_definie, by its length in characters: 0 below 50,
//     0.5 below 200, 1 below 2,000, 0.5 up to 10,000 (and beyond, where the
//     model raises).
//
// A text counts as given when it is not empty (Python's truthiness).
func ScoreQualiteOf(s *Service, now time.Time) ScoreQualite {
	q := ScoreQualite{Criteres: make(map[string]*float64, len(scoreQualiteCriteria))}
	for _, c := range scoreQualiteCriteria {
		q.Criteres[c.name] = c.fn(s, now)
	}
	p := scoreQualitePartsOf(s)
	q.Score = p.score(dateMajRecenteAt(s, civilDay(now)))
	return q
}

// scoreQualiteParts is the part of score_qualite that does not depend on
// the day: the sum of the other criteria that apply (each rounded) and
// their number. The search index keeps it per service.
type scoreQualiteParts struct {
	sum float64
	n   int
}

func scoreQualitePartsOf(s *Service) scoreQualiteParts {
	var p scoreQualiteParts
	for _, c := range scoreQualiteCriteria {
		if c.name == "date_maj_recente" {
			continue
		}
		if v := c.fn(s, time.Time{}); v != nil {
			p.sum += round2(*v)
			p.n++
		}
	}
	return p
}

// score adds the date criterion (nil when it does not apply) and gives the
// mean, rounded.
func (p scoreQualiteParts) score(date *float64) float64 {
	if date != nil {
		p.sum += round2(*date)
		p.n++
	}
	return p.mean()
}

// scoreAtDays is score with the date criterion of a date_maj days away.
func (p scoreQualiteParts) scoreAtDays(days int64) float64 {
	if days < 0 {
		days = -days
	}
	switch {
	case days < sixMois:
		p.sum++
	case days < deuxAns:
		p.sum += roundedDates()[days]
	}
	p.n++
	return p.mean()
}

func (p scoreQualiteParts) mean() float64 {
	if p.n == 0 {
		return 0
	}
	return round2(p.sum / float64(p.n))
}

// civilDay is the number of the day of t (its date in its location) since
// 1970-01-01.
func civilDay(t time.Time) int64 {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC).Unix() / 86400
}

// round2 rounds to two decimals as Python's round(x, 2): correctly, from
// the exact binary value, ties to even.
func round2(x float64) float64 {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 2, 64), 64)
	return r
}

func value(v float64) *float64 { return &v }

func oneIf(b bool) *float64 {
	if b {
		return value(1)
	}
	return value(0)
}

func filled(p *string) bool { return p != nil && *p != "" }

// ifMode applies a criterion only when modes_mobilisation holds m.
func ifMode(s *Service, m ModeMobilisation, ok bool) *float64 {
	if !slices.Contains(s.ModesMobilisation, m) {
		return nil
	}
	return oneIf(ok)
}

func adresseBienDefinie(s *Service, _ time.Time) *float64 {
	if !slices.Contains(s.ModesAccueil, ModeAccueilEnPresentiel) && !slices.Contains(s.ModesMobilisation, ModeMobilisationPresenter) {
		return nil
	}
	return oneIf(filled(s.Adresse))
}

func modesMobilisationBienDefinis(s *Service, _ time.Time) *float64 {
	switch {
	case s.ModesMobilisation != nil && s.MobilisablePar != nil:
		return value(1)
	case s.ModesMobilisation != nil || s.MobilisablePar != nil:
		return value(0.5)
	}
	return value(0)
}

func dateMajRecente(s *Service, now time.Time) *float64 {
	return dateMajRecenteAt(s, civilDay(now))
}

// dateMajRecenteAt is date_maj_recente on the day numbered today.
func dateMajRecenteAt(s *Service, today int64) *float64 {
	if s.Source == "agefiph" || s.Source == "france-travail" {
		return nil
	}
	t, err := s.DateMaj.Time()
	if err != nil {
		return value(0)
	}
	return dateMajRecenteDays(today - t.Unix()/86400)
}

// dateMajRecenteDays scores a date_maj days away from today.
func dateMajRecenteDays(days int64) *float64 {
	if days < 0 {
		days = -days // pendulum's diff is absolute
	}
	switch {
	case days < sixMois:
		return value(1)
	case sixMois < days && days < deuxAns:
		return value(float64(deuxAns-days) / float64(deuxAns-sixMois))
	}
	return value(0)
}

// pendulum's durations as score_qualite.py uses them: six months are 180
// days, two years 730.
const sixMois, deuxAns = 180, 730

// roundedDates holds round2 of date_maj_recente for each number of days
// between sixMois and deuxAns, so that search does not format numbers; built
// on first use, not at package initialisation (issue 17 item 4).
var roundedDates = sync.OnceValue(func() *[deuxAns]float64 {
	var t [deuxAns]float64
	for d := sixMois + 1; d < deuxAns; d++ {
		t[d] = round2(float64(deuxAns-d) / float64(deuxAns-sixMois))
	}
	return &t
})

func fraisBienDefinis(s *Service, _ time.Time) *float64 {
	switch {
	case s.Frais == nil:
		return value(0)
	case *s.Frais == FraisPayant && !filled(s.FraisPrecisions):
		return value(0.5)
	}
	return value(1)
}

func descriptionBienDefinie(s *Service, _ time.Time) *float64 {
	switch n := utf8.RuneCountInString(s.Description); {
	case n < 50:
		return value(0)
	case n < 200:
		return value(0.5)
	case n < 2000:
		return value(1)
	}
	return value(0.5)
}
