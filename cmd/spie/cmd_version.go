package main

import (
	"flag"
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/offer"
	"github.com/spie-fr/socle/schemas"
)

func init() {
	register(command{name: "version", summary: "versions du module, des schémas et de Go (aussi spie --version)", run: runVersion})
}

// readBuildInfo gives the build information of the binary; tests may swap it.
var readBuildInfo = debug.ReadBuildInfo

// versionInfo is what spie version prints, in JSON with --format json.
type versionInfo struct {
	// Module and Version: the main module of the binary and its version
	// (runtime/debug.BuildInfo.Main: a tag such as v1.2.0, a pseudo-version,
	// or « (devel) » for a build from a work tree).
	Module  string `json:"module"`
	Version string `json:"version"`
	// Revision is the commit the binary was built from, when the build
	// recorded it (vcs.revision, vcs.modified).
	Revision string `json:"revision,omitempty"`
	Modified bool   `json:"modifie,omitempty"`
	// Schemas is the version of the published JSON Schemas (schemas.Version),
	// SchemaBase the base of their $id.
	Schemas    string `json:"schemas"`
	SchemaBase string `json:"schemas_base"`
	// OrientationRules is the version of the orientation rules format
	// (diagnostic.OrientationRulesVersion).
	OrientationRules string `json:"regles_orientation"`
	// DataInclusion is the data·inclusion schema version of the offer
	// (offer.DataInclusionVersion).
	DataInclusion string `json:"data_inclusion"`
	// Go is the Go version the binary was built with.
	Go string `json:"go"`
}

func currentVersion() versionInfo {
	v := versionInfo{Module: "github.com/spie-fr/socle", Version: "(inconnue)", Go: runtime.Version(),
		Schemas: schemas.Version, SchemaBase: schemas.BaseID,
		OrientationRules: diagnostic.OrientationRulesVersion, DataInclusion: offer.DataInclusionVersion}
	bi, ok := readBuildInfo()
	if !ok || bi == nil {
		return v
	}
	if bi.Main.Path != "" {
		v.Module = bi.Main.Path
	}
	if bi.Main.Version != "" {
		v.Version = bi.Main.Version
	}
	if bi.GoVersion != "" {
		v.Go = bi.GoVersion
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			v.Revision = s.Value
		case "vcs.modified":
			v.Modified = s.Value == "true"
		}
	}
	return v
}

func runVersion(c *cli, args []string) int {
	fl := flag.NewFlagSet("version", flag.ContinueOnError)
	fl.SetOutput(c.stderr)
	format := fl.String("format", "text", "sortie : text ou json")
	fl.Usage = func() {
		fmt.Fprintln(c.stderr, "Usage : spie version [--format text|json]   (ou spie --version)")
		fmt.Fprintln(c.stderr, "Écrit la version du module (informations de construction du binaire), celle des schémas JSON publiés, du format des règles d'orientation, du schéma data·inclusion et de Go.")
		printDefaults(fl)
	}
	if code, ok := parseArgs(fl, args); !ok {
		return code
	}
	switch {
	case fl.NArg() > 0:
		fmt.Fprintf(c.stderr, "spie version : argument inattendu %q\n", fl.Arg(0))
		return exitUsage
	case *format != "text" && *format != "json":
		fmt.Fprintf(c.stderr, "spie version : --format %q inconnu (text ou json)\n", *format)
		return exitUsage
	}
	v := currentVersion()
	if *format == "json" {
		writeJSONResult(c.stdout, v, true)
		return exitOK
	}
	fmt.Fprintf(c.stdout, "spie %s (module %s)\n", v.Version, v.Module)
	if v.Revision != "" {
		mod := ""
		if v.Modified {
			mod = ", avec des modifications non enregistrées"
		}
		fmt.Fprintf(c.stdout, "commit : %s%s\n", v.Revision, mod)
	}
	fmt.Fprintf(c.stdout, "schémas JSON : %s (%s)\n", v.Schemas, v.SchemaBase)
	fmt.Fprintf(c.stdout, "format des règles d'orientation : %s\n", v.OrientationRules)
	fmt.Fprintf(c.stdout, "schéma data·inclusion : %s\n", v.DataInclusion)
	fmt.Fprintf(c.stdout, "Go : %s\n", v.Go)
	return exitOK
}
