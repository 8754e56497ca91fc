package carnet_test

import (
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/spie"
)

// signAll signs every unsigned event of c with the test key of its
// author's structure (the person's events with the référent's structure,
// whose server applied them), as the partners' servers would have with
// ApplySigned.
func signAll(t *testing.T, c *carnet.Carnet) {
	t.Helper()
	for i := range c.Journal {
		e := &c.Journal[i]
		if e.Signature != nil {
			continue
		}
		siret := e.Actor.StructureSIRET
		if siret == "" {
			siret = siretDepartement
		}
		require.Nil(t, testSigner(t, siret).Sign(e))
	}
}

// signed returns a random signed carnet of the tests.
func signed(t *testing.T, rng *rand.Rand) *carnet.Carnet {
	t.Helper()
	c := open(t, nil)
	randomChanges(t, c, rng, 4+rng.IntN(20))
	signAll(t, c)
	require.Empty(t, carnet.VerifyCarnet(c, carnet.Trust{Keys: testRegistry(t)}))
	return c
}

// TestSignatureAttacks: with the key registry, what a forger may do to a
// signed journal without the authors' private keys is refused, for random
// carnets. Before signatures, each forged journal here passed CheckJournal
// (the content is replayed from it): see TestCheckpointAttacks for the
// same forgeries, caught there only up to the checkpoints.
func TestSignatureAttacks(t *testing.T) {
	attacks := []struct {
		name  string
		code  string
		forge func(t *testing.T, rng *rand.Rand, c *carnet.Carnet) *carnet.Carnet
	}{
		{"auteur changé et chaîne réécrite, anciennes signatures gardées", "CARNET-JOURNAL-36", func(t *testing.T, rng *rand.Rand, c *carnet.Carnet) *carnet.Carnet {
			es, _, ok := reattribute(c, rng, "")
			if !ok {
				return nil
			}
			return replayed(t, es)
		}},
		{"valeur changée, chaîne réécrite et signée par l'intrus avec sa propre clé", "CARNET-JOURNAL-34", func(t *testing.T, rng *rand.Rand, c *carnet.Carnet) *carnet.Carnet {
			es, i, ok := reattribute(c, rng, siretAutre)
			if !ok {
				return nil
			}
			for j := i; j < len(es); j++ {
				// the intruder signs by hand: Signer.Sign refuses an event of another structure
				sig := ed25519.Sign(testSigner(t, siretAutre).Key, []byte("spie-carnet-journal-v1\n"+es[j].Hash))
				es[j].Signature = &carnet.Signature{Key: "test-" + string(siretAutre), Value: base64.StdEncoding.EncodeToString(sig)}
			}
			return replayed(t, es)
		}},
		{"signature retirée", "CARNET-JOURNAL-32", func(t *testing.T, rng *rand.Rand, c *carnet.Carnet) *carnet.Carnet {
			f := c.Cloned()
			f.Journal[rng.IntN(len(f.Journal))].Signature = nil
			return f
		}},
		{"signature altérée", "CARNET-JOURNAL-36", func(t *testing.T, rng *rand.Rand, c *carnet.Carnet) *carnet.Carnet {
			f := c.Cloned()
			s := f.Journal[rng.IntN(len(f.Journal))].Signature
			b, _ := base64.StdEncoding.DecodeString(s.Value)
			b[rng.IntN(len(b))] ^= 1 << rng.IntN(8)
			s.Value = base64.StdEncoding.EncodeToString(b)
			return f
		}},
		{"clé inconnue du registre", "CARNET-JOURNAL-33", func(t *testing.T, rng *rand.Rand, c *carnet.Carnet) *carnet.Carnet {
			f := c.Cloned()
			f.Journal[rng.IntN(len(f.Journal))].Signature.Key = "cle-glissee-dans-le-carnet"
			return f
		}},
	}
	reg := testRegistry(t)
	for _, a := range attacks {
		t.Run(a.name, func(t *testing.T) {
			forged := 0
			defer func() { assert.GreaterOrEqual(t, forged, 10, "trop peu de falsifications construites") }()
			for seed := range uint64(20) {
				rng := rand.New(rand.NewPCG(seed, 30))
				f := a.forge(t, rng, signed(t, rng))
				if f == nil {
					continue // no author could be swapped without breaking the rights (Replay refuses it)
				}
				forged++
				fs := carnet.VerifyCarnet(f, carnet.Trust{Keys: reg})
				require.True(t, fs.HasCode(a.code), "graine %d : %v", seed, fs)
				// without the registry the forgery is not caught, only flagged as unproved
				assert.Empty(t, carnet.VerifyCarnet(f, carnet.Trust{}).Errors())
			}
		})
	}
}

func TestSignatureRules(t *testing.T) {
	reg := testRegistry(t)
	t.Run("carnet non signé sans registre : lisible, avec un avertissement", func(t *testing.T) {
		c := open(t, nil)
		fs := carnet.VerifyCarnet(c, carnet.Trust{})
		require.Len(t, fs, 1)
		assert.Equal(t, "CARNET-JOURNAL-30", fs[0].Code)
		assert.Equal(t, spie.SeverityWarning, fs[0].Severity)
		assert.True(t, strings.HasPrefix(fs[0].Message, "journal non signé"), fs[0].Message)
	})
	t.Run("carnet signé sans registre : signatures non vérifiées", func(t *testing.T) {
		c := open(t, nil)
		signAll(t, c)
		fs := carnet.VerifyCarnet(c, carnet.Trust{})
		assert.True(t, fs.HasCode("CARNET-JOURNAL-31"))
		assert.Empty(t, fs.Errors())
	})
	t.Run("événements couverts par un point de contrôle : non signés acceptés, les suivants non", func(t *testing.T) {
		c := open(t, nil)
		cps := carnet.TakeCheckpoints(c)
		apply(t, c, referent, carnet.Change{Op: carnet.OpUpdate, Target: carnet.TargetPersonne, Value: c.Person, At: at("2025-03-04")})
		fs := carnet.VerifyCarnet(c, carnet.Trust{Keys: reg, Checkpoints: cps})
		assert.True(t, fs.Has("CARNET-JOURNAL-32", "/journal/1/signature"), "%v", fs)
		assert.False(t, fs.Has("CARNET-JOURNAL-32", "/journal/0/signature"), "%v", fs)
		require.Nil(t, testSigner(t, siretDepartement).Sign(&c.Journal[1]))
		assert.Empty(t, carnet.VerifyCarnet(c, carnet.Trust{Keys: reg, Checkpoints: cps}))
	})
	t.Run("clé hors de sa période de validité", func(t *testing.T) {
		c := open(t, nil)
		signAll(t, c)
		late := append(carnet.KeyRegistry(nil), reg...)
		for i := range late {
			late[i].Start = "2025-03-04" // the creation is dated 2025-03-03
		}
		assert.True(t, carnet.VerifyCarnet(c, carnet.Trust{Keys: late}).Has("CARNET-JOURNAL-35", "/journal/0/signature"))
		for i := range late {
			late[i].Start, late[i].End = "2024-01-01", "2025-03-02"
		}
		assert.True(t, carnet.VerifyCarnet(c, carnet.Trust{Keys: late}).Has("CARNET-JOURNAL-35", "/journal/0/signature"))
	})
	t.Run("journal absent avec un registre", func(t *testing.T) {
		c := open(t, nil)
		c.Journal = nil
		assert.True(t, carnet.VerifyCarnet(c, carnet.Trust{Keys: reg}).HasCode("CARNET-JOURNAL-07"))
		fs := carnet.VerifyCarnet(c, carnet.Trust{})
		assert.True(t, fs.HasCode("CARNET-JOURNAL-06"))
		assert.Empty(t, fs.Errors())
	})
	t.Run("une structure ne signe pas pour une autre", func(t *testing.T) {
		c := open(t, nil)
		ch := carnet.Change{Op: carnet.OpUpdate, Target: carnet.TargetPersonne, Value: c.Person, At: at("2025-03-04")}
		n := len(c.Journal)
		fs := carnet.ApplySigned(c, ch, referent, testSigner(t, siretFT))
		assert.True(t, fs.HasCode("CARNET-SIGNATURE-02"), "%v", fs)
		assert.Len(t, c.Journal, n, "carnet inchangé")
		fs = carnet.ApplySigned(c, ch, referent, carnet.Signer{KeyID: "k", SIRET: siretDepartement, Key: ed25519.PrivateKey("courte")})
		assert.True(t, fs.HasCode("CARNET-SIGNATURE-01"), "%v", fs)
		assert.Len(t, c.Journal, n, "carnet inchangé")
		require.Empty(t, carnet.ApplySigned(c, ch, referent, testSigner(t, siretDepartement)))
		assert.NotNil(t, c.Journal[n].Signature)
	})
}

func TestLoadKeyRegistry(t *testing.T) {
	pub := base64.StdEncoding.EncodeToString(make([]byte, ed25519.PublicKeySize))
	tests := []struct {
		name, in, code string
	}{
		{"pas du JSON", `{`, "CARNET-CLES-01"},
		{"champ inconnu", `[{"id":"a","siret_structure":"22020000000010","cle_publique":"` + pub + `","date_debut":"2025-01-01","cle_privee":"x"}]`, "CARNET-CLES-01"},
		{"identifiant en double", `[{"id":"a","siret_structure":"22020000000010","cle_publique":"` + pub + `","date_debut":"2025-01-01"},{"id":"a","siret_structure":"22020000000010","cle_publique":"` + pub + `","date_debut":"2025-01-01"}]`, "CARNET-CLES-02"},
		{"SIRET invalide", `[{"id":"a","siret_structure":"123","cle_publique":"` + pub + `","date_debut":"2025-01-01"}]`, "CARNET-CLES-02"},
		{"clé trop courte", `[{"id":"a","siret_structure":"22020000000010","cle_publique":"AAAA","date_debut":"2025-01-01"}]`, "CARNET-CLES-02"},
		{"fin avant début", `[{"id":"a","siret_structure":"22020000000010","cle_publique":"` + pub + `","date_debut":"2025-01-01","date_fin":"2024-01-01"}]`, "CARNET-CLES-02"},
		{"date invalide", `[{"id":"a","siret_structure":"22020000000010","cle_publique":"` + pub + `","date_debut":"2025-02-30"}]`, "CARNET-CLES-02"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reg, fs := carnet.LoadKeyRegistry(strings.NewReader(tt.in))
			assert.Nil(t, reg)
			assert.True(t, fs.HasCode(tt.code), "%v", fs)
		})
	}
}

// TestMergeKeepsSignatures: merging two copies of a carnet, each with the
// signatures of other events (one copy signed on even ranks, the other on
// odd ones), keeps every signature, in either order.
func TestMergeKeepsSignatures(t *testing.T) {
	reg := testRegistry(t)
	for seed := range uint64(10) {
		rng := rand.New(rand.NewPCG(seed, 99))
		c := open(t, nil)
		randomChanges(t, c, rng, 3+rng.IntN(10))
		signAll(t, c)
		even, odd := c.Cloned(), c.Cloned()
		for i := range c.Journal {
			if i%2 == 0 {
				odd.Journal[i].Signature = nil
			} else {
				even.Journal[i].Signature = nil
			}
		}
		for _, pair := range [][2]*carnet.Carnet{{even, odd}, {odd, even}} {
			m, fs := carnet.Merge(pair[0], pair[1], referent, spie.DateOf(pair[0].Journal[len(pair[0].Journal)-1].At))
			require.Empty(t, fs.Errors())
			assert.Empty(t, carnet.VerifyCarnet(m, carnet.Trust{Keys: reg}), "graine %d", seed)
		}
	}
}

// TestExpiredKeyCannotBackdate: a structure whose key ended cannot append
// an event dated back into the key's period: timestamps never go back
// within a chain.
func TestExpiredKeyCannotBackdate(t *testing.T) {
	reg := testRegistry(t)
	c := open(t, nil)
	apply(t, c, referent, carnet.Change{Op: carnet.OpUpdate, Target: carnet.TargetPersonne, Value: c.Person, At: at("2025-06-01")})
	signAll(t, c)
	ended := append(carnet.KeyRegistry(nil), reg...)
	for i := range ended {
		ended[i].End = "2025-06-01"
	}
	require.Empty(t, carnet.VerifyCarnet(c, carnet.Trust{Keys: ended}))
	// the forger appends an event dated 2025-05-01, within the key's period
	p := c.Person
	p.Commune = "75056"
	es := append([]carnet.Event(nil), c.Journal...)
	last := es[len(es)-1]
	e := carnet.Event{Carnet: c.ID, Seq: last.Seq + 1, Prev: last.Hash, At: at("2025-05-01"), Actor: referent, Op: carnet.OpUpdate, Target: carnet.TargetPersonne,
		Before: []byte(jsonOf(t, c.Person)), After: []byte(jsonOf(t, p))}
	e.Hash = e.ComputeHash()
	require.Nil(t, testSigner(t, siretDepartement).Sign(&e))
	f := replayed(t, append(es, e))
	fs := carnet.VerifyCarnet(f, carnet.Trust{Keys: ended})
	assert.True(t, fs.Has("CARNET-JOURNAL-08", "/journal/2/horodatage"), "%v", fs)
}

// TestSignerNeverPrintsItsKey: a signer printed or serialised by mistake
// does not give its private key away.
func TestSignerNeverPrintsItsKey(t *testing.T) {
	s := testSigner(t, siretDepartement)
	b, err := json.Marshal(s)
	require.NoError(t, err)
	for _, out := range []string{fmt.Sprint(s), fmt.Sprintf("%v %+v %#v %s", s, s, s, s), string(b), fmt.Sprint([]carnet.Signer{s})} {
		assert.NotContains(t, out, base64.StdEncoding.EncodeToString(s.Key))
		assert.NotContains(t, out, fmt.Sprint([]byte(s.Key)))
		assert.NotContains(t, out, fmt.Sprintf("%x", []byte(s.Key[:8])))
		assert.Contains(t, out, s.KeyID)
	}
}

// reattribute forges a self-consistent chain in which one event (after the
// creation) is attributed to another member of the carnet who holds the
// rights to write it — so that Replay, which re-checks every event's rights,
// still accepts it and only the signatures can tell — never to a member of
// structure not. It returns the re-hashed events and the index changed.
func reattribute(c *carnet.Carnet, rng *rand.Rand, not spie.SIRET) ([]carnet.Event, int, bool) {
	candidates := []carnet.Actor{referent, coReferent, partenaire, coord, chargeOri}
	order := rng.Perm(len(c.Journal) - 1)
	for _, k := range order {
		i := k + 1
		if c.Journal[i].Actor.StructureSIRET == not {
			continue
		}
		for _, a := range candidates {
			if a == c.Journal[i].Actor || a.StructureSIRET == not || a.StructureSIRET == c.Journal[i].Actor.StructureSIRET {
				continue
			}
			es := append([]carnet.Event(nil), c.Journal...)
			es[i].Actor = a
			rehash(es, i)
			if r, fs := carnet.Replay(es); len(fs) == 0 && r != nil && len(r.CheckJournal()) == 0 {
				return es, i, true
			}
		}
	}
	return nil, 0, false
}
