package wasm

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"html/template"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/spie-fr/socle/wasm/manifest"
)

//go:embed assets/spie-embed.js assets/spie-embed.d.ts assets/spie-boot.js assets/spie-widget.css assets/fallback.css assets/widget.html
var embedded embed.FS

// asset is one file served by the handler, held in memory with its
// precompressed versions.
type asset struct {
	name      string // URL path below the handler root, without leading slash
	ctype     string
	raw       []byte
	br, gz    []byte // nil when not worth compressing
	etag      string
	immutable bool // content-addressed name: cache for a year
	html      bool // widget page: CSP and no-cache
}

func newAsset(name string, raw []byte, compress bool) (*asset, error) {
	a := &asset{name: name, raw: raw, ctype: contentType(name)}
	sum := sha256.Sum256(raw)
	a.etag = `"` + hex.EncodeToString(sum[:12]) + `"`
	if compress && len(raw) > 512 {
		var err error
		if a.gz, err = gzipBytes(raw); err != nil {
			return nil, err
		}
		if a.br, err = brotliBytes(raw); err != nil {
			return nil, err
		}
	}
	return a, nil
}

// hashedName returns name with a short content hash before its extension:
// app.wasm → app.3f2a9c1b07d4.wasm.
func (a *asset) hashedName() string {
	ext := path.Ext(a.name)
	return strings.TrimSuffix(a.name, ext) + "." + strings.Trim(a.etag, `"`) + ext
}

// contentType returns the MIME type of a file name; application/wasm is
// required by WebAssembly.instantiateStreaming.
func contentType(name string) string {
	switch path.Ext(name) {
	case ".wasm":
		return "application/wasm"
	case ".js", ".mjs":
		return "text/javascript; charset=utf-8"
	case ".ts":
		return "application/typescript; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".html":
		return "text/html; charset=utf-8"
	case ".json":
		return "application/json"
	case ".svg":
		return "image/svg+xml"
	case ".woff2":
		return "font/woff2"
	case ".woff":
		return "font/woff"
	}
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		return t
	}
	return "application/octet-stream"
}

// loadDist reads a file built by Build with its .br and .gz siblings.
func loadDist(dir, name string) (*asset, error) {
	p := filepath.Join(dir, name)
	raw, err := os.ReadFile(p)
	if err != nil {
		return nil, fmt.Errorf("%s introuvable (lancez wasm.Build ou `spie demo`) : %w", p, err)
	}
	a, err := newAsset(name, raw, false)
	if err != nil {
		return nil, err
	}
	if name == CommunesFile {
		return a, nil // served as is: gzip'd already, checked byte for byte
	}
	if b, err := os.ReadFile(p + ".br"); err == nil {
		a.br = b
	}
	if b, err := os.ReadFile(p + ".gz"); err == nil {
		a.gz = b
	}
	if a.br == nil || a.gz == nil {
		if a.gz, err = gzipBytes(raw); err != nil {
			return nil, err
		}
		if a.br, err = brotliBytes(raw); err != nil {
			return nil, err
		}
	}
	return a, nil
}

var pageTemplate = template.Must(template.ParseFS(embedded, "assets/widget.html"))

type pageData struct {
	Widget, Title, MetaCSP, AllowedOrigins, DSFR, WasmExec, Wasm string
	// Communes is the content-addressed name of the table of communes the
	// page fetches with its module, "" for a widget that needs none.
	Communes string
	// Lang, Service and Loading are the page's language and the words it
	// shows before the module starts (pageWords).
	Lang, Service, Loading string
}

// pageWords are the words of a widget page before its module starts, by
// language: the service's name and the loading line (%s: the widget's
// title). The module then writes everything from the library's labels.
var pageWords = map[string]struct{ Service, Loading string }{
	"fr": {"Service public de l'insertion et de l'emploi", "Chargement de « %s »…"},
	"en": {"French public integration and employment service", "Loading “%s”…"},
}

func renderPage(d pageData) ([]byte, error) {
	var b bytes.Buffer
	if err := pageTemplate.Execute(&b, d); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// widgetCSP returns the Content-Security-Policy of the widget pages: scripts
// from the widget origin only, plus 'wasm-unsafe-eval' to compile the module;
// no inline script or style; framing only by the allowed partner origins.
func widgetCSP(allowed []string, header bool) string {
	p := []string{
		"default-src 'none'",
		"script-src 'self' 'wasm-unsafe-eval'",
		"style-src 'self'",
		"img-src 'self' data:",
		"font-src 'self'",
		"connect-src 'self'",
		"base-uri 'none'",
		"form-action 'none'",
	}
	if header { // frame-ancestors is ignored in <meta>
		p = append(p, "frame-ancestors "+strings.Join(append([]string{"'self'"}, allowed...), " "))
	}
	return strings.Join(p, "; ")
}

// PartnerCSP returns the Content-Security-Policy a partner page needs to embed
// widgets served from widgetOrigin: the loader script and the iframe.
func PartnerCSP(widgetOrigin string) string {
	script := "script-src 'self'"
	if widgetOrigin != "'self'" { // widgets served by the page's own origin
		script += " " + widgetOrigin
	}
	return strings.Join([]string{
		"default-src 'self'",
		script,
		"frame-src " + widgetOrigin,
		"style-src 'self'",
		"img-src 'self' data:",
		"font-src 'self'",
		"base-uri 'none'",
		"form-action 'self'",
	}, "; ")
}

// ReferrerPolicy is the Referrer-Policy of every page socle serves: a
// partner's address is sent to other origins without its path or query.
const ReferrerPolicy = "strict-origin-when-cross-origin"

// PageHeaders returns the security headers of an HTML page served with the
// Content-Security-Policy csp (which carries the page's frame-ancestors):
// Content-Security-Policy, X-Content-Type-Options: nosniff and
// Referrer-Policy. The widget pages, the demo portal and the HEADERS.txt of
// Export all take them from here (OWASP Secure Headers Project).
func PageHeaders(csp string) [][2]string {
	return [][2]string{
		{"Content-Security-Policy", csp},
		{"X-Content-Type-Options", "nosniff"},
		{"Referrer-Policy", ReferrerPolicy},
	}
}

// SetPageHeaders sets PageHeaders(csp) on h.
func SetPageHeaders(h http.Header, csp string) {
	for _, kv := range PageHeaders(csp) {
		h.Set(kv[0], kv[1])
	}
}

// widgetNames returns the keys of the manifest.
func widgetNames() []string { return manifest.Widgets.Keys() }
