package carnet_test

// Review of issue 16 by a hostile partner (task R, review16): each test is
// an attack written through the Go API; it FAILS when the attack succeeds.
// TestReviewHole… were attacks that succeeded when written (13 holes, each
// seen failing on the review's commit) and are stopped since; TestReviewHeld…
// were stopped already. The carnet is base() (helpers_test.go): c-77-001, référent the
// Département (Claire Martin), coordinator Jean Roy (siretAutre), which
// writes the members section (DefaultRights) and so may merge.

import (
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/spie"
)

const reviewMergeDay = "2025-04-10"

// colleague is a professional of the coordinator's own structure.
var colleague = carnet.Actor{Professional: "Zoé Roy", StructureSIRET: siretAutre, Role: carnet.RoleReferent}

// coordDuplicate is the initial content of a "duplicate" of the person of
// real opened by the coordinator on 2025-04-01: the person, the
// coordinator as member (so that it may merge), its consent to personne and
// membres, plus extra members and consents.
func coordDuplicate(real *carnet.Carnet, members []carnet.Member, consents []carnet.SharingConsent) carnet.Carnet {
	return carnet.Carnet{
		Version: carnet.SchemaVersion, ID: "aaa-doublon", EntryDate: "2025-04-01", Person: real.Person,
		Members: append([]carnet.Member{
			{ID: "m-usager", Role: carnet.RoleUsager, Start: "2025-04-01"},
			{ID: "m-coord", Role: carnet.RoleCoordinateurSPIE, StructureSIRET: siretAutre, Professional: "Jean Roy", Start: "2025-04-01"},
		}, members...),
		Consents: append([]carnet.SharingConsent{
			{ID: "k-coord", StructureSIRET: siretAutre, Date: "2025-04-01", Scope: []carnet.Section{"personne", "membres"}},
		}, consents...),
	}
}

// Attack: "a merge designates nobody" checks only the référents active on
// the day of the merge. The coordinator opens a duplicate naming itself
// référent for one day (which lets the opener name a successor, Create's
// openerIsRef) and its colleague référent from the day after the merge.
// On the merge day the colleague's record is not active, so
// authorizeBrought skips it (no proof asked, no CARNET-DROITS-07 for the
// actor's structure); the next day the colleague is référent of the real
// carnet and reads the health section. The same merge with the colleague
// active on the merge day is refused (CARNET-DROITS-07, merge_hijack_test).
func TestReviewHoleMergeBringsFutureReferent(t *testing.T) {
	real := open(t, nil)
	in := coordDuplicate(real, []carnet.Member{
		{ID: "m-ref-coord", Role: carnet.RoleReferent, StructureSIRET: siretAutre, Professional: "Jean Roy", Start: "2025-04-01", End: "2025-04-02"},
		{ID: "m-ref", Role: carnet.RoleReferent, StructureSIRET: siretAutre, Professional: colleague.Professional, Start: "2025-04-11"},
	}, nil)
	dup, fs := carnet.Create(in, coord, at("2025-04-01"))
	require.Empty(t, fs.Errors(), "le coordinateur ouvre le doublon en se nommant référent : %v", fs)

	t.Run("témoin : la collègue active le jour de la fusion est refusée", func(t *testing.T) {
		in2 := coordDuplicate(real, []carnet.Member{
			{ID: "m-ref-coord", Role: carnet.RoleReferent, StructureSIRET: siretAutre, Professional: "Jean Roy", Start: "2025-04-01", End: "2025-04-02"},
			{ID: "m-ref", Role: carnet.RoleReferent, StructureSIRET: siretAutre, Professional: colleague.Professional, Start: "2025-04-02"},
		}, nil)
		dup2, fs := carnet.Create(in2, coord, at("2025-04-01"))
		require.Empty(t, fs.Errors(), "%v", fs)
		m, fs := carnet.MergeRecorded(real, dup2, coord, at(reviewMergeDay))
		assert.Nil(t, m)
		assert.True(t, fs.HasCode("CARNET-DROITS-07"), "%v", fs)
	})

	m, fs := carnet.MergeRecorded(real, dup, coord, at(reviewMergeDay))
	if m == nil {
		return // refused: held
	}
	assert.NotNil(t, carnet.Authorize(m, colleague, carnet.SectionSante, carnet.AccessRead, "2025-04-11"),
		"la fusion du coordinateur a désigné sa collègue référente (elle lit la santé le lendemain) ; fautes de la fusion : %v", fs)
	_, rfs := carnet.Replay(m.Journal)
	assert.NotEmpty(t, rfs.Errors(), "le rejeu accepte la fusion enregistrée")
}

// Attack: an acces_nir mark brought in by a merge needs an actor already
// authorised for the NIR — but only when the member is active on the day of
// the merge. The coordinator opens a duplicate marking itself acces_nir
// from the day after the merge (Create carries the flags the opener
// declares) and merges it: the next day it reads the NIR of the real
// carnet, where nobody is authorised for it.
func TestReviewHoleMergeBringsFutureNIRMark(t *testing.T) {
	real := open(t, nil)
	require.False(t, carnet.MayReadNIR(real, carnet.Viewer{Actor: coord, On: "2025-04-11"}))
	in := coordDuplicate(real, []carnet.Member{
		{ID: "m-coord-nir", Role: carnet.RoleCoordinateurSPIE, StructureSIRET: siretAutre, Professional: "Jean Roy", Start: "2025-04-11", AccessNIR: true},
	}, nil)
	dup, fs := carnet.Create(in, coord, at("2025-04-01"))
	require.Empty(t, fs.Errors(), "%v", fs)

	t.Run("témoin : la marque active le jour de la fusion est refusée", func(t *testing.T) {
		in2 := coordDuplicate(real, []carnet.Member{
			{ID: "m-coord-nir", Role: carnet.RoleCoordinateurSPIE, StructureSIRET: siretAutre, Professional: "Jean Roy", Start: "2025-04-01", AccessNIR: true},
		}, nil)
		dup2, fs := carnet.Create(in2, coord, at("2025-04-01"))
		require.Empty(t, fs.Errors(), "%v", fs)
		m, fs := carnet.MergeRecorded(real, dup2, coord, at(reviewMergeDay))
		assert.Nil(t, m)
		assert.True(t, fs.HasCode("CARNET-NIR-01"), "%v", fs)
	})

	m, fs := carnet.MergeRecorded(real, dup, coord, at(reviewMergeDay))
	if m == nil {
		return
	}
	assert.False(t, carnet.MayReadNIR(m, carnet.Viewer{Actor: coord, On: "2025-04-11"}),
		"la fusion a habilité au NIR la structure du coordinateur qui fusionne ; fautes : %v", fs)
}

// Attack: Apply refuses marking a member acces_nir by an actor not
// authorised for the NIR, unless the record already carries the mark
// (guardNIRGrant compares the id only). The coordinator, who writes the
// members list, rewrites the co-référent's record (authorised for the NIR)
// into its own membership, keeping acces_nir: it now reads the NIR.
func TestReviewHoleNIRMarkHijackedByUpdate(t *testing.T) {
	real := open(t, func(b *carnet.Carnet) { b.Members[2].AccessNIR = true }) // m-coref, France Travail
	require.False(t, carnet.MayReadNIR(real, carnet.Viewer{Actor: coord, On: "2025-04-01"}))
	fs := carnet.Apply(real, carnet.Change{Op: carnet.OpUpdate, Target: carnet.TargetMembres, ID: "m-coref",
		Value: carnet.Member{ID: "m-coref", Role: carnet.RoleCoordinateurSPIE, StructureSIRET: siretAutre, Professional: "Jean Roy", Start: "2025-03-03", AccessNIR: true},
		At:    at("2025-04-01")}, coord)
	if len(fs.Errors()) > 0 {
		return // refused: held
	}
	assert.False(t, carnet.MayReadNIR(real, carnet.Viewer{Actor: coord, On: "2025-04-01"}),
		"le coordinateur s'est approprié l'habilitation NIR du co-référent")
	t.Run("le rejeu l'accepte aussi", func(t *testing.T) {
		_, rfs := carnet.Replay(real.Journal)
		assert.NotEmpty(t, rfs.Errors(), "Replay accepte l'appropriation")
	})
}

// Attack (journal forgery against checkpoints and keys): a structure that
// is not a member of the carnet writes a self-consistent chain of its own
// (opened by itself as référent, signed with its own registered key) and a
// fusion event in that chain naming the real chain, dated before the real
// carnet's creation, and places its chain first in the journal. Replay
// meets the fusion event before the real chain exists, so it merges
// nothing there (the merge's rights are never re-checked) and merges the
// chains at the end without any check; CheckCheckpoints sees the new chain
// "joined by a recorded merge" and only warns (CARNET-JOURNAL-24). The
// intruder is référent of the real carnet, reads health data, and the
// carnet's id changes to the intruder's chain.
func TestReviewHoleChainPrependedWithEarlyFusion(t *testing.T) {
	real := open(t, nil)
	apply(t, real, referent, carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetDiagnostic, Value: healthDiagnostic("SECRET-SANTE"), At: at("2025-03-20")})
	trust := carnet.Trust{Checkpoints: carnet.TakeCheckpoints(real), Keys: testRegistry(t)}

	intruder := carnet.Actor{Professional: "Marc Lenoir", StructureSIRET: siretML, Role: carnet.RoleReferent}
	signer := testSigner(t, siretML)
	own, fs := carnet.CreateSigned(carnet.Carnet{
		Version: carnet.SchemaVersion, ID: "aaa-intrus", EntryDate: "2025-01-01", Person: real.Person,
		Members: []carnet.Member{{ID: "m-ml", Role: carnet.RoleReferent, StructureSIRET: siretML, Professional: intruder.Professional, Start: "2025-01-01"}},
	}, intruder, at("2025-01-01"), signer)
	require.Empty(t, fs.Errors(), "%v", fs)
	head := own.Journal[0]
	absorbed, err := json.Marshal([]string{real.ID})
	require.NoError(t, err)
	e := carnet.Event{Carnet: own.ID, Seq: 1, Prev: head.Hash, At: at("2025-01-02"), Actor: intruder, Op: carnet.OpMerge, Target: carnet.TargetCarnet, After: absorbed}
	e.Hash = e.ComputeHash()
	require.Nil(t, signer.Sign(&e))
	events := append([]carnet.Event{own.Journal[0], e}, real.Journal...)

	t.Run("témoin : la même fusion après la chaîne réelle est refusée au rejeu", func(t *testing.T) {
		late := e
		late.At = at("2025-04-01")
		late.Hash = late.ComputeHash()
		_, fs := carnet.Replay(append(append([]carnet.Event{own.Journal[0]}, real.Journal...), late))
		assert.NotEmpty(t, fs.Errors(), "la fusion par une structure non membre doit être refusée au rejeu")
	})

	forged, fs := carnet.Replay(events)
	if forged == nil {
		return // refused: held
	}
	require.Empty(t, forged.CheckJournal(), "le carnet forgé se rejoue")
	vfs := carnet.VerifyCarnet(forged, trust)
	assert.NotEmpty(t, vfs.Errors(), "points de contrôle et clés acceptent la chaîne ajoutée (id %s) ; fautes : %v", forged.ID, vfs)
	if len(vfs.Errors()) == 0 {
		v, _ := carnet.VerifiedView(forged, carnet.Viewer{Actor: intruder, On: "2025-04-01"}, trust)
		require.NotNil(t, v)
		assert.False(t, strings.Contains(jsonOf(t, v), "SECRET-SANTE"), "l'intrus lit la santé dans la vue vérifiée (VerifiedView avec points de contrôle et clés)")
	}
}

// Attack: the coordinator's duplicate carries a consent of the person
// (which only the person or the référent may write, DefaultRights) to the
// diagnostic for the coordinator's own structure; the merge brings it into
// the real carnet, where the person gave the coordination personne and
// membres only. The coordinator then reads the diagnostic. A merge should
// consent nothing, as it designates nobody.
func TestReviewHoleMergeBringsConsent(t *testing.T) {
	real := open(t, func(b *carnet.Carnet) {
		b.Consents[2].Scope = []carnet.Section{"personne", "membres"}
	})
	apply(t, real, referent, carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetDiagnostic, Value: healthDiagnostic("SECRET-SANTE"), At: at("2025-03-20")})
	require.NotNil(t, carnet.Authorize(real, coord, carnet.SectionDiagnostic, carnet.AccessRead, reviewMergeDay))
	in := coordDuplicate(real, nil, []carnet.SharingConsent{
		{ID: "k-coord-diag", StructureSIRET: siretAutre, Date: "2025-04-01", Scope: []carnet.Section{"diagnostic", "journal"}},
	})
	dup, fs := carnet.Create(in, coord, at("2025-04-01"))
	require.Empty(t, fs.Errors(), "%v", fs)
	m, fs := carnet.MergeRecorded(real, dup, coord, at(reviewMergeDay))
	if m == nil {
		return
	}
	assert.NotNil(t, carnet.Authorize(m, coord, carnet.SectionDiagnostic, carnet.AccessRead, reviewMergeDay),
		"la fusion a apporté un consentement que la personne n'a pas donné ; fautes : %v", fs)
}

// Attack (backdated view): the person withdraws the coordination's
// consent on 2025-04-01, the référent writes the diagnostic on 2025-05-01;
// the coordinator asks for a view dated before the withdrawal. The view is
// the content as of that date (AsOf): no diagnostic yet.
func TestReviewHeldBackdatedView(t *testing.T) {
	real := open(t, nil)
	k := base().Consents[2]
	k.WithdrawnOn = "2025-04-01"
	apply(t, real, usager, carnet.Change{Op: carnet.OpUpdate, Target: carnet.TargetConsentements, ID: k.ID, Value: k, At: at("2025-04-01")})
	d := healthDiagnostic("SECRET-SANTE")
	d.ID = "d-apres-retrait"
	apply(t, real, referent, carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetDiagnostic, Value: d, At: at("2025-05-01")})
	for _, on := range []spie.Date{"2025-03-20", "2025-04-15", "2025-06-01"} {
		v := carnet.View(real, carnet.Viewer{Actor: coord, On: on})
		assert.False(t, strings.Contains(jsonOf(t, v), "d-apres-retrait"), "vue du %s", on)
	}
}

// Attack: the merging actor's own structure as référent, active on the day,
// brought by a duplicate whose journal is hand-written (not through
// Create), and the same fusion written by hand and replayed — the cases of
// merge_hijack_test on base(), by the coordinator.
func TestReviewHeldMergeBringsActiveColleague(t *testing.T) {
	real := open(t, nil)
	in := coordDuplicate(real, []carnet.Member{
		{ID: "m-ref", Role: carnet.RoleReferent, StructureSIRET: siretAutre, Professional: colleague.Professional, Start: "2025-04-01"},
	}, nil)
	dup := handCreated(t, in, colleague, at("2025-04-01"))
	m, fs := carnet.MergeRecorded(real, dup, coord, at(reviewMergeDay))
	assert.Nil(t, m)
	assert.True(t, fs.HasCode("CARNET-DROITS-07"), "%v", fs)
}

// Attack: the intruder's chain appended after the real one, without a
// fusion event, against the partner's checkpoints: refused as an added
// chain (CARNET-JOURNAL-23); and the real carnet's tail cut with the
// content rolled back (CARNET-JOURNAL-20).
func TestReviewHeldChainAddedOrCutAgainstCheckpoints(t *testing.T) {
	real := open(t, nil)
	apply(t, real, referent, carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetDiagnostic, Value: healthDiagnostic("SECRET-SANTE"), At: at("2025-03-20")})
	cps := carnet.TakeCheckpoints(real)
	intruder := carnet.Actor{Professional: "Marc Lenoir", StructureSIRET: siretML, Role: carnet.RoleReferent}
	own, fs := carnet.Create(carnet.Carnet{
		Version: carnet.SchemaVersion, ID: "zzz-intrus", EntryDate: "2025-04-01", Person: real.Person,
		Members: []carnet.Member{{ID: "m-ml", Role: carnet.RoleReferent, StructureSIRET: siretML, Professional: intruder.Professional, Start: "2025-04-01"}},
	}, intruder, at("2025-04-01"))
	require.Empty(t, fs.Errors(), "%v", fs)
	forged, fs := carnet.Replay(append(append([]carnet.Event(nil), real.Journal...), own.Journal...))
	require.NotNil(t, forged, "%v", fs)
	assert.True(t, carnet.VerifyCarnet(forged, carnet.Trust{Checkpoints: cps}).HasCode("CARNET-JOURNAL-23"))

	cut, fs := carnet.Replay(real.Journal[:1])
	require.NotNil(t, cut, "%v", fs)
	cut.ID = real.ID
	assert.True(t, carnet.VerifyCarnet(cut, carnet.Trust{Checkpoints: cps}).HasCode("CARNET-JOURNAL-20"))
}

// Attack: a fault that echoes what it refuses. A birth date carrying a
// marker: no message quotes it.
func TestReviewHeldFaultMessageBirthDate(t *testing.T) {
	b := base()
	b.Person.BirthDate = "1990-05-14SECRETNAISSANCE"
	_, fs := carnet.Create(b, referent, at("2025-03-03"))
	require.NotEmpty(t, fs.Errors())
	for _, f := range fs {
		assert.False(t, strings.Contains(f.Message+f.MessageEN, "SECRETNAISSANCE"), "%v", f)
	}
}

// Attack: a value Go's JSON encoder cannot write (NaN) given to Apply: the
// French message CARNET-CHANGE-02 carries encoding/json's English text
// (Apply's err.Error(); Create has the same path), against the house rule
// "never a library's English error text reaching a user".
func TestReviewHoleFaultMessageEnglishJSON(t *testing.T) {
	c := open(t, nil)
	fs := carnet.Apply(c, carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetJalons, ID: "j-1", Value: math.NaN(), At: at("2025-04-01")}, referent)
	require.NotEmpty(t, fs.Errors())
	for _, f := range fs {
		assert.False(t, strings.Contains(f.Message, "json:") || strings.Contains(f.Message, "unsupported"),
			"le message français cite le texte anglais de la bibliothèque : %q", f.Message)
	}
}

// Attack (time): Create and Apply refuse a change dated more than
// MaxClockSkew after the clock, but MergeRecorded checks only that its
// date is not before the last event: the coordinator records a merge dated
// 2099, after which Apply refuses every change by anyone (CARNET-CHANGE-06,
// dated before the last event) — the attack of issue 16 « Time » through the
// merge.
func TestReviewHoleMergeRecordedInTheFuture(t *testing.T) {
	now := func() time.Time { return at("2025-04-10") }
	real := open(t, nil)
	dup, fs := carnet.Create(coordDuplicate(real, nil, nil), coord, at("2025-04-01"), carnet.WithClock(now))
	require.Empty(t, fs.Errors(), "%v", fs)
	m, fs := carnet.MergeRecorded(real, dup, coord, at("2099-01-01"), carnet.WithClock(now))
	if m == nil {
		return // refused: held
	}
	assert.Fail(t, "fusion datée de 2099 acceptée", "%v", fs)
	fs = carnet.Apply(m, carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetJalons, ID: "j-1",
		Value: carnet.Milestone{ID: "j-1", Kind: base2Milestone(t), Date: "2025-04-10"}, At: now()}, referent, carnet.WithClock(now))
	assert.Empty(t, fs.Errors(), "après la fusion datée de 2099, le référent ne peut plus rien écrire")
}

func base2Milestone(t *testing.T) carnet.MilestoneKind {
	t.Helper()
	for _, d := range carnet.MilestoneKinds {
		return carnet.MilestoneKind(d.Key)
	}
	t.Fatal("aucun type de jalon")
	return ""
}

// Attack: after a merge, two member records share the id m-coref: the
// France Travail co-référent (acces_nir) from the real carnet, and the
// chargée d'orientation's record from a duplicate. The merge is made by the
// coordinator, authorised for the NIR in both carnets (a merge bringing
// acces_nir marks needs such an actor, CARNET-NIR-01). Then the chargée
// d'orientation, who writes the members list but is not authorised for the
// NIR, marks her own record acces_nir: guardNIRGrant finds "a record
// m-coref already marked" (the other carnet's) and lets it through. A fix
// of TestReviewHoleNIRMarkHijackedByUpdate that compares the record's
// identity but not its origine would still let this one pass.
func TestReviewHoleNIRMarkGrantedThroughSharedID(t *testing.T) {
	real := open(t, func(b *carnet.Carnet) {
		b.Members[2].AccessNIR = true // m-coref, France Travail
		b.Members[4].AccessNIR = true // m-coord, the coordinator
	})
	in := coordDuplicate(real, []carnet.Member{
		{ID: "m-coref", Role: carnet.RoleChargeOrientation, StructureSIRET: siretDepartement, Professional: "Inès Faure", Start: "2025-04-01"},
	}, nil)
	in.Members[1].AccessNIR = true
	// (lead) opened by the partner: the coordinator's own duplicate is
	// refused (CARNET-FUSION-13), another structure's is merged
	dup, fs := carnet.Create(in, partenaire, at("2025-04-01"))
	require.Empty(t, fs.Errors(), "%v", fs)
	m, fs := carnet.MergeRecorded(real, dup, coord, at(reviewMergeDay))
	require.NotNil(t, m, "%v", fs)
	require.False(t, carnet.MayReadNIR(m, carnet.Viewer{Actor: chargeOri, On: "2025-04-11"}))
	mine := in.Members[2]
	mine.Origin, mine.AccessNIR = dup.ID, true
	fs = carnet.Apply(m, carnet.Change{Op: carnet.OpUpdate, Target: carnet.TargetMembres, ID: "m-coref", Origin: dup.ID, Value: mine, At: at("2025-04-11")}, chargeOri)
	if len(fs.Errors()) > 0 {
		return // refused: held
	}
	assert.False(t, carnet.MayReadNIR(m, carnet.Viewer{Actor: chargeOri, On: "2025-04-11"}),
		"la chargée d'orientation s'est habilitée au NIR en marquant son propre membre, qui partage l'id d'un membre habilité")
}

// Attack (self-appointment, issue 16): members-list writers try to become
// référent, or to make a colleague one, through Apply.
func TestReviewHeldSelfAppointment(t *testing.T) {
	cases := []struct {
		name  string
		actor carnet.Actor
		id    string
		value carnet.Member
	}{
		{"le coordinateur s'ajoute référent", coord, "m-x", carnet.Member{ID: "m-x", Role: carnet.RoleReferent, StructureSIRET: siretAutre, Professional: "Jean Roy", Start: "2025-04-01"}},
		{"le coordinateur ajoute sa structure référente sans nom", coord, "m-x", carnet.Member{ID: "m-x", Role: carnet.RoleReferent, StructureSIRET: siretAutre, Start: "2025-04-01"}},
		{"le coordinateur ajoute une collègue référente", coord, "m-x", carnet.Member{ID: "m-x", Role: carnet.RoleReferent, StructureSIRET: siretAutre, Professional: "Zoé Roy", Start: "2025-04-01"}},
		{"le coordinateur change son rôle en référent", coord, "m-coord", carnet.Member{ID: "m-coord", Role: carnet.RoleReferent, StructureSIRET: siretAutre, Professional: "Jean Roy", Start: "2025-03-03"}},
		{"le coordinateur rétrograde le référent", coord, "m-ref", carnet.Member{ID: "m-ref", Role: carnet.RoleCoReferent, StructureSIRET: siretDepartement, Professional: "Claire Martin", Start: "2025-03-03"}},
		{"le coordinateur remplace le référent par lui-même", coord, "m-ref", carnet.Member{ID: "m-ref", Role: carnet.RoleReferent, StructureSIRET: siretAutre, Professional: "Jean Roy", Start: "2025-03-03"}},
		{"la chargée d'orientation se désigne sans orientation", chargeOri, "m-x", carnet.Member{ID: "m-x", Role: carnet.RoleReferent, StructureSIRET: siretDepartement, Professional: "Inès Faure", Start: "2025-04-01"}},
		{"le co-référent se promeut", coReferent, "m-coref", carnet.Member{ID: "m-coref", Role: carnet.RoleReferent, StructureSIRET: siretFT, Professional: "Paul Durand", Start: "2025-03-03"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := open(t, nil)
			op := carnet.OpUpdate
			if tc.id == "m-x" {
				op = carnet.OpAdd
			}
			fs := carnet.Apply(c, carnet.Change{Op: op, Target: carnet.TargetMembres, ID: tc.id, Value: tc.value, At: at("2025-04-01")}, tc.actor)
			assert.NotEmpty(t, fs.Errors(), "changement accepté")
			if tc.value.Role == carnet.RoleReferent {
				assert.NotNil(t, carnet.Authorize(c, carnet.Actor{Professional: tc.value.Professional, StructureSIRET: tc.value.StructureSIRET, Role: carnet.RoleReferent}, carnet.SectionSante, carnet.AccessRead, "2025-04-02"))
			} else {
				assert.Nil(t, carnet.Authorize(c, referent, carnet.SectionSante, carnet.AccessRead, "2025-04-02"), "le référent a perdu son accès")
			}
		})
	}
}

// Attack (identity): an usager actor who is not the carnet's person, and a
// professional without a name, read nothing.
func TestReviewHeldIdentity(t *testing.T) {
	c := open(t, nil)
	apply(t, c, referent, carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetDiagnostic, Value: healthDiagnostic("SECRET-SANTE"), At: at("2025-03-20")})
	for _, a := range []carnet.Actor{
		{Professional: "p-002", Role: carnet.RoleUsager},
		{Professional: "", Role: carnet.RoleUsager},
		{Professional: " ", StructureSIRET: siretDepartement, Role: carnet.RoleReferent},
		{Professional: "", StructureSIRET: siretDepartement, Role: carnet.RoleReferent},
	} {
		assert.NotNil(t, carnet.Authorize(c, a, carnet.SectionSante, carnet.AccessRead, "2025-04-01"), "%+v", a)
		v := carnet.View(c, carnet.Viewer{Actor: a, On: "2025-04-01"})
		assert.False(t, strings.Contains(jsonOf(t, v), "SECRET-SANTE"), "%+v", a)
		assert.False(t, carnet.MayReadNIR(c, carnet.Viewer{Actor: a, On: "2025-04-01"}), "%+v", a)
	}
}

// Attack (journal forgery): the partner's copy is replaced by one without
// journal in which the coordinator is référent. View warns only (the
// package doc says so), VerifiedView with the partner's checkpoints shows
// nothing.
func TestReviewHeldRemovedJournalAgainstCheckpoints(t *testing.T) {
	c := open(t, nil)
	apply(t, c, referent, carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetDiagnostic, Value: healthDiagnostic("SECRET-SANTE"), At: at("2025-03-20")})
	cps := carnet.TakeCheckpoints(c)
	forged := c.Cloned()
	forged.Journal = nil
	forged.Members[1].StructureSIRET, forged.Members[1].Professional = siretAutre, "Jean Roy"
	coordRef := carnet.Actor{Professional: "Jean Roy", StructureSIRET: siretAutre, Role: carnet.RoleReferent}
	v, fs := carnet.VerifiedView(forged, carnet.Viewer{Actor: coordRef, On: "2025-04-01"}, carnet.Trust{Checkpoints: cps})
	assert.NotEmpty(t, fs.Errors())
	assert.False(t, v != nil && strings.Contains(jsonOf(t, v), "SECRET-SANTE"))
}

// Attack (retention): a carnet whose entry date is not a calendar date,
// decoded from a crafted document (Create refuses it), is neither kept nor
// purged silently: Purge refuses it with CARNET-CONSERVATION-01, without
// quoting the date.
func TestReviewHeldPurgeMalformedDate(t *testing.T) {
	for _, d := range []spie.Date{"2025-02-30", "03/03/2025"} {
		c := open(t, nil).Cloned()
		c.EntryDate = d
		kept, purged, refused := carnet.Purge([]*carnet.Carnet{c}, "2031-01-01", carnet.DefaultPolicy())
		assert.Empty(t, kept, d)
		assert.Empty(t, purged, d)
		require.Len(t, refused, 1, d)
		assert.True(t, refused[0].Faults.HasCode("CARNET-CONSERVATION-01"))
		for _, f := range refused[0].Faults {
			assert.False(t, strings.Contains(f.Message+f.MessageEN, string(d)), "%v", f)
		}
	}
}

// Attack: a merge writes, in the real carnet, sections the merging actor
// may only read. The coordinator (personne and diagnostic: read only,
// santé: nothing, DefaultRights) opens a duplicate — Create checks no
// section right but the référents' — holding a diagnostic dated after the
// real one, with a health frein it made up, and, opened on a date before
// the real carnet's creation, another birth date and no RSA. After the
// merge, "the later diagnostic is in force" puts the coordinator's
// diagnostic, health data included, in force, and "the earlier entry wins"
// puts its person data in place; the real values go to the conflicts.
func TestReviewHoleMergeWritesWhatTheActorCannot(t *testing.T) {
	real, dup := forgedContentDuplicate(t, coord)
	m, fs := carnet.MergeRecorded(real, dup, coord, at(reviewMergeDay))
	if m == nil {
		return // refused: held
	}
	require.NotNil(t, m.Diagnostic)
	assert.Equal(t, "d-001", m.Diagnostic.ID, "le diagnostic (santé comprise) du coordinateur est en vigueur ; fautes : %v", fs)
	assert.Equal(t, spie.Date("1990-05-14"), m.Person.BirthDate, "la personne du coordinateur remplace la vraie")
}

// Attack (same merge): Merge's doc promises a warning fault per conflict:
// every value set aside (conflits_fusion) comes with its CARNET-FUSION-10.
func TestReviewHeldMergeConflictWarned(t *testing.T) {
	// (lead) the duplicate is another structure's, opened by the partner:
	// a merge of the coordinator's own writings is refused (CARNET-FUSION-13)
	real, dup := forgedContentDuplicate(t, partenaire)
	m, fs := carnet.MergeRecorded(real, dup, coord, at(reviewMergeDay))
	require.NotNil(t, m, "%v", fs)
	warned := map[string]bool{}
	for _, f := range fs {
		if f.Code == "CARNET-FUSION-10" {
			warned[f.Path] = true
		}
	}
	for _, k := range m.Conflicts {
		assert.True(t, warned[k.Path], "valeur de %s écartée sans avertissement (fautes : %v)", k.Path, fs)
	}
}

// forgedContentDuplicate returns the real carnet (with the référent's
// diagnostic) and the coordinator's duplicate of
// TestReviewHoleMergeWritesWhatTheActorCannot.
func forgedContentDuplicate(t *testing.T, opener carnet.Actor) (*carnet.Carnet, *carnet.Carnet) {
	t.Helper()
	real := open(t, nil)
	apply(t, real, referent, carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetDiagnostic, Value: healthDiagnostic("VRAI"), At: at("2025-03-20")})
	require.NotNil(t, carnet.Authorize(real, coord, carnet.SectionDiagnostic, carnet.AccessWrite, reviewMergeDay))
	require.NotNil(t, carnet.Authorize(real, coord, carnet.SectionPersonne, carnet.AccessWrite, reviewMergeDay))

	in := coordDuplicate(real, nil, nil)
	in.EntryDate = "2025-01-01"
	for i := range in.Members {
		in.Members[i].Start = "2025-01-01"
	}
	in.Consents[0].Date = "2025-01-01"
	in.Person.BirthDate, in.Person.RSA, in.Person.RSAOpeningDate, in.Person.Publics = "1960-01-01", false, "", nil
	forgedDiag := healthDiagnostic("FORGE-PAR-LE-COORDINATEUR")
	forgedDiag.ID, forgedDiag.Date, forgedDiag.Consent.Date = "d-forge", "2025-04-05", "2025-04-05"
	forgedDiag.Person.BirthDate = "1960-01-01"
	in.Diagnostic = forgedDiag
	dup, fs := carnet.Create(in, opener, at("2025-01-01"))
	require.Empty(t, fs.Errors(), "%v", fs)
	return real, dup
}

// Attack (journal forgery against checkpoints and keys): after the
// partner's checkpoint, a structure that is not a member appends to the
// real chain an event attributed to the référent, designating itself
// référent (Designate lets a référent designate anyone), re-chained; it
// signs it with its own registered key (CARNET-JOURNAL-34), or leaves it
// unsigned (CARNET-JOURNAL-32). Also: the chain re-hashed with the
// creation's author changed (to the person, so that it replays with its
// rights), against the checkpoint (CARNET-JOURNAL-21).
func TestReviewHeldImpersonationAfterCheckpoint(t *testing.T) {
	real := open(t, nil)
	cps := carnet.TakeCheckpoints(real)
	trust := carnet.Trust{Checkpoints: cps, Keys: testRegistry(t)}
	forged := real.Cloned()
	ml := carnet.Member{ID: "m-ml", Role: carnet.RoleReferent, StructureSIRET: siretML, Professional: "Marc Lenoir", Start: "2025-04-01"}
	apply(t, forged, referent, carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetMembres, ID: ml.ID, Value: ml, At: at("2025-04-01")})
	require.Empty(t, forged.CheckJournal(), "la chaîne forgée est cohérente")
	assert.True(t, carnet.VerifyCarnet(forged, trust).HasCode("CARNET-JOURNAL-32"))

	signer := testSigner(t, siretML)
	last := &forged.Journal[len(forged.Journal)-1]
	last.Signature = &carnet.Signature{Key: signer.KeyID, Value: base64.StdEncoding.EncodeToString(ed25519.Sign(signer.Key, []byte("spie-carnet-journal-v1\n"+last.Hash)))}
	assert.True(t, carnet.VerifyCarnet(forged, trust).HasCode("CARNET-JOURNAL-34"))
	v, _ := carnet.VerifiedView(forged, carnet.Viewer{Actor: carnet.Actor{Professional: "Marc Lenoir", StructureSIRET: siretML, Role: carnet.RoleReferent}, On: "2025-04-02"}, trust)
	assert.True(t, v == nil || len(v.Members) == 0, "la vue vérifiée montre le carnet forgé")

	rehashed := real.Cloned()
	rehashed.Journal[0].Actor = usager // an author whose opening replays with its rights
	rehashed.Journal[0].Hash = rehashed.Journal[0].ComputeHash()
	vfs := carnet.VerifyCarnet(rehashed, carnet.Trust{Checkpoints: cps})
	assert.True(t, vfs.HasCode("CARNET-JOURNAL-21"), "%v", vfs)
}

// Attack (NIR through the conflicts): the forged-content merge of
// TestReviewHoleMergeWritesWhatTheActorCannot sets the real diagnostic,
// which holds the NIR, aside in conflits_fusion. The référent, who reads
// every part but is not authorised for the NIR, and the coordinator never
// see it in their views (content, journal, conflicts).
func TestReviewHeldNIRInMergeConflicts(t *testing.T) {
	real := open(t, nil)
	d := healthDiagnostic("VRAI")
	d.Person.NIR = nirTest
	apply(t, real, referent, carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetDiagnostic, Value: d, At: at("2025-03-20")})
	in := coordDuplicate(real, nil, nil)
	forgedDiag := healthDiagnostic("FORGE")
	forgedDiag.ID, forgedDiag.Date, forgedDiag.Consent.Date = "d-forge", "2025-04-05", "2025-04-05"
	in.Diagnostic = forgedDiag
	// (lead) opened by the partner: the coordinator's own duplicate is
	// refused (CARNET-FUSION-13), another structure's is merged
	dup, fs := carnet.Create(in, partenaire, at("2025-04-01"))
	require.Empty(t, fs.Errors(), "%v", fs)
	m, fs := carnet.MergeRecorded(real, dup, coord, at(reviewMergeDay))
	require.NotNil(t, m, "%v", fs)
	require.True(t, strings.Contains(jsonOf(t, m.Conflicts), string(nirTest)), "le NIR est dans les conflits")
	for _, a := range []carnet.Actor{referent, coord, coReferent} {
		v := carnet.View(m, carnet.Viewer{Actor: a, On: "2025-04-11"})
		assert.False(t, strings.Contains(jsonOf(t, v), string(nirTest)), "%s voit le NIR", a.Professional)
	}
}

// narrowedConsent returns the real carnet where the person narrowed the
// coordination's consent to personne and membres on 2025-04-01 (the
// diagnostic written before), and a copy taken before the narrowing.
func narrowedConsent(t *testing.T) (real, old *carnet.Carnet) {
	t.Helper()
	real = open(t, nil)
	apply(t, real, referent, carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetDiagnostic, Value: healthDiagnostic("SECRET-SANTE"), At: at("2025-03-20")})
	old = real.Cloned()
	k := base().Consents[2]
	k.Scope = []carnet.Section{"personne", "membres"}
	apply(t, real, usager, carnet.Change{Op: carnet.OpUpdate, Target: carnet.TargetConsentements, ID: k.ID, Value: k, At: at("2025-04-01")})
	require.NotNil(t, carnet.Authorize(real, coord, carnet.SectionDiagnostic, carnet.AccessRead, reviewMergeDay))
	return real, old
}

// Attack: the coordinator merges the real carnet with the copy it kept
// from before the person narrowed its consent. Same chain, same items:
// "the earlier journal entry wins" keeps the creation's consent (2025-03-03)
// against the person's narrowing (2025-04-01). MergeRecorded returns the
// carnet without an error, its content no longer what its journal replays
// to; the person's narrowing is set aside as a conflict.
func TestReviewHoleMergeWithOwnOldCopyRevertsConsent(t *testing.T) {
	real, old := narrowedConsent(t)
	m, fs := carnet.MergeRecorded(real, old, coord, at(reviewMergeDay))
	if m == nil {
		return // refused: held
	}
	assert.NotNil(t, carnet.Authorize(m, coord, carnet.SectionDiagnostic, carnet.AccessRead, reviewMergeDay),
		"la fusion avec l'ancienne copie a rendu au coordinateur le consentement retiré ; fautes : %v", fs)
	assert.Empty(t, m.CheckJournal(), "MergeRecorded rend sans erreur un carnet dont le journal ne se vérifie pas")
}

// Attack: Create refuses an item claiming another carnet's origine
// (CARNET-CHANGE-08), Apply does not: the coordinator, référent of its own
// duplicate for its first day, adds there a consent k-coord with origine
// c-77-001 and the creation's value. The merge takes it as the real
// carnet's k-coord, written by an entry earlier than the person's
// narrowing: the narrowing is undone and the coordinator reads the
// diagnostic again.
func TestReviewHoleForeignOrigineThroughApplyUndoesConsent(t *testing.T) {
	real, _ := narrowedConsent(t)
	in := coordDuplicate(real, []carnet.Member{
		{ID: "m-ref-coord", Role: carnet.RoleReferent, StructureSIRET: siretAutre, Professional: "Jean Roy", Start: "2025-04-01", End: "2025-04-02"},
	}, nil)
	in.Consents[0].ID = "k-coord-doublon"
	dup, fs := carnet.Create(in, coord, at("2025-04-01"))
	require.Empty(t, fs.Errors(), "%v", fs)
	k := base().Consents[2]
	k.Origin = real.ID
	coordRef := carnet.Actor{Professional: "Jean Roy", StructureSIRET: siretAutre, Role: carnet.RoleReferent}
	fs = carnet.Apply(dup, carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetConsentements, ID: k.ID, Value: k, At: at("2025-04-01").Add(time.Hour)}, coordRef)
	if len(fs.Errors()) > 0 {
		return // refused: held
	}
	m, fs := carnet.MergeRecorded(real, dup, coord, at(reviewMergeDay))
	if m == nil {
		return
	}
	assert.NotNil(t, carnet.Authorize(m, coord, carnet.SectionDiagnostic, carnet.AccessRead, reviewMergeDay),
		"le consentement restreint par la personne est remplacé par celui du doublon ; fautes : %v", fs)
	if carnet.Authorize(m, coord, carnet.SectionDiagnostic, carnet.AccessRead, reviewMergeDay) == nil {
		t.Logf("le carnet fusionné se vérifie (CheckJournal) : %v", m.CheckJournal())
	}
}

// Attack: as TestReviewHoleMergeWithOwnOldCopyRevertsConsent, on the
// référent: the person replaced the référent on 2025-04-01 (the Département
// by the Mission locale); the coordinator merges the real carnet with its
// copy from before, whose référent record is the earlier entry. A merge
// that modifies a référent item needs Designate: refused.
func TestReviewHeldMergeWithOwnOldCopyRevertsReferent(t *testing.T) {
	real := open(t, nil)
	old := real.Cloned()
	ref := base().Members[1]
	ref.StructureSIRET, ref.Professional = siretML, "Marc Lenoir"
	apply(t, real, usager, carnet.Change{Op: carnet.OpUpdate, Target: carnet.TargetMembres, ID: ref.ID, Value: ref, At: at("2025-04-01")})
	m, fs := carnet.MergeRecorded(real, old, coord, at(reviewMergeDay))
	assert.Nil(t, m, "%v", fs)
	assert.True(t, fs.HasCode("CARNET-DROITS-06"), "%v", fs)
}

// Attack (time, past side): Apply checks rights on the date the caller
// gives (ch.At), refusing only dates before the last event or after the
// clock. The coordinator's membership ended on 2025-04-05 (its record's
// date_fin, set in advance: no event on that day); on 2025-06-01 (clock)
// it writes a milestone dated 2025-04-04, when it was still a member
// (MergeRecorded has the same shape). doc.go claims nothing about the past; this
// is the write side of issue 16's "rights evaluated at a date the caller
// picks" (backdated views).
func TestReviewHoleFormerMemberWritesBackdated(t *testing.T) {
	now := func() time.Time { return at("2025-06-01") }
	c := open(t, func(b *carnet.Carnet) { b.Members[4].End = "2025-04-05" })
	require.NotNil(t, carnet.Authorize(c, coord, carnet.SectionJalons, carnet.AccessWrite, "2025-06-01"))
	fs := carnet.Apply(c, carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetJalons, ID: "j-retro",
		Value: carnet.Milestone{ID: "j-retro", Kind: base2Milestone(t), Date: "2025-04-04"}, At: at("2025-04-04")}, coord, carnet.WithClock(now))
	assert.NotEmpty(t, fs.Errors(), "un ancien membre écrit en antidatant son changement")
}

// Attack (right of access understated): a member record without a name
// grants its role to every professional of the structure (Authorize,
// isActor). The coordinator's structure is recorded so; Export, which the
// person receives under RGPD art. 15, lists that structure with no section
// (it asks Authorize for an actor without name, refused as unidentified),
// while any professional of it reads the diagnostic and the journal.
func TestReviewHoleExportUnderstatesUnnamedMember(t *testing.T) {
	c := open(t, func(b *carnet.Carnet) { b.Members[4].Professional = "" })
	require.Nil(t, carnet.Authorize(c, coord, carnet.SectionDiagnostic, carnet.AccessRead, "2025-04-01"))
	x := carnet.Export(c, "2025-04-01", carnet.DefaultPolicy())
	found := false
	for _, a := range x.Access {
		if a.StructureSIRET == siretAutre {
			found = true
			assert.Contains(t, a.Sections, carnet.SectionDiagnostic, "l'export dit que la coordination ne voit rien : %+v", a)
		}
	}
	assert.True(t, found, "la coordination manque à l'export")
}
