package diagnostic

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/spie-fr/socle/spie"
)

// maxDSPSize bounds a DSP payload read by ParseDSP (16 Mio).
const maxDSPSize = 16 << 20

// ParseDSP decodes a France Travail DSP payload. Unknown fields are ignored
// (the API adds some); unreadable JSON is the fault DSP-JSON-01; null, or an
// object with neither besoinsParDiagnosticIndividuDtos nor
// contraintesIndividusDto (France Travail's "no dossier"), is DSP-VIDE-01.
func ParseDSP(data []byte) (*DSPPayload, spie.Faults) {
	if len(data) > maxDSPSize {
		return nil, spie.Faults{FaultDSPJSON.At("", fmt.Sprintf("plus de %d Mio", maxDSPSize>>20), fmt.Sprintf("over %d MiB", maxDSPSize>>20))}
	}
	var p *DSPPayload
	var present struct {
		Metiers     json.RawMessage `json:"besoinsParDiagnosticIndividuDtos"`
		Contraintes json.RawMessage `json:"contraintesIndividusDto"`
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&p); err != nil {
		return nil, spie.Faults{FaultDSPJSON.At("", spie.DescribeJSONError(err), spie.DescribeJSONErrorEN(err))}
	}
	if dec.More() {
		return nil, spie.Faults{FaultDSPJSON.At("", "données après la fin du document", "data after the end of the document")}
	}
	if p == nil {
		return nil, spie.Faults{FaultDSPEmpty.At("")}
	}
	// The document decoded into p is an object: it decodes here too.
	_ = json.Unmarshal(data, &present)
	if isNullJSON(present.Metiers) && isNullJSON(present.Contraintes) {
		return nil, spie.Faults{FaultDSPEmpty.At("")}
	}
	return p, nil
}

func isNullJSON(b json.RawMessage) bool {
	return len(b) == 0 || bytes.Equal(bytes.TrimSpace(b), []byte("null"))
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
// label; a label that differs from France Travail's own is DSP-LIBELLE-01):
//   - each contrainte becomes the frein of its SPIE thématique with its
//     follow-up (suivi), situations and objectifs; a value that is not one of
//     socle's (PEUT_ETRE, TERMINE, an objectif NON_ABORDEE…) is kept as received
//     in suivi_france_travail, valeur_france_travail or statut_france_travail,
//     with a warning, and the contrainte's date as received in
//     date_france_travail;
//   - every project is kept whole in projets_france_travail (id, name,
//     typology, status, priority, timestamp, besoins); the besoins of the
//     projects in progress (statut EN_COURS) are merged into the diagnostic's
//     (BESOIN before POINT_FORT before NON_EXPLORE), those of a project given
//     up are not;
//   - the diagnostic is dated by the latest change: dateDeModification when
//     readable (its timestamp is kept in date_modification_france_travail,
//     as is an unreadable one of at most 40 bytes, with DSP-DATE-01),
//     else the latest date among the contraintes' dates and the projects'
//     dateMiseAJour;
//   - the adviser becomes an author.
//
// France Travail sends no impacts: each frein is imported as non-aborde, with
// a warning when the contrainte was discussed. What only the caller can give
// (ids, person, structure, situation_emploi…) is listed with one DSP-IMPORT-01
// warning each. Whatever has no equivalent is a warning, never silently
// dropped. Timestamps are read as dates in mainland France (Europe/Paris);
// DiagnosticIn reads them where the person lives.
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
		d.FTModifiedAt = *c.ModifiedAt
	} else if c.ModifiedAt != nil && *c.ModifiedAt != "" {
		fs = append(fs, FaultDSPDate.At(spie.Join(cb, "dateDeModification"), *c.ModifiedAt))
		if len(*c.ModifiedAt) <= maxFTModifiedAt() {
			// kept as received, so that export knows it had one it
			// could not read and does not write another (DSP-EXPORT-08)
			d.FTModifiedAt = *c.ModifiedAt
		}
	}
	var latest spie.Date
	later := func(s *string, path string) {
		date, ok := dspDate(s, commune)
		switch {
		case ok && date > latest:
			latest = date
		case !ok && s != nil && *s != "":
			fs = append(fs, FaultDSPDate.At(path, *s))
		}
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
		def, _ := spie.Thematiques.Get(string(th))
		fs = append(fs, checkLabel(def, ct.Label, spie.Join(base, "libelle"), th.Sensitive())...)
		later(ct.Date, spie.Join(base, "date"))
		f := Frein{Impact: ImpactNonAborde}
		if ct.Date != nil {
			f.FTDate = *ct.Date
		}
		switch {
		case ContrainteStatuses.Has(ct.Value):
			f.Status = ContrainteStatus(ct.Value)
		case ct.Value != "":
			f.FTStatus = ct.Value
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
			sd, _ := Situations.Get(string(s))
			fs = append(fs, checkLabel(sd, it.Label, spie.Join(ip, "libelle"), s.Sensitive())...)
			item := SituationItem{Situation: s}
			if SituationValues.Has(it.Value) {
				item.Value = SituationValue(it.Value)
			} else if it.Value != "" {
				item.FTValue = it.Value
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
			od, _ := Objectifs.Get(string(o))
			fs = append(fs, checkLabel(od, it.Label, spie.Join(ip, "libelle"), o.Sensitive())...)
			item := ObjectifItem{Objectif: o}
			if ObjectifStatuses.Has(it.Value) {
				item.Status = ObjectifStatus(it.Value)
			} else if it.Value != "" {
				item.FTStatus = it.Value
				fs = append(fs, FaultDSPObjectifVal.At(spie.Join(ip, "valeur"), it.Value))
			}
			f.Objectifs = append(f.Objectifs, item)
		}
		d.Freins[t] = f
	}
	for i, m := range p.Metiers {
		later(m.UpdatedAt, spie.Pointer("besoinsParDiagnosticIndividuDtos", i, "dateMiseAJour"))
	}
	if d.Date.IsZero() {
		d.Date = latest
	}
	fs = append(fs, p.importBesoins(d)...)
	fs = append(fs, callerFields(d)...)
	return d, fs
}

// checkLabel warns when the label France Travail sent for a code differs from
// France Travail's own label of that code (spie.MapDSPLibelle), compared
// without surrounding or repeated spaces and with ’ read as '. The message
// of a sensitive thématique does not quote the label (health data).
func checkLabel(def spie.Definition, got, path string, sensitive bool) spie.Faults {
	want := def.Map[spie.MapDSPLibelle]
	if len(want) != 1 || got == "" || normLabel(got) == normLabel(want[0]) {
		return nil
	}
	if sensitive {
		return spie.Faults{FaultDSPLabelHealth.At(path)}
	}
	return spie.Faults{FaultDSPLabel.At(path, got, want[0])}
}

func normLabel(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "’", "'")), " ")
}

// callerFields lists, one DSP-IMPORT-01 warning each, the required fields of
// the diagnostic that a DSP payload cannot give.
func callerFields(d *Diagnostic) spie.Faults {
	var fs spie.Faults
	missing := func(cond bool, path ...any) {
		if cond {
			p := spie.Pointer(path...)
			fs = append(fs, FaultDSPCaller.At(p, p))
		}
	}
	missing(d.ID == "", "id")
	missing(d.Date.IsZero(), "date")
	missing(d.Person.ID == "", "personne", "id")
	missing(d.Person.BirthDate.IsZero(), "personne", "date_naissance")
	missing(d.Person.Commune == "", "personne", "code_commune")
	missing(d.Professional.WorkSituation == "", "situation_professionnelle", "situation_emploi")
	missing(len(d.Authors) == 0, "auteurs")
	missing(d.StructureSIRET == "", "siret_structure")
	return fs
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
		pr := DSPProject{ID: m.ID, Typology: deref(m.Typology), Status: m.Status, Priority: m.Priority, UpdatedAt: deref(m.UpdatedAt), Name: deref(m.Name)}
		for j, it := range m.Besoins {
			ip := spie.Join(base, "besoins", j)
			b, ok := BesoinForDSP(string(it.Code))
			if !ok {
				fs = append(fs, FaultDSPBesoin.At(spie.Join(ip, "code"), string(it.Code)))
				continue
			}
			bd, _ := BesoinDefinitions.Get(string(b))
			fs = append(fs, checkLabel(bd, it.Label, spie.Join(ip, "libelle"), false)...)
			pr.Besoins = append(pr.Besoins, DSPProjectBesoin{Code: string(it.Code), Value: it.Value})
			v := BesoinStatus(it.Value)
			if besoinWeight[v] == 0 {
				fs = append(fs, FaultDSPBesoinVal.At(spie.Join(ip, "valeur"), it.Value))
				continue
			}
			if m.Status != dspInProgress {
				continue
			}
			if _, ok := firstPath[b]; !ok {
				firstPath[b] = spie.Join(ip, "valeur")
			}
			merged[b] = append(merged[b], v)
		}
		d.Professional.FTProjects = append(d.Professional.FTProjects, pr)
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
		best, differ := mergeBesoin(vs)
		if differ {
			fs = append(fs, FaultDSPBesoinMerge.At(firstPath[b], string(b), string(best)))
		}
		d.Professional.Besoins[b] = best
	}
	return fs
}

// mergeBesoin returns the strongest of the values (besoinWeight) and whether
// they differ.
func mergeBesoin(vs []BesoinStatus) (BesoinStatus, bool) {
	best, differ := vs[0], false
	for _, v := range vs[1:] {
		if v != vs[0] {
			differ = true
		}
		if besoinWeight[v] > besoinWeight[best] {
			best = v
		}
	}
	return best, differ
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
