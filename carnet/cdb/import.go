package cdb

import (
	"sort"
	"strings"
	"time"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/spie"
)

// Outcome is what became of an element of the notebook.
type Outcome string

// Outcomes.
const (
	// Mapped: found in the current referential under its theme.
	Mapped Outcome = "repris"
	// MappedLegacy: a former label or theme, found through Renamings.
	MappedLegacy Outcome = "repris-ancien-libelle"
	// FreeText: outside the referential, kept in libelle_libre.
	FreeText Outcome = "libelle-libre"
	// Dropped: not carried (the fault says why).
	Dropped Outcome = "non-repris"
)

// Line is one element of the notebook in the report.
type Line struct {
	// Source is the JSON Pointer of the element in the notebook.
	Source string `json:"source"`
	// Kind is objectif, action, situation, membre, orientation or rendez_vous.
	Kind string `json:"type"`
	// Label is "theme|libellé" for objectifs, actions and situations, the
	// id otherwise.
	Label   string  `json:"libelle"`
	Outcome Outcome `json:"resultat"`
	// Key is the socle code given (objectif or action of the referential);
	// for a situation, which is not carried, the socle situation to enter in
	// the diagnostic.
	Key string `json:"code,omitempty"`
	// Target is the JSON Pointer of the element in the carnet.
	Target string `json:"cible,omitempty"`
	// Rule is the migrations applied for a former label.
	Rule string `json:"regle,omitempty"`
}

// Report says what was mapped, kept as free text or dropped, element by
// element, with counts.
type Report struct {
	Lines  []Line          `json:"elements"`
	Counts map[Outcome]int `json:"totaux"`
}

func (r *Report) add(l Line) {
	r.Lines = append(r.Lines, l)
	if r.Counts == nil {
		r.Counts = map[Outcome]int{}
	}
	r.Counts[l.Outcome]++
}

// Options are what the notebook does not say.
type Options struct {
	// SIRET of the importing structure: the structure of the notebook's
	// current référent, who opens the socle carnet.
	SIRET spie.SIRET
	// Commune is the INSEE code of the person's commune.
	Commune spie.CommuneCode
	// At is when the carnet is opened (the creation event).
	At time.Time
	// Carnet options (carnet.WithClock).
	CarnetOptions []carnet.Option
}

// Import turns notebook n into a socle carnet opened with carnet.Create by
// the current référent of n (the member referent active, of structure
// opts.SIRET), at opts.At: the journal starts with that creation, which
// records the whole imported content; the peer's own history
// (notebook_event) is not replayed, since its events are not signed by the
// structures that made them.
//
// Each focus gives its theme (spie.ThematiqueForCarnetTheme); each target
// becomes an objectif, each action an action, found in the referential by
// (theme, label), then through the former labels (Renamings), else kept as
// libelle_libre, never dropped; members, orientation decisions and
// appointments follow (see the faults CARNET-IMPORT-*). The report lists
// every element with what became of it. The carnet is nil when a fault is
// an error (the notebook, the opener, the commune, or carnet.Create's
// checks).
func Import(n *Notebook, opts Options) (*carnet.Carnet, Report, spie.Faults) {
	im := importer{n: n, opts: opts, commune: string(opts.Commune)}
	return im.run()
}

type importer struct {
	n       *Notebook
	opts    Options
	commune string
	rep     Report
	fs      spie.Faults
	c       carnet.Carnet
	actors  map[string]carnet.Actor // account id → actor
}

func (im *importer) warn(t *spie.FaultType, path string, args ...any) {
	im.fs = append(im.fs, t.At(path, args...))
}

// drop reports line as not carried, with the warning that says why.
func (im *importer) drop(line Line, t *spie.FaultType, path string, args ...any) {
	im.warn(t, path, args...)
	line.Outcome = Dropped
	im.rep.add(line)
}

// dropActions reports the actions of target j of focus i as not carried:
// their target was dropped (its warning says why), and the report accounts
// for every element of the notebook.
func (im *importer) dropActions(i, j int) {
	f := im.n.Focuses[i]
	for k, a := range f.Targets[j].Actions {
		im.rep.add(Line{Source: spie.Pointer("focuses", i, "targets", j, "actions", k), Kind: kindAction, Label: f.Theme + "|" + a.Action, Outcome: Dropped})
	}
}

func (im *importer) date(s string) (spie.Date, bool) { return dateOf(s, im.commune) }

func (im *importer) run() (*carnet.Carnet, Report, spie.Faults) {
	n := im.n
	if n == nil {
		return nil, im.rep, spie.Faults{carnet.FaultImportEmpty.At("")}
	}
	if im.opts.Commune == "" || im.opts.Commune.Problem() != nil {
		return nil, im.rep, spie.Faults{carnet.FaultImportCommune.At("/beneficiary/postal_code")}
	}
	if !im.person() {
		return nil, im.rep, im.fs
	}
	im.members()
	opener, ok := im.opener()
	if !ok {
		return nil, im.rep, append(im.fs, carnet.FaultImportOpener.At("/members", string(im.opts.SIRET)))
	}
	im.orientations()
	for i := range n.Focuses {
		im.focus(i)
	}
	im.appointments()
	c, cfs := carnet.Create(im.c, opener, im.opts.At, im.opts.CarnetOptions...)
	im.fs = append(im.fs, cfs...)
	return c, im.rep, im.fs
}

func (im *importer) person() bool {
	n := im.n
	b := n.Beneficiary
	if b == nil {
		im.fs = append(im.fs, carnet.FaultImportBeneficiary.At("/beneficiary", "identifiant"))
		return false
	}
	birth := spie.Date(b.DateOfBirth)
	switch {
	case b.ID == "":
		im.fs = append(im.fs, carnet.FaultImportBeneficiary.At("/beneficiary/id", "identifiant"))
		return false
	case !birth.Valid():
		im.fs = append(im.fs, carnet.FaultImportBeneficiary.At("/beneficiary/date_of_birth", "date de naissance"))
		return false
	}
	entry, ok := im.date(n.CreatedAt)
	if !ok {
		im.fs = append(im.fs, carnet.FaultImportDate.At("/created_at", n.CreatedAt))
		return false
	}
	im.c = carnet.Carnet{
		ID:        "cdb-" + n.ID,
		EntryDate: entry,
		Person: carnet.SupportedPerson{
			ID: b.ID, BirthDate: birth, Commune: im.opts.Commune,
			// the RSA rights states open ("rsa_droit_ouvert_versable",
			// "rsa_droit_ouvert_et_suspendu", "rsa_droit_ouvert_versement_suspendu")
			RSA: strings.HasPrefix(b.RightRSA, "rsa_droit_ouvert"),
		},
	}
	var names []string
	for k, v := range b.Other {
		if string(v) != "null" && string(v) != `""` {
			names = append(names, k)
		}
	}
	if len(names) > 0 {
		sort.Strings(names)
		im.warn(carnet.FaultImportIdentity, "/beneficiary", "« "+strings.Join(names, " », « ")+" »")
	}
	return true
}

// memberRoles maps notebook_member.member_type to socle roles: the
// référent, and the other professionals of the notebook, who carry actions.
var memberRoles = map[string]carnet.Role{
	"referent":            carnet.RoleReferent,
	"no_referent":         carnet.RolePartenaire,
	"orientation_manager": carnet.RoleChargeOrientation,
}

func (im *importer) members() {
	n := im.n
	im.actors = map[string]carnet.Actor{}
	type kept struct {
		idx int
		m   carnet.Member
	}
	var list []kept
	for i, nm := range n.Members {
		p := spie.Pointer("members", i)
		role, ok := memberRoles[nm.MemberType]
		var siret spie.SIRET
		name := ""
		if nm.Account != nil && nm.Account.Professional != nil {
			pr := nm.Account.Professional
			name = strings.TrimSpace(pr.Firstname + " " + pr.Lastname)
			if pr.Structure != nil {
				siret = spie.SIRET(pr.Structure.SIRET)
			}
		}
		start, dok := im.date(nm.CreatedAt)
		switch {
		case !ok:
			im.warn(carnet.FaultImportMember, p, nm.ID, "type de membre "+nm.MemberType+" inconnu")
		case siret == "" || siret.Problem() != nil:
			im.warn(carnet.FaultImportMember, p, nm.ID, "pas de SIRET de structure valide")
		case !dok:
			im.warn(carnet.FaultImportMember, p, nm.ID, "date d'ajout illisible")
		default:
			if name == "" {
				name = nm.AccountID
			}
			m := carnet.Member{ID: nm.ID, Role: role, StructureSIRET: siret, Professional: name, Start: start}
			im.actors[nm.AccountID] = carnet.Actor{Professional: name, StructureSIRET: siret, Role: role}
			list = append(list, kept{i, m})
			continue
		}
		im.rep.add(Line{Source: p, Kind: "membre", Label: nm.ID, Outcome: Dropped})
	}
	// an inactive member has no end date in the peer: a référent ends the
	// day before the next référent's start (the peer keeps one active
	// référent), any other member the day before the import
	today := spie.DateIn(im.opts.At, im.commune)
	for k := range list {
		nm := n.Members[list[k].idx]
		if nm.Active == nil || *nm.Active {
			continue
		}
		m := &list[k].m
		end, why := today.AddDays(-1), "veille de l'import, membre inactif"
		if m.Role == carnet.RoleReferent {
			var next spie.Date
			for _, o := range list {
				if o.m.Role == carnet.RoleReferent && o.m.Start.After(m.Start) && (next.IsZero() || o.m.Start.Before(next)) {
					next = o.m.Start
				}
			}
			if !next.IsZero() {
				end, why = next.AddDays(-1), "veille de l'arrivée du référent suivant"
			}
		}
		if end.Before(m.Start) {
			end = m.Start
		}
		m.End = end
		im.warn(carnet.FaultImportEndDate, spie.Pointer("members", list[k].idx, "active"), end.French(), why)
	}
	for _, k := range list {
		im.rep.add(Line{Source: spie.Pointer("members", k.idx), Kind: "membre", Label: k.m.ID, Outcome: Mapped, Target: spie.Pointer("membres", len(im.c.Members))})
		im.c.Members = append(im.c.Members, k.m)
	}
}

// opener is the active référent of the importing structure.
func (im *importer) opener() (carnet.Actor, bool) {
	today := spie.DateIn(im.opts.At, im.commune)
	for _, m := range im.c.Members {
		if m.Role == carnet.RoleReferent && m.StructureSIRET == im.opts.SIRET && m.ActiveOn(today) {
			return carnet.Actor{Professional: m.Professional, StructureSIRET: m.StructureSIRET, Role: carnet.RoleReferent}, true
		}
	}
	return carnet.Actor{}, false
}

// pathwayOf returns socle's parcours for a carnet de bord orientation type
// (orientation_type), read from the one correspondence table,
// diagnostic.Pathways (mapping diagnostic.MapCarnetDeBord: pro → emploi,
// sociopro → global, social → social, autre → autre).
func pathwayOf(cdbType string) (diagnostic.Pathway, bool) {
	for _, d := range diagnostic.Pathways {
		for _, v := range d.Map[diagnostic.MapCarnetDeBord] {
			if v == cdbType {
				return diagnostic.Pathway(d.Key), true
			}
		}
	}
	return "", false
}

func (im *importer) orientations() {
	n := im.n
	type dec struct {
		idx int
		o   carnet.Orientation
	}
	var decs []dec
	for i, r := range n.OrientationRequests {
		p := spie.Pointer("orientation_requests", i)
		drop := func(why string) {
			im.warn(carnet.FaultImportOrientation, p, why)
			im.rep.add(Line{Source: p, Kind: "orientation", Label: r.ID, Outcome: Dropped})
		}
		if r.Status != "accepted" || r.DecidedAt == "" {
			drop("demande au statut " + orDefault(r.Status, "absent") + ", sans décision")
			continue
		}
		path, ok := pathwayOf(r.DecidedOrientationType)
		if !ok {
			drop("type d'orientation " + r.DecidedOrientationType + " sans parcours socle")
			continue
		}
		d, ok := im.date(r.DecidedAt)
		if !ok {
			drop("date de décision illisible")
			continue
		}
		reason := strings.TrimSpace(r.DecisionReason)
		if reason == "" {
			reason = strings.TrimSpace(r.Reason)
		}
		decs = append(decs, dec{i, carnet.Orientation{ID: r.ID, Date: d, Pathway: path, Reason: reason}})
	}
	sort.SliceStable(decs, func(a, b int) bool { return decs[a].o.Date.Before(decs[b].o.Date) })
	kept := decs[:0]
	for k, d := range decs {
		var next spie.Date
		if k+1 < len(decs) {
			next = decs[k+1].o.Date
		}
		siret, ok := im.designated(d.o.Date, next)
		if !ok {
			p := spie.Pointer("orientation_requests", d.idx)
			im.warn(carnet.FaultImportOrientation, p, "aucun référent désigné à la suite de la décision")
			im.rep.add(Line{Source: p, Kind: "orientation", Label: d.o.ID, Outcome: Dropped})
			continue
		}
		d.o.StructureSIRET = siret
		kept = append(kept, d)
	}
	for _, d := range kept {
		// a re-orientation without a reason stays so (no reason is
		// invented): the carnet's own rule warns (CARNET-ORIENTATION-11)
		im.rep.add(Line{Source: spie.Pointer("orientation_requests", d.idx), Kind: "orientation", Label: d.o.ID, Outcome: Mapped, Target: spie.Pointer("orientations", len(im.c.Orientations))})
		im.c.Orientations = append(im.c.Orientations, d.o)
	}
	if len(decs) == 0 && n.Info != nil && n.Info.Orientation != "" {
		im.warn(carnet.FaultImportOrientation, "/notebook_info/orientation", "orientation "+n.Info.Orientation+" sans décision datée (orientation_request)")
		im.rep.add(Line{Source: "/notebook_info/orientation", Kind: "orientation", Label: n.Info.Orientation, Outcome: Dropped})
	}
}

// designated is the structure of the référent that the decision of day d
// designated: in the peer, deciding an orientation request designates the
// new référent (orientation_request → notebook_member referent); so the
// first référent who starts on or after d, before the next decision (next,
// zero if none), else the référent active on d (a decision that kept the
// structure).
func (im *importer) designated(d, next spie.Date) (spie.SIRET, bool) {
	var best *carnet.Member
	for i, m := range im.c.Members {
		if m.Role != carnet.RoleReferent || m.Start.Before(d) || (!next.IsZero() && !m.Start.Before(next)) {
			continue
		}
		if best == nil || m.Start.Before(best.Start) {
			best = &im.c.Members[i]
		}
	}
	if best != nil {
		return best.StructureSIRET, true
	}
	for _, m := range im.c.Members {
		if m.Role == carnet.RoleReferent && m.ActiveOn(d) {
			return m.StructureSIRET, true
		}
	}
	return "", false
}

// targetStatuses and actionStatuses map the peer's statuses.
var (
	targetStatuses = map[string]diagnostic.ObjectifStatus{
		"in_progress": diagnostic.ObjectifEnCours,
		"done":        diagnostic.ObjectifRealise,
		"abandonned":  diagnostic.ObjectifAbandonne,
		"abandoned":   diagnostic.ObjectifAbandonne, // before 1684311013795_action_status
	}
	actionStatuses = map[string]carnet.ActionStatus{
		"in_progress": carnet.ActionOngoing,
		"done":        carnet.ActionDone,
		"abandonned":  carnet.ActionAbandoned,
		"abandoned":   carnet.ActionAbandoned,
		"canceled":    carnet.ActionCancelled,
		"planned":     carnet.ActionPlanned,
		"standby":     carnet.ActionOnHold,
		"new":         carnet.ActionOngoing, // before 1645632361083_update_notebook_action_status
	}
)

func (im *importer) focus(i int) {
	f := im.n.Focuses[i]
	p := spie.Pointer("focuses", i)
	th, ok := spie.ThematiqueForCarnetTheme(f.Theme)
	if !ok {
		im.warn(carnet.FaultImportTheme, spie.Join(p, "theme"), f.Theme)
		im.rep.add(Line{Source: p, Kind: "axe", Label: f.Theme, Outcome: Dropped})
		return
	}
	if len(f.Situations) > 0 {
		im.warn(carnet.FaultImportSituations, spie.Join(p, "situations"), f.Theme, strings.Join(f.Situations, " ; "))
		for j, s := range f.Situations {
			l := Line{Source: spie.Pointer("focuses", i, "situations", j), Kind: "situation", Label: f.Theme + "|" + s, Outcome: Dropped}
			if k, ok := diagnostic.SituationForCarnet(f.Theme, s); ok {
				l.Key = string(k) // the situation to enter in the diagnostic
			}
			im.rep.add(l)
		}
	}
	for j := range f.Targets {
		im.target(i, j, th)
	}
}

func (im *importer) target(i, j int, th spie.Thematique) {
	f := im.n.Focuses[i]
	t := f.Targets[j]
	p := spie.Pointer("focuses", i, "targets", j)
	line := Line{Source: p, Kind: kindObjectif, Label: f.Theme + "|" + t.Target}
	status, ok := targetStatuses[orDefault(t.Status, "in_progress")]
	if !ok {
		im.drop(line, carnet.FaultImportStatus, spie.Join(p, "status"), t.Status)
		im.dropActions(i, j)
		return
	}
	d, ok := im.date(t.CreatedAt)
	if !ok {
		im.drop(line, carnet.FaultImportDate, spie.Join(p, "created_at"), t.CreatedAt)
		im.dropActions(i, j)
		return
	}
	o := carnet.PlanObjectif{ID: t.ID, Thematique: th, Status: status, Date: d}
	m := resolve(kindObjectif, f.Theme, t.Target)
	im.place(&line, m, kindObjectif, f.Theme, t.Target, spie.Join(p, "target"))
	if m.key != "" {
		o.Objectif = diagnostic.Objectif(m.key)
		o.Thematique = o.Objectif.Thematique()
	} else {
		o.FreeLabel = t.Target
	}
	if t.LinkedTo != "" && t.LinkedTo != "no" { // "no" : « Aucun » (app/src/lib/constants/keys.ts, contractTypeFullKeys)
		im.warn(carnet.FaultImportLinked, spie.Join(p, "linked_to"), t.LinkedTo)
	}
	line.Target = spie.Pointer("objectifs", len(im.c.Objectifs))
	im.rep.add(line)
	im.c.Objectifs = append(im.c.Objectifs, o)
	for k := range t.Actions {
		im.action(i, j, k, th, t.ID)
	}
}

// place sets the outcome of line from m, with its fault.
func (im *importer) place(line *Line, m match, kind, theme, label, path string) {
	switch {
	case m.key == "":
		line.Outcome = FreeText
		im.warn(carnet.FaultImportFreeText, path, kind, label, theme)
	case m.legacy:
		line.Outcome, line.Key = MappedLegacy, m.key
		line.Rule = strings.Join(m.sources, " ; ")
		if line.Rule == "" {
			line.Rule = "libellé du référentiel sous un autre thème (1680096458377_add-ref-theme)"
		}
		im.warn(carnet.FaultImportLegacy, path, kind, label, theme, m.current)
	default:
		line.Outcome, line.Key = Mapped, m.key
	}
}

func (im *importer) action(i, j, k int, th spie.Thematique, objectifID string) {
	f := im.n.Focuses[i]
	a := f.Targets[j].Actions[k]
	p := spie.Pointer("focuses", i, "targets", j, "actions", k)
	line := Line{Source: p, Kind: kindAction, Label: f.Theme + "|" + a.Action}
	status, ok := actionStatuses[orDefault(a.Status, "in_progress")]
	if !ok {
		im.drop(line, carnet.FaultImportStatus, spie.Join(p, "status"), a.Status)
		return
	}
	proposed, ok := im.date(a.CreatedAt)
	if !ok {
		im.drop(line, carnet.FaultImportDate, spie.Join(p, "created_at"), a.CreatedAt)
		return
	}
	act := carnet.Action{ID: a.ID, ObjectifID: objectifID, Thematique: th, Status: status, ProposedOn: proposed}
	if s, ok := im.date(a.StartingAt); ok {
		act.Start = s
	}
	m := resolve(kindAction, f.Theme, a.Action)
	im.place(&line, m, kindAction, f.Theme, a.Action, spie.Join(p, "action"))
	if m.key != "" {
		act.CatalogAction = carnet.CatalogAction(m.key)
		act.Thematique = act.CatalogAction.Thematique()
	} else {
		act.FreeLabel = a.Action
	}
	if actor, ok := im.actors[a.CreatorID]; ok {
		act.ProposedBy = actor
	} else {
		act.ProposedBy = carnet.Actor{Professional: "compte carnet de bord " + a.CreatorID, Role: carnet.RolePartenaire}
		im.warn(carnet.FaultImportCreator, spie.Join(p, "creator_id"), a.CreatorID)
	}
	if status.Ended() && status != carnet.ActionCancelled {
		end, ok := im.date(a.UpdatedAt)
		if !ok {
			end = proposed
		}
		if !act.Start.IsZero() && end.Before(act.Start) {
			end = act.Start
		}
		act.End = end
		im.warn(carnet.FaultImportEndDate, spie.Join(p, "updated_at"), end.French(), "dernière modification de l'action")
	}
	line.Target = spie.Pointer("actions", len(im.c.Actions))
	im.rep.add(line)
	im.c.Actions = append(im.c.Actions, act)
}

// appointmentResults maps the peer's appointment statuses.
var appointmentResults = map[string]carnet.ContactResult{
	"pending": carnet.ResultPlanned,
	"present": carnet.ResultHonoured,
	"absent":  carnet.ResultNoShow,
}

func (im *importer) appointments() {
	for i, a := range im.n.Appointments {
		p := spie.Pointer("appointments", i)
		drop := func(why string) {
			im.warn(carnet.FaultImportAppointment, p, why)
			im.rep.add(Line{Source: p, Kind: "rendez_vous", Label: a.ID, Outcome: Dropped})
		}
		res, ok := appointmentResults[a.Status]
		d, dok := im.date(a.Date)
		switch {
		case a.DeletedAt != "":
			drop("supprimé dans le carnet de bord")
			continue
		case !ok:
			drop("statut " + a.Status + " inconnu")
			continue
		case !dok:
			drop("date illisible")
			continue
		}
		k := carnet.Contact{ID: a.ID, Date: d, Kind: carnet.ContactAppointment, Channel: "non-renseigne", Result: res}
		if actor, ok := im.actors[a.AccountID]; ok {
			k.StructureSIRET, k.Professional = actor.StructureSIRET, actor.Professional
		}
		im.rep.add(Line{Source: p, Kind: "rendez_vous", Label: a.ID, Outcome: Mapped, Target: spie.Pointer("rendez_vous", len(im.c.Contacts))})
		im.c.Contacts = append(im.c.Contacts, k)
	}
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}
