package diagnostic

import (
	"strconv"

	"github.com/spie-fr/socle/spie"
)

// ExportDSP converts the diagnostic back to the France Travail DSP shape for
// the thématiques that map: each frein with a DSP contrainte (its follow-up,
// or OUI when its impact is moyen or fort, NON_ABORDEE otherwise) with its
// situations and objectifs that have a DSP code, and the besoins of the
// professional project as one job. What has no DSP equivalent is a warning
// (DSP-EXPORT-…), never silently lost.
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
	if !d.Date.IsZero() {
		s := string(d.Date) + dspDateSuffix
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
		ct := DSPContrainte{Code: DSPCode(codes[0]), Label: def.Label.FR, Situations: []DSPItem{}, Objectifs: []DSPItem{}}
		switch {
		case f.Status != "":
			ct.Value = string(f.Status)
		case f.Impact == ImpactMoyen || f.Impact == ImpactFort:
			ct.Value = "OUI"
		default:
			ct.Value = "NON_ABORDEE"
		}
		if ct.Value != "NON_ABORDEE" && !d.Date.IsZero() {
			s := string(d.Date) + dspDateSuffix
			ct.Date = &s
		}
		for i, s := range f.Situations {
			code, ok := s.Situation.DSPCode()
			if !ok {
				fs = append(fs, noCode(spie.Join(base, "situations", i, "situation"), string(s.Situation), s.Situation.Thematique()))
				continue
			}
			v := string(s.Value)
			if v == "" {
				v = string(SituationOui)
			}
			ct.Situations = append(ct.Situations, DSPItem{Code: DSPCode(code), Label: s.Situation.Label(), Value: v})
		}
		for i, o := range f.Objectifs {
			code, ok := o.Objectif.DSPCode()
			if !ok {
				fs = append(fs, noCode(spie.Join(base, "objectifs", i, "objectif"), string(o.Objectif), o.Objectif.Thematique()))
				continue
			}
			v := string(o.Status)
			if v == "" {
				v = string(ObjectifEnCours)
			}
			ct.Objectifs = append(ct.Objectifs, DSPItem{Code: DSPCode(code), Label: o.Objectif.Label(), Value: v})
		}
		c.Items = append(c.Items, ct)
	}
	sortContraintes(c.Items)
	fs = append(fs, exportBesoins(d, p)...)
	fs = append(fs, exportUnmapped(d)...)
	return p, fs
}

func sortContraintes(items []DSPContrainte) {
	num := func(c DSPCode) int { n, _ := strconv.Atoi(string(c)); return n }
	for i := 1; i < len(items); i++ {
		for j := i; j > 0 && num(items[j].Code) < num(items[j-1].Code); j-- {
			items[j], items[j-1] = items[j-1], items[j]
		}
	}
}

func exportBesoins(d *Diagnostic, p *DSPPayload) spie.Faults {
	if len(d.Professional.Besoins) == 0 {
		return nil
	}
	var fs spie.Faults
	m := DSPMetier{ID: d.ID, Status: dspMetierEnCours, Priority: true, Besoins: []DSPItem{}}
	if len(d.Professional.Project) > 0 {
		job := d.Professional.Project[0]
		for _, j := range d.Professional.Project {
			if j.Priority < job.Priority {
				job = j
			}
		}
		name := job.Label
		if name == "" {
			name = string(job.ROME)
		}
		m.Name = &name
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
		m.Besoins = append(m.Besoins, DSPItem{Code: DSPCode(code), Label: def.Label.FR, Value: string(v)})
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
// DSP cannot carry.
func exportUnmapped(d *Diagnostic) spie.Faults {
	var fs spie.Faults
	pr := d.Professional
	sp := func(f string) string { return spie.Pointer("situation_professionnelle", f) }
	if len(pr.Situations) > 0 {
		fs = append(fs, FaultDSPExportNoEquiv.At(sp("situations"), "les situations emploi-formation"))
	}
	if len(pr.Project) > 1 {
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
