package wasm

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
)

// FindModule returns the root directory of the socle module's sources,
// which Build compiles: found with `go list -m` from the current directory
// (the socle repository, or a partner module that requires socle: the
// module cache copy of the version it requires), else the module cache
// copy of version, downloaded when missing with `go mod download` through
// the GOPROXY in force. An empty version means the version the running
// program was built from (runtime/debug.ReadBuildInfo: `go install
// github.com/spie-fr/socle/cmd/spie@v…` records it). It fails, in French,
// when none applies (a development build run outside the repository).
func FindModule(ctx context.Context, goCmd, version string) (string, error) {
	if goCmd == "" {
		goCmd = "go"
	}
	if dir, err := goOutput(ctx, goCmd, "", nil, "list", "-m", "-f", "{{.Dir}}", Module); err == nil && dir != "" {
		return dir, nil
	}
	if version == "" {
		version = builtVersion()
	}
	if version == "" {
		return "", fmt.Errorf("sources du module %s introuvables : lancez la commande depuis le dépôt socle, ou donnez leur répertoire (--module), ou installez spie avec go install %s/cmd/spie@version", Module, Module)
	}
	// outside any module, so that the current directory's go.mod plays no part
	out, err := goOutput(ctx, goCmd, os.TempDir(), append(os.Environ(), "GOFLAGS=-mod=mod"), "mod", "download", "-json", Module+"@"+version)
	if err != nil {
		return "", fmt.Errorf("téléchargement des sources de %s@%s impossible : %w", Module, version, err)
	}
	var d struct{ Dir, Error string }
	if err := json.Unmarshal([]byte(out), &d); err != nil || d.Dir == "" {
		return "", fmt.Errorf("sources de %s@%s introuvables dans le cache des modules (%s)", Module, version, d.Error)
	}
	return d.Dir, nil
}

// builtVersion is the version of socle the running program was built
// from, "" for a development build.
func builtVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok || bi.Main.Path != Module || bi.Main.Version == "" || bi.Main.Version == "(devel)" {
		return ""
	}
	return bi.Main.Version
}

// DSFRPackage is the npm package of the Système de design de l'État that
// EnsureDSFR installs (the major version the widgets are styled for).
const DSFRPackage = "@gouvfr/dsfr@1"

// EnsureDSFR returns the dist directory of the @gouvfr/dsfr package: dir
// when given (it must hold dsfr.min.css); else the one installed in the
// module found from the current directory or in moduleDir (DSFRPath);
// else the one installed in cacheDir/npm; else it installs DSFRPackage
// there with npm (`npm install --prefix`, no package.json written),
// saying so on log. It never falls back to a stand-in: without npm it
// fails with a French error saying what to install.
func EnsureDSFR(ctx context.Context, dir, moduleDir, cacheDir string, log io.Writer) (string, error) {
	has := func(d string) bool {
		_, err := os.Stat(filepath.Join(d, "dsfr.min.css"))
		return err == nil
	}
	if dir != "" {
		if !has(dir) {
			return "", fmt.Errorf("@gouvfr/dsfr introuvable dans %s (dsfr.min.css attendu)", dir)
		}
		return dir, nil
	}
	if wd, err := os.Getwd(); err == nil {
		if d := FindDSFR(wd); d != "" {
			return d, nil
		}
	}
	if moduleDir != "" && has(filepath.Join(moduleDir, DSFRPath)) {
		return filepath.Join(moduleDir, DSFRPath), nil
	}
	if cacheDir == "" {
		return "", errors.New("@gouvfr/dsfr absent et aucun répertoire de cache où l'installer")
	}
	prefix := filepath.Join(cacheDir, "npm")
	installed := filepath.Join(prefix, "node_modules", "@gouvfr", "dsfr", "dist")
	if has(installed) {
		return installed, nil
	}
	npm, err := exec.LookPath("npm")
	if err != nil {
		return "", fmt.Errorf("@gouvfr/dsfr absent et npm introuvable : installez Node.js et npm (paquet Debian npm), ou donnez le répertoire dist du paquet (--dsfr)")
	}
	fmt.Fprintf(log, "installation de %s avec npm dans %s…\n", DSFRPackage, prefix)
	if err := os.MkdirAll(prefix, 0o755); err != nil {
		return "", fmt.Errorf("création de %s : %w", prefix, err)
	}
	cmd := exec.CommandContext(ctx, npm, "install", "--silent", "--ignore-scripts", "--no-audit", "--no-fund", "--no-save", "--no-package-lock", "--prefix", prefix, DSFRPackage)
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("installation de %s par npm impossible : %w", DSFRPackage, err)
	}
	if !has(installed) {
		return "", fmt.Errorf("npm a terminé sans installer %s dans %s", DSFRPackage, installed)
	}
	fmt.Fprintf(log, "%s installé dans %s\n", DSFRPackage, installed)
	return installed, nil
}
