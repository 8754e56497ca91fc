package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/spie-fr/socle/schemas"
	"github.com/spie-fr/socle/spie"
)

func init() {
	register(command{name: "validate", summary: "valide des documents JSON (document, tableau ou NDJSON)", run: runValidate})
}

// validation is the verdict on one document, as printed by --format json.
type validation struct {
	Document string      `json:"document"`
	Valid    bool        `json:"valid"`
	Faults   []faultJSON `json:"faults"`
}

type faultJSON struct {
	Code     string        `json:"code"`
	Path     string        `json:"path"`
	Message  string        `json:"message"`
	Severity spie.Severity `json:"severity"`
}

// validateFunc validates one document; tests and the fast path may swap it.
var validateFunc = func(kind string, data []byte, now func() time.Time) spie.Faults {
	return schemas.ValidateFast(kind, data, schemas.WithNow(now))
}

func runValidate(c *cli, args []string) int {
	fl := flag.NewFlagSet("validate", flag.ContinueOnError)
	fl.SetOutput(c.stderr)
	kind := fl.String("kind", "", "type des documents : "+strings.Join(kindNames(), ", "))
	format := fl.String("format", "text", "sortie : text ou json (un objet JSON par document)")
	workers := fl.Int("workers", runtime.NumCPU(), "nombre de validations en parallèle")
	fl.Usage = func() {
		fmt.Fprintln(c.stderr, "Usage : spie validate --kind KIND [--format text|json] FICHIER... | -")
		fl.PrintDefaults()
	}
	if code, ok := parseArgs(fl, args); !ok {
		return code
	}
	if _, ok := schemas.Lookup(*kind); !ok {
		fmt.Fprintf(c.stderr, "spie validate : --kind %q inconnu (types : %s)\n", *kind, strings.Join(kindNames(), ", "))
		return exitUsage
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(c.stderr, "spie validate : --format %q inconnu (text ou json)\n", *format)
		return exitUsage
	}
	files := fl.Args()
	if len(files) == 0 {
		fmt.Fprintln(c.stderr, "spie validate : aucun fichier (utilisez - pour l'entrée standard)")
		return exitUsage
	}
	if *workers < 1 {
		*workers = 1
	}
	out := bufio.NewWriterSize(c.stdout, 1<<16)
	defer out.Flush()
	v := &validator{kind: *kind, json: *format == "json", out: out, now: c.now, workers: *workers}
	if c.isTerminal != nil && c.isTerminal() {
		v.progress = c.stderr
	}
	code := exitOK
	for _, name := range files {
		r, closeFn, err := openInput(c, name)
		if err != nil {
			fmt.Fprintf(c.stderr, "spie validate : %v\n", err)
			code = exitUsage
			continue
		}
		err = v.run(name, r)
		closeFn()
		if err != nil {
			fmt.Fprintf(c.stderr, "spie validate : %s : %v\n", name, err)
			code = exitUsage
		}
	}
	v.summary()
	if code == exitOK && v.invalid > 0 {
		code = exitInvalid
	}
	return code
}

func kindNames() []string {
	var names []string
	for _, k := range schemas.Kinds() {
		names = append(names, k.Name)
	}
	return names
}

func openInput(c *cli, name string) (io.Reader, func(), error) {
	if name == "-" {
		return c.stdin, func() {}, nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, nil, fmt.Errorf("lecture impossible de %s : %w", name, err)
	}
	return f, func() { _ = f.Close() }, nil
}

// validator validates the documents of each input on several cores and
// prints the verdicts in input order, holding a bounded number of documents.
type validator struct {
	kind     string
	json     bool
	out      *bufio.Writer
	now      func() time.Time
	workers  int
	progress io.Writer

	total, invalid, warnings int
	started                  time.Time
}

type job struct {
	doc    document
	result chan spie.Faults
}

func (v *validator) run(name string, r io.Reader) error {
	if v.started.IsZero() {
		v.started = time.Now()
	}
	// Jobs are queued in order; each carries its own result channel, so the
	// printer reads verdicts in input order while workers run in parallel.
	queue := make(chan *job, v.workers*8)
	work := make(chan *job, v.workers*8)
	var wg sync.WaitGroup
	for range v.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				j.result <- v.check(j.doc)
			}
		}()
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for j := range queue {
			v.print(name, j.doc.n, <-j.result)
		}
	}()
	err := readDocuments(r, func(d document) bool {
		j := &job{doc: d, result: make(chan spie.Faults, 1)}
		queue <- j
		work <- j
		return true
	})
	close(work)
	close(queue)
	wg.Wait()
	<-done
	return err
}

func (v *validator) check(d document) spie.Faults {
	if d.err != nil {
		return spie.Faults{schemas.FaultJSON.At("", d.err.Error())}
	}
	return v.validate(d.data)
}

func (v *validator) validate(data []byte) spie.Faults {
	return validateFunc(v.kind, data, v.now)
}

func (v *validator) print(name string, n int, fs spie.Faults) {
	v.total++
	valid := fs.Valid()
	if !valid {
		v.invalid++
	}
	v.warnings += len(fs.Warnings())
	doc := fmt.Sprintf("%s#%d", name, n)
	if v.json {
		res := validation{Document: doc, Valid: valid, Faults: make([]faultJSON, 0, len(fs))}
		for _, f := range fs {
			res.Faults = append(res.Faults, faultJSON{Code: f.Code, Path: f.Path, Message: f.Message, Severity: f.Severity})
		}
		b, _ := json.Marshal(res)
		v.out.Write(b)
		v.out.WriteByte('\n')
	} else if len(fs) > 0 {
		verdict := "valide avec avertissements"
		if !valid {
			verdict = "invalide"
		}
		fmt.Fprintf(v.out, "%s : %s\n", doc, verdict)
		for _, f := range fs {
			sev := "erreur"
			if f.Severity == spie.SeverityWarning {
				sev = "avertissement"
			}
			path := f.Path
			if path == "" {
				path = "/"
			}
			fmt.Fprintf(v.out, "  %s %s [%s] %s\n", sev, path, f.Code, f.Message)
		}
	}
	if v.progress != nil && v.total%5000 == 0 {
		fmt.Fprintf(v.progress, "\r%d documents validés (%.0f/s)…", v.total, float64(v.total)/time.Since(v.started).Seconds())
	}
}

func (v *validator) summary() {
	if v.progress != nil && v.total >= 5000 {
		fmt.Fprintln(v.progress)
	}
	if !v.json {
		fmt.Fprintf(v.out, "%d document(s) : %d valide(s), %d invalide(s), %d avertissement(s)\n", v.total, v.total-v.invalid, v.invalid, v.warnings)
	}
}
