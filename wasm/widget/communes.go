package widget

import (
	"errors"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/spie-fr/socle/spie"
	"github.com/spie-fr/socle/spie/territory"
)

// FaultCommunes is the table of communes that a widget page could not
// fetch, or that was not the table its module was built with: the widget
// shows it and posts it with spie:error; no commune is accepted or refused
// without the table (the library says SPIE-COMMUNE-07 for each).
var FaultCommunes = spie.NewFaultType("WIDGET-CHARGEMENT-07", spie.SeverityError,
	"la table des communes n'a pas pu être chargée : les codes commune ne peuvent pas être vérifiés ; rechargez la page ou réessayez plus tard",
	"the table of communes could not be loaded: town codes cannot be checked; reload the page or try again later").
	WithSource("issue 17, point 4 : la table des communes est servie une fois, à part, et téléchargée par la page du widget ; contrat du navigateur (issue 15, point 7) : le portail est prévenu par spie:error, jamais d'acceptation silencieuse")

// communesText are the words of a widget waiting for the table of communes.
var communesText = struct{ Loading, Unavailable text }{
	Loading:     text{"Chargement de la table des communes…", "Loading the table of communes…"},
	Unavailable: text{"Table des communes indisponible", "Table of communes unavailable"},
}

// communesGate is what a widget does with the table of communes, which its
// WebAssembly module (built with the tag spie_communes_external) does not
// hold: the page fetches it once the module is compiled, while Go starts (spie-boot.js sets
// window.spieCommunes, a promise of its bytes) and watch hands it to
// territory.Provide. A widget whose data needs the table keeps that data
// (wait) and applies it once the table is there; in the default build
// (tests on the host) the table is embedded and nothing waits.
type communesGate struct {
	failed  spie.Faults // the table cannot come, and why
	waiting func()      // what runs once it arrives: the latest only
	arrived func()      // what runs after, in every widget (watch)
}

// ready reports whether the table is there: wait is then needless.
func (g *communesGate) ready() bool { return territory.Loaded() }

// wait keeps fn to run once the table arrives, in place of what waited.
func (g *communesGate) wait(fn func()) { g.waiting = fn }

// hold is the start of a widget's Init: when the table is not there, it
// keeps init to run once the table arrives (its faults then posted with
// spie:error through b) and reports held; the faults to return at once are
// the gate's failure (WIDGET-CHARGEMENT-07), nil while waiting. When the
// table is there, held is false and the widget applies its data now.
func (g *communesGate) hold(b *Bridge, init func() spie.Faults) (fs spie.Faults, held bool) {
	if g.ready() {
		return nil, false
	}
	if len(g.failed) > 0 {
		return g.failed, true
	}
	g.wait(func() {
		if fs := init(); len(fs) > 0 {
			b.Error(fs)
		}
	})
	return nil, true
}

// drop forgets what waited: the partner's new data (null included, the
// data withdrawn) replaces the data kept for the table.
func (g *communesGate) drop() { g.waiting = nil }

// provide hands the bytes the page fetched to territory.Provide and runs
// what waited; bytes that are not the table fail the gate with
// WIDGET-CHARGEMENT-07 and the library's SPIE-COMMUNE-08. It returns the
// faults to post, nil when the table is there.
func (g *communesGate) provide(gz []byte) spie.Faults {
	if err := territory.Provide(gz); err != nil {
		fs := spie.Faults{FaultCommunes.At("")}
		var f spie.Fault
		if errors.As(err, &f) {
			fs = append(fs, f)
		}
		return g.fail(fs)
	}
	fn := g.waiting
	g.waiting = nil
	if fn != nil {
		fn()
	}
	if g.arrived != nil {
		g.arrived()
	}
	return nil
}

// fail records that the table cannot come: what waited is dropped (the
// widget shows the faults instead) and the faults are returned.
func (g *communesGate) fail(fs spie.Faults) spie.Faults {
	g.failed, g.waiting = fs, nil
	if g.arrived != nil {
		g.arrived()
	}
	return fs
}

// watch, from the widget's OnMount, waits for the table the page fetches
// and posts spie:error through b when it cannot come. arrived runs, in the
// UI goroutine, once the table is there or has failed (after what waited).
// It does nothing when the table is already there (an embedded table) or
// off the browser.
func (g *communesGate) watch(ctx app.Context, b *Bridge, arrived func()) {
	g.arrived = arrived
	if territory.Loaded() || !app.IsClient {
		return
	}
	done := func(gz []byte, fetched bool) {
		ctx.Dispatch(func(ctx app.Context) {
			var fs spie.Faults
			if fetched {
				fs = g.provide(gz)
			} else {
				fs = g.fail(spie.Faults{FaultCommunes.At("")})
			}
			if len(fs) > 0 {
				b.Error(fs)
			}
		})
	}
	p := app.Window().Get("spieCommunes")
	if !p.Truthy() || !p.Get("then").Truthy() {
		done(nil, false) // a page that fetches no table: said, never waited for
		return
	}
	var onOK, onErr app.Func
	onOK = app.FuncOf(func(this app.Value, args []app.Value) any {
		defer onOK.Release()
		defer onErr.Release()
		if len(args) == 0 || !args[0].Truthy() || args[0].Get("length").Type() != app.TypeNumber {
			done(nil, false)
			return nil
		}
		gz := make([]byte, args[0].Get("length").Int())
		app.CopyBytesToGo(gz, args[0])
		done(gz, true)
		return nil
	})
	onErr = app.FuncOf(func(this app.Value, args []app.Value) any {
		defer onOK.Release()
		defer onErr.Release()
		done(nil, false)
		return nil
	})
	p.Call("then", onOK, onErr)
}

// render draws the gate's state above or instead of the widget: the
// failure, the wait for data that needs the table, or nothing.
func (g *communesGate) render() app.UI {
	if len(g.failed) > 0 {
		items := make([]app.UI, 0, len(g.failed))
		for _, f := range g.failed {
			items = append(items, app.Li().Text(message(f)))
		}
		return alert("error", communesText.Unavailable.String(), app.Ul().ID("communes-indisponibles").Body(items...))
	}
	if g.waiting != nil {
		return app.P().ID("communes-chargement").Class("spie-attente").Role("status").Text(communesText.Loading.String())
	}
	return nil
}
