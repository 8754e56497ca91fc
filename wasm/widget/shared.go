package widget

import (
	"crypto/rand"
	"encoding/hex"
	"time"

	"github.com/spie-fr/socle/spie"
)

// What several widgets share, linked in every widget's module; each
// widget's own files carry the build constraint that leaves them out of the
// other widgets' modules (see WidgetTags in package wasm).

// FaultRequired is reported by the widgets for a required field left empty,
// as the user goes (the JSON Schema says the same, but its interpreter is kept
// out of the bundle).
var FaultRequired = spie.NewFaultType("INPUT-FORM-01", spie.SeverityError,
	"champ obligatoire : renseignez-le", "required field: fill it in").WithSource("hygiène d'entrée propre à socle : champ obligatoire du formulaire (widget diagnostic)")

// Clock is the widgets' "today"; tests replace it.
var Clock = time.Now

// SubmitResult hands the partner a validated document with what the widget
// concluded (the orientation proposal of a diagnostic).
func (b *Bridge) SubmitResult(doc any, faults spie.Faults, result any) {
	b.sendDocResult(manifestSubmit, doc, faults, result)
}

// showDate writes a date the way of the page's language: 02/03/2026 in
// French, 2026-03-02 (ISO 8601) in English.
func showDate(d spie.Date) string {
	if lang == LangEN {
		return string(d)
	}
	return frenchDate(d)
}

// frenchDate writes 2026-03-02 as 02/03/2026.
func frenchDate(d spie.Date) string {
	s := string(d)
	if len(s) != 10 {
		return s
	}
	return s[8:10] + "/" + s[5:7] + "/" + s[0:4]
}

// newID returns prefix followed by 8 random hexadecimal digits: an
// identifier made in the browser, unique among those of every widget of
// every partner (a second of creation alone is shared by two fiches
// proposed in the same second: with a thousand a day, a collision is
// near certain — 1 - e^(-1000²/(2·86400)) ≈ 0.997).
func newID(prefix string) string {
	var b [4]byte
	rand.Read(b[:]) // never returns an error since Go 1.24: it fills b
	return prefix + "-" + hex.EncodeToString(b[:])
}
