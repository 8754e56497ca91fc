package carnet

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/spie"
)

// Part is one row of the table of the carnet's sections (Parts): a part of a
// Carnet that a change touches, the fields of the document that hold it, the
// section of the rights matrix that guards it, and whether it holds health
// data or the NIR. The journal (Create, Apply, Replay), Merge, the origin
// stamp and the redaction of View all iterate Parts: a part added here is
// journaled, merged, stamped and redacted everywhere. The rows are this
// package's (their accessors are unexported): a territory changes who may
// read or write a part through its RightsMatrix, not here.
type Part struct {
	// Target is the part's key in the journal (cible) and in a Change.
	Target Target
	// Label is the part's name, French first.
	Label spie.Label
	// Fields are the JSON names of the Carnet fields that hold the part; the
	// first is where the part's items are (JSON Pointer /<Fields[0]>/<id>).
	Fields []string
	// Section is the key of the part in a RightsMatrix: role r may read
	// (write) the part when m.Allows(r, Section, AccessRead (AccessWrite)).
	// The matrix is joined here, not copied: DefaultRights stays the one
	// role × section × access table (RULES.md §10).
	Section Section
	// Sensitive is the section guarding the health values the part may hold
	// (SectionSante, marked Sensitive in Sections), "" when it holds none. A
	// viewer who may not read it sees the part without them; recording such
	// a value needs write access to it.
	Sensitive Section
	// NIR is true when the part holds the person's NIR (numéro d'inscription
	// au répertoire): today the diagnostic's personne/nir. View shows it only
	// to the person and to the members authorised for it (Member.AccessNIR),
	// whatever the sections they may read.
	NIR bool
	// List is true when the part is a list of items identified by "id" and
	// stamped with their "origine" carnet.
	List bool

	ops partOps
}

// partOps are what the journal, Merge and View do with one part.
type partOps interface {
	// get returns the part's value (single parts) or the item id (lists)
	// from origin (the carnet it comes from; empty: the first item with
	// that id).
	get(c *Carnet, id, origin string) (any, bool)
	// origins returns the origins of the list's items with id (an item
	// without origine is c's); nil for single parts.
	origins(c *Carnet, id string) []string
	// apply performs an event of the journal on the part.
	apply(c *Carnet, e Event) error
	// stamp sets origin on every item that has none.
	stamp(c *Carnet, origin string)
	// merge sets out's part from x's and y's, recording conflicts in m.
	merge(m *merger, p Part, out, x, y *Carnet)
	// hide removes the part from a view that may not read it.
	hide(c *Carnet)
	// strip removes the part's health values from a view that may not read them.
	strip(c *Carnet)
	// hideNIR removes the person's NIR from the part (parts with NIR).
	hideNIR(c *Carnet)
	// nirAt reports whether the JSON Pointer tokens (below the part's field)
	// point at or below the NIR.
	nirAt(tokens []string) bool
	// holds reports whether the JSON of a value of the part holds health data.
	holds(b json.RawMessage) bool
	// has reports whether the carnet's part holds health data.
	has(c *Carnet) bool
	// sensitiveAt reports whether the value at the JSON Pointer tokens
	// (below the part's field) holds health data.
	sensitiveAt(c *Carnet, tokens []string) bool
}

// Parts is the table of the carnet's sections, in the order of Targets.
var Parts = []Part{
	{Target: TargetPersonne, Label: spie.Label{FR: "Personne", EN: "Person"},
		Fields: []string{"personne", "date_entree", "cohorte"}, Section: SectionPersonne, ops: personPart{}},
	{Target: TargetDiagnostic, Label: spie.Label{FR: "Diagnostic", EN: "Diagnostic"},
		Fields: []string{"diagnostic"}, Section: SectionDiagnostic, Sensitive: SectionSante, NIR: true, ops: diagnosticPart{}},
	listPart(TargetMembres, spie.Label{FR: "Membres", EN: "Members"}, "membres", SectionMembres, "",
		list[Member]{field: func(c *Carnet) *[]Member { return &c.Members }, ref: func(x *Member) (*string, *string) { return &x.ID, &x.Origin }}),
	listPart(TargetOrientations, spie.Label{FR: "Orientations", EN: "Orientations"}, "orientations", SectionOrientation, "",
		list[Orientation]{field: func(c *Carnet) *[]Orientation { return &c.Orientations }, ref: func(x *Orientation) (*string, *string) { return &x.ID, &x.Origin }}),
	listPart(TargetContrats, spie.Label{FR: "Contrats", EN: "Contracts"}, "contrats", SectionContrat, SectionSante,
		list[Contract]{field: func(c *Carnet) *[]Contract { return &c.Contracts }, ref: func(x *Contract) (*string, *string) { return &x.ID, &x.Origin },
			sensitive: Contract.sensitive, clean: Contract.withoutHealth}),
	listPart(TargetObjectifs, spie.Label{FR: "Objectifs", EN: "Objectives"}, "objectifs", SectionPlan, SectionSante,
		list[PlanObjectif]{field: func(c *Carnet) *[]PlanObjectif { return &c.Objectifs }, ref: func(x *PlanObjectif) (*string, *string) { return &x.ID, &x.Origin },
			sensitive: PlanObjectif.sensitive, clean: dropIf(PlanObjectif.sensitive)}),
	listPart(TargetActions, spie.Label{FR: "Actions", EN: "Actions"}, "actions", SectionPlan, SectionSante,
		list[Action]{field: func(c *Carnet) *[]Action { return &c.Actions }, ref: func(x *Action) (*string, *string) { return &x.ID, &x.Origin },
			sensitive: Action.sensitive, clean: dropIf(Action.sensitive)}),
	listPart(TargetRendezVous, spie.Label{FR: "Rendez-vous et contacts", EN: "Appointments and contacts"}, "rendez_vous", SectionRendezVous, "",
		list[Contact]{field: func(c *Carnet) *[]Contact { return &c.Contacts }, ref: func(x *Contact) (*string, *string) { return &x.ID, &x.Origin }}),
	listPart(TargetJalons, spie.Label{FR: "Jalons", EN: "Milestones"}, "jalons", SectionJalons, "",
		list[Milestone]{field: func(c *Carnet) *[]Milestone { return &c.Milestones }, ref: func(x *Milestone) (*string, *string) { return &x.ID, &x.Origin }}),
	listPart(TargetConsentements, spie.Label{FR: "Consentements", EN: "Consents"}, "consentements", SectionConsentements, "",
		list[SharingConsent]{field: func(c *Carnet) *[]SharingConsent { return &c.Consents }, ref: func(x *SharingConsent) (*string, *string) { return &x.ID, &x.Origin }}),
}

func listPart[T any](t Target, l spie.Label, field string, s, sensitive Section, ops list[T]) Part {
	return Part{Target: t, Label: l, Fields: []string{field}, Section: s, Sensitive: sensitive, List: true, ops: ops}
}

// PartOf returns the row of Parts of target t; the whole carnet (creer,
// fusionner) and unknown targets have none.
func PartOf(t Target) (Part, bool) {
	for _, p := range Parts {
		if p.Target == t {
			return p, true
		}
	}
	return Part{}, false
}

// targetDefinitions is the code list of targets: the whole carnet, then one
// per row of Parts, Map "section" giving the section whose rights apply.
func targetDefinitions() spie.Definitions {
	ds := spie.Definitions{{Key: string(TargetCarnet), Label: spie.Label{FR: "Carnet entier", EN: "Whole carnet"}, Source: sourceIssue, Map: section(string(SectionPersonne))}}
	for _, p := range Parts {
		ds = append(ds, spie.Definition{Key: string(p.Target), Label: p.Label, Source: sourceIssue, Map: section(string(p.Section))})
	}
	return ds
}

// personPart is the person, their entry date and cohort.
type personPart struct{}

func (personPart) get(c *Carnet, _, _ string) (any, bool) { return c.Person, c.Person.ID != "" }
func (personPart) origins(*Carnet, string) []string       { return nil }

func (personPart) apply(c *Carnet, e Event) error {
	var p SupportedPerson
	if len(e.After) > 0 {
		if err := json.Unmarshal(e.After, &p); err != nil {
			return err
		}
	}
	c.Person = p
	return nil
}

func (personPart) stamp(*Carnet, string) {}

// merge keeps the earlier entry date (the later one recorded), the cohort
// and the person written by the earlier journal entry (see Merge).
func (personPart) merge(m *merger, _ Part, out, x, y *Carnet) {
	created := func(field func(*Carnet) string) func(*Carnet, string, []byte) entry {
		return func(c *Carnet, v string, _ []byte) entry {
			return entryOf[string](m, c, TargetCarnet, "-", nil, func(init *Carnet) bool { return field(init) == v })
		}
	}
	// every chain's entry date other than the one kept is recorded
	out.EntryDate = minDate(x.EntryDate, y.EntryDate)
	for _, c := range []*Carnet{x, y} {
		if len(m.journal(c).creates) == 0 && !c.EntryDate.IsZero() && c.EntryDate != out.EntryDate {
			m.conflict(spie.Pointer("date_entree"), c.ID, c.EntryDate) // no journal: the carnet is the provenance
		}
		for _, i := range m.journal(c).creates {
			var init struct {
				EntryDate spie.Date `json:"date_entree"`
			}
			if json.Unmarshal(c.Journal[i].After, &init) == nil && !init.EntryDate.IsZero() && init.EntryDate != out.EntryDate {
				m.conflict(spie.Pointer("date_entree"), c.Journal[i].Carnet, init.EntryDate)
			}
		}
	}
	switch {
	case y.Cohort == "" || x.Cohort == y.Cohort:
		out.Cohort = x.Cohort
	case x.Cohort == "":
		out.Cohort = y.Cohort
	default:
		out.Cohort = pick(m, spie.Pointer("cohorte"), x.Cohort, x, y.Cohort, y, created(func(c *Carnet) string { return c.Cohort }))
	}
	out.Person = pick(m, spie.Pointer("personne"), x.Person, x, y.Person, y, func(c *Carnet, v SupportedPerson, j []byte) entry {
		return entryOf[SupportedPerson](m, c, TargetPersonne, "", j, func(init *Carnet) bool { return bytes.Equal(canon(init.Person), j) })
	})
}

func (personPart) hide(c *Carnet) {
	c.Person = SupportedPerson{ID: c.Person.ID}
	c.EntryDate, c.Cohort = "", ""
}

func (personPart) strip(*Carnet)              {}
func (personPart) hideNIR(*Carnet)            {}
func (personPart) nirAt([]string) bool        { return false }
func (personPart) holds(json.RawMessage) bool { return false }
func (personPart) has(*Carnet) bool           { return false }

func (personPart) sensitiveAt(*Carnet, []string) bool { return false }

// diagnosticPart is the diagnostic; its health details are those of
// diagnostic.SensitivePaths.
type diagnosticPart struct{}

func (diagnosticPart) get(c *Carnet, _, _ string) (any, bool) {
	return c.Diagnostic, c.Diagnostic != nil
}
func (diagnosticPart) origins(*Carnet, string) []string { return nil }

func (diagnosticPart) apply(c *Carnet, e Event) error {
	var d *diagnostic.Diagnostic
	if len(e.After) > 0 {
		d = new(diagnostic.Diagnostic)
		if err := json.Unmarshal(e.After, d); err != nil {
			return err
		}
	}
	c.Diagnostic = d
	return nil
}

func (diagnosticPart) stamp(*Carnet, string) {}

// merge keeps the later diagnostic (by its date: the one in force); on the
// same date, the one written by the earlier journal entry; the other goes
// to the conflicts with the chain that wrote it.
func (diagnosticPart) merge(m *merger, _ Part, out, x, y *Carnet) {
	if y.Diagnostic == nil || x.Diagnostic == nil {
		if x.Diagnostic == nil {
			out.Diagnostic = y.Cloned().Diagnostic
		}
		return
	}
	entry := func(c *Carnet, v *diagnostic.Diagnostic, j []byte) entry {
		return entryOf[*diagnostic.Diagnostic](m, c, TargetDiagnostic, "", j, func(init *Carnet) bool { return bytes.Equal(canon(init.Diagnostic), j) })
	}
	dx, dy := x.Diagnostic, y.Cloned().Diagnostic
	switch {
	case dx.Date.Before(dy.Date):
		m.conflict(spie.Pointer("diagnostic"), provenance(entry(x, dx, canon(dx)), x), dx)
		out.Diagnostic = dy
	case dy.Date.Before(dx.Date):
		m.conflict(spie.Pointer("diagnostic"), provenance(entry(y, dy, canon(dy)), y), dy)
	default:
		out.Diagnostic = pick(m, spie.Pointer("diagnostic"), out.Diagnostic, x, dy, y, entry)
	}
}

func (diagnosticPart) hide(c *Carnet) { c.Diagnostic = nil }

func (diagnosticPart) strip(c *Carnet) {
	if c.Diagnostic != nil {
		c.Diagnostic = c.Diagnostic.Redacted()
	}
}

// hideNIR removes the diagnostic's personne/nir.
func (diagnosticPart) hideNIR(c *Carnet) {
	if c.Diagnostic != nil && c.Diagnostic.Person.NIR != "" {
		d := *c.Diagnostic
		d.Person.NIR = ""
		c.Diagnostic = &d
	}
}

func (diagnosticPart) nirAt(tokens []string) bool {
	return len(tokens) >= 2 && tokens[0] == "personne" && tokens[1] == "nir"
}

func (diagnosticPart) holds(b json.RawMessage) bool {
	var d *diagnostic.Diagnostic
	return json.Unmarshal(b, &d) == nil && d != nil && len(d.SensitivePaths()) > 0
}

func (diagnosticPart) has(c *Carnet) bool {
	return c.Diagnostic != nil && len(c.Diagnostic.SensitivePaths()) > 0
}

// sensitiveAt: a value at or below one of the diagnostic's SensitivePaths
// (that the santé frein exists, and its impact, are not sensitive).
func (diagnosticPart) sensitiveAt(c *Carnet, tokens []string) bool {
	if c.Diagnostic == nil {
		return false
	}
	p := spie.Pointer(anys(tokens)...)
	for _, s := range c.Diagnostic.SensitivePaths() {
		if p == s || strings.HasPrefix(p, s+"/") {
			return true
		}
	}
	return false
}

func anys(s []string) []any {
	out := make([]any, len(s))
	for i, x := range s {
		out[i] = x
	}
	return out
}

// list is a part made of items with an id and an origin.
type list[T any] struct {
	// field returns the Carnet field holding the items.
	field func(*Carnet) *[]T
	// ref returns the item's id and origin fields.
	ref func(*T) (id, origin *string)
	// sensitive reports whether an item holds health data; nil: never.
	sensitive func(T) bool
	// clean returns the item without its health data, false to drop it.
	clean func(T) (T, bool)
}

func (l list[T]) id(x T) string {
	id, _ := l.ref(&x)
	return *id
}

// is reports whether x is the item (id, origin) of c; an empty origin
// matches any item with id, an item without origine is c's.
func (l list[T]) is(c *Carnet, x T, id, origin string) bool {
	xid, xo := l.ref(&x)
	if *xid != id {
		return false
	}
	o := *xo
	if o == "" {
		o = c.ID
	}
	return origin == "" || o == origin
}

func (l list[T]) get(c *Carnet, id, origin string) (any, bool) {
	for _, x := range *l.field(c) {
		if l.is(c, x, id, origin) {
			return x, true
		}
	}
	return nil, false
}

func (l list[T]) origins(c *Carnet, id string) []string {
	var out []string
	for _, x := range *l.field(c) {
		if xid, xo := l.ref(&x); *xid == id {
			o := *xo
			if o == "" {
				o = c.ID
			}
			out = append(out, o)
		}
	}
	return out
}

func (l list[T]) apply(c *Carnet, e Event) error {
	s, err := upsert(*l.field(c), e, l.id, func(x T) bool { return l.is(c, x, e.ItemID, e.ItemOrigin) })
	*l.field(c) = s
	return err
}

func (l list[T]) stamp(c *Carnet, origin string) {
	s := *l.field(c)
	for i := range s {
		if _, o := l.ref(&s[i]); *o == "" {
			*o = origin
		}
	}
}

func (l list[T]) merge(m *merger, p Part, out, x, y *Carnet) {
	*l.field(out) = mergeList(m, p, l, x, y)
}

func (l list[T]) hide(c *Carnet) { *l.field(c) = nil }

func (l list[T]) strip(c *Carnet) {
	if l.clean == nil {
		return
	}
	var out []T
	for _, x := range *l.field(c) {
		if v, keep := l.clean(x); keep {
			out = append(out, v)
		}
	}
	*l.field(c) = out
}

func (l list[T]) hideNIR(*Carnet)     {}
func (l list[T]) nirAt([]string) bool { return false }

func (l list[T]) holds(b json.RawMessage) bool {
	var v T
	return l.sensitive != nil && json.Unmarshal(b, &v) == nil && l.sensitive(v)
}

func (l list[T]) has(c *Carnet) bool {
	if l.sensitive == nil {
		return false
	}
	for _, x := range *l.field(c) {
		if l.sensitive(x) {
			return true
		}
	}
	return false
}

// sensitiveAt: the item at index tokens[0] holds health data.
func (l list[T]) sensitiveAt(c *Carnet, tokens []string) bool {
	s := *l.field(c)
	if len(tokens) == 0 || l.sensitive == nil {
		return false
	}
	i, err := strconv.Atoi(tokens[0])
	return err == nil && i >= 0 && i < len(s) && l.sensitive(s[i])
}

// dropIf is a clean that drops the items holding health data.
func dropIf[T any](sensitive func(T) bool) func(T) (T, bool) {
	return func(x T) (T, bool) { return x, !sensitive(x) }
}

// Sensitive reports whether the reason reveals health data (RGPD art. 9):
// it is marked Sensitive in AdjustmentReasons.
func (r AdjustmentReason) Sensitive() bool { return AdjustmentReasons.Sensitive(string(r)) }

// sensitive: an objectif of a sensitive thématique, or a sensitive objectif
// of the referential.
func (o PlanObjectif) sensitive() bool {
	return o.Thematique.Sensitive() || o.Objectif.Sensitive()
}

// sensitive: an action of a sensitive thématique, or a catalogue action of one.
func (a Action) sensitive() bool {
	return a.Thematique.Sensitive() || a.CatalogAction.Thematique().Sensitive()
}

// sensitive: an adjustment with a health reason, or with a comment (a
// comment on an adjustment may say why).
func (k Contract) sensitive() bool {
	return k.Adjustment != nil && (k.Adjustment.Reason.Sensitive() || strings.TrimSpace(k.Adjustment.Comment) != "")
}

// withoutHealth keeps the contract, its adjustment without a health reason
// nor comment.
func (k Contract) withoutHealth() (Contract, bool) {
	if a := k.Adjustment; a != nil {
		x := *a
		if x.Reason.Sensitive() {
			x.Reason = ""
		}
		x.Comment = ""
		k.Adjustment = &x
	}
	return k, true
}

// isSensitive reports whether the JSON value of target holds health data.
func isSensitive(t Target, b json.RawMessage) bool {
	if len(b) == 0 {
		return false
	}
	if t == TargetCarnet {
		var c Carnet
		return json.Unmarshal(b, &c) == nil && hasSensitive(&c)
	}
	p, ok := PartOf(t)
	return ok && p.ops.holds(b)
}

// hasSensitive reports whether the carnet holds health data in any part.
func hasSensitive(c *Carnet) bool {
	for _, p := range Parts {
		if p.ops.has(c) {
			return true
		}
	}
	return false
}

// partAt returns the part holding the value at JSON Pointer path of a
// Carnet, and the tokens of path below the part's field.
func partAt(path string) (Part, []string, bool) {
	if !strings.HasPrefix(path, "/") {
		return Part{}, nil, false
	}
	tokens := strings.Split(path[1:], "/")
	for i, t := range tokens {
		tokens[i] = strings.ReplaceAll(strings.ReplaceAll(t, "~1", "/"), "~0", "~")
	}
	for _, p := range Parts {
		for _, f := range p.Fields {
			if f == tokens[0] {
				return p, tokens[1:], true
			}
		}
	}
	return Part{}, nil, false
}
