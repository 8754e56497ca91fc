package schemas

import (
	"sync/atomic"

	"github.com/spie-fr/socle/spie"
)

// Interpret runs the JSON Schema interpreter path of Validate whatever the
// kind, so that the tests can compare it with the fast path: on the
// normalised document for a kind with a Normalize step, in the former
// order of validateNormalized (the input layer always run first), so that
// the comparison also proves its shortcut.
func Interpret(kind string, data []byte, opts ...Option) spie.Faults {
	k, ok := Lookup(kind)
	if !ok {
		return spie.Faults{FaultKind.At("", kind)}
	}
	if k.Normalize != nil {
		return validateNormalizedReference(k, data, newContext(opts), interpret)
	}
	return interpret(k, data, newContext(opts))
}

// FastPath is fastPath, for the tests.
var FastPath = fastPath

// Compiles reports whether the kind's embedded schema compiles in the
// interpreter.
func Compiles(kind string) error {
	k, ok := Lookup(kind)
	if !ok {
		return FaultKind.At("", kind)
	}
	_, err := compiled(k)
	return err
}

// rulePanics counts the rules that panicked on partial documents.
var rulePanics atomic.Int64

func init() {
	onRulePanic = func(kind string, v any) { rulePanics.Add(1) }
}

// RulePanics returns how many rules panicked since the last call.
func RulePanics() int64 { return rulePanics.Swap(0) }

// ValidateFastOracle is Validate on the fast path as it was before the
// decoder left a refused document partial: the rules of a refused document
// run on the generic tree pruned by pruneAt, marshalled and decoded again
// (withRules). The oracle of TestPartialDocumentMatchesPruneAt and
// FuzzPartialDocument.
func ValidateFastOracle(kind string, data []byte, opts ...Option) spie.Faults {
	k, ok := Lookup(kind)
	if !ok {
		return spie.Faults{FaultKind.At("", kind)}
	}
	oracle := func(k Kind, data []byte, ctx Context) spie.Faults {
		plan, err := planOf(k)
		if err != nil {
			return interpret(k, data, ctx)
		}
		doc := k.New()
		fs, ok := decodeFast(plan, data, ctx.Limits, doc)
		if !ok {
			return withRules(k, data, fs, ctx, doc)
		}
		fs = k.Check(doc, ctx)
		fs.Sort()
		return fs
	}
	if k.Normalize != nil {
		return validateNormalized(k, data, newContext(opts), oracle)
	}
	return oracle(k, data, newContext(opts))
}

// DecoderTrace is everything the fast decoder leaves after reading a
// document: the faults in the order met (before dedup and sort), the depth
// each removes (cut), the first store error, the partial document's
// bookkeeping, the input fault that stopped it, and the decoded value.
type DecoderTrace struct {
	Faults    spie.Faults
	Cut       []int
	DecodeErr [2]string
	Removed   []string
	Unstored  int
	OddPath   bool
	Input     *spie.Fault
	Doc       any
}

// HasGenerated reports whether the kind's plan has its generated decoder.
func HasGenerated(kind string) bool {
	k, ok := Lookup(kind)
	if !ok {
		return false
	}
	plan, err := planOf(k)
	return err == nil && plan.gen != nil
}

// TraceDecode reads data as the fast path of the kind does, with its
// generated decoder (generated) or the reflective one, and returns the
// decoder's trace.
func TraceDecode(kind string, data []byte, generated bool) DecoderTrace {
	k, _ := Lookup(kind)
	plan, err := planOf(k)
	if err != nil || (generated && plan.gen == nil) {
		panic("pas de décodeur généré pour " + kind)
	}
	d := new(decoder)
	doc := k.New()
	f := d.run(plan, data, Limits{}, doc, generated)
	return DecoderTrace{
		Faults: append(spie.Faults(nil), d.faults...), Cut: append([]int(nil), d.cut...),
		DecodeErr: [2]string{d.decodeErr.fr, d.decodeErr.en}, Removed: d.removed,
		Unstored: d.unstored, OddPath: d.oddPath, Input: f, Doc: doc,
	}
}
