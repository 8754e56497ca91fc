package wasm

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Export writes the files Handler serves into dir, for partners who host
// static files themselves: the widget pages, the loader, the modules under
// content-addressed names with their .br and .gz versions (for servers that
// serve precompressed files, e.g. nginx gzip_static/brotli_static), the DSFR
// styles, fonts and icons, and a HEADERS.txt listing the HTTP headers to set
// (the Content-Security-Policy of the pages, cache policy). It returns the
// paths written, relative to dir, sorted.
func Export(dir string, o Options) ([]string, error) {
	s, err := newSite(o)
	if err != nil {
		return nil, err
	}
	var written []string
	write := func(name string, b []byte) error {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		written = append(written, name)
		return os.WriteFile(p, b, 0o644)
	}
	for name, a := range s.files {
		if err := write(name, a.raw); err != nil {
			return nil, err
		}
		if a.br != nil {
			if err := write(name+".br", a.br); err != nil {
				return nil, err
			}
		}
		if a.gz != nil {
			if err := write(name+".gz", a.gz); err != nil {
				return nil, err
			}
		}
	}
	if s.dsfr != "" {
		err := filepath.WalkDir(s.dsfr, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(s.dsfr, p)
			rel = filepath.ToSlash(rel)
			if !dsfrAllowed(rel) || strings.HasSuffix(rel, ".map") {
				return nil
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return write("dsfr/"+rel, b)
		})
		if err != nil {
			return nil, err
		}
	}
	var hb strings.Builder
	hb.WriteString("# En-têtes HTTP à configurer pour ces fichiers statiques.\n# HTTP headers to set for these static files.\n")
	for _, kv := range PageHeaders(widgetCSP(o.AllowedOrigins, true)) {
		fmt.Fprintf(&hb, "%-17s %s: %s\n", "*.html", kv[0], kv[1])
	}
	hb.WriteString(`*                 X-Content-Type-Options: nosniff
*.html            Cache-Control: no-cache
*.<empreinte>.*   Cache-Control: public, max-age=31536000, immutable
*.wasm            Content-Type: application/wasm
communes.*.bin    Content-Type: application/octet-stream, sans Content-Encoding (la table des communes, déjà compressée, est vérifiée octet par octet)
*.br / *.gz       Content-Encoding: br / gzip (servir le fichier précompressé si Accept-Encoding le permet)
# communes.*.bin: no Content-Encoding (the commune table, already compressed, is checked byte for byte).
# *.br / *.gz: serve the precompressed file when Accept-Encoding allows it.
`)
	if err := write("HEADERS.txt", []byte(hb.String())); err != nil {
		return nil, err
	}
	sort.Strings(written)
	return written, nil
}
