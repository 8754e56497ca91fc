package diagnostic

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/spie-fr/socle/spie"
)

// DSPPayload is the France Travail "diagnostic argumenté" (DSP) of a person,
// as the France Travail partner API returns it (dossier individu): the
// besoins of each job of the professional project and the contraintes
// personnelles with their situations and objectifs. Field names are France
// Travail's.
type DSPPayload struct {
	Metiers     []DSPMetier    `json:"besoinsParDiagnosticIndividuDtos"`
	Contraintes DSPContraintes `json:"contraintesIndividusDto"`
}

// DSPMetier is a professional project of the DSP (one job aimed at, or a
// project still being built when nomMetier is null) and its besoins. Statut is
// France Travail's (EN_COURS, or another value for a project given up);
// typologie is free text ("métier recherché", "Projet d'évolution
// professionnelle"…); dateMiseAJour a timestamp.
type DSPMetier struct {
	ID        string    `json:"idMetierChiffre"`
	Name      *string   `json:"nomMetier"`
	Typology  *string   `json:"typologie"`
	Status    string    `json:"statut"`
	Priority  bool      `json:"estPrioritaire"`
	UpdatedAt *string   `json:"dateMiseAJour"`
	Besoins   []DSPItem `json:"besoins"`
}

// DSPContraintes is the block of the contraintes personnelles.
type DSPContraintes struct {
	Adviser    *string         `json:"conseiller"`
	ModifiedAt *string         `json:"dateDeModification"`
	Code       DSPCode         `json:"code"`
	Label      *string         `json:"libelle"`
	Items      []DSPContrainte `json:"contraintes"`
}

// DSPContrainte is one contrainte (23–29) with its situations and objectifs;
// date is when it was last assessed (null when never discussed).
type DSPContrainte struct {
	Code       DSPCode   `json:"code"`
	Label      string    `json:"libelle"`
	Value      string    `json:"valeur"`
	Date       *string   `json:"date"`
	Situations []DSPItem `json:"situations"`
	Objectifs  []DSPItem `json:"objectifs"`
}

// DSPItem is a coded item: a situation, an objectif or a besoin.
type DSPItem struct {
	Code  DSPCode `json:"code"`
	Label string  `json:"libelle"`
	Value string  `json:"valeur"`
}

// DSPCode is a France Travail code; the API sends strings, some exports
// numbers: both are read.
type DSPCode string

// UnmarshalJSON reads a string or a number.
func (c *DSPCode) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if bytes.Equal(b, []byte("null")) {
		*c = ""
		return nil
	}
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*c = DSPCode(s)
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		return err
	}
	if _, err := strconv.ParseInt(string(n), 10, 64); err != nil {
		return err
	}
	*c = DSPCode(n)
	return nil
}

// Codes and labels of the DSP contraintes block.
const (
	dspContraintesCode  = "7"
	dspContraintesLabel = "Résoudre ses contraintes personnelles"
	dspMetierEnCours    = "EN_COURS"
	dspDateSuffix       = "T00:00:00.000+00:00"
)

// Fault types of the France Travail DSP import and export. All are warnings:
// what has no equivalent is reported, never silently lost.
var (
	FaultDSPJSON           = &spie.FaultType{Code: "DSP-JSON-01", Severity: spie.SeverityError, FR: "diagnostic France Travail illisible : %[1]s", EN: "unreadable France Travail diagnostic: %[2]s", Source: "format d'échange du diagnostic socio-professionnel France Travail (DSP) ; RFC 8259"}
	FaultDSPContrainte     = &spie.FaultType{Code: "DSP-CONTRAINTE-01", Severity: spie.SeverityWarning, FR: "contrainte France Travail %q sans thématique SPIE : ignorée", EN: "France Travail contrainte %q has no SPIE theme: ignored", Source: "référentiel DSP France Travail (contraintes) et correspondance des thématiques, RULES.md §1"}
	FaultDSPContrainteDup  = &spie.FaultType{Code: "DSP-CONTRAINTE-02", Severity: spie.SeverityWarning, FR: "contrainte %q présente deux fois : seule la première est reprise", EN: "contrainte %q present twice: only the first is kept", Source: "référentiel DSP France Travail : une contrainte par code ; reprise propre à socle"}
	FaultDSPContrainteVal  = &spie.FaultType{Code: "DSP-CONTRAINTE-03", Severity: spie.SeverityWarning, FR: "valeur de contrainte inconnue %q (NON_ABORDEE, OUI, CLOTUREE) : suivi non repris", EN: "unknown contrainte value %q: follow-up not kept", Source: "RULES.md §2 : contrainte NON_ABORDEE | OUI | CLOTUREE (référentiel DSP France Travail)"}
	FaultDSPImpact         = &spie.FaultType{Code: "DSP-CONTRAINTE-10", Severity: spie.SeverityWarning, FR: "France Travail ne transmet pas l'impact du frein (%s) : impact à évaluer avec la personne", EN: "France Travail does not send the barrier's impact (%s): to assess with the person", Source: "RULES.md §2 : l'impact d'un frein (critères CNE 2024) n'existe pas dans le DSP France Travail"}
	FaultDSPSituation      = &spie.FaultType{Code: "DSP-SITUATION-01", Severity: spie.SeverityWarning, FR: "situation France Travail %q inconnue du référentiel : ignorée", EN: "France Travail situation %q unknown to the referential: ignored", Source: "référentiel DSP France Travail (situations), reference/france-travail-dsp/referentiel.csv"}
	FaultDSPSituationVal   = &spie.FaultType{Code: "DSP-SITUATION-02", Severity: spie.SeverityWarning, FR: "valeur de situation inconnue %q (OUI, NON, NON_ABORDEE) : valeur non reprise", EN: "unknown situation value %q: value not kept", Source: "RULES.md §2 : situation NON_ABORDEE | OUI | NON (référentiel DSP France Travail)"}
	FaultDSPSituationDup   = &spie.FaultType{Code: "DSP-SITUATION-03", Severity: spie.SeverityWarning, FR: "situation présente deux fois : seule la première est reprise", EN: "situation present twice: only the first is kept", Source: "référentiel DSP France Travail : une situation par code ; reprise propre à socle"}
	FaultDSPSituationTheme = &spie.FaultType{Code: "DSP-SITUATION-10", Severity: spie.SeverityWarning, FR: "la situation ne relève pas de la contrainte %q : ignorée", EN: "the situation does not belong to contrainte %q: ignored", Source: "référentiel DSP France Travail : chaque situation relève d'une contrainte"}
	FaultDSPObjectif       = &spie.FaultType{Code: "DSP-OBJECTIF-01", Severity: spie.SeverityWarning, FR: "objectif France Travail %q inconnu du référentiel : ignoré", EN: "France Travail objectif %q unknown to the referential: ignored", Source: "référentiel DSP France Travail (objectifs), reference/france-travail-dsp/referentiel.csv"}
	FaultDSPObjectifVal    = &spie.FaultType{Code: "DSP-OBJECTIF-02", Severity: spie.SeverityWarning, FR: "valeur d'objectif inconnue %q (NON_ABORDE, EN_COURS, REALISE, ABANDONNE) : statut non repris", EN: "unknown objectif value %q: status not kept", Source: "RULES.md §2 : objectif NON_ABORDE | EN_COURS | REALISE | ABANDONNE (référentiel DSP France Travail)"}
	FaultDSPObjectifDup    = &spie.FaultType{Code: "DSP-OBJECTIF-03", Severity: spie.SeverityWarning, FR: "objectif présent deux fois : seul le premier est repris", EN: "objectif present twice: only the first is kept", Source: "référentiel DSP France Travail : un objectif par code ; reprise propre à socle"}
	FaultDSPObjectifTheme  = &spie.FaultType{Code: "DSP-OBJECTIF-10", Severity: spie.SeverityWarning, FR: "l'objectif ne relève pas de la contrainte %q : ignoré", EN: "the objectif does not belong to contrainte %q: ignored", Source: "référentiel DSP France Travail : chaque objectif relève d'une contrainte"}
	FaultDSPBesoin         = &spie.FaultType{Code: "DSP-BESOIN-01", Severity: spie.SeverityWarning, FR: "besoin France Travail %q inconnu du référentiel : ignoré", EN: "France Travail besoin %q unknown to the referential: ignored", Source: "référentiel DSP France Travail (besoins du projet professionnel), RULES.md §1"}
	FaultDSPBesoinVal      = &spie.FaultType{Code: "DSP-BESOIN-02", Severity: spie.SeverityWarning, FR: "valeur de besoin inconnue %q (POINT_FORT, BESOIN, NON_EXPLORE) : gardée dans le projet France Travail, non reprise dans les besoins du socle", EN: "unknown besoin value %q: kept in the France Travail project, not in socle's besoins", Source: "RULES.md §2 : besoin POINT_FORT | BESOIN | NON_EXPLORE (référentiel DSP France Travail)"}
	FaultDSPBesoinMerge    = &spie.FaultType{Code: "DSP-BESOIN-10", Severity: spie.SeverityWarning, FR: "le besoin %q a des valeurs différentes selon les métiers : %s retenu", EN: "besoin %q has different values across jobs: %s kept", Source: "référentiel DSP France Travail : besoins donnés par métier ; fusion propre à socle (valeur la plus forte)"}
	FaultDSPMetier         = &spie.FaultType{Code: "DSP-METIER-10", Severity: spie.SeverityWarning, FR: "métier %q sans code ROME : non repris dans le projet professionnel (ses besoins le sont)", EN: "job %q has no ROME code: not added to the professional project (its besoins are)", Source: "Répertoire opérationnel des métiers et des emplois (ROME, France Travail) : le projet professionnel de socle cite un code ROME", Retired: true}
	FaultDSPDate           = &spie.FaultType{Code: "DSP-DATE-01", Severity: spie.SeverityWarning, FR: "date France Travail mal formée %q : ignorée", EN: "malformed France Travail date %q: ignored", Source: "format d'échange du DSP France Travail (dates ISO 8601)"}
	FaultDSPExportNoCode   = &spie.FaultType{Code: "DSP-EXPORT-01", Severity: spie.SeverityWarning, FR: "%q n'a pas de code France Travail : non exporté", EN: "%q has no France Travail code: not exported", Source: "référentiel DSP France Travail : seules ses clés s'exportent (RULES.md §1)"}
	FaultDSPExportTheme    = &spie.FaultType{Code: "DSP-EXPORT-02", Severity: spie.SeverityWarning, FR: "la thématique %q n'a pas de contrainte France Travail : non exportée", EN: "theme %q has no France Travail contrainte: not exported", Source: "RULES.md §1 : thématiques sans contrainte DSP (colonne DSP « — »)"}
	FaultDSPExportHealth   = &spie.FaultType{Code: "DSP-EXPORT-04", Severity: spie.SeverityWarning, FR: "situation ou objectif d'une thématique sensible sans code France Travail : non exporté", EN: "situation or objective of a sensitive theme without a France Travail code: not exported", Source: "référentiel DSP France Travail : seules ses clés s'exportent (RULES.md §1) ; RULES.md §10 : le détail de santé est une donnée sensible (RGPD art. 9), le message ne cite pas sa clé"}
	FaultDSPExportNoEquiv  = &spie.FaultType{Code: "DSP-EXPORT-03", Severity: spie.SeverityWarning, FR: "%s n'a pas d'équivalent dans le diagnostic France Travail : non exporté", EN: "%s has no equivalent in the France Travail diagnostic: not exported", Source: "référentiel DSP France Travail : champ sans équivalent dans le format d'échange"}
	FaultDSPEmpty          = &spie.FaultType{Code: "DSP-VIDE-01", Severity: spie.SeverityError, FR: "aucun dossier France Travail : le document n'a ni projet professionnel (besoinsParDiagnosticIndividuDtos) ni contraintes (contraintesIndividusDto)", EN: "no France Travail dossier: the document has neither professional projects (besoinsParDiagnosticIndividuDtos) nor contraintes (contraintesIndividusDto)", Source: "réponse « dossier individu » de l'API France Travail : null ou vide quand la personne n'a pas de diagnostic (carnet de bord, backend/cdb/pe/models/dossier_individu_api.py : les deux champs sont obligatoires)"}
	FaultDSPCaller         = &spie.FaultType{Code: "DSP-IMPORT-01", Severity: spie.SeverityWarning, FR: "champ %s à renseigner par la structure : France Travail ne le transmet pas", EN: "field %s to be filled in by the structure: France Travail does not send it", Source: "format d'échange du DSP France Travail (dossier individu) ; schéma du diagnostic socle, schemas/v1/diagnostic.json"}
	FaultDSPLabel          = &spie.FaultType{Code: "DSP-LIBELLE-01", Severity: spie.SeverityWarning, FR: "libellé %[1]q différent de celui de France Travail pour ce code (%[2]q) : le code est retenu", EN: "label %[1]q differs from France Travail's for this code (%[2]q): the code is kept", Source: "référentiel DSP France Travail, reference/france-travail-dsp/referentiel.csv ; reprise par code, jamais par libellé"}
	FaultDSPLabelHealth    = &spie.FaultType{Code: "DSP-LIBELLE-02", Severity: spie.SeverityWarning, FR: "libellé différent de celui de France Travail pour ce code d'une thématique sensible : le code est retenu", EN: "label differs from France Travail's for this code of a sensitive theme: the code is kept", Source: "référentiel DSP France Travail (referentiel.csv) ; RULES.md §10 : le détail de santé est une donnée sensible (RGPD art. 9), le message ne cite pas le libellé"}
	FaultDSPExportNoValue  = &spie.FaultType{Code: "DSP-EXPORT-05", Severity: spie.SeverityWarning, FR: "%s : pas de valeur France Travail, rien n'est exporté (socle n'invente pas de valeur)", EN: "%s: no France Travail value, nothing exported (socle invents no value)", Source: "RULES.md §2 : valeurs du DSP France Travail ; DEVELOPERS.md : jamais de valeur inventée"}
	FaultDSPExportNoName   = &spie.FaultType{Code: "DSP-EXPORT-06", Severity: spie.SeverityWarning, FR: "le métier %s n'a pas de libellé : nomMetier laissé vide (un code ROME n'est pas un nom de métier)", EN: "job %s has no label: nomMetier left empty (a ROME code is not a job name)", Source: "format d'échange du DSP France Travail : nomMetier est le nom du métier, null pour un projet en construction"}
	// FaultDSPExportModified: the dateDeModification France Travail sent
	// could not be read at import (DSP-DATE-01); export leaves it out rather
	// than write a date France Travail never sent.
	FaultDSPExportModified = &spie.FaultType{Code: "DSP-EXPORT-08", Severity: spie.SeverityWarning, FR: "date de modification France Travail %q illisible à l'import : dateDeModification non exportée (socle n'invente pas de date)", EN: "France Travail modification date %q unreadable at import: dateDeModification not exported (socle invents no date)", Source: "format d'échange du DSP France Travail (dates ISO 8601) ; DEVELOPERS.md : jamais de valeur inventée"}
	FaultDSPExportBesoin   = &spie.FaultType{Code: "DSP-EXPORT-07", Severity: spie.SeverityWarning, FR: "le besoin %q vaut %s dans le diagnostic mais %s dans les projets France Travail importés : projets rendus tels que reçus", EN: "besoin %q is %s in the diagnostic but %s in the imported France Travail projects: projects sent back as received", Source: "format d'échange du DSP France Travail : besoins donnés par projet ; le socle n'en garde qu'une valeur par besoin"}
)

// dspDate returns the calendar date of a France Travail timestamp or date in
// the territory where (spie.DateIn):
//   - a timestamp with an offset (2021-05-17T22:47:11.000+00:00) is an
//     instant, read as a date where the person lives (18 May in Paris);
//   - one at midnight exactly in its own offset (2026-04-03T00:00:00.000+00:00,
//     as socle's export and the API's date-only fields write) stands for that
//     date: 3 April everywhere;
//   - a date, or a timestamp without offset (local time), gives its first ten
//     characters.
func dspDate(s *string, where spie.CommuneCode) (spie.Date, bool) {
	if s == nil || len(*s) < 10 {
		return "", false
	}
	if t, err := time.Parse(time.RFC3339, *s); err == nil {
		if t.Hour() != 0 || t.Minute() != 0 || t.Second() != 0 || t.Nanosecond() != 0 {
			return spie.DateIn(t, string(where)), true
		}
		return spie.DateOf(t), true
	}
	d := spie.Date((*s)[:10])
	if _, ok := d.Time(); !ok {
		return "", false
	}
	return d, true
}

// DSPProject is a professional project of an imported France Travail DSP,
// kept in the diagnostic exactly as France Travail wrote it (values and
// timestamps as strings, never re-read) so that ExportDSP sends it back
// unchanged. A null or empty nomMetier is left out, and exported as null.
type DSPProject struct {
	// Identifiant chiffré du projet chez France Travail (idMetierChiffre).
	ID string `json:"id_metier_chiffre" jsonschema:"maxLength=300"`
	// Nom du métier (nomMetier) ; absent pour un projet en construction.
	Name string `json:"nom_metier,omitempty" jsonschema:"maxLength=300"`
	// Typologie du projet selon France Travail (texte libre, par exemple « métier recherché »).
	Typology string `json:"typologie,omitempty" jsonschema:"maxLength=300"`
	// Statut du projet selon France Travail (EN_COURS, ou une autre valeur pour un projet abandonné).
	Status string `json:"statut" jsonschema:"maxLength=40"`
	// Projet prioritaire selon France Travail.
	Priority bool `json:"est_prioritaire,omitempty"`
	// Horodatage de la mise à jour du projet (dateMiseAJour), tel que reçu.
	UpdatedAt string `json:"date_mise_a_jour,omitempty" jsonschema:"maxLength=40"`
	// Besoins de ce projet, codes et valeurs France Travail tels que reçus.
	Besoins []DSPProjectBesoin `json:"besoins,omitempty" jsonschema:"maxItems=50"`
}

// DSPProjectBesoin is one besoin of a France Travail project: its France
// Travail code (1–21) and value (POINT_FORT, BESOIN, NON_EXPLORE, or another
// value France Travail sent, kept as is).
type DSPProjectBesoin struct {
	// Code France Travail du besoin.
	Code string `json:"code" jsonschema:"minLength=1,maxLength=20"`
	// Valeur France Travail du besoin, telle que reçue.
	Value string `json:"valeur" jsonschema:"maxLength=40"`
}

// dspInProgress is the statut of a project France Travail is working on; the
// carnet de bord shows only those (app/elm/Pages/Carnet/Diagnostic/PoleEmploi/
// Page.elm, toProjetProfessionnel, commit e0fe721), and socle merges only
// their besoins into the diagnostic's.
const dspInProgress = dspMetierEnCours

// maxFTModifiedAt is the longest date_modification_france_travail kept: the
// maxLength of its jsonschema tag (Diagnostic.FTModifiedAt), read from the
// tag so that the schema's limit is written in one place. Read on first use
// through a zero sync.Once (not a package-level sync.OnceValue, whose
// closure the package's initialisation would reference: the linker would
// keep this reflection in every program importing the package, the widget
// modules among them, which never import a DSP).
func maxFTModifiedAt() int {
	maxFTModifiedAtOnce.Do(func() {
		f, _ := reflect.TypeFor[Diagnostic]().FieldByName("FTModifiedAt")
		for _, part := range strings.Split(f.Tag.Get("jsonschema"), ",") {
			if v, ok := strings.CutPrefix(part, "maxLength="); ok {
				if n, err := strconv.Atoi(v); err == nil {
					maxFTModifiedAtValue = n
					return
				}
			}
		}
		// no limit read: 0, nothing unreadable is kept
	})
	return maxFTModifiedAtValue
}

var (
	maxFTModifiedAtOnce  sync.Once
	maxFTModifiedAtValue int
)
