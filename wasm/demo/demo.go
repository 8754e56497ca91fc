package demo

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"html/template"
	"net/http"
	"strings"
	"time"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/examples"
	"github.com/spie-fr/socle/offer"
	"github.com/spie-fr/socle/spie"
	"github.com/spie-fr/socle/wasm"
	"github.com/spie-fr/socle/wasm/manifest"
)

//go:embed static/portail.html static/portail.css static/portail.js
var static embed.FS

// WidgetsPath is where the portal mounts the widgets handler.
const WidgetsPath = "/spie/"

// Options configure the portal.
type Options struct {
	// Widgets are the options of the widgets handler (dist directory, DSFR).
	Widgets wasm.Options
	// WidgetOrigin is the origin serving the widgets when it is not the
	// portal's own (e.g. "http://127.0.0.1:8081"); empty means same origin.
	WidgetOrigin string
}

// Handler returns the portal: / is the partner page, /portail.css and
// /portail.js its own assets, /spie/ the widgets (when same origin).
func Handler(o Options) (http.Handler, error) {
	mux := http.NewServeMux()
	if o.WidgetOrigin == "" {
		h, err := wasm.Handler(o.Widgets)
		if err != nil {
			return nil, err
		}
		mux.Handle(WidgetsPath, http.StripPrefix(strings.TrimSuffix(WidgetsPath, "/"), h))
	}
	page, err := render(o)
	if err != nil {
		return nil, err
	}
	csp := wasm.PartnerCSP(o.WidgetOrigin)
	if o.WidgetOrigin == "" {
		csp = wasm.PartnerCSP("'self'")
	}
	// The demo portal is a top-level page: no site may frame it.
	csp += "; frame-ancestors 'none'"
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		wasm.SetPageHeaders(w.Header(), csp)
		w.Header().Set("Cache-Control", "no-cache")
		w.Write(page)
	})
	catalogue, err := offerCatalogue()
	if err != nil {
		return nil, err
	}
	// The portal's own data, which its page sends to the offre widget by
	// URL (the loader fetches it on the page).
	mux.HandleFunc("GET "+CataloguePath, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Write(catalogue)
	})
	mux.HandleFunc("POST "+SendPath, sendPrescription)
	for _, name := range []string{"portail.css", "portail.js"} {
		b, _ := static.ReadFile("static/" + name)
		ctype := "text/css; charset=utf-8"
		if strings.HasSuffix(name, ".js") {
			ctype = "text/javascript; charset=utf-8"
		}
		mux.HandleFunc("GET /"+name, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", ctype)
			w.Header().Set("X-Content-Type-Options", "nosniff")
			w.Header().Set("Cache-Control", "no-cache")
			w.Write(b)
		})
	}
	return mux, nil
}

type widgetView struct {
	Key, Title, Description string
	Data                    template.JS
}

func render(o Options) ([]byte, error) {
	t, err := template.ParseFS(static, "static/portail.html")
	if err != nil {
		return nil, err
	}
	var ws []widgetView
	for _, d := range manifest.Widgets {
		v := widgetView{Key: d.Key, Title: d.Label.FR, Description: d.Description.FR}
		switch d.Key {
		case "diagnostic":
			v.Data = template.JS(prefillDiagnostic)
		case "offre":
			v.Data = template.JS(offreData)
		case "prescription":
			b, err := prescriptionData()
			if err != nil {
				return nil, err
			}
			v.Data = template.JS(b)
		case "carnet":
			b, err := carnetData(time.Now())
			if err != nil {
				return nil, err
			}
			v.Data = template.JS(b)
		case "indicateurs":
			b, err := IndicatorsData()
			if err != nil {
				return nil, err
			}
			v.Data = template.JS(b)
		}
		ws = append(ws, v)
	}
	base := WidgetsPath
	if o.WidgetOrigin != "" {
		base = strings.TrimSuffix(o.WidgetOrigin, "/") + WidgetsPath
	}
	var b bytes.Buffer
	err = t.Execute(&b, map[string]any{"Widgets": ws, "Base": base, "Origin": o.WidgetOrigin})
	return b.Bytes(), err
}

// prefillDiagnostic is what the fictitious Département already knows about
// the person ("dites-le nous une fois"): it fills the diagnostic form; the
// référent named in the envelope appears in the person's printable summary.
const prefillDiagnostic = `{"diagnostic":{"personne":{"id":"AISNE-2026-00042","date_naissance":"1990-04-12","code_commune":"02691"},"criteres_publics":{"rsa":true,"date_ouverture_droits_rsa":"2026-09-01"},"siret_structure":"22020001800004"},` +
	`"referent":{"id":"m-referent","role":"referent","professionnel":"Dominique Leroy","siret_structure":"22020001800004","date_debut":"2026-11-02"}}`

// exampleCarnet is the carnet the portal shows, and carnetViewer who looks
// at it: its référent, who may propose a contact.
const exampleCarnet = "carnet/cej-jeune-laon.json"

var carnetViewer = carnet.Actor{Professional: "Sarah Lefèvre", StructureSIRET: "77500000300019", Role: carnet.RoleReferent}

// carnetData is what the portal's server sends to the carnet widget, as the
// partner guide asks: the view that carnet.VerifiedView computes for the
// viewer on day now once the journal verifies (never the full carnet), and
// the viewer.
func carnetData(now time.Time) ([]byte, error) {
	b, err := examples.Carnets.ReadFile(exampleCarnet)
	if err != nil {
		return nil, err
	}
	var c carnet.Carnet
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, err
	}
	view, fs := carnet.VerifiedView(&c, carnet.Viewer{Actor: carnetViewer, On: spie.DateIn(now, string(c.Person.Commune))}, carnet.Trust{})
	if errs := fs.Errors(); len(errs) > 0 {
		return nil, errs
	}
	return json.Marshal(map[string]any{"carnet": view, "acteur": carnetViewer})
}

// CataloguePath serves the example offer of the Aisne as the portal's
// catalogue ({"services": […], "structures": […]}, data·inclusion v1);
// SendPath is the portal's server side of a prescription: it applies
// offer.Prescription.Send to the fiche a widget proposed.
const (
	CataloguePath = "/donnees/offre-aisne.json"
	SendPath      = "/prescriptions/envoyer"
)

// offreData is what the portal sends to the offre widget: its catalogue by
// URL, the person's commune (Saint-Quentin) and mobility radius, the person
// and the prescriber for the fiche « Orienter » opens.
const offreData = `{"catalogue":"` + CataloguePath + `","commune":"02691","rayon_mobilite_km":30,` + demoPerson + `}`

const demoPerson = `"personne":{"id":"AISNE-2026-00042","code_commune":"02691"},"emetteur":{"role":"referent","nom":"Camille Martin","siret_structure":"22020001800004"}`

// offerCatalogue reads the example offer (examples/offer) into the JSON the
// offre widget takes.
func offerCatalogue() ([]byte, error) {
	nd, err := examples.Offer.ReadFile("offer/services-aisne.ndjson")
	if err != nil {
		return nil, err
	}
	var services []json.RawMessage
	if err := offer.Stream(bytes.NewReader(nd), func(_ int, raw offer.RawJSON) error {
		services = append(services, json.RawMessage(raw))
		return nil
	}); err != nil {
		return nil, err
	}
	structures, err := examples.Offer.ReadFile("offer/structures-aisne.json")
	if err != nil {
		return nil, err
	}
	return json.Marshal(map[string]any{"services": services, "structures": json.RawMessage(structures)})
}

// prescriptionData is what the portal sends to the prescription widget: the
// first service of the example offer that a référent may mobilise, the
// person and the prescriber.
func prescriptionData() ([]byte, error) {
	nd, err := examples.Offer.ReadFile("offer/services-aisne.ndjson")
	if err != nil {
		return nil, err
	}
	var chosen json.RawMessage
	err = offer.Stream(bytes.NewReader(nd), func(_ int, raw offer.RawJSON) error {
		if chosen != nil {
			return nil
		}
		s, fs := offer.DecodeService(raw, time.Now())
		if s != nil && fs.Valid() && s.CanReceive(offer.SenderReferent).Valid() {
			chosen = json.RawMessage(raw)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if chosen == nil {
		return nil, errors.New("aucun service de l'exemple ne peut recevoir de prescription d'un référent")
	}
	return []byte(`{"service":` + string(chosen) + `,` + demoPerson + `}`), nil
}

// sendPrescription is the portal's server: it reads the fiche a widget
// proposed, sends it with the library (offer.Prescription.Send, now, by its
// sender) and answers the sent fiche, or 422 with the faults.
func sendPrescription(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	var p offer.Prescription
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&p); err != nil {
		w.WriteHeader(http.StatusBadRequest)
		json.NewEncoder(w).Encode(map[string]any{"message": "fiche de prescription illisible"})
		return
	}
	if fs := p.Send(time.Now(), p.Sender.Name); !fs.Valid() {
		w.WriteHeader(http.StatusUnprocessableEntity)
		json.NewEncoder(w).Encode(map[string]any{"faults": fs})
		return
	}
	json.NewEncoder(w).Encode(&p)
}
