package carnet

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"math/big"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/spie-fr/socle/spie"
)

// Operation is what a change does.
type Operation string

// Operations.
const (
	OpCreate Operation = "creer"
	OpAdd    Operation = "ajouter"
	OpUpdate Operation = "modifier"
	OpRemove Operation = "retirer"
	OpMerge  Operation = "fusionner"
)

// Operations is the code list of operations of the journal.
var Operations = spie.Definitions{
	{Key: "creer", Label: spie.Label{FR: "Création du carnet", EN: "Carnet created"}, Source: sourceIssue},
	{Key: "ajouter", Label: spie.Label{FR: "Ajout", EN: "Addition"}, Source: sourceIssue},
	{Key: "modifier", Label: spie.Label{FR: "Modification", EN: "Update"}, Source: sourceIssue},
	{Key: "retirer", Label: spie.Label{FR: "Retrait", EN: "Removal"}, Source: sourceIssue},
	{Key: "fusionner", Label: spie.Label{FR: "Fusion d'un doublon", EN: "Merge of a duplicate"}, Source: sourceIssue},
}

// Definitions implements spie.Enum.
func (Operation) Definitions() spie.Definitions { return Operations }

// Target is the part of the carnet a change touches: a single value
// (personne, diagnostic) or a list of items with ids.
type Target string

// Targets.
const (
	TargetCarnet        Target = "carnet"
	TargetPersonne      Target = "personne"
	TargetDiagnostic    Target = "diagnostic"
	TargetMembres       Target = "membres"
	TargetOrientations  Target = "orientations"
	TargetContrats      Target = "contrats"
	TargetObjectifs     Target = "objectifs"
	TargetActions       Target = "actions"
	TargetRendezVous    Target = "rendez_vous"
	TargetJalons        Target = "jalons"
	TargetConsentements Target = "consentements"
)

// Targets is the code list of the parts of the carnet a change touches: the
// whole carnet, then the rows of Parts. Map "section" gives the section whose
// rights apply.
var Targets = targetDefinitions()

func section(s string) map[string][]string { return map[string][]string{"section": {s}} }

// Definitions implements spie.Enum.
func (Target) Definitions() spie.Definitions { return Targets }

// Section returns the section whose rights apply to the target (Parts; the
// whole carnet is under personne), "" for an unknown target.
func (t Target) Section() Section {
	if t == TargetCarnet {
		return SectionPersonne
	}
	p, _ := PartOf(t)
	return p.Section
}

// Event is one entry of the append-only journal: who changed what, when,
// with the value before and after. Each event carries the hash of the
// previous event of the same carnet (its chain), so that a reader can verify
// that nothing was altered, reordered or removed inside the chain; a cut
// tail, a removed journal or a re-hashed chain are detected only against
// checkpoints, authorship only by signatures (see the package doc).
type Event struct {
	// Carnet dont l'événement fait partie (chaîne d'origine, conservée après fusion).
	Carnet string `json:"carnet" jsonschema:"minLength=1,maxLength=100"`
	// Rang de l'événement dans sa chaîne, à partir de 0.
	Seq int `json:"rang" jsonschema:"minimum=0"`
	// Horodatage de la modification.
	At time.Time `json:"horodatage"`
	// Auteur de la modification.
	Actor Actor `json:"auteur"`
	// Opération.
	Op Operation `json:"operation"`
	// Partie du carnet modifiée.
	Target Target `json:"cible"`
	// Identifiant de l'élément modifié (listes).
	ItemID string `json:"id_element,omitempty" jsonschema:"maxLength=100"`
	// Carnet d'origine de l'élément modifié, quand plusieurs éléments de la liste partagent son identifiant (après une fusion).
	ItemOrigin string `json:"origine_element,omitempty" jsonschema:"maxLength=100"`
	// Valeur avant la modification.
	Before json.RawMessage `json:"avant,omitempty"`
	// Valeur après la modification.
	After json.RawMessage `json:"apres,omitempty"`
	// Vrai quand la valeur touche des données de santé (visibles de la personne et de son référent seulement).
	Sensitive bool `json:"sensible,omitempty"`
	// Empreinte SHA-256 de l'événement précédent de la chaîne.
	Prev string `json:"empreinte_precedente,omitempty" jsonschema:"pattern=^[0-9a-f]{64}$"`
	// Empreinte SHA-256 de cet événement.
	Hash string `json:"empreinte" jsonschema:"pattern=^[0-9a-f]{64}$"`
	// Signature de l'empreinte par la structure qui a écrit l'événement (hors empreinte).
	Signature *Signature `json:"signature,omitempty"`
}

// ComputeHash returns the SHA-256 of the event's canonical JSON, its own
// hash and signature left out (the signature signs the hash); the values before and after are canonicalised (members
// sorted, no spaces) so that re-serialising a carnet keeps its hashes.
func (e Event) ComputeHash() string {
	e.Hash, e.Signature = "", nil
	e.Before = compact(e.Before)
	e.After = compact(e.After)
	b, _ := json.Marshal(e)
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// compact returns the canonical form of a JSON value: no insignificant
// space, object members sorted by name, an integral number in plain decimal
// digits (35.0, 3.5e1 and 35 are all written 35, and -0 is 0, as RFC 8785
// §3.2.2.3 writes them), any other number as written. Hashes do not depend
// on how a tool re-serialised the document.
func compact(m json.RawMessage) json.RawMessage {
	if len(m) == 0 {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(m))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return m
	}
	b, err := json.Marshal(canonicalNumbers(v))
	if err != nil {
		return m
	}
	return b
}

// maxCanonicalExponent bounds the exponent of a number compact rewrites:
// beyond it (1e400 is already outside float64) the number keeps its text,
// so that a hostile 1e999999999 costs no big-number arithmetic.
const maxCanonicalExponent = 400

// canonicalNumbers rewrites, in a value decoded with UseNumber, every
// integral number (exact value, no rounding: big.Rat) as its decimal digits.
func canonicalNumbers(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = canonicalNumbers(e)
		}
	case []any:
		for i, e := range x {
			x[i] = canonicalNumbers(e)
		}
	case json.Number:
		return canonicalNumber(x)
	}
	return v
}

func canonicalNumber(n json.Number) json.Number {
	s := string(n)
	if !strings.ContainsAny(s, ".eE") {
		if s == "-0" {
			return "0"
		}
		return n
	}
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		exp, err := strconv.Atoi(strings.TrimPrefix(s[i+1:], "+"))
		if err != nil || exp > maxCanonicalExponent || exp < -maxCanonicalExponent {
			return n
		}
	}
	r, ok := new(big.Rat).SetString(s)
	if !ok || !r.IsInt() {
		return n
	}
	return json.Number(r.Num().String())
}

// Change is a change asked of the carnet.
//
// A Change travels as JSON with the names of the journal's events
// ({"operation", "cible", "id_element", "valeur", "horodatage"}): a widget
// proposes one, the partner's server decodes it and applies it with Apply
// (a decoded Value is the item's JSON, which Apply reads as the typed item).
type Change struct {
	// Op is ajouter, modifier or retirer (creer is made by Create).
	Op Operation `json:"operation"`
	// Target is the part of the carnet changed.
	Target Target `json:"cible"`
	// ID is the item's id for the lists (ignored for personne, diagnostic).
	ID string `json:"id_element,omitempty"`
	// Origin is the id of the carnet the item comes from (its origine),
	// needed only when, after a merge, several items of the list share ID:
	// the origine of Value is used when Origin is empty.
	Origin string `json:"origine,omitempty"`
	// Value is the new value: a Person, a *diagnostic.Diagnostic or an item
	// of the list (Member, Orientation, Contract, PlanObjectif, Action,
	// Contact, Milestone, SharingConsent). Nil to remove.
	Value any `json:"valeur,omitempty"`
	// At is when the change is made.
	At time.Time `json:"horodatage"`
}

// Fault types of changes and of the journal.
var (
	FaultChangeOp        = &spie.FaultType{Code: "CARNET-CHANGE-01", Severity: spie.SeverityError, FR: "opération %q impossible sur %q", EN: "operation %q not possible on %q", Source: "format des modifications du carnet de socle (journal d'événements)"}
	FaultChangeValue     = &spie.FaultType{Code: "CARNET-CHANGE-02", Severity: spie.SeverityError, FR: "valeur illisible pour %[1]q : %[2]s", EN: "unreadable value for %[1]q: %[3]s", Source: "RFC 8259 ; format des modifications du carnet de socle"}
	FaultChangeMissing   = &spie.FaultType{Code: "CARNET-CHANGE-03", Severity: spie.SeverityError, FR: "élément %q introuvable", EN: "item %q not found", Source: "format des modifications du carnet de socle : un élément modifié existe"}
	FaultChangeExists    = &spie.FaultType{Code: "CARNET-CHANGE-04", Severity: spie.SeverityError, FR: "l'élément %q existe déjà", EN: "item %q already exists", Source: "format des modifications du carnet de socle : un identifiant ne désigne qu'un élément"}
	FaultChangeID        = &spie.FaultType{Code: "CARNET-CHANGE-05", Severity: spie.SeverityError, FR: "l'identifiant de la valeur (%q) diffère de celui de la modification (%q)", EN: "the value's id (%q) differs from the change's (%q)", Source: "format des modifications du carnet de socle : identifiant de l'élément modifié"}
	FaultChangeTime      = &spie.FaultType{Code: "CARNET-CHANGE-06", Severity: spie.SeverityError, FR: "horodatage manquant ou antérieur au dernier événement", EN: "timestamp missing or before the last event", Source: "journal du carnet de socle : événements horodatés dans l'ordre"}
	FaultChangeAmbiguous = &spie.FaultType{Code: "CARNET-CHANGE-09", Severity: spie.SeverityError, FR: "plusieurs éléments %q viennent de carnets différents (%s) : précisez l'origine de celui à modifier", EN: "several items %q come from different carnets (%s): give the origine of the one to change", Source: "fusion des carnets de socle : un élément est identifié par son carnet d'origine et son identifiant local (issue 16, « fusion par identifiants locaux »)"}
	FaultJournalHash     = &spie.FaultType{Code: "CARNET-JOURNAL-01", Severity: spie.SeverityError, FR: "l'empreinte de l'événement ne correspond pas à son contenu : il a été modifié", EN: "the event's hash does not match its content: it was altered", Source: "journal chaîné du carnet de socle (empreinte SHA-256 de chaque événement) : intégrité, RGPD art. 5.1.f"}
	FaultJournalChain    = &spie.FaultType{Code: "CARNET-JOURNAL-02", Severity: spie.SeverityError, FR: "l'événement ne suit pas le précédent de sa chaîne : un événement a été retiré ou déplacé", EN: "the event does not follow the previous one of its chain: an event was removed or moved", Source: "journal chaîné du carnet de socle (chaque événement cite l'empreinte du précédent) : intégrité, RGPD art. 5.1.f"}
	FaultJournalStart    = &spie.FaultType{Code: "CARNET-JOURNAL-03", Severity: spie.SeverityError, FR: "la chaîne du carnet %q ne commence pas par sa création", EN: "the chain of carnet %q does not start with its creation", Source: "journal chaîné du carnet de socle : la chaîne commence par la création du carnet"}
	FaultJournalEmpty    = &spie.FaultType{Code: "CARNET-JOURNAL-04", Severity: spie.SeverityError, FR: "journal vide : rien à rejouer", EN: "empty journal: nothing to replay", Source: "journal du carnet de socle : rejouer demande au moins un événement"}
	FaultJournalReplay   = &spie.FaultType{Code: "CARNET-JOURNAL-05", Severity: spie.SeverityError, FR: "événement impossible à rejouer : %[1]s", EN: "event cannot be replayed: %[2]s", Source: "journal du carnet de socle : chaque événement se rejoue sur l'état précédent"}
	FaultJournalState    = &spie.FaultType{Code: "CARNET-JOURNAL-10", Severity: spie.SeverityError, FR: "le contenu du carnet ne correspond pas à son journal", EN: "the carnet's content does not match its journal", Source: "journal du carnet de socle : le contenu est le rejeu du journal"}
)

// Create opens a carnet from its initial content (without journal) and
// records the creation event. Opening a carnet designates its first
// référents (the initial members in that role), which is Designate's right
// (checkCreation): the opener may name itself (a structure opening the
// accompaniment it starts) and then others, as a référent may, the person (usager, identified by personne/id)
// may name a structure, and a chargé d'orientation may name the structure
// of an orientation of the initial content in force that day; any other
// référent is refused (CARNET-DROITS-06, pointing at the member). The
// opener must say who they are as Authorize requires (CARNET-DROITS-05 or
// -08). Replay checks the same on the creation of every chain.
//
// The creation is refused when at is zero (CARNET-CHANGE-06) or more than
// MaxClockSkew after the clock (WithClock, time.Now by default;
// CARNET-CHANGE-07), and when a value of the initial content fails
// CheckValues (CARNET-VALEUR-*, SPIE identifier faults): an unknown code, a
// date that is not a calendar date YYYY-MM-DD, a bound of the schema.
func Create(initial Carnet, actor Actor, at time.Time, opts ...Option) (*Carnet, spie.Faults) {
	if at.IsZero() {
		return nil, spie.Faults{FaultChangeTime.At(spie.Pointer("journal"))}
	}
	if fs := checkTime(at, newSettings(opts)); len(fs) > 0 {
		return nil, fs
	}
	initial.Journal = nil
	if initial.Version == "" {
		initial.Version = SchemaVersion
	}
	if fs := CheckValues(&initial, ""); len(fs) > 0 {
		return nil, fs
	}
	if fs := foreignOrigins(&initial); len(fs) > 0 {
		return nil, fs
	}
	if f := checkCreation(&initial, actor, spie.DateIn(at, string(initial.Person.Commune))); f != nil {
		return nil, spie.Faults{*f}
	}
	stampOrigin(&initial, initial.ID)
	after, err := json.Marshal(initial)
	if err != nil {
		fr, en := valueError(err)
		return nil, spie.Faults{FaultChangeValue.At("", "carnet", fr, en)}
	}
	c := &Carnet{}
	e := Event{Carnet: initial.ID, Seq: 0, At: at.UTC(), Actor: actor, Op: OpCreate, Target: TargetCarnet, After: after}
	e.Sensitive = hasSensitive(&initial)
	if fs := apply(c, e); len(fs) > 0 {
		return nil, fs
	}
	e.Hash = e.ComputeHash()
	c.Journal = append(c.Journal, e)
	return c, nil
}

// checkCreation checks the rights of the opener of initial on day (see
// Create): identified, and every initial référent designated by the opener
// itself (and, once it names itself référent active that day, any other),
// the person, or a chargé d'orientation carrying out an initial
// orientation in force that day that names the référent's structure.
func checkCreation(initial *Carnet, actor Actor, day spie.Date) *spie.Fault {
	if !Roles.Has(string(actor.Role)) {
		f := FaultRightsRole.At("", string(actor.Role))
		return &f
	}
	if f := identified(initial, actor, spie.Pointer("journal")); f != nil {
		return f
	}
	// an opener who names itself référent is the carnet's référent and
	// may, as Designate allows a référent, name others (a successor)
	openerIsRef := false
	for _, mb := range initial.Members {
		if mb.Role == RoleReferent && actor.Role != RoleUsager && isActor(mb, actor) && mb.ActiveOn(day) {
			openerIsRef = true
		}
	}
	for i, mb := range initial.Members {
		if mb.Role != RoleReferent {
			continue
		}
		switch {
		case actor.Role == RoleUsager && mb.StructureSIRET != "":
			continue
		case actor.Role != RoleUsager && (isActor(mb, actor) || openerIsRef):
			continue
		case actor.Role == RoleChargeOrientation:
			if o, ok := initial.OrientationOn(day); ok && o.StructureSIRET != "" && o.StructureSIRET == mb.StructureSIRET {
				continue
			}
		}
		f := FaultRightsDesignate.At(spie.Pointer("membres", i))
		return &f
	}
	return nil
}

// FaultCreateOrigin refuses, at Create, an item that claims to come from
// another carnet: only a merge brings another carnet's items, with the
// journal that wrote them.
var FaultCreateOrigin = &spie.FaultType{Code: "CARNET-CHANGE-08", Severity: spie.SeverityError, FR: "un carnet créé ne porte que ses propres éléments : cet élément se dit venu d'un autre carnet", EN: "a new carnet holds only its own items: this item claims to come from another carnet", Source: "journal du carnet de socle : la provenance (origine) d'un élément est le carnet qui l'a créé ; seule une fusion enregistrée apporte les éléments d'un autre carnet (attaque « référent par fusion », issue 16)"}

// foreignOrigins reports the list items of a carnet to create whose origine
// is another carnet's id.
func foreignOrigins(c *Carnet) spie.Faults {
	b, err := json.Marshal(c)
	if err != nil {
		return nil
	}
	var doc map[string]json.RawMessage
	if json.Unmarshal(b, &doc) != nil {
		return nil
	}
	var fs spie.Faults
	for _, p := range Parts {
		if !p.List {
			continue
		}
		var items []struct {
			Origin string `json:"origine"`
		}
		if json.Unmarshal(doc[p.Fields[0]], &items) != nil {
			continue
		}
		for i, it := range items {
			if it.Origin != "" && it.Origin != c.ID {
				fs = append(fs, FaultCreateOrigin.At(spie.Pointer(p.Fields[0], i, "origine")))
			}
		}
	}
	return fs
}

// Apply makes the change as actor, after checking the actor's rights (see
// Authorize) on the date of ch.At in the person's territory (spie.DateIn
// with personne.code_commune: a référent whose period starts on 1 June may
// write from 00:00 Paris time, 22:00 UTC on 31 May), and the change itself,
// and appends the event to the journal.
// On any fault the carnet is left unchanged.
//
// It first guards time and values: a change dated more than MaxClockSkew
// after the clock (WithClock, time.Now by default) is refused
// (CARNET-CHANGE-07), and so is a value that fails CheckValues
// (CARNET-VALEUR-*): what the journal records passes the value checks of
// the schema. Marking a member acces_nir needs an actor already authorised
// for the NIR (CARNET-NIR-01). Then, before anything of the carnet's
// content is judged (the order of its journal, an item's existence or
// origine, the carnets merged into it), the actor must read or write the
// target's section: an actor refused there gets a rights fault
// (CARNET-DROITS-*) whatever the carnet holds.
func Apply(c *Carnet, ch Change, actor Actor, opts ...Option) spie.Faults {
	if fs := guardChange(ch, newSettings(opts)); len(fs) > 0 {
		return fs
	}
	if ch.At.IsZero() {
		return spie.Faults{FaultChangeTime.At(spie.Pointer("journal"))}
	}
	if ch.Op == OpCreate || ch.Op == OpMerge || !Targets.Has(string(ch.Target)) || ch.Target == TargetCarnet || !Operations.Has(string(ch.Op)) ||
		(ch.Op == OpRemove && ch.Target == TargetPersonne) {
		return spie.Faults{FaultChangeOp.At(spie.Pointer(string(ch.Target)), string(ch.Op), string(ch.Target))}
	}
	day := spie.DateIn(ch.At, string(c.Person.Commune))
	var after json.RawMessage
	if ch.Op != OpRemove {
		v := ch.Value
		if v == nil {
			return spie.Faults{FaultChangeValue.At(spie.Pointer(string(ch.Target)), string(ch.Target), "valeur absente", "value missing")}
		}
		b, err := json.Marshal(v)
		if err != nil {
			fr, en := valueError(err)
			return spie.Faults{FaultChangeValue.At(spie.Pointer(string(ch.Target)), string(ch.Target), fr, en)}
		}
		after = b
	}
	// nothing of the carnet's content is judged before the actor is known
	// to see or write the target's section: the date of its last event
	// (CARNET-CHANGE-06), whether an item id exists (CARNET-CHANGE-08) and
	// the carnets merged into it (CARNET-CHANGE-09 lists them) are the
	// carnet's content. A refused actor gets the fault of the full check
	// made as if the item were absent, which depends on nothing but the
	// actor, the change and the carnet's members.
	if f := DefaultRights.authorizeTarget(c, actor, ch.Target, day); f != nil {
		if g := DefaultRights.authorizeChange(c, actor, ch.Target, nil, after, isSensitive(ch.Target, after), day); g != nil {
			f = g
		}
		return spie.Faults{*f}
	}
	// the NIR grant reads the member records (a kept mark passes): after
	// the rights, or a stranger learns which member holds the mark
	if fs := guardNIRGrant(c, ch, actor); len(fs) > 0 {
		return fs
	}
	if len(c.Journal) > 0 && ch.At.Before(c.Journal[len(c.Journal)-1].At) {
		return spie.Faults{FaultChangeTime.At(spie.Pointer("journal"))}
	}
	// the item is (origine, id): after a merge, several items of a list
	// may share an id; the change names its origine (Origin, or the
	// origine of its value), an addition is this carnet's
	origin := ch.Origin
	if origin == "" && isList(ch.Target) && len(after) > 0 {
		var probe struct {
			Origin string `json:"origine"`
		}
		_ = json.Unmarshal(after, &probe)
		origin = probe.Origin
	}
	if ch.Op == OpAdd && origin == "" {
		origin = c.ID
	}
	// an item's origine is the carnet that created it: an addition is this
	// carnet's, a change names an origine the list holds for that id
	// (CARNET-CHANGE-08 otherwise: a foreign origine would pre-empt another
	// carnet's item at a later merge)
	if isList(ch.Target) && origin != "" {
		p, _ := PartOf(ch.Target)
		known := ch.Op != OpAdd && slices.Contains(p.ops.origins(c, ch.ID), origin)
		if (ch.Op == OpAdd && origin != c.ID) || (ch.Op != OpAdd && !known && len(p.ops.origins(c, ch.ID)) > 0) {
			return spie.Faults{FaultCreateOrigin.At(spie.Pointer(string(ch.Target), ch.ID, "origine"))}
		}
	}
	itemOrigin := ""
	if p, ok := PartOf(ch.Target); ok && isList(ch.Target) {
		if os := p.ops.origins(c, ch.ID); len(os) > 1 || (ch.Op == OpAdd && len(os) > 0) {
			if origin == "" {
				return spie.Faults{FaultChangeAmbiguous.At(spie.Pointer(string(ch.Target)), ch.ID, strings.Join(os, ", "))}
			}
			itemOrigin = origin
		}
	}
	before, exists := c.item(ch.Target, ch.ID, itemOrigin)
	sensitive := isSensitive(ch.Target, before) || isSensitive(ch.Target, after)
	if f := DefaultRights.authorizeChange(c, actor, ch.Target, before, after, sensitive, day); f != nil {
		return spie.Faults{*f}
	}
	if st := newSettings(opts); st.clockSet {
		if today := spie.DateIn(st.now(), string(c.Person.Commune)); today.After(day) {
			if f := DefaultRights.authorizeChange(c, actor, ch.Target, before, after, sensitive, today); f != nil {
				return spie.Faults{*f}
			}
		}
	}
	if ch.Target == TargetRendezVous && len(after) > 0 {
		// a contact's outcome is recorded once it took place (Check says
		// the same of a stored carnet); judged after the rights, as its
		// message quotes the person's local day
		var k Contact
		if json.Unmarshal(after, &k) == nil {
			if f := k.futureResult(day, spie.Pointer(string(ch.Target), ch.ID, "resultat")); f != nil {
				return spie.Faults{*f}
			}
		}
	}
	e := Event{Op: ch.Op, Target: ch.Target, ItemID: ch.ID, ItemOrigin: itemOrigin, At: ch.At.UTC(), Actor: actor, Before: before, After: after, Sensitive: sensitive}
	if isList(ch.Target) {
		switch {
		case ch.Op == OpAdd && exists:
			return spie.Faults{FaultChangeExists.At(spie.Pointer(string(ch.Target)), ch.ID)}
		case ch.Op != OpAdd && !exists:
			return spie.Faults{FaultChangeMissing.At(spie.Pointer(string(ch.Target)), ch.ID)}
		}
	} else if ch.Op == OpRemove && !exists {
		return spie.Faults{FaultChangeMissing.At(spie.Pointer(string(ch.Target)), string(ch.Target))}
	} else if ch.Op != OpRemove {
		e.Op = OpAdd
		if exists {
			e.Op = OpUpdate
		}
	}
	e.Carnet, e.Seq, e.Prev = c.ID, 0, ""
	if last, ok := c.chainHead(c.ID); ok {
		e.Seq, e.Prev = last.Seq+1, last.Hash
	}
	if isList(ch.Target) && len(after) > 0 {
		var probe struct {
			ID     string `json:"id"`
			Origin string `json:"origine"`
		}
		_ = json.Unmarshal(after, &probe)
		if probe.ID != ch.ID {
			return spie.Faults{FaultChangeID.At(spie.Pointer(string(ch.Target)), probe.ID, ch.ID)}
		}
		if probe.Origin == "" {
			o := c.ID
			if itemOrigin != "" {
				o = itemOrigin
			}
			e.After = withOrigin(after, o)
		}
	}
	trial := c.cloneContent()
	if fs := apply(trial, e); len(fs) > 0 {
		return fs
	}
	e.Hash = e.ComputeHash()
	*c = *trial
	c.Journal = append(c.Journal, e)
	return nil
}

// chainHead returns the last event of the chain of carnet id.
func (c *Carnet) chainHead(id string) (Event, bool) {
	for i := len(c.Journal) - 1; i >= 0; i-- {
		if c.Journal[i].Carnet == id {
			return c.Journal[i], true
		}
	}
	return Event{}, false
}

// cloneContent returns a deep copy of the carnet (journal included) through JSON.
func (c *Carnet) cloneContent() *Carnet {
	b, _ := json.Marshal(c)
	var out Carnet
	_ = json.Unmarshal(b, &out)
	return &out
}

// Verify checks every chain of the journal: each event's hash matches its
// content and links to the previous event of its chain, and each chain starts
// with a creation. It returns the faults, pointing at journal entries. It
// proves the chains consistent, not complete nor genuine: VerifyCarnet
// with checkpoints and keys does.
func Verify(events []Event) spie.Faults {
	var fs spie.Faults
	heads := map[string]Event{}
	for i, e := range events {
		path := spie.Pointer("journal", i)
		if e.ComputeHash() != e.Hash {
			fs = append(fs, FaultJournalHash.At(spie.Join(path, "empreinte")))
		}
		prev, seen := heads[e.Carnet]
		switch {
		case !seen && (e.Seq != 0 || e.Op != OpCreate || e.Prev != ""):
			fs = append(fs, FaultJournalStart.At(path, e.Carnet))
		case seen && (e.Seq != prev.Seq+1 || e.Prev != prev.Hash):
			fs = append(fs, FaultJournalChain.At(spie.Join(path, "empreinte_precedente")))
		}
		heads[e.Carnet] = e
	}
	return fs
}

// Replay rebuilds a carnet from its journal, after verifying it, and
// re-checks the rights of every event against the state of the carnet just
// before it, as Apply (and MergeRecorded for a fusion event) would have: an
// event its author had no right to make is refused with the rights fault
// (CARNET-DROITS-…) pointing at the event, however well its hash chains.
// The creation of a chain is checked as Create checks it. Each chain
// (one per carnet merged in) is replayed on its own; a fusion event recorded
// by MergeRecorded merges the chains it names at that point, so that later
// changes replay on the merged carnet (the merge's rights re-checked as
// MergeRecorded checks them); chains merged without a recorded event are
// merged at the end, in the order of their ids, as Merge does (no actor is
// recorded for them: their rights cannot be re-checked).
func Replay(events []Event) (*Carnet, spie.Faults) {
	if len(events) == 0 {
		return nil, spie.Faults{FaultJournalEmpty.At(spie.Pointer("journal"))}
	}
	if fs := Verify(events); len(fs) > 0 {
		return nil, fs
	}
	chains := map[string]*Carnet{}
	merged := map[string]bool{} // chains merged into another by a fusion event
	var ids []string
	for i, e := range events {
		c, ok := chains[e.Carnet]
		if !ok {
			c = &Carnet{}
			chains[e.Carnet] = c
			ids = append(ids, e.Carnet)
		}
		if e.Op == OpMerge {
			var absorbed []string
			if err := json.Unmarshal(e.After, &absorbed); err != nil {
				return nil, spie.Faults{replayFault(spie.Pointer("journal", i), err)}
			}
			for _, id := range absorbed {
				// a fusion names chains already in the journal: one not
				// yet begun (its events placed after the fusion) would be
				// merged at the end with no rights re-checked
				if _, ok := chains[id]; !ok && id != e.Carnet && !merged[id] {
					return nil, spie.Faults{replayFault(spie.Pointer("journal", i), replayError{"la fusion nomme le carnet " + id + ", absent du journal à cette date", "the merge names carnet " + id + ", absent from the journal at that date"})}
				}
				if other, ok := chains[id]; ok && id != e.Carnet {
					m, fs, f := DefaultRights.authorizeMerge(c, other, e.Actor, spie.DateIn(e.At, string(c.Person.Commune)), settings{}, true)
					if f != nil {
						f.Path = spie.Pointer("journal", i)
						return nil, spie.Faults{*f}
					}
					if !fs.Valid() {
						return nil, fs
					}
					*c = *m
					delete(chains, id)
					merged[id] = true
				}
			}
			c.Journal = append(c.Journal, e)
			continue
		}
		if e.Op == OpCreate {
			// the opener's rights, as Create checks them
			var initial Carnet
			if err := json.Unmarshal(e.After, &initial); err != nil {
				return nil, spie.Faults{replayFault(spie.Pointer("journal", i), err)}
			}
			if f := checkCreation(&initial, e.Actor, spie.DateIn(e.At, string(initial.Person.Commune))); f != nil {
				f.Path = spie.Pointer("journal", i)
				return nil, spie.Faults{*f}
			}
		} else {
			if f := DefaultRights.authorizeEvent(c, e); f != nil {
				f.Path = spie.Pointer("journal", i)
				return nil, spie.Faults{*f}
			}
			// acces_nir is granted only by an actor already authorised,
			// as Apply checks it (CARNET-NIR-01).
			if fs := guardNIRGrant(c, Change{Op: e.Op, Target: e.Target, ID: e.ItemID, Origin: e.ItemOrigin, Value: e.After, At: e.At}, e.Actor); len(fs) > 0 {
				fs[0].Path = spie.Pointer("journal", i)
				return nil, fs
			}
		}
		if fs := apply(c, e); len(fs) > 0 {
			for j := range fs {
				fs[j].Path = spie.Pointer("journal", i)
			}
			return nil, fs
		}
		c.Journal = append(c.Journal, e)
	}
	var roots []string
	for _, id := range ids {
		if _, ok := chains[id]; ok {
			roots = append(roots, id)
		}
	}
	sort.Strings(roots)
	out := chains[roots[0]]
	for _, id := range roots[1:] {
		m, _ := merge(out, chains[id])
		out = m
	}
	return out, nil
}

// apply performs an event on c, without rights checks: Apply and Replay
// check them first (authorizeEvent).
func apply(c *Carnet, e Event) spie.Faults {
	bad := func(err error) spie.Faults {
		return spie.Faults{replayFault("", err)}
	}
	if e.Target == TargetCarnet {
		var init Carnet
		if err := json.Unmarshal(e.After, &init); err != nil {
			return bad(err)
		}
		journal := c.Journal
		*c = init
		c.Journal = journal
		return nil
	}
	p, ok := PartOf(e.Target)
	if !ok {
		return spie.Faults{FaultChangeOp.At("", string(e.Op), string(e.Target))}
	}
	if err := p.ops.apply(c, e); err != nil {
		return bad(err)
	}
	return nil
}

// replayError is why an event cannot be replayed, in French and English.
type replayError struct{ fr, en string }

func (e replayError) Error() string { return e.fr }

// replayFault is CARNET-JOURNAL-05 at path for err: socle's words, in
// French and English, never the JSON library's text.
func replayFault(path string, err error) spie.Fault {
	if r, ok := err.(replayError); ok {
		return FaultJournalReplay.At(path, r.fr, r.en)
	}
	return FaultJournalReplay.At(path, spie.DescribeJSONError(err), spie.DescribeJSONErrorEN(err))
}

// upsert adds, replaces or removes the item e.ItemID of list s.
func upsert[T any](s []T, e Event, id func(T) string, is func(T) bool) ([]T, error) {
	idx := -1
	for i, x := range s {
		if is(x) {
			idx = i
			break
		}
	}
	switch e.Op {
	case OpRemove:
		if idx < 0 {
			return s, replayError{"élément " + e.ItemID + " introuvable", "item " + e.ItemID + " not found"}
		}
		out := append([]T(nil), s[:idx]...)
		out = append(out, s[idx+1:]...)
		if len(out) == 0 {
			out = nil
		}
		return out, nil
	case OpAdd, OpUpdate:
		var v T
		if err := json.Unmarshal(e.After, &v); err != nil {
			return s, err
		}
		if id(v) != e.ItemID {
			return s, replayError{"identifiant " + id(v) + " au lieu de " + e.ItemID, "id " + id(v) + " instead of " + e.ItemID}
		}
		if idx >= 0 {
			if e.Op == OpAdd {
				return s, replayError{"élément " + e.ItemID + " déjà présent", "item " + e.ItemID + " already present"}
			}
			s[idx] = v
			return s, nil
		}
		if e.Op == OpUpdate {
			return s, replayError{"élément " + e.ItemID + " introuvable", "item " + e.ItemID + " not found"}
		}
		return append(s, v), nil
	}
	return s, replayError{"opération " + string(e.Op), "operation " + string(e.Op)}
}

func isList(t Target) bool {
	p, ok := PartOf(t)
	return ok && p.List
}

// item returns the JSON of the current value of the target (and item id).
func (c *Carnet) item(t Target, id, origin string) (json.RawMessage, bool) {
	p, ok := PartOf(t)
	if !ok {
		return nil, false
	}
	v, found := p.ops.get(c, id, origin)
	if !found {
		return nil, false
	}
	b, _ := json.Marshal(v)
	return b, true
}

// withOrigin sets "origine" in the JSON object of an item.
func withOrigin(b json.RawMessage, origin string) json.RawMessage {
	var m map[string]json.RawMessage
	if json.Unmarshal(b, &m) != nil {
		return b
	}
	o, _ := json.Marshal(origin)
	m["origine"] = o
	out, _ := json.Marshal(m)
	return out
}

// stampOrigin sets the origin of every item that has none.
func stampOrigin(c *Carnet, id string) {
	for _, p := range Parts {
		p.ops.stamp(c, id)
	}
}

// valueError says, in French and English, why a value cannot be written
// as JSON: socle's words, never the library's text (the value is not
// quoted: it may be health data).
func valueError(err error) (fr, en string) {
	var unsupported *json.UnsupportedValueError
	var typ *json.UnsupportedTypeError
	switch {
	case errors.As(err, &unsupported):
		return "nombre non représentable en JSON (NaN ou infini)", "number that JSON cannot represent (NaN or infinity)"
	case errors.As(err, &typ):
		return "type de valeur non représentable en JSON", "value type that JSON cannot represent"
	}
	return spie.DescribeJSONError(err), spie.DescribeJSONErrorEN(err)
}
