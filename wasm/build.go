package wasm

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/andybalholm/brotli"
)

// Module is the import path of the module holding the widgets' sources.
const Module = "github.com/spie-fr/socle"

// ValidatePackage is the main package of the validation-only module,
// relative to the module root.
const ValidatePackage = "./wasm/cmd/validate"

// File names in a dist directory.
const (
	ValidateWasm = "validate.wasm"
	WasmExecJS   = "wasm_exec.js"
	// CommunesFile is the table of communes of spie/territory
	// (communes.tsv.gz, gzip'd, TableSize bytes) that the widgets' modules
	// do not hold: copied as is, served under a content-addressed name
	// (communes.<hash>.bin, immutable) and fetched by the pages of
	// manifest.CommunesWidgets once their module is compiled, while Go
	// starts (spie-boot.js). Not .gz: a
	// server that sends .gz files with Content-Encoding: gzip would have
	// the browser hand over other bytes than the ones
	// territory.Provide checks.
	CommunesFile = "communes.bin"
)

// CommunesTag is the build tag of the widgets' modules: spie/territory
// built without its table, handed over at run time (territory.Provide).
const CommunesTag = "spie_communes_external"

// communesSource is where the table is in the socle module's sources.
const communesSource = "spie/territory/communes.tsv.gz"

// WidgetTag returns the build tag of the module of the widget key (a
// manifest key): spie_widget_diagnostic. The files of package wasm/widget
// that belong to other widgets are left out under it, so that the module
// does not link the core packages only they import (the linker keeps every
// imported package's initialisation: offer's code lists and fault types in
// the diagnostic's module, for instance). See WidgetTags.
func WidgetTag(key string) string { return "spie_widget_" + key }

// WidgetTags returns the -tags value of the module of the widget key:
// CommunesTag and WidgetTag(key), comma-separated.
func WidgetTags(key string) string { return CommunesTag + "," + WidgetTag(key) }

// WidgetPackage returns the main package of the module of the widget key
// (a manifest key), relative to the module root: ./wasm/cmd/diagnostic.
// Each widget has its own module, linking only that widget, so that a page
// downloads and compiles only what it shows (issue 17, item 4).
func WidgetPackage(key string) string { return "./wasm/cmd/" + key }

// WidgetWasm returns the file name of the module of the widget key in a
// dist directory: diagnostic.wasm.
func WidgetWasm(key string) string { return key + ".wasm" }

// DistFiles returns the names of the files Build writes in its directory,
// besides their .br, .gz and .sha256 siblings: one module per widget of the
// manifest, validate.wasm, wasm_exec.js and the table of communes
// (CommunesFile, never compressed again).
func DistFiles() []string {
	var names []string
	for _, k := range widgetNames() {
		names = append(names, WidgetWasm(k))
	}
	return append(names, ValidateWasm, WasmExecJS, CommunesFile)
}

// BuildOptions say where to build from and to.
type BuildOptions struct {
	// Dir receives the files of DistFiles (one module per widget,
	// validate.wasm, wasm_exec.js) and their .br and .gz precompressed
	// siblings.
	Dir string
	// ModuleDir is the root of the socle module sources; empty means
	// FindModule (the repository, a module requiring socle, or the module
	// cache copy of the running program's version).
	ModuleDir string
	// Go is the go command; empty means "go".
	Go string
	// BrotliQuality is the brotli level of the .br files: 0 means 9, a few
	// seconds for the bundle; 11 (for releases and static exports) saves
	// about 12 % more but takes about a minute in pure Go.
	BrotliQuality int
}

// Build compiles one module per widget (diagnostic.wasm, …, see
// WidgetPackage) with the tags WidgetTags, so that none holds the table of
// communes nor another widget's code and core packages, one go command per
// widget (the packages they share are compiled once, in the build cache),
// and the validation-only module (validate.wasm), which keeps the table
// embedded (its users, Node and browsers, load it alone, with no page to
// fetch the table), for GOOS=js GOARCH=wasm with -ldflags="-s -w"; copies
// the table (CommunesFile) and wasm_exec.js of the Go release, and writes
// brotli and gzip versions of each module and script. Compression is
// skipped for files whose content did not change since the last build.
func Build(ctx context.Context, o BuildOptions) error {
	if o.Go == "" {
		o.Go = "go"
	}
	if o.Dir == "" {
		return errors.New("wasm.Build : répertoire de sortie manquant")
	}
	if err := os.MkdirAll(o.Dir, 0o755); err != nil {
		return fmt.Errorf("création de %s : %w", o.Dir, err)
	}
	if o.ModuleDir == "" {
		dir, err := FindModule(ctx, o.Go, "")
		if err != nil {
			return err
		}
		o.ModuleDir = dir
	}
	env := append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	// go build -o dir/ names each main package's binary after the last
	// element of its path: build into a fresh directory, then move.
	tmp, err := os.MkdirTemp(o.Dir, ".build-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	out, err := filepath.Abs(tmp)
	if err != nil {
		return err
	}
	type module struct{ pkg, out string }
	var modules []module
	var builds [][]string
	for _, k := range widgetNames() {
		modules = append(modules, module{WidgetPackage(k), WidgetWasm(k)})
		builds = append(builds, []string{"build", "-trimpath", "-ldflags=-s -w", "-tags=" + WidgetTags(k), "-o", out + string(filepath.Separator), WidgetPackage(k)})
	}
	modules = append(modules, module{ValidatePackage, ValidateWasm})
	builds = append(builds, []string{"build", "-trimpath", "-ldflags=-s -w", "-o", out + string(filepath.Separator), ValidatePackage})
	for _, args := range builds {
		if _, err := goOutput(ctx, o.Go, o.ModuleDir, env, args...); err != nil {
			return fmt.Errorf("compilation des modules WebAssembly : %w", err)
		}
	}
	table, err := os.ReadFile(filepath.Join(o.ModuleDir, filepath.FromSlash(communesSource)))
	if err != nil {
		return fmt.Errorf("table des communes introuvable : %w", err)
	}
	if err := writeIfChanged(filepath.Join(o.Dir, CommunesFile), table); err != nil {
		return err
	}
	for _, m := range modules {
		if err := os.Rename(filepath.Join(tmp, path.Base(m.pkg)), filepath.Join(o.Dir, m.out)); err != nil {
			return fmt.Errorf("module %s : %w", m.pkg, err)
		}
	}
	root, err := goOutput(ctx, o.Go, o.ModuleDir, nil, "env", "GOROOT")
	if err != nil {
		return fmt.Errorf("GOROOT introuvable : %w", err)
	}
	js, err := os.ReadFile(filepath.Join(root, "lib", "wasm", WasmExecJS))
	if err != nil {
		return fmt.Errorf("wasm_exec.js de la distribution Go introuvable : %w", err)
	}
	if err := writeIfChanged(filepath.Join(o.Dir, WasmExecJS), js); err != nil {
		return err
	}
	for _, name := range DistFiles() {
		if name == CommunesFile {
			continue // gzip'd already, and checked byte for byte
		}
		if err := precompress(filepath.Join(o.Dir, name), o.BrotliQuality); err != nil {
			return err
		}
	}
	return nil
}

func goOutput(ctx context.Context, goCmd, dir string, env []string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, goCmd, args...)
	cmd.Dir = dir
	if env != nil {
		cmd.Env = env
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("%s %s : %w\n%s", goCmd, strings.Join(args, " "), err, stderr.String())
	}
	return strings.TrimSpace(string(out)), nil
}

func writeIfChanged(path string, b []byte) error {
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, b) {
		return nil
	}
	return os.WriteFile(path, b, 0o644)
}

// precompress writes path.br and path.gz unless path.sha256 says they match
// the current content.
func precompress(path string, quality int) error {
	if quality <= 0 || quality > 11 {
		quality = brotliQuality
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	sum := sha256.Sum256(raw)
	stamp := hex.EncodeToString(sum[:]) + " q" + strconv.Itoa(quality)
	if old, err := os.ReadFile(path + ".sha256"); err == nil && string(old) == stamp {
		if _, err := os.Stat(path + ".br"); err == nil {
			if _, err := os.Stat(path + ".gz"); err == nil {
				return nil
			}
		}
	}
	gz, err := gzipBytes(raw)
	if err != nil {
		return err
	}
	br, err := brotliLevel(raw, quality)
	if err != nil {
		return err
	}
	if err := os.WriteFile(path+".gz", gz, 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(path+".br", br, 0o644); err != nil {
		return err
	}
	return os.WriteFile(path+".sha256", []byte(stamp), 0o644)
}

func gzipBytes(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	w, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(b); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// brotliQuality is the default brotli level: 11 is the densest but takes
// about a minute on the 8 MB bundle in pure Go; 9 takes a few seconds.
const brotliQuality = 9

func brotliBytes(b []byte) ([]byte, error) { return brotliLevel(b, brotliQuality) }

func brotliLevel(b []byte, quality int) ([]byte, error) {
	var buf bytes.Buffer
	w := brotli.NewWriterOptions(&buf, brotli.WriterOptions{Quality: quality, LGWin: 24})
	if _, err := w.Write(b); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
