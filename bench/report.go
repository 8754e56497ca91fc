package main

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
)

var rows = []struct{ mode, label string }{
	{"decode", "encoding/json, décodage typé seul (aucun contrôle)"},
	{"fast-decode", "socle, décodeur rapide seul (schéma, sans les règles Go)"},
	{"fast", "socle, `schemas.Validate` (chemin rapide : schéma + règles Go)"},
	{"ajv", "ajv 8 + ajv-formats, `allErrors: true` (toutes les fautes, comme socle)"},
	{"ajv-first-error", "ajv 8 + ajv-formats, réglage par défaut (arrêt à la première faute)"},
	{"floor-goccy", "goccy/go-json, décodage typé seul (plancher, aucun contrôle)"},
	{"floor-sonic", "bytedance/sonic, décodage typé seul (plancher, aucun contrôle)"},
	{"floor-jsonv2", "go-json-experiment/json (API `encoding/json/v2`), décodage typé seul (plancher, aucun contrôle)"},
	{"fast-service", "service : socle `schemas.Validate` (normalisation data·inclusion + chemin rapide + règles)"},
	{"ajv-service", "service : ajv 8 + ajv-formats, `allErrors: true`, sur `schemas/v1/service.json`"},
}

func ratio(a, b float64) string {
	if b == 0 {
		return "—"
	}
	return fmt.Sprintf("%.2f×", a/b)
}

func printSummary(rep *report) {
	ajv := rep.results["ajv"].docsPerSec()
	dec := rep.results["decode"].docsPerSec()
	_, _ = ajv, dec
	fmt.Println("== résumé (1 cœur, médiane des rapports appariés)")
	for _, p := range rep.pairs {
		med, lo, hi := p.stats()
		fmt.Printf("   %-13s / %-16s %.2f× (%.2f–%.2f, %d paires)\n", p.a, p.b, med, lo, hi, len(p.ratios))
	}
	for _, m := range []string{"decode-par", "fast-par"} {
		if one, two := rep.scaling[m+"/1"], rep.scaling[m+"/2"]; one.Docs > 0 && two.Docs > 0 {
			fmt.Printf("   %s : 2 cœurs / 1 cœur = %s (en mémoire)\n", m, ratio(two.wallDocsPerSec(), one.wallDocsPerSec()))
		}
	}
	if len(rep.cli) == 2 {
		fmt.Printf("   spie validate : 2 cœurs / 1 cœur = %s\n", ratio(rep.cli[1].docsPerSec(), rep.cli[0].docsPerSec()))
	}
}

func machine(start string) []string {
	var out []string
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if v, ok := strings.CutPrefix(l, "model name"); ok {
				out = append(out, "processeur : "+strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(v), ":")))
				break
			}
		}
	}
	out = append(out, fmt.Sprintf("cœurs : %d ; système : %s/%s ; Go : %s", runtime.NumCPU(), runtime.GOOS, runtime.GOARCH, runtime.Version()))
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		if l, _, ok := strings.Cut(string(b), "\n"); ok {
			out = append(out, "mémoire : "+strings.Join(strings.Fields(strings.TrimPrefix(l, "MemTotal:")), " "))
		}
	}
	if r, ok := rep0(); ok {
		out = append(out, r)
	}
	if l := loadAvg(); l != "" {
		out = append(out, fmt.Sprintf("charge moyenne de la machine (1, 5, 15 min) au début de la mesure : %s ; à la fin : %s — machine partagée (2 cœurs pour plusieurs sessions de travail) et chargée : les débits absolus en sont abaissés et varient d'une minute à l'autre ; les rapports appariés restent comparables", start, l))
	}
	return out
}

// loadAvg reads the load averages over 1, 5 and 15 minutes (Linux), "" when
// unknown.
func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return ""
	}
	return strings.Join(f[:3], " ")
}

// handWritten returns the sections of a previous BENCHMARKS.md that were
// written by hand (they say "Section écrite à la main"), to be kept after
// the generated ones until the harness measures what they report.
func handWritten(old string) string {
	// the widgets' section is kept whole by keptSection: a hand-written
	// section just before it must not take its opening marker along
	if i, j := strings.Index(old, measureBegin), strings.Index(old, measureEnd); i >= 0 && j > i {
		old = old[:i] + old[j+len(measureEnd):]
	}
	var out strings.Builder
	parts := strings.Split(old, "\n## ")
	for _, sec := range parts[1:] {
		if strings.Contains(sec, "Section écrite à la main") {
			out.WriteString("\n## ")
			out.WriteString(strings.TrimRight(sec, "\n"))
			out.WriteString("\n")
		}
	}
	return out.String()
}

func rep0() (string, bool) {
	b, err := exec.Command("node", "--version").Output()
	if err != nil {
		return "", false
	}
	return "Node.js : " + strings.TrimSpace(string(b)), true
}

func markdown(rep *report) string {
	var b strings.Builder
	w := func(format string, a ...any) { fmt.Fprintf(&b, format+"\n", a...) }
	ajv := rep.results["ajv"].docsPerSec()
	dec := rep.results["decode"].docsPerSec()
	w("# Mesures de performance — socle face à ajv")
	w("")
	w("Fichier écrit par `go run ./bench` (voir [bench/README.md](bench/README.md)) le %s UTC. Ne pas modifier à la main : relancer le banc.", rep.started.Format("2006-01-02 15:04"))
	w("")
	w("## Machine")
	w("")
	for _, m := range machine(rep.loadStart) {
		w("- %s", m)
	}
	if r, ok := rep.results["ajv"]; ok && r.Runtime != "" {
		w("- ajv : %s", r.Runtime)
	}
	w("")
	w("## Corpus")
	w("")
	w("%d diagnostics NDJSON générés de façon déterministe (graine %d) à partir des exemples `examples/diagnostic/*.json` : identifiants, textes des professionnels et rayons de mobilité variés, %d octets par document en moyenne (%.1f Mo en tout) ; %d %% des documents sont abîmés comme le sont les fichiers échangés (champ obligatoire absent, code hors liste, code commune ou date impossibles, borne dépassée, champ inconnu, mauvais type, texte trop long). %d documents portent au moins une faute de socle (schéma ou règles).",
		rep.cfg.n, rep.cfg.seed, rep.avgDoc, rep.corpusMB, rep.cfg.invalidPct, rep.invalid)
	w("")
	w("## Un cœur, documents en mémoire, lecture du JSON comprise : rapports appariés")
	w("")
	w("Chaque mesure tourne dans un processus à part (`GOMAXPROCS=1` pour Go ; Node est monocœur), après un tour de chauffe, pendant au moins %s. Les deux membres d'une paire (A, B) sont mesurés l'un après l'autre, dans l'ordre A puis B aux tours impairs et B puis A aux tours pairs, et l'on garde le rapport A/B de chaque paire : deux mesures voisines voient à peu près la même charge de la machine. %d tours ; on donne la **médiane des rapports** et leur étendue (min–max). Les débits sont comptés par seconde de **temps processeur** du processus (utilisateur + système, tous ses fils d'exécution, ramasse-miettes et compilateur JIT compris).", rep.cfg.minTime, rep.cfg.rounds)
	w("")
	w("| Paire A / B | médiane A/B | min–max | rapports (un par tour) |")
	w("|---|---:|---:|---|")
	for _, p := range rep.pairs {
		med, lo, hi := p.stats()
		rs := make([]string, len(p.ratios))
		for i, r := range p.ratios {
			rs[i] = fmt.Sprintf("%.2f", r)
		}
		w("| %s | **%.2f×** | %.2f–%.2f | %s |", p.label, med, lo, hi, strings.Join(rs, ", "))
	}
	w("")
	if rep.floorErr != "" {
		w("Plancher non mesuré : %s", rep.floorErr)
		w("")
	}
	w("Le plancher est le décodage typé le plus rapide que cette machine sache faire du même corpus dans `diagnostic.Diagnostic`, **sans aucun contrôle** (module à part `bench/floor`, pour qu'aucune de ces bibliothèques n'entre dans le `go.mod` de socle) ; le chemin rapide, lui, fait tous les contrôles du schéma et les règles. Le corpus du service : les %d services de `examples/offer/services-aisne.ndjson`.", len(rep.servicePlain))
	w("")
	w("### Débits, médiane des tours")
	w("")
	w("Pour chaque mesure, le tour de débit médian (toutes ses mesures, dans toutes les paires où elle figure). Sur une machine chargée ces débits absolus baissent et varient ; seuls les rapports appariés ci-dessus sont à comparer d'un rapport à l'autre. Allocations : `runtime.MemStats` ; pic mémoire : celui du processus entier, corpus en mémoire compris.")
	w("")
	w("| Validation | mesures | docs/s | Mo/s | docs/s (horloge) | allocations/doc | octets alloués/doc | pic mémoire |")
	w("|---|---:|---:|---:|---:|---:|---:|---:|")
	for _, r := range rows {
		res, ok := rep.results[r.mode]
		if !ok {
			continue
		}
		allocs, bytes := fmt.Sprintf("%.0f", res.AllocsDoc), fmt.Sprintf("%.0f", res.BytesDoc)
		if strings.HasPrefix(r.mode, "ajv") {
			allocs, bytes = "—", "—"
		}
		w("| %s | %d | %.0f | %.1f | %.0f | %s | %s | %d Mio |", r.label, len(rep.runs[r.mode]), res.docsPerSec(), res.mbPerSec(), res.wallDocsPerSec(), allocs, bytes, res.PeakRSSKB>>10)
	}
	w("")
	writeProfiles(w, rep.profiles)
	if len(rep.scaling) > 0 {
		w("## Passage à deux cœurs, documents en mémoire")
		w("")
		w("Débit au temps écoulé avec une goroutine par cœur (`GOMAXPROCS=1` puis `2`), meilleur de %d tours. La ligne `encoding/json` dit ce que les deux cœurs de cette machine donnent au moment de la mesure (une machine partagée ne les donne pas toujours) ; la ligne du chemin rapide, ce qu'il en fait.", rep.cfg.rounds)
		w("")
		w("| Mesure | 1 cœur | 2 cœurs | accélération | cœurs occupés à 2 |")
		w("|---|---:|---:|---:|---:|")
		for _, m := range []struct{ key, label string }{{"decode-par", "encoding/json, décodage seul (référence de la machine)"}, {"fast-par", "socle, `schemas.Validate` (chemin rapide)"}} {
			one, two := rep.scaling[m.key+"/1"], rep.scaling[m.key+"/2"]
			if one.Docs == 0 || two.Docs == 0 {
				continue
			}
			w("| %s | %.0f | %.0f | %s | %.2f |", m.label, one.wallDocsPerSec(), two.wallDocsPerSec(), ratio(two.wallDocsPerSec(), one.wallDocsPerSec()), two.CPUSeconds/two.Seconds)
		}
		w("")
	}
	if len(rep.cli) > 0 {
		w("## `spie validate` sur un fichier NDJSON")
		w("")
		w("Lecture en flux, validation par le chemin rapide en parallèle, sortie JSON dans l'ordre des lignes (comptée par le banc).")
		w("")
		w("Ici le débit est au temps écoulé (c'est ce que le parallélisme fait gagner) ; « processeur » est le temps processeur consommé, « occupation » le nombre moyen de cœurs occupés (processeur / durée). Sur une machine chargée par d'autres processus, l'accélération mesurée sous-estime celle d'une machine libre.")
		w("")
		w("| Cœurs | docs/s | Mo/s | pic mémoire | durée | processeur | occupation | accélération |")
		w("|---:|---:|---:|---:|---:|---:|---:|---:|")
		for _, r := range rep.cli {
			w("| %d | %.0f | %.1f | %d Mio | %.1f s | %.1f s | %.2f | %s |", r.Cores, r.docsPerSec(), r.mbPerSec(), r.PeakRSSKB>>10, r.Seconds, r.CPUSeconds, r.CPUSeconds/r.Seconds, ratio(r.docsPerSec(), rep.cli[0].docsPerSec()))
		}
		w("")
	}
	if s := rep.stream; s != nil {
		w("## Fichier de %.0f Mo en flux", float64(s.Bytes)/1e6)
		w("")
		w("`spie validate` sur %d lignes (%.0f Mo), %d cœurs : %.0f docs/s, %.1f Mo/s, %.1f s (%.1f s de processeur), **pic mémoire %d Mio**, %d lignes de sortie dans l'ordre.", s.Docs, float64(s.Bytes)/1e6, s.Cores, s.docsPerSec(), s.mbPerSec(), s.Seconds, s.CPUSeconds, s.PeakRSSKB>>10, s.Lines)
		w("")
	}
	w("## Verdicts")
	w("")
	for _, a := range rep.agreement {
		w("- %s ;", a)
	}
	w("")
	w("ajv ne connaît que le schéma : on compare son verdict à la partie « schéma » de celui de socle (aucune faute SCHEMA- ni INPUT-) ; les règles Go (fautes DIAG-) vont au-delà du schéma.")
	w("")
	w("## Commandes")
	w("")
	w("```sh")
	w("go run ./bench -n %d -seed %d -invalid %d -rounds %d -min-time %s -cli-docs %d -stream-mb %d", rep.cfg.n, rep.cfg.seed, rep.cfg.invalidPct, rep.cfg.rounds, rep.cfg.minTime, rep.cfg.cliDocs, rep.cfg.streamMB)
	w("# mesures faites par le banc :")
	w("GOMAXPROCS=1 bench -child MODE -corpus corpus.ndjson   # MODE = decode, fast-decode, fast ; fast-service sur service.ndjson")
	w("GOMAXPROCS=1 floor -mode goccy|sonic|jsonv2 -corpus corpus.ndjson   # (cd bench/floor && go build -o floor .)")
	w("node bench/ajv/validate.mjs schemas/v1/diagnostic.json corpus.ndjson %g verdicts.txt true|false", rep.cfg.minTime.Seconds())
	w("node bench/ajv/validate.mjs schemas/v1/service.json service.ndjson %g verdicts.txt true", rep.cfg.minTime.Seconds())
	w("bench -child fast -cpuprofile cpu-fast.out … ; go tool pprof -top cpu-fast.out   # « où part le temps »")
	for _, c := range rep.commands {
		w("%s", c)
	}
	w("# bancs Go du chemin rapide :")
	w("go test ./schemas -run '^$' -bench Diagnostic")
	w("```")
	_, _ = ajv, dec
	return b.String()
}

// writeProfiles writes the "where the time goes" section from the CPU
// profiles of the fast path: shares by package, the functions with the most
// flat time, and socle's functions with the most cumulated time.
func writeProfiles(w func(string, ...any), profiles []profile) {
	if len(profiles) == 0 {
		return
	}
	w("## Où part le temps du chemin rapide (profils processeur)")
	w("")
	w("Section produite par le banc : une mesure de plus de chaque chemin rapide, quatre fois plus longue que les autres, profilée (`runtime/pprof`), lue par `go tool pprof -top`. Part « propre » (flat) : le temps passé dans la fonction elle-même ; part « cumulée » (cum) : la fonction et ce qu'elle appelle ; en pour cent des échantillons du processus (le banc compris, qui ne fait que boucler sur les documents).")
	w("")
	for _, p := range profiles {
		name := map[string]string{"fast": "diagnostic, `schemas.Validate`", "fast-service": "service, `schemas.Validate`"}[p.mode]
		w("### %s (%s échantillonnés)", name, p.total)
		w("")
		var pk []string
		for _, f := range p.byPackage() {
			if f.flat < 1 {
				break
			}
			pk = append(pk, fmt.Sprintf("%s %.1f %%", strings.TrimPrefix(f.name, "github.com/spie-fr/socle/"), f.flat))
		}
		w("Par paquet (part propre ≥ 1 %%) : %s.", strings.Join(pk, " ; "))
		w("")
		w("| Fonctions, par part propre | propre | cumulée |")
		w("|---|---:|---:|")
		for _, f := range p.topFlat(15) {
			w("| `%s` | %.1f %% | %.1f %% |", strings.TrimPrefix(f.name, "github.com/spie-fr/socle/"), f.flat, f.cum)
		}
		w("")
		w("| Fonctions de socle, par part cumulée | propre | cumulée |")
		w("|---|---:|---:|")
		for _, f := range p.topCum(15) {
			w("| `%s` | %.1f %% | %.1f %% |", strings.TrimPrefix(f.name, "github.com/spie-fr/socle/"), f.flat, f.cum)
		}
		w("")
	}
}
