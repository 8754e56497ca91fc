package main

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/wasm"
)

func TestDemoUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		err  string
	}{
		{"help", []string{"demo", "-h"}, exitOK, "Usage : spie demo"},
		{"unexpected argument", []string{"demo", "--no-build", "en-trop"}, exitUsage, "argument inattendu"},
		{"unknown flag", []string{"demo", "--inconnu"}, exitUsage, "inconnu"},
		{"missing modules", []string{"demo", "--no-build", "--dist", "/nonexistent-spie-dist"}, exitUsage, "introuvable"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := runCLI(t, "", tt.args...)
			assert.Equal(t, tt.code, code)
			assert.Contains(t, errOut, tt.err)
		})
	}
}

// TestDemoServes runs the portal on modules already built (stand-ins here:
// building the real ones is the browser tests' job) and fetches its pages.
func TestDemoServes(t *testing.T) {
	dist := t.TempDir()
	for _, name := range wasm.DistFiles() {
		require.NoError(t, os.WriteFile(filepath.Join(dist, name), []byte("stand-in "+name), 0o644))
	}
	// the DSFR is given (a stand-in stylesheet here): without it the demo
	// finds it in the repository or installs it with npm (TestEnsureDSFR)
	dsfr := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dsfr, "dsfr.min.css"), []byte("/* dsfr */"), 0o644))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	addr := make(chan string, 1)
	oldCtx, oldListening := demoContext, demoListening
	demoContext = func() (context.Context, context.CancelFunc) { return ctx, cancel }
	demoListening = func(a string) { addr <- a }
	defer func() { demoContext, demoListening = oldCtx, oldListening }()

	done := make(chan int, 1)
	var out strings.Builder
	go func() {
		code, o, _ := runCLI(t, "", "demo", "--no-build", "--dist", dist, "--addr", "127.0.0.1:0", "--dsfr", dsfr)
		out.WriteString(o)
		done <- code
	}()
	var base string
	select {
	case a := <-addr:
		base = "http://" + a
	case code := <-done:
		t.Fatalf("spie demo s'est arrêté : code %d", code)
	case <-time.After(10 * time.Second):
		t.Fatal("spie demo n'écoute pas")
	}
	for path, want := range map[string]string{
		"/":                     "Département de l'Aisne-sur-Mer",
		"/spie/spie-embed.js":   "SPIE.mount",
		"/spie/diagnostic.html": "spie-boot.js",
		"/portail.js":           "spie:submit",
	} {
		res, err := http.Get(base + path)
		require.NoError(t, err)
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		assert.Equal(t, http.StatusOK, res.StatusCode, path)
		assert.Contains(t, string(body), want, path)
	}
	cancel()
	select {
	case code := <-done:
		assert.Equal(t, exitOK, code)
		assert.Contains(t, out.String(), "Portail partenaire de démonstration")
	case <-time.After(10 * time.Second):
		t.Fatal("spie demo ne s'arrête pas")
	}
}
