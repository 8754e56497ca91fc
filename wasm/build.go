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
	"path/filepath"
	"strconv"
	"strings"

	"github.com/andybalholm/brotli"
)

// Module is the import path of the module holding the widgets' sources.
const Module = "github.com/spie-fr/socle"

// Main packages of the WebAssembly modules, relative to the module root.
const (
	WidgetsPackage  = "./wasm/cmd/widgets"
	ValidatePackage = "./wasm/cmd/validate"
)

// File names in a dist directory.
const (
	WidgetsWasm  = "app.wasm" // every widget
	ValidateWasm = "validate.wasm"
	WasmExecJS   = "wasm_exec.js"
)

// BuildOptions say where to build from and to.
type BuildOptions struct {
	// Dir receives app.wasm, validate.wasm, wasm_exec.js and their .br and
	// .gz precompressed siblings.
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

// Build compiles the widgets bundle (app.wasm, every widget) and the
// validation-only module (validate.wasm) for
// GOOS=js GOARCH=wasm with -ldflags="-s -w", copies wasm_exec.js of the Go
// release, and writes brotli and gzip versions of each file. Compression is
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
	for _, b := range []struct{ pkg, out string }{
		{WidgetsPackage, WidgetsWasm},
		{ValidatePackage, ValidateWasm},
	} {
		out, err := filepath.Abs(filepath.Join(o.Dir, b.out))
		if err != nil {
			return err
		}
		args := []string{"build", "-trimpath", "-ldflags=-s -w", "-o", out, b.pkg}
		if _, err := goOutput(ctx, o.Go, o.ModuleDir, env, args...); err != nil {
			return fmt.Errorf("compilation de %s : %w", b.pkg, err)
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
	for _, name := range []string{WidgetsWasm, ValidateWasm, WasmExecJS} {
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
