package schemas

import (
	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/spie-fr/socle/offer"
	"github.com/spie-fr/socle/spie"
)

func init() {
	register(Kind{
		Name:  "service",
		Title: spie.Label{FR: "Service de l'offre d'insertion (data·inclusion v1)", EN: "Service of the insertion offer (data·inclusion v1)"},
		New:   func() any { return new(offer.Service) },
		// Its schema has judged the document (its "email" and "uri"
		// formats with the rules' own IsEmail and IsHTTPURL: offerFormats)
		// and a refused value is left out of what the rules see: they
		// skip what the schema checked (CheckAfterSchema).
		Check: func(doc any, ctx Context) spie.Faults { return doc.(*offer.Service).CheckAfterSchema(ctx.Now) },
		// Normalised as data·inclusion's model reads it (offer.NormalizeService),
		// but for the addresses and links a strict consumer already takes.
		Normalize: func(data []byte) ([]byte, spie.Faults) {
			return offer.NormalizeService(data, offerKeep)
		},
		Formats:  offerFormats,
		Patterns: offer.ModelPattern,
		Matchers: offer.ModelMatcher,
		Judge:    offerJudge,
	})
}

// strictFormat reports whether a strict JSON Schema consumer takes value as
// of the format: the interpreter's own format checks (santhosh-tekuri
// jsonschema v5, RFC 5322 e-mail, RFC 3986 URI).
func strictFormat(format, value string) bool {
	f, ok := jsonschema.Formats[format]
	return ok && f(value)
}

// offerKeep is what the normalisation of Validate leaves as written: the
// e-mail addresses and links a strict consumer already takes.
var offerKeep = offer.KeepValid(strictFormat)

// offerJudge judges the e-mails and links of the data·inclusion kinds with
// the normalisation's own check (offer.FormatJudge, with offerKeep): the
// models' verdict, and whether Validate's normalisation rewrites the text.
var offerJudge = offer.FormatJudge(offerKeep)

// offerFormats are the formats of the data·inclusion schemas as its models
// judge them (the schemas use "uri" only for HttpUrl fields).
var offerFormats = map[string]func(any) bool{
	"email": func(v any) bool {
		s, ok := v.(string)
		return !ok || offer.IsEmail(s)
	},
	"uri": func(v any) bool {
		s, ok := v.(string)
		return !ok || offer.IsHTTPURL(s)
	},
}
