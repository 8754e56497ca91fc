package schemas

import "github.com/spie-fr/socle/spie"

// The one pass of the kinds that Validate normalises first (the
// data·inclusion kinds): read the document as written on the fast path,
// and run Normalize only when that read cannot stand for the verdict.
//
// Normalize (offer.NormalizeService…) changes a document only where its
// schema, read strictly, refuses it, or where a judged e-mail or link
// would be rewritten:
//   - a key repeated in an object: the decoder's INPUT-DUPLICATE-01;
//   - a repeated value in a set (an array of a code list): uniqueItems;
//   - a date written otherwise than YYYY-MM-DD: the format "date";
//   - a number written as a string or a boolean: the type; a number beyond
//     float64: INPUT-NUMBER-02 (the decoder's store check);
//   - an e-mail or link kept in another text by the models and refused as
//     written by a strict consumer: the decoder judges it with the
//     normalisation's own check (Kind.Judge), which says so (rewritten).
//
// So when the fast path refuses nothing and judged nothing rewritten,
// Normalize returns the document unchanged without warnings, and the
// verdict is the fast path's on the document as written: what
// validateNormalized gives. TestOnePassNormalizesNothing and
// FuzzOnePassNormalizesNothing prove the implication on the differential
// corpus and on any input; TestValidateDifferentialOffer and
// FuzzValidateOffer that the verdict is unchanged. Any other document
// (refused, or to be rewritten) takes validateNormalized as before, the
// reading as written spent for nothing: the cost of a refused document.

// formatJudge returns the judge of format f for a node of kind k (see
// Kind.Judge), or nil when the kind has none or does not judge f.
func formatJudge(k Kind, f string) func(string) (valid, rewritten bool) {
	if k.Judge == nil {
		return nil
	}
	if _, _, known := k.Judge(f, ""); !known {
		return nil
	}
	return func(s string) (bool, bool) {
		valid, rewritten, _ := k.Judge(f, s)
		return valid, rewritten
	}
}

// formatOK runs the format check of n on s (n.format is set): through the
// kind's judge when the node has one, noting a text Normalize would
// rewrite; the verdict is the same (Kind.Judge's valid is Formats' check).
func (d *decoder) formatOK(n *node, s string) bool {
	if n.judge == nil {
		return n.format(s)
	}
	valid, rewritten := n.judge(s)
	if rewritten {
		d.rewritten = true
	}
	return valid
}

// validateNormalizing is Validate for a kind with a Normalize step: in one
// pass when it can (validateOnePass), else normalised first
// (validateNormalized).
func validateNormalizing(k Kind, data []byte, ctx Context) spie.Faults {
	if fs, done := validateOnePass(k, data, ctx); done {
		return fs
	}
	return validateNormalized(k, data, ctx, validateKind)
}

// validateOnePass is Validate for a kind with Normalize and Judge, in one
// pass when it can: the fast path on data as written; done is false when
// it refused something or judged a text Normalize would rewrite (then
// validateNormalized decides), and true with the verdict otherwise.
func validateOnePass(k Kind, data []byte, ctx Context) (fs spie.Faults, done bool) {
	if k.Judge == nil {
		return nil, false
	}
	plan, err := planOf(k)
	if err != nil {
		return nil, false
	}
	doc := k.New()
	if !decodeAsWritten(plan, data, ctx.Limits, doc) {
		return nil, false
	}
	fs = k.Check(doc, ctx)
	if len(fs) == 0 {
		return nil, true // as validateNormalized gives
	}
	fs.Sort()
	return fs, true
}

// decodeAsWritten reads data along plan into doc as decodePartial does and
// reports whether the document is accepted (no input, schema or storing
// fault) with no judged text that the kind's Normalize would rewrite.
func decodeAsWritten(plan *node, data []byte, l Limits, doc any) bool {
	d := decoders.Get().(*decoder)
	defer func() {
		d.data, d.src = nil, "" // the pool must not keep the document alive
		decoders.Put(d)
	}()
	if f := d.run(plan, data, l, doc, plan.gen != nil); f != nil {
		return false
	}
	return len(d.faults) == 0 && d.decodeErr.fr == "" && !d.rewritten
}
