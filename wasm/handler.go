package wasm

import (
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/spie-fr/socle/wasm/manifest"
)

// Options configure the handler and the static export.
type Options struct {
	// Dist is the directory written by Build (DistFiles: one module per
	// widget, validate.wasm, wasm_exec.js, and their .br/.gz versions; the
	// table of communes).
	Dist string
	// AllowedOrigins are the origins of the partner pages allowed to frame
	// the widgets and exchange messages with them (e.g.
	// "https://www.departement.fr"). The widget's own origin is always allowed.
	AllowedOrigins []string
	// DSFR is the dist directory of the @gouvfr/dsfr npm package (styles,
	// Marianne fonts, icons). Empty means FindDSFR; when not installed a
	// minimal stand-in stylesheet is served.
	DSFR string
}

// DSFRPath is where the @gouvfr/dsfr package is installed by
// scripts/install-browser.sh, relative to the module root.
const DSFRPath = "wasm/node_modules/@gouvfr/dsfr/dist"

// FindDSFR returns the dist directory of @gouvfr/dsfr installed in the
// module found from dir upwards, or "" when absent.
func FindDSFR(dir string) string {
	for d := dir; ; {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			p := filepath.Join(d, DSFRPath)
			if _, err := os.Stat(filepath.Join(p, "dsfr.min.css")); err == nil {
				return p
			}
			return ""
		}
		parent := filepath.Dir(d)
		if parent == d {
			return ""
		}
		d = parent
	}
}

// site is the set of files the handler serves and the export writes.
type site struct {
	files map[string]*asset // by URL path without leading slash
	dsfr  string            // directory of @gouvfr/dsfr dist, or ""

	mu        sync.Mutex
	dsfrCache map[string]*asset // compressed DSFR text assets, by name
}

func newSite(o Options) (*site, error) {
	for _, origin := range o.AllowedOrigins {
		u, err := url.Parse(origin)
		if err != nil || u.Scheme == "" || u.Host == "" || u.Path != "" || u.RawQuery != "" {
			return nil, fmt.Errorf("origine autorisée invalide %q : attendu scheme://hôte[:port]", origin)
		}
	}
	if o.DSFR == "" {
		if wd, err := os.Getwd(); err == nil {
			o.DSFR = FindDSFR(wd)
		}
	}
	s := &site{files: map[string]*asset{}}
	add := func(a *asset) { s.files[a.name] = a }
	addHashed := func(a *asset) string {
		h := *a
		h.name = a.hashedName()
		h.immutable = true
		s.files[h.name] = &h
		add(a)
		return h.name
	}
	for _, name := range []string{"spie-embed.js", "spie-embed.d.ts", "spie-boot.js", "spie-widget.css"} {
		b, err := embedded.ReadFile("assets/" + name)
		if err != nil {
			return nil, err
		}
		a, err := newAsset(name, b, true)
		if err != nil {
			return nil, err
		}
		add(a)
	}
	if o.DSFR != "" {
		if _, err := os.Stat(filepath.Join(o.DSFR, "dsfr.min.css")); err != nil {
			return nil, fmt.Errorf("@gouvfr/dsfr introuvable dans %s : %w", o.DSFR, err)
		}
		s.dsfr = o.DSFR
	} else {
		b, _ := embedded.ReadFile("assets/fallback.css")
		a, err := newAsset("dsfr/dsfr.min.css", b, true)
		if err != nil {
			return nil, err
		}
		add(a)
	}
	names := map[string]string{}
	for _, name := range DistFiles() {
		a, err := loadDist(o.Dist, name)
		if err != nil {
			return nil, err
		}
		names[name] = addHashed(a)
	}
	for _, w := range manifest.Widgets {
		for _, lang := range []string{"fr", "en"} {
			title := w.Label.FR
			if lang == "en" {
				title = w.Label.EN
			}
			words := pageWords[lang]
			page, err := renderPage(pageData{
				Widget:         w.Key,
				Title:          title,
				MetaCSP:        widgetCSP(o.AllowedOrigins, false),
				AllowedOrigins: strings.Join(o.AllowedOrigins, " "),
				DSFR:           "dsfr/dsfr.min.css",
				WasmExec:       names[WasmExecJS],
				Wasm:           names[WidgetWasm(w.Key)],
				Communes:       communesOf(w.Key, names[CommunesFile]),
				Lang:           lang,
				Service:        words.Service,
				Loading:        fmt.Sprintf(words.Loading, title),
			})
			if err != nil {
				return nil, err
			}
			a, err := newAsset(pageName(w.Key, lang), page, true)
			if err != nil {
				return nil, err
			}
			a.html = true
			add(a)
		}
	}
	return s, nil
}

// Handler returns the http.Handler serving the widgets: one page per widget
// (diagnostic.html, …, also without .html) loading that widget's own
// module, the loader spie-embed.js and its .d.ts, the WebAssembly modules,
// wasm_exec.js and the table of communes under content-addressed names
// cached for a year (diagnostic.<hash>.wasm, communes.<hash>.bin, immutable), brotli or gzip chosen from Accept-Encoding, and the CSP of the widget
// pages with frame-ancestors limited to the allowed origins. Mount it on its
// own path, e.g. mux.Handle("/spie/", http.StripPrefix("/spie", h)).
func Handler(o Options) (http.Handler, error) {
	s, err := newSite(o)
	if err != nil {
		return nil, err
	}
	csp := widgetCSP(o.AllowedOrigins, true)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "méthode non autorisée", http.StatusMethodNotAllowed)
			return
		}
		name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
		if manifest.Widgets.Has(name) {
			name += ".html"
		}
		// the page in the language the loader asks for (?lang=en), so that
		// nothing shows in French before the module starts
		if key, ok := strings.CutSuffix(name, ".html"); ok && manifest.Widgets.Has(key) && r.URL.Query().Get("lang") == "en" {
			name = pageName(key, "en")
		}
		if a, ok := s.files[name]; ok {
			if a.html {
				SetPageHeaders(w.Header(), csp)
			}
			serveAsset(w, r, a)
			return
		}
		if s.dsfr != "" && strings.HasPrefix(name, "dsfr/") {
			s.serveDSFR(w, r, strings.TrimPrefix(name, "dsfr/"))
			return
		}
		http.NotFound(w, r)
	}), nil
}

func serveAsset(w http.ResponseWriter, r *http.Request, a *asset) {
	if a.immutable {
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		w.Header().Set("Cache-Control", "no-cache")
	}
	serveAssetNoCachePolicy(w, r, a)
}

// serveAssetNoCachePolicy serves a with content negotiation and ETag; the
// caller sets Cache-Control.
func serveAssetNoCachePolicy(w http.ResponseWriter, r *http.Request, a *asset) {
	h := w.Header()
	h.Set("Content-Type", a.ctype)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("ETag", a.etag)
	body := a.raw
	if a.br != nil || a.gz != nil {
		h.Add("Vary", "Accept-Encoding")
		switch enc := pickEncoding(r.Header.Get("Accept-Encoding")); {
		case enc == "br" && a.br != nil:
			h.Set("Content-Encoding", "br")
			body = a.br
		case enc != "" && a.gz != nil:
			h.Set("Content-Encoding", "gzip")
			body = a.gz
		}
	}
	if inm := r.Header.Get("If-None-Match"); inm != "" && etagMatch(inm, a.etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	if r.Method == http.MethodHead {
		return
	}
	w.Write(body)
}

func etagMatch(header, etag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == etag || t == "*" {
			return true
		}
	}
	return false
}

// pickEncoding returns "br", "gzip" or "" from an Accept-Encoding header,
// honouring q=0 refusals.
func pickEncoding(header string) string {
	ok := map[string]bool{}
	for _, part := range strings.Split(header, ",") {
		fields := strings.Split(part, ";")
		coding := strings.ToLower(strings.TrimSpace(fields[0]))
		q := 1.0
		for _, p := range fields[1:] {
			p = strings.TrimSpace(p)
			if v, found := strings.CutPrefix(p, "q="); found {
				if f, err := strconv.ParseFloat(v, 64); err == nil {
					q = f
				}
			}
		}
		ok[coding] = q > 0
	}
	switch {
	case ok["br"]:
		return "br"
	case ok["gzip"]:
		return "gzip"
	}
	return ""
}

// dsfrAllowed limits what is served from the DSFR package to the styles, the
// fonts and the icons the styles reference.
func dsfrAllowed(name string) bool {
	if !fs.ValidPath(name) {
		return false
	}
	return name == "dsfr.min.css" || strings.HasPrefix(name, "fonts/") || strings.HasPrefix(name, "icons/")
}

func (s *site) serveDSFR(w http.ResponseWriter, r *http.Request, name string) {
	if !dsfrAllowed(name) {
		http.NotFound(w, r)
		return
	}
	f, err := os.Open(filepath.Join(s.dsfr, filepath.FromSlash(name)))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || st.IsDir() {
		http.NotFound(w, r)
		return
	}
	if strings.HasSuffix(name, ".css") || strings.HasSuffix(name, ".svg") {
		// Text assets are compressed once and kept (the DSFR stylesheet is
		// 0.7 MB raw, about 0.1 MB compressed).
		a, err := s.compressed(name, f)
		if err != nil {
			http.Error(w, "lecture impossible", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=86400")
		serveAssetNoCachePolicy(w, r, a)
		return
	}
	w.Header().Set("Content-Type", contentType(name))
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Cache-Control", "public, max-age=86400")
	http.ServeContent(w, r, name, st.ModTime(), f)
}

func (s *site) compressed(name string, f *os.File) (*asset, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if a, ok := s.dsfrCache[name]; ok {
		return a, nil
	}
	b, err := io.ReadAll(f)
	if err != nil {
		return nil, err
	}
	a, err := newAsset("dsfr/"+name, b, true)
	if err != nil {
		return nil, err
	}
	if s.dsfrCache == nil {
		s.dsfrCache = map[string]*asset{}
	}
	s.dsfrCache[name] = a
	return a, nil
}

// communesOf returns name, the table's content-addressed name, for a widget
// of manifest.CommunesWidgets, "" for the others.
func communesOf(key, name string) string {
	if slices.Contains(manifest.CommunesWidgets, key) {
		return name
	}
	return ""
}

// pageName is the file name of the page of widget key in lang:
// diagnostic.html in French, diagnostic.en.html in English.
func pageName(key, lang string) string {
	if lang == "en" {
		return key + ".en.html"
	}
	return key + ".html"
}
