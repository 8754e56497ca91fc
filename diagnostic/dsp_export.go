package diagnostic

import (
	"strconv"

	"github.com/spie-fr/socle/spie"
)

// ExportDSP converts the diagnostic back to the France Travail DSP shape, with
// France Travail's own labels (spie.MapDSPLibelle), never inventing a value:
//   - each frein with a DSP contrainte, valued by its follow-up (suivi), else
//     the value France Travail sent (suivi_france_travail), else NON_ABORDEE
//     for an impact non-aborde and OUI for an impact moyen or fort; a frein
//     sans-impact without follow-up is left out (DSP-EXPORT-05): "discussed,
//     no impact" is none of NON_ABORDEE, OUI, CLOTUREE. Its date is the one
//     France Travail sent (date_france_travail), else null;
//   - its situations and objectifs with a DSP code, valued by valeur / statut,
//     else the value France Travail sent; one with neither is left out
//     (DSP-EXPORT-05), never given a default;
//   - the projects France Travail sent (projets_france_travail), unchanged,
//     each with its besoins (DSP-EXPORT-07 when the diagnostic's besoins no
//     longer agree with them); without them, the besoins of the professional
//     project as one job named after the first job's label (never its ROME
//     code: DSP-EXPORT-06 when it has no label);
//   - dateDeModification: the timestamp France Travail sent when the
//     diagnostic's date is still its date, else the diagnostic's date; left
//     out (DSP-EXPORT-08) when the one France Travail sent was unreadable.
//
// What has no DSP equivalent (diplomas, skills, the person's view, impact
// levels, emploi-formation situations, freins without a DSP contrainte) is a
// DSP-EXPORT-… warning each, never silently lost.
func ExportDSP(d *Diagnostic) (*DSPPayload, spie.Faults) {
	var fs spie.Faults
	if d == nil {
		d = &Diagnostic{}
	}
	p := &DSPPayload{Metiers: []DSPMetier{}}
	c := &p.Contraintes
	c.Code, c.Items = dspContraintesCode, []DSPContrainte{}
	label := dspContraintesLabel
	c.Label = &label
	_, ftReadable := dspDate(&d.FTModifiedAt, d.Person.Commune)
	switch {
	case d.FTModifiedAt != "" && !ftReadable:
		fs = append(fs, FaultDSPExportModified.At(spie.Pointer("date_modification_france_travail"), d.FTModifiedAt))
	case !d.Date.IsZero():
		s := string(d.Date) + dspDateSuffix
		if date, ok := dspDate(&d.FTModifiedAt, d.Person.Commune); ok && date == d.Date {
			s = d.FTModifiedAt
		}
		c.ModifiedAt = &s
	}
	for _, a := range d.Authors {
		if a.Role == "conseiller-france-travail" {
			n := a.Name
			c.Adviser = &n
			break
		}
	}
	for _, def := range spie.Thematiques {
		t := FreinThematique(def.Key)
		f, ok := d.Freins[t]
		if !ok || t == FreinThematique(spie.ThematiqueEmploiFormation) {
			continue
		}
		base := spie.Pointer("freins", def.Key)
		codes := def.Map[spie.MapDSPContrainte]
		if len(codes) != 1 {
			if f.Impact != ImpactNonAborde || len(f.Situations) > 0 || len(f.Objectifs) > 0 {
				fs = append(fs, FaultDSPExportTheme.At(base, def.Key))
			}
			continue
		}
		fs = append(fs, exportFreinExtras(f, base)...)
		ct := DSPContrainte{Code: DSPCode(codes[0]), Label: dspLabel(def), Situations: []DSPItem{}, Objectifs: []DSPItem{}}
		switch {
		case f.Status != "":
			ct.Value = string(f.Status)
		case f.FTStatus != "":
			ct.Value = f.FTStatus
		case f.Impact == ImpactMoyen || f.Impact == ImpactFort:
			ct.Value = "OUI"
		case f.Impact == ImpactNonAborde:
			ct.Value = "NON_ABORDEE"
		default:
			fs = append(fs, FaultDSPExportNoValue.At(spie.Join(base, "suivi"), "la contrainte « "+def.Label.FR+" »"))
			continue
		}
		if f.FTDate != "" {
			date := f.FTDate
			ct.Date = &date
		}
		for i, s := range f.Situations {
			path := spie.Join(base, "situations", i)
			code, ok := s.Situation.DSPCode()
			if !ok {
				fs = append(fs, noCode(spie.Join(path, "situation"), string(s.Situation), s.Situation.Thematique()))
				continue
			}
			v := string(s.Value)
			if v == "" {
				v = s.FTValue
			}
			if v == "" {
				fs = append(fs, FaultDSPExportNoValue.At(spie.Join(path, "valeur"), "une situation"))
				continue
			}
			sd, _ := Situations.Get(string(s.Situation))
			ct.Situations = append(ct.Situations, DSPItem{Code: DSPCode(code), Label: dspLabel(sd), Value: v})
		}
		for i, o := range f.Objectifs {
			path := spie.Join(base, "objectifs", i)
			code, ok := o.Objectif.DSPCode()
			if !ok {
				fs = append(fs, noCode(spie.Join(path, "objectif"), string(o.Objectif), o.Objectif.Thematique()))
				continue
			}
			v := string(o.Status)
			if v == "" {
				v = o.FTStatus
			}
			if v == "" {
				fs = append(fs, FaultDSPExportNoValue.At(spie.Join(path, "statut"), "un objectif"))
				continue
			}
			od, _ := Objectifs.Get(string(o.Objectif))
			ct.Objectifs = append(ct.Objectifs, DSPItem{Code: DSPCode(code), Label: dspLabel(od), Value: v})
		}
		c.Items = append(c.Items, ct)
	}
	sortContraintes(c.Items)
	if len(d.Professional.FTProjects) > 0 {
		fs = append(fs, exportProjects(d, p)...)
	} else {
		fs = append(fs, exportBesoins(d, p)...)
	}
	fs = append(fs, exportUnmapped(d)...)
	return p, fs
}

// dspLabel is France Travail's label of a definition (spie.MapDSPLibelle),
// or socle's when it has none.
func dspLabel(def spie.Definition) string {
	if l := def.Map[spie.MapDSPLibelle]; len(l) == 1 {
		return l[0]
	}
	return def.Label.FR
}

// exportFreinExtras reports what a frein holds that the DSP cannot carry: its
// impact level and the person's view.
func exportFreinExtras(f Frein, base string) spie.Faults {
	var fs spie.Faults
	if f.Impact != ImpactNonAborde && f.Impact != "" {
		fs = append(fs, FaultDSPExportNoEquiv.At(spie.Join(base, "impact"), "le niveau d'impact du frein"))
	}
	if f.PersonView != nil {
		fs = append(fs, FaultDSPExportNoEquiv.At(spie.Join(base, "vue_personne"), "le regard de la personne sur le frein"))
	}
	return fs
}

func sortContraintes(items []DSPContrainte) {
	num := func(c DSPCode) int { n, _ := strconv.Atoi(string(c)); return n }
	for i := 1; i < len(items); i++ {
		for j := i; j > 0 && num(items[j].Code) < num(items[j-1].Code); j-- {
			items[j], items[j-1] = items[j-1], items[j]
		}
	}
}

// exportProjects sends back the projects France Travail sent, unchanged, with
// France Travail's labels, and warns for each besoin of the diagnostic that
// no longer agrees with the merge of the projects in progress.
func exportProjects(d *Diagnostic, p *DSPPayload) spie.Faults {
	var fs spie.Faults
	merged := map[Besoin][]BesoinStatus{}
	for _, pr := range d.Professional.FTProjects {
		m := DSPMetier{ID: pr.ID, Status: pr.Status, Priority: pr.Priority, Besoins: []DSPItem{}}
		m.Name, m.Typology, m.UpdatedAt = optional(pr.Name), optional(pr.Typology), optional(pr.UpdatedAt)
		for _, b := range pr.Besoins {
			label := ""
			if k, ok := BesoinForDSP(b.Code); ok {
				def, _ := BesoinDefinitions.Get(string(k))
				label = dspLabel(def)
				if v := BesoinStatus(b.Value); besoinWeight[v] > 0 && pr.Status == dspInProgress {
					merged[k] = append(merged[k], v)
				}
			}
			m.Besoins = append(m.Besoins, DSPItem{Code: DSPCode(b.Code), Label: label, Value: b.Value})
		}
		p.Metiers = append(p.Metiers, m)
	}
	for _, def := range BesoinDefinitions {
		b := Besoin(def.Key)
		v, has := d.Professional.Besoins[b]
		vs, sent := merged[b]
		var ft BesoinStatus
		if sent {
			ft, _ = mergeBesoin(vs)
		}
		if (has || sent) && v != ft {
			fs = append(fs, FaultDSPExportBesoin.At(spie.Pointer("situation_professionnelle", "besoins", def.Key), def.Key, orNone(string(v)), orNone(string(ft))))
		}
	}
	if len(d.Professional.Project) > 0 {
		fs = append(fs, FaultDSPExportNoEquiv.At(spie.Pointer("situation_professionnelle", "projet_professionnel"), "le projet professionnel du socle (codes ROME), à côté des projets France Travail importés"))
	}
	return fs
}

func orNone(s string) string {
	if s == "" {
		return "(absent)"
	}
	return s
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func exportBesoins(d *Diagnostic, p *DSPPayload) spie.Faults {
	if len(d.Professional.Besoins) == 0 {
		return nil
	}
	var fs spie.Faults
	m := DSPMetier{ID: d.ID, Status: dspMetierEnCours, Priority: true, Besoins: []DSPItem{}}
	if len(d.Professional.Project) > 0 {
		job, at := d.Professional.Project[0], 0
		for i, j := range d.Professional.Project {
			if j.Priority < job.Priority {
				job, at = j, i
			}
		}
		if job.Label != "" {
			name := job.Label
			m.Name = &name
		} else {
			fs = append(fs, FaultDSPExportNoName.At(spie.Pointer("situation_professionnelle", "projet_professionnel", at), string(job.ROME)))
		}
	}
	if !d.Date.IsZero() {
		s := string(d.Date) + dspDateSuffix
		m.UpdatedAt = &s
	}
	for _, def := range BesoinDefinitions {
		b := Besoin(def.Key)
		v, ok := d.Professional.Besoins[b]
		if !ok {
			continue
		}
		code, _ := b.DSPCode()
		m.Besoins = append(m.Besoins, DSPItem{Code: DSPCode(code), Label: dspLabel(def), Value: string(v)})
	}
	for b := range d.Professional.Besoins {
		if !b.Valid() {
			fs = append(fs, FaultDSPExportNoCode.At(spie.Pointer("situation_professionnelle", "besoins", string(b)), string(b)))
		}
	}
	fs.Sort()
	p.Metiers = append(p.Metiers, m)
	return fs
}

// exportUnmapped reports the parts of the professional situation that the
// DSP cannot carry, one warning each.
func exportUnmapped(d *Diagnostic) spie.Faults {
	var fs spie.Faults
	pr := d.Professional
	sp := func(f string) string { return spie.Pointer("situation_professionnelle", f) }
	if len(pr.Situations) > 0 {
		fs = append(fs, FaultDSPExportNoEquiv.At(sp("situations"), "les situations emploi-formation"))
	}
	if len(pr.Diplomas) > 0 {
		fs = append(fs, FaultDSPExportNoEquiv.At(sp("diplomes"), "les diplômes"))
	}
	if len(pr.Skills) > 0 {
		fs = append(fs, FaultDSPExportNoEquiv.At(sp("competences"), "les compétences"))
	}
	if len(pr.FTProjects) == 0 && len(pr.Project) > 1 {
		fs = append(fs, FaultDSPExportNoEquiv.At(spie.Join(sp("projet_professionnel"), 1), "un métier du projet au-delà du premier"))
	}
	return fs
}

// noCode is the fault of a situation or objectif without a France Travail
// code: DSP-EXPORT-01 quoting it, or DSP-EXPORT-04 without quoting it when
// it belongs to a sensitive thématique (a health code is health data).
func noCode(path, key string, t spie.Thematique) spie.Fault {
	if t.Sensitive() {
		return FaultDSPExportHealth.At(path)
	}
	return FaultDSPExportNoCode.At(path, key)
}
