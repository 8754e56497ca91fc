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
	fmt.Println("== résumé (meilleur tour, 1 cœur)")
	for _, r := range rows {
		res, ok := rep.results[r.mode]
		if !ok {
			continue
		}
		fmt.Printf("   %-16s %9.0f docs/s %7.1f Mo/s  / ajv %s  / décodage %s\n", r.mode, res.docsPerSec(), res.mbPerSec(), ratio(res.docsPerSec(), ajv), ratio(res.docsPerSec(), dec))
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

func machine() []string {
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
	if b, err := os.ReadFile("/proc/loadavg"); err == nil {
		f := strings.Fields(string(b))
		if len(f) >= 3 {
			out = append(out, fmt.Sprintf("charge de la machine à la fin de la mesure (1, 5, 15 min) : %s %s %s — une machine partagée et chargée abaisse tous les chiffres ; les rapports entre lignes, mesurées en alternance, restent comparables", f[0], f[1], f[2]))
		}
	}
	return out
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
	for _, m := range machine() {
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
	w("## Un cœur, documents en mémoire, lecture du JSON comprise")
	w("")
	w("Chaque ligne est mesurée dans un processus à part (`GOMAXPROCS=1` pour Go ; Node est monocœur), après un tour de chauffe, pendant au moins %s ; on garde le meilleur de %d tours alternés. Les débits sont comptés par seconde de **temps processeur** du processus (utilisateur + système, tous ses fils d'exécution, ramasse-miettes et compilateur JIT compris) : sur une machine partagée l'horloge compte aussi le temps pris par les autres ; la colonne « horloge » donne le débit au temps écoulé. Le pic mémoire est celui du processus entier, corpus en mémoire compris.", rep.cfg.minTime, rep.cfg.rounds)
	w("")
	w("| Validation | docs/s | Mo/s | docs/s (horloge) | allocations/doc | octets alloués/doc | pic mémoire | / ajv | / décodage seul |")
	w("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
	for _, r := range rows {
		res, ok := rep.results[r.mode]
		if !ok {
			continue
		}
		allocs, bytes := fmt.Sprintf("%.0f", res.AllocsDoc), fmt.Sprintf("%.0f", res.BytesDoc)
		if strings.HasPrefix(r.mode, "ajv") {
			allocs, bytes = "—", "—"
		}
		w("| %s | %.0f | %.1f | %.0f | %s | %s | %d Mio | %s | %s |", r.label, res.docsPerSec(), res.mbPerSec(), res.wallDocsPerSec(), allocs, bytes, res.PeakRSSKB>>10, ratio(res.docsPerSec(), ajv), ratio(res.docsPerSec(), dec))
	}
	w("")
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
	w("go run ./bench -n %d -seed %d -invalid %d -rounds %d -min-time %s -stream-mb %d", rep.cfg.n, rep.cfg.seed, rep.cfg.invalidPct, rep.cfg.rounds, rep.cfg.minTime, rep.cfg.streamMB)
	w("# mesures faites par le banc :")
	w("GOMAXPROCS=1 bench -child MODE -corpus corpus.ndjson   # MODE = decode, fast-decode, fast")
	w("node bench/ajv/validate.mjs schemas/v1/diagnostic.json corpus.ndjson %g verdicts.txt true|false", rep.cfg.minTime.Seconds())
	for _, c := range rep.commands {
		w("%s", c)
	}
	w("# bancs Go du chemin rapide :")
	w("go test ./schemas -run '^$' -bench Diagnostic")
	w("```")
	if dec > 0 && ajv > 0 {
		_ = dec
	}
	return b.String()
}
