package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/spie-fr/socle/internal/input"
	"github.com/spie-fr/socle/schemas"
	"github.com/spie-fr/socle/spie"
)

func init() {
	register(command{name: "validate", summary: "valide des documents JSON (document, tableau ou NDJSON)", run: runValidate})
}

// validation is the verdict on one document, as printed by --format json;
// its faults have the library's shape (spie.Fault: code, path, message,
// message_en, severity), as every verb that prints faults in JSON.
type validation struct {
	Document string      `json:"document"`
	Valid    bool        `json:"valid"`
	Faults   spie.Faults `json:"faults"`
}

// validateFunc validates one document; tests may swap it.
var validateFunc = func(kind string, data []byte, now func() time.Time) spie.Faults {
	return schemas.Validate(kind, data, schemas.WithNow(now))
}

func runValidate(c *cli, args []string) int {
	fl := flag.NewFlagSet("validate", flag.ContinueOnError)
	fl.SetOutput(c.stderr)
	kind := fl.String("kind", "", "type des documents : "+strings.Join(kindNames(), ", "))
	format := fl.String("format", "text", "sortie : text ou json (un objet JSON par document)")
	workers := fl.Int("workers", runtime.NumCPU(), "nombre de validations en parallèle (de 1 au nombre de cœurs)")
	fl.Usage = func() {
		fmt.Fprintln(c.stderr, "Usage : spie validate --kind KIND [--format text|json] FICHIER... | -")
		printDefaults(fl)
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
		fmt.Fprintf(c.stderr, "spie validate : --workers %d refusé (de 1 au nombre de cœurs, %d)\n", *workers, runtime.NumCPU())
		return exitUsage
	}
	if n := boundWorkers(*workers); n != *workers {
		fmt.Fprintf(c.stderr, "spie validate : --workers %d ramené à %d, le nombre de cœurs\n", *workers, n)
		*workers = n
	}
	out := bufio.NewWriterSize(c.stdout, 1<<16)
	defer out.Flush()
	v := &validator{kind: *kind, json: *format == "json", out: out, now: c.now, workers: *workers}
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

// boundWorkers bounds a --workers value to [1, the number of cores]: more
// goroutines than cores validate no faster, and each one holds batches in
// flight (a huge value would allocate its queues and hang). runValidate
// refuses a value below 1 before and says when it caps one.
func boundWorkers(n int) int {
	return max(1, min(n, runtime.NumCPU()))
}

// openInput opens the input name (- for standard input); with a progress
// bar (cli.withProgress) for the verbs that show one. The function returned
// ends the bar and closes the file.
func openInput(c *cli, name string) (io.Reader, func(), error) {
	if name == "-" {
		r, done := c.withProgress(name, c.stdin, inputSize(c.stdin))
		return r, done, nil
	}
	f, err := openFile(name)
	if err != nil {
		return nil, nil, err
	}
	r, done := c.withProgress(name, &fileReader{r: f, name: name}, inputSize(f))
	return r, func() { done(); _ = f.Close() }, nil
}

// validator validates the documents of each input on several cores and
// prints the verdicts in input order, holding a bounded number of documents:
// documents travel in batches, and each worker formats its batch's output.
type validator struct {
	kind    string
	json    bool
	out     *bufio.Writer
	now     func() time.Time
	workers int

	total, invalid, warnings int
}

// batchDocs and batchBytes bound a batch: enough documents to amortise the
// hand-over between goroutines, few enough to keep memory flat.
const (
	batchDocs  = 256
	batchBytes = 1 << 20
)

// batch is a run of consecutive documents and, once validated, their output.
type batch struct {
	docs                     []input.Doc
	out                      []byte
	total, invalid, warnings int
	done                     chan struct{}
}

func (v *validator) run(name string, r io.Reader) error {
	// Batches are queued in order; the printer waits for each one's done
	// channel, so output keeps the input order while workers run in parallel.
	queue := make(chan *batch, v.workers*2)
	work := make(chan *batch, v.workers*2)
	var wg sync.WaitGroup
	for range v.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range work {
				v.validateBatch(name, b)
				close(b.done)
			}
		}()
	}
	printed := make(chan struct{})
	go func() {
		defer close(printed)
		for b := range queue {
			<-b.done
			v.flush(b)
		}
	}()
	cur, size := &batch{done: make(chan struct{})}, 0
	send := func() {
		queue <- cur
		work <- cur
		cur, size = &batch{done: make(chan struct{})}, 0
	}
	// validate checks UTF-8 itself, with the document's limits
	// (validateFunc): it reads through the reader without checkUTF8.
	err := input.Each(r, input.Options{MaxBytes: maxDocument}, func(d input.Doc) error {
		cur.docs = append(cur.docs, d)
		size += len(d.Data)
		if len(cur.docs) >= batchDocs || size >= batchBytes {
			send()
		}
		return nil
	})
	if len(cur.docs) > 0 {
		send()
	}
	close(work)
	close(queue)
	wg.Wait()
	<-printed
	return err
}

func (v *validator) validateBatch(name string, b *batch) {
	var buf bytes.Buffer
	for i, d := range b.docs {
		var fs spie.Faults
		if d.Fault != nil {
			fs = spie.Faults{*d.Fault}
		} else {
			fs = validateFunc(v.kind, d.Data, v.now)
		}
		b.docs[i].Data = nil // free the document as soon as it is checked
		b.total++
		if !fs.Valid() {
			b.invalid++
		}
		b.warnings += len(fs.Warnings())
		v.format(&buf, name+"#"+strconv.Itoa(d.Index), fs)
	}
	b.out = buf.Bytes()
}

func (v *validator) format(buf *bytes.Buffer, doc string, fs spie.Faults) {
	valid := fs.Valid()
	if v.json {
		res := validation{Document: doc, Valid: valid, Faults: fs}
		if res.Faults == nil {
			res.Faults = spie.Faults{}
		}
		b, _ := json.Marshal(res)
		buf.Write(b)
		buf.WriteByte('\n')
		return
	}
	if len(fs) == 0 {
		return
	}
	verdict := "valide avec avertissements"
	if !valid {
		verdict = "invalide"
	}
	fmt.Fprintf(buf, "%s : %s\n", doc, verdict)
	for _, f := range fs {
		sev := "erreur"
		if f.Severity == spie.SeverityWarning {
			sev = "avertissement"
		}
		path := f.Path
		if path == "" {
			path = "/"
		}
		fmt.Fprintf(buf, "  %s %s [%s] %s\n", sev, path, f.Code, f.Message)
	}
}

func (v *validator) flush(b *batch) {
	v.out.Write(b.out)
	v.total += b.total
	v.invalid += b.invalid
	v.warnings += b.warnings
}

func (v *validator) summary() {
	if !v.json {
		fmt.Fprintf(v.out, "%d document(s) : %d valide(s), %d invalide(s), %d avertissement(s)\n", v.total, v.total-v.invalid, v.invalid, v.warnings)
	}
}
