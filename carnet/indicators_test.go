package carnet_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/spie"
)

// stream is an io.Reader of n generated carnets, one per line: varied
// cohorts, départements, publics, delays, contacts and actions. It holds one
// carnet at a time, so that benchmarks measure the consumer's memory.
type stream struct {
	n, i int
	rng  *rand.Rand
	buf  bytes.Buffer
}

func newStream(n int, seed uint64) *stream {
	return &stream{n: n, rng: rand.New(rand.NewPCG(seed, 42))}
}

var (
	streamCommunes = []spie.CommuneCode{"02408", "02691", "02722", "77288", "13055", "11069", "75056"}
	streamCohorts  = []string{"laon-18-30", "soissons-sortants", "chauny-familles", ""}
	streamPublics  = []spie.Public{"brsa", "jeunes-moins-26", "familles-monoparentales", "deld", "residents-qpv"}
)

func (s *stream) Read(p []byte) (int, error) {
	for s.buf.Len() == 0 {
		if s.i >= s.n {
			return 0, io.EOF
		}
		b, _ := json.Marshal(s.next())
		s.buf.Write(b)
		s.buf.WriteByte('\n')
		s.i++
	}
	return s.buf.Read(p)
}

func (s *stream) next() *carnet.Carnet {
	r := s.rng
	entry := spie.Date("2025-01-01").AddDays(r.IntN(300))
	c := &carnet.Carnet{
		Version: carnet.SchemaVersion, ID: "c-" + strconv.Itoa(s.i), EntryDate: entry, Cohort: streamCohorts[r.IntN(len(streamCohorts))],
		Person: carnet.SupportedPerson{ID: "p-" + strconv.Itoa(s.i), BirthDate: spie.Date("1970-01-01").AddDays(r.IntN(12000)), Commune: streamCommunes[r.IntN(len(streamCommunes))],
			Publics: []spie.Public{streamPublics[r.IntN(len(streamPublics))]}},
		Members: []carnet.Member{{ID: "m1", Role: "referent", StructureSIRET: siretDepartement, Professional: "r" + strconv.Itoa(r.IntN(50)), Start: entry}},
	}
	if r.IntN(5) == 0 {
		c.Members[0].End = entry.AddDays(90)
		c.Members = append(c.Members, carnet.Member{ID: "m2", Role: "referent", StructureSIRET: siretFT, Start: entry.AddDays(91)})
	}
	if r.IntN(10) > 1 {
		c.Diagnostic = &diagnostic.Diagnostic{Version: diagnostic.SchemaVersion, ID: "d", Date: entry.AddDays(r.IntN(60)), Person: diagnostic.Person{ID: c.Person.ID}}
		o := entry.AddDays(20 + r.IntN(60))
		c.Orientations = []carnet.Orientation{{ID: "o1", Date: o, Pathway: []diagnostic.Pathway{"emploi", "global", "social"}[r.IntN(3)], StructureSIRET: siretDepartement}}
		if r.IntN(4) > 0 {
			sig := o.AddDays(r.IntN(45))
			c.Contracts = []carnet.Contract{{ID: "k1", Type: "contrat-engagement", SignedOn: sig, Start: sig, End: sig.AddMonths(6 + r.IntN(7)), WeeklyHours: 15}}
		}
	}
	for j := range r.IntN(6) {
		st := []carnet.ActionStatus{"prevue", "en-cours", "realisee", "abandonnee", "refusee"}[r.IntN(5)]
		a := carnet.Action{ID: "a" + strconv.Itoa(j), Thematique: "emploi-formation", Status: st, ProposedOn: entry.AddDays(10 + 20*j), WeeklyHours: 10}
		if r.IntN(2) == 0 {
			a.CatalogAction = []carnet.CatalogAction{"pmsmp", "bilan-de-competences"}[r.IntN(2)]
		} else {
			a.ServiceID = "svc-" + strconv.Itoa(r.IntN(20))
			if r.IntN(3) > 0 {
				a.AnsweredOn = a.ProposedOn.AddDays(r.IntN(6))
			}
		}
		if st.Ended() {
			a.End = a.ProposedOn.AddDays(30)
		}
		c.Actions = append(c.Actions, a)
	}
	d := entry
	for j := range r.IntN(10) {
		d = d.AddDays(7 + r.IntN(40))
		res := []carnet.ContactResult{"honore", "honore", "absent", "excuse", "sans-reponse"}[r.IntN(5)]
		kind := carnet.ContactAppointment
		if res == carnet.ResultNoAnswer {
			kind = carnet.ContactRelance
		}
		c.Contacts = append(c.Contacts, carnet.Contact{ID: "r" + strconv.Itoa(j), Date: d, Kind: kind, Channel: "telephone", Result: res})
	}
	if r.IntN(8) == 0 {
		c.Milestones = []carnet.Milestone{{ID: "j1", Kind: []carnet.MilestoneKind{"sortie-emploi-durable", "sortie-formation-qualifiante", "fin-droits-rsa"}[r.IntN(3)], Date: entry.AddDays(100 + r.IntN(200))}}
	}
	return c
}

func TestIndicatorsCountsAndSuppression(t *testing.T) {
	var in bytes.Buffer
	enc := json.NewEncoder(&in)
	for i := range 15 {
		b := base()
		b.ID = fmt.Sprintf("c-%d", i)
		b.EntryDate = "2025-01-06"
		b.Cohort = "A"
		if i >= 12 {
			b.Cohort, b.Person.Commune = "B", "75056"
		}
		if i < 6 {
			d := healthDiagnostic("x")
			d.Date = spie.Date("2025-01-06").AddDays(i * 6) // 0, 6, … 30 days: all within the month
			b.Diagnostic = d
		}
		require.NoError(t, enc.Encode(b))
	}
	in.WriteString("{pas du json\n\n")
	b := base()
	b.EntryDate = "2025-07-01" // after the date: not counted
	require.NoError(t, enc.Encode(b))

	rep, err := carnet.ComputeIndicators(&in, "2025-06-30", carnet.DefaultPolicy())
	require.NoError(t, err)
	assert.Equal(t, 16, rep.Read)
	assert.Equal(t, 1, rep.Unreadable)
	assert.True(t, rep.Errors.Has("INPUT-JSON-01", "/16"), "15 carnets, then the unreadable line 16: %v", rep.Errors)
	byKey := map[string]carnet.Group{}
	for _, g := range rep.Groups {
		byKey[g.Dimension+"/"+g.Key] = g
	}
	all := byKey["ensemble/tous"]
	require.NotNil(t, all.People)
	assert.Equal(t, 15, *all.People)
	diag := all.Values["diagnostic-1-mois"]
	require.NotNil(t, diag.Rate, "%+v", diag)
	assert.InDelta(t, 6.0/15, *diag.Rate, 1e-9)
	med := all.Values["delai-entree-diagnostic"]
	require.NotNil(t, med.Median)
	assert.Equal(t, 15.0, *med.Median, "médiane de 0, 6, 12, 18, 24, 30")
	assert.True(t, byKey["cohorte/B"].Suppressed, "3 personnes : secret statistique")
	assert.Nil(t, byKey["cohorte/B"].People)
	// 15 in all, 12 in cohort A: 15 − 12 would give cohort B's 3 back, so
	// cohort A is secret too (and so are the territories, 12 and 3).
	assert.True(t, byKey["cohorte/A"].Suppressed, "15 − 12 = 3")
	assert.True(t, byKey["territoire/02"].Suppressed, "15 − 12 = 3")
	// Everyone is brsa: the public is the whole population again.
	brsa := byKey["public/brsa"]
	require.NotNil(t, brsa.People)
	assert.Equal(t, 15, *brsa.People)
	ru := brsa.Values["referent-unique"]
	require.NotNil(t, ru.Rate)
	assert.Equal(t, 1.0, *ru.Rate)
	assert.True(t, brsa.Values["delai-entree-diagnostic"].Median != nil)
}

// TestIndicatorsReadEveryCarnet: a carnet over the size limit (8 Mio) or
// unreadable is counted and reported, and the carnets after it are read;
// faults are detailed for the first 20 only.
func TestIndicatorsReadEveryCarnet(t *testing.T) {
	var in bytes.Buffer
	enc := json.NewEncoder(&in)
	big := base()
	big.ID = strings.Repeat("x", 9<<20)
	require.NoError(t, enc.Encode(base()))
	require.NoError(t, enc.Encode(big))
	for range 25 {
		in.WriteString("{pas du json\n")
	}
	require.NoError(t, enc.Encode(base()))
	rep, err := carnet.ComputeIndicators(&in, "2025-06-30", carnet.DefaultPolicy())
	require.NoError(t, err)
	assert.Equal(t, 2, rep.Read, "the carnets before and after")
	assert.Equal(t, 26, rep.Unreadable, "the big one and 25 unreadable lines")
	assert.Len(t, rep.Errors, 20)
	assert.True(t, rep.Errors.Has("INPUT-SIZE-01", "/2"))
	assert.True(t, rep.Errors.Has("INPUT-JSON-01", "/3"))
}

func TestIndicatorsOverAGeneratedStream(t *testing.T) {
	rep, err := carnet.ComputeIndicators(newStream(3000, 1), "2025-12-31", carnet.DefaultPolicy())
	require.NoError(t, err)
	assert.Equal(t, 3000, rep.Read)
	assert.Zero(t, rep.Unreadable)
	for _, g := range rep.Groups {
		if g.Suppressed {
			continue
		}
		for k, v := range g.Values {
			if v.Count != nil {
				assert.False(t, *v.Count > 0 && *v.Count < 5, "%s/%s %s : case de moins de 5 publiée", g.Dimension, g.Key, k)
			}
		}
	}
	assert.Equal(t, "ensemble", rep.Groups[0].Dimension)
}

// BenchmarkIndicators computes the indicators over a generated file of
// 100,000 carnets (SOCLE_BENCH_CARNETS overrides the size: 1000000 for the
// figure of issue 17; SOCLE_BENCH_FILE names a file of carnets, one per
// line, written before — by the same generator, seed 7 — to read instead,
// so that profiles hold the indicators alone), with 1 and 2 workers, and reports the throughput
// (wall time), the processor time per run, the cores kept busy and the
// peak heap in use. The file is written once, before
// the measures, in a temporary folder: the generator's work is not counted.
func BenchmarkIndicators(b *testing.B) {
	n := 100_000
	if v, err := strconv.Atoi(os.Getenv("SOCLE_BENCH_CARNETS")); err == nil && v > 0 {
		n = v
	}
	path := os.Getenv("SOCLE_BENCH_FILE")
	if path == "" {
		path = filepath.Join(b.TempDir(), "carnets.ndjson")
		f, err := os.Create(path)
		require.NoError(b, err)
		_, err = io.Copy(f, newStream(n, 7))
		require.NoError(b, err)
		require.NoError(b, f.Close())
	} else {
		n = countLines(b, path)
	}
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			b.ReportAllocs()
			runtime.GC()
			var peak atomic.Uint64
			stop := make(chan struct{})
			done := make(chan struct{})
			go func() {
				defer close(done)
				// runtime/metrics reads without stopping the world (ReadMemStats would).
				sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/memory/classes/heap/unused:bytes"}}
				tick := time.NewTicker(5 * time.Millisecond)
				defer tick.Stop()
				for {
					metrics.Read(sample)
					if v := sample[0].Value.Uint64() + sample[1].Value.Uint64(); v > peak.Load() {
						peak.Store(v)
					}
					select {
					case <-stop:
						return
					case <-tick.C:
					}
				}
			}()
			start, cpu := time.Now(), processCPU()
			for b.Loop() {
				in, err := os.Open(path)
				require.NoError(b, err)
				rep, err := carnet.ComputeIndicatorsParallel(in, "2025-12-31", carnet.DefaultPolicy(), workers)
				_ = in.Close()
				if err != nil || rep.Read != n {
					b.Fatalf("lus %d sur %d : %v", rep.Read, n, err)
				}
			}
			close(stop)
			<-done
			b.ReportMetric(float64(peak.Load())/(1<<20), "peak-heap-MB")
			wall, used := time.Since(start), processCPU()-cpu
			b.ReportMetric(float64(n)*float64(b.N)/wall.Seconds(), "carnets/s")
			// Processor time (all threads) per run, and the cores it kept
			// busy: on a shared machine the wall time depends on what the
			// others leave, the processor time much less.
			b.ReportMetric(used.Seconds()/float64(b.N), "cpu-s/op")
			b.ReportMetric(used.Seconds()/wall.Seconds(), "cores")
		})
	}
}

// countLines returns the number of lines of the file at path.
func countLines(b *testing.B, path string) int {
	f, err := os.Open(path)
	require.NoError(b, err)
	defer f.Close()
	n, buf := 0, make([]byte, 1<<20)
	for {
		k, err := f.Read(buf)
		n += bytes.Count(buf[:k], []byte{'\n'})
		if err == io.EOF {
			return n
		}
		require.NoError(b, err)
	}
}

// The measures and dimensions listed for readers are those the indicators
// use: every "mesure" of Indicators is defined once in IndicatorMeasures,
// and the groups of a report come in the order of IndicatorDimensions
// (RULES.md §12: whole, then cohort, territory, public).
func TestIndicatorMeasuresAndDimensions(t *testing.T) {
	require.NoError(t, carnet.IndicatorMeasures.Check())
	require.NoError(t, carnet.IndicatorDimensions.Check())
	used := map[string]bool{}
	for _, d := range carnet.Indicators {
		require.Len(t, d.Map["mesure"], 1, d.Key)
		used[d.Map["mesure"][0]] = true
	}
	assert.ElementsMatch(t, carnet.IndicatorMeasures.Keys(), keysOf(used))
	assert.Equal(t, []string{"ensemble", "cohorte", "territoire", "public"}, carnet.IndicatorDimensions.Keys())
}

func keysOf(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
