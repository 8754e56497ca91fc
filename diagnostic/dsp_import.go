package diagnostic

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/spie-fr/socle/spie"
)

// maxDSPSize bounds a DSP payload read by ParseDSP (16 Mio).
const maxDSPSize = 16 << 20

// ParseDSP decodes a France Travail DSP payload. Unknown fields are ignored
// (the API adds some); unreadable JSON is the fault DSP-JSON-01.
func ParseDSP(data []byte) (*DSPPayload, spie.Faults) {
	if len(data) > maxDSPSize {
		return nil, spie.Faults{FaultDSPJSON.At("", fmt.Sprintf("plus de %d Mio", maxDSPSize>>20), fmt.Sprintf("over %d MiB", maxDSPSize>>20))}
	}
	var p DSPPayload
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&p); err != nil {
		return nil, spie.Faults{FaultDSPJSON.At("", spie.DescribeJSONError(err), spie.DescribeJSONErrorEN(err))}
	}
	if dec.More() {
		return nil, spie.Faults{FaultDSPJSON.At("", "données après la fin du document", "data after the end of the document")}
	}
	return &p, nil
}

// ImportDSP converts a France Travail DSP payload into a diagnostic.
func ImportDSP(data []byte) (*Diagnostic, spie.Faults) {
	p, fs := ParseDSP(data)
	if p == nil {
		return nil, fs
	}
	return p.Diagnostic()
}

// Diagnostic converts the payload into a diagnostic, by codes only (never by
// label): each contrainte becomes the frein of its SPIE thématique with its
// follow-up, situations and objectifs; the besoins of every job are merged
// into the besoins of the professional project (BESOIN before POINT_FORT
// before NON_EXPLORE); the adviser becomes an author. Whatever has no
// equivalent is a warning, never silently dropped. France Travail does not
// send impacts: each frein is imported as non-aborde, with a warning when the
// contrainte was discussed. Person, consent and structure are left for the
// caller to fill. The payload's timestamps are read as dates in mainland
// France (Europe/Paris); DiagnosticIn reads them where the person lives.
func (p *DSPPayload) Diagnostic() (*Diagnostic, spie.Faults) { return p.DiagnosticIn("") }

// DiagnosticIn is Diagnostic for a person living in commune (INSEE code,
// copied to personne.code_commune): the payload's timestamps become dates in
// that territory's time zone (spie.DateIn), so that an update made at
// 00:30 on 1 June in Paris, sent as 2026-05-31T22:30:00.000+00:00, is dated
// 1 June.
func (p *DSPPayload) DiagnosticIn(commune spie.CommuneCode) (*Diagnostic, spie.Faults) {
	var fs spie.Faults
	d := &Diagnostic{Version: SchemaVersion, Freins: Freins{}, Person: Person{Commune: commune}}
	cb := spie.Pointer("contraintesIndividusDto")
	c := p.Contraintes
	if date, ok := dspDate(c.ModifiedAt, commune); ok {
		d.Date = date
	} else if c.ModifiedAt != nil && *c.ModifiedAt != "" {
		fs = append(fs, FaultDSPDate.At(spie.Join(cb, "dateDeModification"), *c.ModifiedAt))
	}
	if c.Adviser != nil && *c.Adviser != "" {
		d.Authors = []Author{{Name: *c.Adviser, Role: "conseiller-france-travail"}}
	}
	for i, ct := range c.Items {
		base := spie.Join(cb, "contraintes", i)
		th, ok := spie.ThematiqueForDSPContrainte(string(ct.Code))
		if !ok {
			fs = append(fs, FaultDSPContrainte.At(spie.Join(base, "code"), string(ct.Code)))
			continue
		}
		t := FreinThematique(th)
		if _, dup := d.Freins[t]; dup {
			fs = append(fs, FaultDSPContrainteDup.At(spie.Join(base, "code"), string(ct.Code)))
			continue
		}
		f := Frein{Impact: ImpactNonAborde}
		switch {
		case ContrainteStatuses.Has(ct.Value):
			f.Status = ContrainteStatus(ct.Value)
		case ct.Value != "":
			fs = append(fs, FaultDSPContrainteVal.At(spie.Join(base, "valeur"), ct.Value))
		}
		if f.Status == "OUI" || f.Status == "CLOTUREE" {
			fs = append(fs, FaultDSPImpact.At(spie.Join(base, "valeur"), th.Label()))
		}
		seen := map[string]bool{}
		for j, it := range ct.Situations {
			ip := spie.Join(base, "situations", j)
			s, ok := SituationForDSP(string(it.Code))
			switch {
			case !ok:
				fs = append(fs, FaultDSPSituation.At(spie.Join(ip, "code"), string(it.Code)))
				continue
			case s.Thematique() != th:
				fs = append(fs, FaultDSPSituationTheme.At(spie.Join(ip, "code"), string(ct.Code)))
				continue
			case seen["s"+string(s)]:
				fs = append(fs, FaultDSPSituationDup.At(spie.Join(ip, "code")))
				continue
			}
			seen["s"+string(s)] = true
			item := SituationItem{Situation: s}
			if SituationValues.Has(it.Value) {
				item.Value = SituationValue(it.Value)
			} else if it.Value != "" {
				fs = append(fs, FaultDSPSituationVal.At(spie.Join(ip, "valeur"), it.Value))
			}
			f.Situations = append(f.Situations, item)
		}
		for j, it := range ct.Objectifs {
			ip := spie.Join(base, "objectifs", j)
			o, ok := ObjectifForDSP(string(it.Code))
			switch {
			case !ok:
				fs = append(fs, FaultDSPObjectif.At(spie.Join(ip, "code"), string(it.Code)))
				continue
			case o.Thematique() != th:
				fs = append(fs, FaultDSPObjectifTheme.At(spie.Join(ip, "code"), string(ct.Code)))
				continue
			case seen["o"+string(o)]:
				fs = append(fs, FaultDSPObjectifDup.At(spie.Join(ip, "code")))
				continue
			}
			seen["o"+string(o)] = true
			item := ObjectifItem{Objectif: o}
			if ObjectifStatuses.Has(it.Value) {
				item.Status = ObjectifStatus(it.Value)
			} else if it.Value != "" {
				fs = append(fs, FaultDSPObjectifVal.At(spie.Join(ip, "valeur"), it.Value))
			}
			f.Objectifs = append(f.Objectifs, item)
		}
		d.Freins[t] = f
	}
	fs = append(fs, p.importBesoins(d)...)
	return d, fs
}

// besoinWeight orders besoin values for merging: a need wins over a strength,
// which wins over "not explored".
var besoinWeight = map[BesoinStatus]int{BesoinNonExplore: 1, BesoinPointFort: 2, BesoinBesoin: 3}

func (p *DSPPayload) importBesoins(d *Diagnostic) spie.Faults {
	var fs spie.Faults
	merged := map[Besoin][]BesoinStatus{}
	firstPath := map[Besoin]string{}
	for i, m := range p.Metiers {
		base := spie.Pointer("besoinsParDiagnosticIndividuDtos", i)
		if m.Name != nil && *m.Name != "" {
			fs = append(fs, FaultDSPMetier.At(spie.Join(base, "nomMetier"), *m.Name))
		}
		if date, ok := dspDate(m.UpdatedAt, d.Person.Commune); ok && d.Date.IsZero() {
			d.Date = date
		}
		for j, it := range m.Besoins {
			ip := spie.Join(base, "besoins", j)
			b, ok := BesoinForDSP(string(it.Code))
			if !ok {
				fs = append(fs, FaultDSPBesoin.At(spie.Join(ip, "code"), string(it.Code)))
				continue
			}
			v := BesoinStatus(it.Value)
			if besoinWeight[v] == 0 {
				fs = append(fs, FaultDSPBesoinVal.At(spie.Join(ip, "valeur"), it.Value))
				continue
			}
			if _, ok := firstPath[b]; !ok {
				firstPath[b] = spie.Join(ip, "valeur")
			}
			merged[b] = append(merged[b], v)
		}
	}
	if len(merged) == 0 {
		return fs
	}
	d.Professional.Besoins = Besoins{}
	for _, def := range BesoinDefinitions {
		b := Besoin(def.Key)
		vs, ok := merged[b]
		if !ok {
			continue
		}
		best, differ := vs[0], false
		for _, v := range vs[1:] {
			if v != vs[0] {
				differ = true
			}
			if besoinWeight[v] > besoinWeight[best] {
				best = v
			}
		}
		if differ {
			fs = append(fs, FaultDSPBesoinMerge.At(firstPath[b], string(b), string(best)))
		}
		d.Professional.Besoins[b] = best
	}
	return fs
}
