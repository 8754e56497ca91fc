package carnet

import (
	"bytes"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"io"
	"time"

	"github.com/spie-fr/socle/spie"
)

// Signature is the ed25519 signature of an event's hash by the structure
// that wrote it (the partner's server that applied the change), with the
// id of its key in the caller's key registry.
type Signature struct {
	// Identifiant de la clé dans le registre des clés publiques des structures.
	Key string `json:"cle" jsonschema:"minLength=1,maxLength=100"`
	// Signature ed25519 (64 octets, base64 standard) de « spie-carnet-journal-v1 » suivi de l'empreinte.
	Value string `json:"valeur" jsonschema:"minLength=1,maxLength=200"`
}

// signedContext separates the journal's signatures from any other use of the keys.
const signedContext = "spie-carnet-journal-v1\n"

func signedMessage(hash string) []byte { return []byte(signedContext + hash) }

// PublicKey is a structure's public key, as published in a registry
// outside the carnet (keys carried in a carnet would prove nothing), with
// its validity period (dates of the events it may sign, both included).
type PublicKey struct {
	// Identifiant de la clé (repris par Signature.Key).
	ID string `json:"id" jsonschema:"minLength=1,maxLength=100"`
	// SIRET de la structure détentrice.
	StructureSIRET spie.SIRET `json:"siret_structure"`
	// Clé publique ed25519 (32 octets, base64 standard).
	Key string `json:"cle_publique" jsonschema:"minLength=1,maxLength=100"`
	// Premier jour de validité.
	Start spie.Date `json:"date_debut"`
	// Dernier jour de validité (absent : en cours).
	End spie.Date `json:"date_fin,omitempty"`
}

// KeyRegistry is the list of the structures' public keys a partner trusts.
type KeyRegistry []PublicKey

// Fault types of signatures and key registries.
var (
	FaultJournalUnsigned   = &spie.FaultType{Code: "CARNET-JOURNAL-30", Severity: spie.SeverityWarning, FR: "journal non signé : %d événement(s) sans signature, leur auteur n'est pas prouvé", EN: "unsigned journal: %d event(s) without signature, their author is not proved", Source: "journal du carnet de socle : chaque événement signé ed25519 (RFC 8032) par la structure auteure, clés tenues hors du carnet (intégrité et imputabilité, RGPD art. 5.1.f et 5.2)"}
	FaultJournalNoRegistry = &spie.FaultType{Code: "CARNET-JOURNAL-31", Severity: spie.SeverityWarning, FR: "signatures non vérifiées : aucun registre de clés fourni", EN: "signatures not verified: no key registry supplied", Source: "journal du carnet de socle : chaque événement signé ed25519 (RFC 8032) par la structure auteure, clés tenues hors du carnet (intégrité et imputabilité, RGPD art. 5.1.f et 5.2)"}
	FaultSignatureMissing  = &spie.FaultType{Code: "CARNET-JOURNAL-32", Severity: spie.SeverityError, FR: "événement non signé après le dernier point de contrôle : son auteur n'est pas prouvé", EN: "event unsigned after the last checkpoint: its author is not proved", Source: "journal du carnet de socle : chaque événement signé ed25519 (RFC 8032) par la structure auteure, clés tenues hors du carnet (intégrité et imputabilité, RGPD art. 5.1.f et 5.2)"}
	FaultSignatureKey      = &spie.FaultType{Code: "CARNET-JOURNAL-33", Severity: spie.SeverityError, FR: "clé %q absente du registre des clés", EN: "key %q not in the key registry", Source: "journal du carnet de socle : chaque événement signé ed25519 (RFC 8032) par la structure auteure, clés tenues hors du carnet (intégrité et imputabilité, RGPD art. 5.1.f et 5.2)"}
	FaultSignatureOwner    = &spie.FaultType{Code: "CARNET-JOURNAL-34", Severity: spie.SeverityError, FR: "la clé %q n'est pas celle de la structure %s, auteur de l'événement", EN: "key %q is not that of organisation %s, the event's author", Source: "journal du carnet de socle : chaque événement signé ed25519 (RFC 8032) par la structure auteure, clés tenues hors du carnet (intégrité et imputabilité, RGPD art. 5.1.f et 5.2)"}
	FaultSignaturePeriod   = &spie.FaultType{Code: "CARNET-JOURNAL-35", Severity: spie.SeverityError, FR: "la clé %q n'est pas valide le %s", EN: "key %q is not valid on %s", Source: "journal du carnet de socle : chaque événement signé ed25519 (RFC 8032) par la structure auteure, clés tenues hors du carnet (intégrité et imputabilité, RGPD art. 5.1.f et 5.2)"}
	FaultSignatureInvalid  = &spie.FaultType{Code: "CARNET-JOURNAL-36", Severity: spie.SeverityError, FR: "signature invalide : l'événement n'a pas été signé par la clé %q ou a été modifié", EN: "invalid signature: the event was not signed by key %q or was altered", Source: "journal du carnet de socle : chaque événement signé ed25519 (RFC 8032) par la structure auteure, clés tenues hors du carnet (intégrité et imputabilité, RGPD art. 5.1.f et 5.2)"}
	FaultSignerKey         = &spie.FaultType{Code: "CARNET-SIGNATURE-01", Severity: spie.SeverityError, FR: "clé de signature %q inutilisable", EN: "signing key %q unusable", Source: "journal du carnet de socle : chaque événement signé ed25519 (RFC 8032) par la structure auteure, clés tenues hors du carnet (intégrité et imputabilité, RGPD art. 5.1.f et 5.2)"}
	FaultSignerStructure   = &spie.FaultType{Code: "CARNET-SIGNATURE-02", Severity: spie.SeverityError, FR: "la structure %s ne peut pas signer un événement écrit par la structure %s", EN: "organisation %s may not sign an event written by organisation %s", Source: "journal du carnet de socle : chaque événement signé ed25519 (RFC 8032) par la structure auteure, clés tenues hors du carnet (intégrité et imputabilité, RGPD art. 5.1.f et 5.2)"}
	FaultKeyRegistry       = &spie.FaultType{Code: "CARNET-CLES-01", Severity: spie.SeverityError, FR: "registre de clés illisible", EN: "unreadable key registry", Source: "registre de clés publiques fourni par l'appelant (RFC 8032, ed25519) ; hygiène d'entrée propre à socle"}
	FaultKeyEntry          = &spie.FaultType{Code: "CARNET-CLES-02", Severity: spie.SeverityError, FR: "clé %q du registre invalide : %s", EN: "key %q of the registry invalid: %s", Source: "registre de clés publiques fourni par l'appelant (RFC 8032, ed25519) : clé de 32 octets et période de validité"}
)

// Signer signs, on the partner's server, the events that structure SIRET
// writes, with its private key registered under KeyID. The browser never
// holds a key: a widget proposes a Change, the server applies it with
// ApplySigned.
type Signer struct {
	KeyID string
	SIRET spie.SIRET
	Key   ed25519.PrivateKey
}

// String names the signer without its private key (fmt, logs).
func (s Signer) String() string { return "signataire " + s.KeyID + " (" + string(s.SIRET) + ")" }

// GoString is String, for %#v.
func (s Signer) GoString() string { return s.String() }

// MarshalJSON writes the key id and the SIRET only: the private key never
// leaves the server through a serialised signer.
func (s Signer) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		KeyID string     `json:"cle"`
		SIRET spie.SIRET `json:"siret_structure"`
	}{s.KeyID, s.SIRET})
}

// Sign signs the event e (whose Hash is computed) in place. It refuses a
// key of the wrong size and an event written by another structure; an
// event of the person (author without SIRET) is signed by the structure
// whose server applied it.
func (s Signer) Sign(e *Event) *spie.Fault {
	if f := s.check(e.Actor); f != nil {
		return f
	}
	sig := ed25519.Sign(s.Key, signedMessage(e.Hash))
	e.Signature = &Signature{Key: s.KeyID, Value: base64.StdEncoding.EncodeToString(sig)}
	return nil
}

// check says whether s may sign an event written by actor.
func (s Signer) check(actor Actor) *spie.Fault {
	if len(s.Key) != ed25519.PrivateKeySize || s.KeyID == "" {
		f := FaultSignerKey.At(spie.Pointer("signature"), s.KeyID)
		return &f
	}
	if actor.StructureSIRET != "" && actor.StructureSIRET != s.SIRET {
		f := FaultSignerStructure.At(spie.Pointer("signature"), string(s.SIRET), string(actor.StructureSIRET))
		return &f
	}
	return nil
}

// CreateSigned is Create, the creation event signed by s; opts are Create's
// (WithClock).
func CreateSigned(initial Carnet, actor Actor, at time.Time, s Signer, opts ...Option) (*Carnet, spie.Faults) {
	if f := s.check(actor); f != nil {
		return nil, spie.Faults{*f}
	}
	c, fs := Create(initial, actor, at, opts...)
	if c == nil {
		return nil, fs
	}
	if f := s.Sign(&c.Journal[len(c.Journal)-1]); f != nil {
		return nil, spie.Faults{*f}
	}
	return c, fs
}

// ApplySigned is Apply, the appended event signed by s. On any fault the
// carnet is left unchanged; opts are Apply's (WithClock).
func ApplySigned(c *Carnet, ch Change, actor Actor, s Signer, opts ...Option) spie.Faults {
	if f := s.check(actor); f != nil {
		return spie.Faults{*f}
	}
	if fs := Apply(c, ch, actor, opts...); len(fs) > 0 {
		return fs
	}
	if f := s.Sign(&c.Journal[len(c.Journal)-1]); f != nil {
		return spie.Faults{*f} // unreachable: the same checks passed above
	}
	return nil
}

// withSignature returns which of two copies of the same event (same hash)
// a merge keeps: the signed one, so that a merge never drops a signature;
// between two signatures, the smaller (key, value), whatever the order.
func withSignature(kept, other Event) Event {
	switch {
	case other.Signature == nil:
		return kept
	case kept.Signature == nil:
		return other
	case other.Signature.Key+"\x00"+other.Signature.Value < kept.Signature.Key+"\x00"+kept.Signature.Value:
		return other
	}
	return kept
}

// LoadKeyRegistry reads a key registry: a JSON array of PublicKey. Each key
// must have an id, a valid SIRET, a 32-byte ed25519 key in base64 and a
// start date; ids are unique.
func LoadKeyRegistry(r io.Reader) (KeyRegistry, spie.Faults) {
	var reg KeyRegistry
	b, err := io.ReadAll(io.LimitReader(r, 16<<20))
	if err != nil {
		return nil, spie.Faults{FaultKeyRegistry.At("")}
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if dec.Decode(&reg) != nil {
		return nil, spie.Faults{FaultKeyRegistry.At("")}
	}
	var fs spie.Faults
	ids := map[string]bool{}
	for i, k := range reg {
		bad := func(why string) { fs = append(fs, FaultKeyEntry.At(spie.Pointer(i), k.ID, why)) }
		switch {
		case k.ID == "" || ids[k.ID]:
			bad("identifiant absent ou en double")
		case k.StructureSIRET.Problem() != nil:
			bad("SIRET invalide")
		case len(k.publicKey()) != ed25519.PublicKeySize:
			bad("clé publique ed25519 attendue (32 octets en base64)")
		case !k.Start.Valid() || (!k.End.IsZero() && (!k.End.Valid() || k.End.Before(k.Start))):
			bad("période de validité invalide")
		}
		ids[k.ID] = true
	}
	if len(fs) > 0 {
		return nil, fs
	}
	return reg, nil
}

func (k PublicKey) publicKey() ed25519.PublicKey {
	b, err := base64.StdEncoding.DecodeString(k.Key)
	if err != nil || len(b) != ed25519.PublicKeySize {
		return nil
	}
	return b
}

func (reg KeyRegistry) find(id string) (PublicKey, bool) {
	for _, k := range reg {
		if k.ID == id {
			return k, true
		}
	}
	return PublicKey{}, false
}

// VerifySignatures checks the signatures of c's journal against the keys
// of reg, given the checkpoints cps the partner stored (already checked by
// CheckCheckpoints). With no registry (nil), it only warns: « journal non
// signé » when events are unsigned (CARNET-JOURNAL-30), signatures not
// verified when some are signed (CARNET-JOURNAL-31). With a registry, every
// event after the checkpoint of its chain (every event when there is none)
// must be signed (CARNET-JOURNAL-32); every signature, before or after the
// checkpoints, must be by a key of the registry (33) held by the event's
// author's structure (34; any structure for an event of the person), valid
// on the event's date (35), and verify over the event's hash (36).
func VerifySignatures(c *Carnet, reg KeyRegistry, cps []Checkpoint) spie.Faults {
	var fs spie.Faults
	if reg == nil {
		unsigned, signed := 0, 0
		for _, e := range c.Journal {
			if e.Signature == nil {
				unsigned++
			} else {
				signed++
			}
		}
		if unsigned > 0 {
			fs = append(fs, FaultJournalUnsigned.At(spie.Pointer("journal"), unsigned))
		}
		if signed > 0 {
			fs = append(fs, FaultJournalNoRegistry.At(spie.Pointer("journal")))
		}
		return fs
	}
	covered := map[string]int{}
	for _, cp := range cps {
		covered[cp.Chain] = max(covered[cp.Chain], cp.Length)
	}
	for i, e := range c.Journal {
		path := spie.Pointer("journal", i, "signature")
		if e.Signature == nil {
			if e.Seq >= covered[e.Carnet] {
				fs = append(fs, FaultSignatureMissing.At(path))
			}
			continue
		}
		k, ok := reg.find(e.Signature.Key)
		day := spie.DateOf(e.At.UTC())
		switch {
		case !ok:
			fs = append(fs, FaultSignatureKey.At(path, e.Signature.Key))
		case e.Actor.StructureSIRET != "" && k.StructureSIRET != e.Actor.StructureSIRET:
			fs = append(fs, FaultSignatureOwner.At(path, k.ID, string(e.Actor.StructureSIRET)))
		case day.Before(k.Start) || (!k.End.IsZero() && day.After(k.End)):
			fs = append(fs, FaultSignaturePeriod.At(path, k.ID, string(day)))
		default:
			sig, err := base64.StdEncoding.DecodeString(e.Signature.Value)
			pub := k.publicKey()
			if err != nil || pub == nil || !ed25519.Verify(pub, signedMessage(e.Hash), sig) {
				fs = append(fs, FaultSignatureInvalid.At(path, k.ID))
			}
		}
	}
	return fs
}
