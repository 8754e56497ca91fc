package carnet_test

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"strings"
	"time"

	"github.com/spie-fr/socle/carnet"
)

// exampleSigner is the Département's signer, from a published test seed
// (never do this in production: the private key stays on the server).
func exampleSigner() (carnet.Signer, string) {
	seed := sha256.Sum256([]byte("socle : clé de test publiée 22020000000010"))
	key := ed25519.NewKeyFromSeed(seed[:])
	pub := base64.StdEncoding.EncodeToString(key.Public().(ed25519.PublicKey))
	return carnet.Signer{KeyID: "test-22020000000010", SIRET: "22020000000010", Key: key}, pub
}

// The partner's server signs what it applies; the key registry, kept
// outside the carnet, proves who wrote each event.
func ExampleApplySigned() {
	signer, pub := exampleSigner()
	reg, _ := carnet.LoadKeyRegistry(strings.NewReader(`[{"id":"test-22020000000010","siret_structure":"22020000000010","cle_publique":"` + pub + `","date_debut":"2025-01-01"}]`))
	ref := carnet.Actor{Professional: "Claire Martin", StructureSIRET: "22020000000010", Role: carnet.RoleReferent}
	c, _ := carnet.CreateSigned(carnet.Carnet{ID: "c-1", EntryDate: "2025-03-03",
		Person:  carnet.SupportedPerson{ID: "p-1", BirthDate: "1990-05-14", Commune: "02408"},
		Members: []carnet.Member{{ID: "m-1", Role: carnet.RoleReferent, StructureSIRET: "22020000000010", Professional: "Claire Martin", Start: "2025-03-03"}},
	}, ref, time.Date(2025, 3, 3, 9, 0, 0, 0, time.UTC), signer)
	fs := carnet.ApplySigned(c, carnet.Change{Op: carnet.OpAdd, Target: carnet.TargetRendezVous, ID: "r-1",
		Value: carnet.Contact{ID: "r-1", Date: "2025-03-10", Kind: "rendez-vous", Channel: "presentiel", Result: "honore"},
		At:    time.Date(2025, 3, 10, 9, 0, 0, 0, time.UTC)}, ref, signer)
	fmt.Println(len(fs), c.Journal[1].Signature.Key)
	fmt.Println("avec le registre :", len(carnet.VerifyCarnet(c, carnet.Trust{Keys: reg})), "défaut")
	fmt.Println("sans registre :", carnet.VerifyCarnet(c, carnet.Trust{}))
	c.Journal[1].Signature = nil
	fmt.Println("signature retirée :", carnet.VerifyCarnet(c, carnet.Trust{Keys: reg}))
	// Output:
	// 0 test-22020000000010
	// avec le registre : 0 défaut
	// sans registre : /journal : CARNET-JOURNAL-31 : signatures non vérifiées : aucun registre de clés fourni
	// signature retirée : /journal/1/signature : CARNET-JOURNAL-32 : événement non signé après le dernier point de contrôle : son auteur n'est pas prouvé
}

// A partner stores the checkpoints of each carnet it has verified, and
// verifies the next copy it receives against them.
func ExampleTakeCheckpoints() {
	c := exampleCarnet()
	cps := carnet.TakeCheckpoints(c)
	fmt.Println(cps[0].Carnet, cps[0].Chain, cps[0].Length, cps[0].Head == c.Journal[0].Hash)
	rolledBack := c.Cloned()
	rolledBack.Journal = nil
	fmt.Println(carnet.CheckCheckpoints(rolledBack, cps))
	// Output:
	// c-1 c-1 1 true
	// /journal : CARNET-JOURNAL-22 : la chaîne "c-1" déjà vue est absente du journal : le journal a été retiré ou remplacé
}

// The partner's server verifies the journal before computing a view: a
// carnet changed outside its journal shows nothing.
func ExampleVerifiedView() {
	c := exampleCarnet()
	v := carnet.Viewer{Actor: carnet.Actor{Professional: "Claire Martin", StructureSIRET: "22020000000010", Role: carnet.RoleReferent}, On: "2025-04-01"}
	view, fs := carnet.VerifiedView(c, v, carnet.Trust{})
	fmt.Println(view.Mark.Viewer.Role, view.Mark.On, fs)
	c.Person.Commune = "75056"
	view, fs = carnet.VerifiedView(c, v, carnet.Trust{})
	fmt.Println(view == nil, fs)
	// Output:
	// referent 2025-04-01 /journal : CARNET-JOURNAL-30 : journal non signé : 1 événement(s) sans signature, leur auteur n'est pas prouvé
	// true /journal : CARNET-JOURNAL-10 : le contenu du carnet ne correspond pas à son journal
}

// A merge recorded by MergeRecorded is signed by the structure that made it.
func ExampleSigner_Sign() {
	signer, _ := exampleSigner()
	ref := carnet.Actor{Professional: "Claire Martin", StructureSIRET: "22020000000010", Role: carnet.RoleReferent}
	m, _ := carnet.MergeRecorded(exampleCarnetID("c-1"), exampleCarnetID("c-2"), ref, time.Date(2025, 3, 4, 9, 0, 0, 0, time.UTC))
	last := &m.Journal[len(m.Journal)-1]
	fmt.Println(last.Op, signer.Sign(last) == nil, last.Signature.Key)
	other := carnet.Signer{KeyID: "k-ft", SIRET: "13002526500013", Key: signer.Key}
	fmt.Println(other.Sign(last))
	// Output:
	// fusionner true test-22020000000010
	// /signature : CARNET-SIGNATURE-02 : la structure 13002526500013 ne peut pas signer un événement écrit par la structure 22020000000010
}
