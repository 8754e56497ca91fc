package diagnostic

import "github.com/spie-fr/socle/spie"

// Completeness tells how much of the socle a diagnostic covers.
type Completeness struct {
	// NotDiscussed lists the frein thématiques absent or rated non-aborde.
	NotDiscussed []FreinThematique `json:"non_abordees"`
	// BesoinsNotExplored lists the besoins absent or NON_EXPLORE.
	BesoinsNotExplored []Besoin `json:"besoins_non_explores"`
	// ProjectionUnknown is true when se_projette_dans_emploi is absent.
	ProjectionUnknown bool `json:"projection_inconnue"`
	// Ratio is the share of items discussed: the nine freins, the besoins and
	// the projection in a job, from 0 to 1.
	Ratio float64 `json:"taux"`
}

// Completeness reports which thématiques and besoins were not discussed and
// the completeness ratio.
func (d *Diagnostic) Completeness() Completeness {
	var c Completeness
	discussed, total := 0, 0
	for _, def := range FreinThematiques {
		total++
		f, ok := d.Freins[FreinThematique(def.Key)]
		if !ok || f.Impact == ImpactNonAborde || f.Impact == "" {
			c.NotDiscussed = append(c.NotDiscussed, FreinThematique(def.Key))
			continue
		}
		discussed++
	}
	for _, def := range BesoinDefinitions {
		total++
		s, ok := d.Professional.Besoins[Besoin(def.Key)]
		if !ok || s == BesoinNonExplore {
			c.BesoinsNotExplored = append(c.BesoinsNotExplored, Besoin(def.Key))
			continue
		}
		discussed++
	}
	total++
	if d.Professional.SeesJobShortTerm == nil {
		c.ProjectionUnknown = true
	} else {
		discussed++
	}
	c.Ratio = float64(discussed) / float64(total)
	return c
}

// SensitiveThematiques are the thématiques whose details are sensitive data
// (RGPD art. 9): only the person and their référent see them. It is read
// from the Sensitive flag of spie.Thematiques, the one place it is decided.
var SensitiveThematiques = sensitiveThematiques()

func sensitiveThematiques() []FreinThematique {
	var out []FreinThematique
	for _, k := range spie.Thematiques.SensitiveKeys() {
		out = append(out, FreinThematique(k))
	}
	return out
}

// IsSensitive reports whether details of the thématique are sensitive (the
// Sensitive flag of its spie.Thematiques definition).
func (t FreinThematique) IsSensitive() bool { return spie.Thematique(t).Sensitive() }

// SensitivePaths returns the JSON Pointers of the sensitive values held in
// the diagnostic: for each sensitive thématique, everything but the frein's
// existence and its impact — the follow-up (suivi), situations, objectifs,
// the person's own view (impact, priority and words), the comment, the
// details, and the France Travail follow-up and date kept from a DSP import. RULES.md §10: « other members see that a sante frein exists and
// its impact, nothing more ».
func (d *Diagnostic) SensitivePaths() []string {
	var out []string
	for _, t := range d.freinKeys() {
		if !t.IsSensitive() {
			continue
		}
		f := d.Freins[t]
		base := spie.Pointer("freins", string(t))
		if f.Status != "" {
			out = append(out, spie.Join(base, "suivi"))
		}
		if len(f.Situations) > 0 {
			out = append(out, spie.Join(base, "situations"))
		}
		if len(f.Objectifs) > 0 {
			out = append(out, spie.Join(base, "objectifs"))
		}
		if f.PersonView != nil {
			out = append(out, spie.Join(base, "vue_personne"))
		}
		if f.Comment != "" {
			out = append(out, spie.Join(base, "commentaire_professionnel"))
		}
		if f.Details != "" {
			out = append(out, spie.Join(base, "details"))
		}
		if f.FTStatus != "" {
			out = append(out, spie.Join(base, "suivi_france_travail"))
		}
		if f.FTDate != "" {
			out = append(out, spie.Join(base, "date_france_travail"))
		}
	}
	return out
}

// Redacted returns a copy of the diagnostic without the sensitive values (see
// SensitivePaths): a frein of a sensitive thématique keeps its impact only
// (RULES.md §10). The original is not modified.
func (d *Diagnostic) Redacted() *Diagnostic {
	c := *d
	c.Freins = make(Freins, len(d.Freins))
	for t, f := range d.Freins {
		if t.IsSensitive() {
			f = Frein{Impact: f.Impact}
		}
		c.Freins[t] = f
	}
	return &c
}
