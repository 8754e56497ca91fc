package widget

import (
	"encoding/json"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/spie-fr/socle/spie"
	"github.com/spie-fr/socle/wasm/manifest"
)

// Init is what the partner page sends once the widget is ready.
type Init struct {
	Data json.RawMessage // prefill, may be null
	Role string
	Lang string
}

// Bridge is the widget side of the postMessage channel with the loader.
type Bridge struct {
	Widget string
	parent string // validated origin of the embedding page, "" when none
	onInit func(app.Context, Init)
	// onOutcome receives the data of the partner's spie:outcome messages.
	onOutcome func(app.Context, json.RawMessage)
	funcs     []app.Func
	inited    bool // an init message was applied
}

// blank, while a new init is being applied, draws the widget's page
// without its body (page): one widget per page, hence one flag.
var blank bool

// OnOutcome sets what runs, in the UI goroutine, when the partner tells
// the outcome of a proposed change (spie:outcome, loader's outcome());
// call it before Start.
func (b *Bridge) OnOutcome(fn func(app.Context, json.RawMessage)) { b.onOutcome = fn }

// Start validates the parent origin, listens to its messages, reports the
// page height as it changes and announces that the widget is ready. onInit
// runs in the UI goroutine when the partner sends its init message. The
// page's language (SetLang) comes from the page address (?lang=) and then
// from the init message's lang.
func (b *Bridge) Start(ctx app.Context, onInit func(app.Context, Init)) {
	b.onInit = onInit
	langFromPage()
	win := app.Window()
	doc := win.Get("document")
	doc.Get("documentElement").Call("setAttribute", "data-spie-ready", "1")
	if perf := win.Get("performance"); perf.Truthy() && perf.Get("mark").Truthy() {
		perf.Call("mark", "spie-ready")
	}
	if !app.IsClient {
		return
	}
	loc := win.Get("location")
	own := loc.Get("origin").String()
	claimed := ""
	if u := win.URL(); u != nil {
		claimed = u.Query().Get("parent")
	}
	ancestor := ""
	if ao := loc.Get("ancestorOrigins"); ao.Truthy() && ao.Length() > 0 {
		ancestor = ao.Index(0).String()
	}
	var allowed []string
	if meta := doc.Call("querySelector", `meta[name="spie-allowed-origins"]`); meta.Truthy() {
		allowed = strings.Fields(meta.Call("getAttribute", "content").String())
	}
	parent, ok := ParentOrigin(claimed, own, allowed, ancestor)
	if !ok || !win.Get("parent").Truthy() || win.Get("parent").Equal(win.Get("self")) {
		if claimed != "" {
			app.Logf(bridgeText.Origin.String(), claimed)
		}
		return
	}
	b.parent = parent

	onMessage := app.FuncOf(func(this app.Value, args []app.Value) any {
		// Other scripts of the partner page post their own messages to
		// every frame (strings, numbers, objects of their own): none may
		// stop the widget. Reading a value of an unexpected type panics in
		// syscall/js, and a panic here would end the WebAssembly program.
		defer func() {
			if r := recover(); r != nil {
				app.Logf("%s", bridgeText.Unreadable.String())
			}
		}()
		ev := args[0]
		if ev.Get("origin").String() != b.parent || !ev.Get("source").Equal(win.Get("parent")) {
			return nil // another origin or another window: ignored
		}
		m := ev.Get("data")
		if m.Type() != app.TypeObject {
			return nil
		}
		if v := m.Get("spie"); v.Type() != app.TypeNumber || v.Int() != 1 || m.Get("type").Type() != app.TypeString {
			return nil
		}
		if m.Get("type").String() == manifest.MsgOutcome {
			data := json.RawMessage("null")
			if d := m.Get("data"); d.Truthy() {
				data = json.RawMessage(win.Get("JSON").Call("stringify", d).String())
			}
			ctx.Dispatch(func(ctx app.Context) {
				if b.onOutcome != nil {
					b.onOutcome(ctx, data)
				}
			})
			return nil
		}
		if m.Get("type").String() != manifest.MsgInit {
			return nil
		}
		in := Init{Data: json.RawMessage("null")}
		if d := m.Get("data"); d.Truthy() {
			in.Data = json.RawMessage(win.Get("JSON").Call("stringify", d).String())
		}
		if r := m.Get("role"); r.Type() == app.TypeString {
			in.Role = r.String()
		}
		if l := m.Get("lang"); l.Type() == app.TypeString {
			in.Lang = l.String()
		}
		apply := func(ctx app.Context) {
			if in.Lang != "" {
				SetLang(in.Lang)
			}
			if b.onInit != nil {
				b.onInit(ctx, in)
			}
		}
		if !b.inited {
			b.inited = true
			ctx.Dispatch(apply)
			return nil
		}
		// A new init (setData: another person, another carnet): the page is
		// first drawn without its body, so that the next data's form is
		// made of new fields. go-app never clears a field whose value
		// becomes empty: the previous person's NIR would stay on screen.
		ctx.Dispatch(func(ctx app.Context) {
			blank = true
			ctx.Defer(func(ctx app.Context) {
				ctx.Dispatch(func(ctx app.Context) {
					blank = false
					apply(ctx)
				})
			})
		})
		return nil
	})
	win.Call("addEventListener", "message", onMessage)
	b.funcs = append(b.funcs, onMessage)

	body := doc.Get("body")
	resize := app.FuncOf(func(this app.Value, args []app.Value) any {
		h := body.Call("getBoundingClientRect").Get("height").Float()
		b.send(manifest.MsgResize, map[string]any{"height": h})
		return nil
	})
	b.funcs = append(b.funcs, resize)
	if ro := win.Get("ResizeObserver"); ro.Truthy() {
		ro.New(resize).Call("observe", body)
	}
	b.send(manifest.MsgReady, nil)
}

// Embedded reports whether the widget talks to an allowed partner page.
func (b *Bridge) Embedded() bool { return b.parent != "" }

// Change tells the partner the current document and its faults.
func (b *Bridge) Change(doc any, faults spie.Faults) { b.sendDoc(manifest.MsgChange, doc, faults) }

// Submit hands the partner a document that passed every rule.
func (b *Bridge) Submit(doc any, faults spie.Faults) { b.sendDoc(manifest.MsgSubmit, doc, faults) }

// Error tells the partner that submission was refused, with the faults.
func (b *Bridge) Error(faults spie.Faults) {
	b.send(manifest.MsgError, map[string]any{"faults": faultsJS(faults)})
}

const manifestSubmit = manifest.MsgSubmit

func (b *Bridge) sendDoc(typ string, doc any, faults spie.Faults) {
	b.sendDocResult(typ, doc, faults, nil)
}

func (b *Bridge) sendDocResult(typ string, doc any, faults spie.Faults, result any) {
	if b.parent == "" {
		return
	}
	j, err := json.Marshal(doc)
	if err != nil {
		b.send(manifest.MsgError, map[string]any{"faults": faultsJS(spie.Faults{FaultEncode.At("")})})
		return
	}
	fields := map[string]any{"json": string(j), "faults": faultsJS(faults)}
	if result != nil {
		if r, err := json.Marshal(result); err == nil {
			fields["result"] = app.Window().Get("JSON").Call("parse", string(r))
		}
	}
	b.send(typ, fields)
}

func faultsJS(fs spie.Faults) []any {
	out := make([]any, 0, len(fs))
	for _, f := range fs {
		out = append(out, map[string]any{"code": f.Code, "path": f.Path, "message": f.Message, "message_en": f.MessageEN, "severity": string(f.Severity)})
	}
	return out
}

func (b *Bridge) send(typ string, fields map[string]any) {
	if b.parent == "" {
		return
	}
	msg := map[string]any{"spie": 1, "type": typ, "widget": b.Widget}
	for k, v := range fields {
		msg[k] = v
	}
	app.Window().Get("parent").Call("postMessage", msg, b.parent)
}

// bridgeText is what the widget page writes in the developer console about
// its channel with the partner page, in the page's language.
var bridgeText = struct{ Origin, Unreadable text }{
	Origin:     text{"spie : origine parente %q non autorisée, messages désactivés", "spie: parent origin %q not allowed, messages disabled"},
	Unreadable: text{"spie : message du portail illisible, ignoré", "spie: unreadable message from the portal, ignored"},
}
