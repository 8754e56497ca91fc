package offer_test

import (
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/spie-fr/socle/offer"
	"github.com/spie-fr/socle/offer/offertest"
)

// benchSize is the size of the catalogue of the benchmarks, about the size
// of the national data·inclusion catalogue.
const benchSize = 100_000

var bench struct {
	once sync.Once
	sts  []*offer.Structure
	svs  []*offer.Service
	cat  *offer.Catalogue
}

func benchCatalogue(b *testing.B) ([]*offer.Structure, []*offer.Service, *offer.Catalogue) {
	b.Helper()
	bench.once.Do(func() {
		bench.sts, bench.svs = offertest.NewGenerator(2026, now, offertest.FranceTowns(1, 4000)).Catalogue("bench", benchSize)
		bench.cat, _ = offer.NewCatalogue(bench.svs, bench.sts)
	})
	return bench.sts, bench.svs, bench.cat
}

func BenchmarkNewCatalogue(b *testing.B) {
	sts, svs, _ := benchCatalogue(b)
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	var c *offer.Catalogue
	for b.Loop() {
		c, _ = offer.NewCatalogue(svs, sts)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "MB-index")
	b.ReportMetric(float64(c.Len()), "services")
}

// queries returns n queries of a kind on the benchmark catalogue.
func benchQueries(svs []*offer.Service, n int, radius bool) []offer.Query {
	r := rand.New(rand.NewPCG(3, 3))
	var qs []offer.Query
	for len(qs) < n {
		s := svs[r.IntN(len(svs))]
		q := offer.Query{Now: now}
		if radius {
			p, ok := s.Point()
			if !ok {
				continue
			}
			q.Point, q.RadiusKm = &p, 20
			q.Thematiques = []string{string(s.Thematiques[0].Categorie())}
		} else {
			if s.CodeInsee == nil {
				continue
			}
			q.Commune = *s.CodeInsee
			q.Thematiques = []string{string(s.Thematiques[0])}
		}
		qs = append(qs, q)
	}
	return qs
}

// latencies runs each query once and returns the sorted durations.
func latencies(qs []offer.Query, search func(offer.Query) ([]offer.Result, error)) []time.Duration {
	out := make([]time.Duration, len(qs))
	for i, q := range qs {
		start := time.Now()
		if _, err := search(q); err != nil {
			panic(err)
		}
		out[i] = time.Since(start)
	}
	slices.Sort(out)
	return out
}

func pct(ds []time.Duration, p float64) float64 {
	return float64(ds[int(float64(len(ds)-1)*p)].Nanoseconds())
}

func benchSearch(b *testing.B, radius bool, limit int) {
	_, svs, c := benchCatalogue(b)
	qs := benchQueries(svs, 1000, radius)
	for i := range qs {
		qs[i].Limit = limit
	}
	b.ReportAllocs()
	i := 0
	var all []time.Duration
	for b.Loop() {
		start := time.Now()
		if _, err := c.Search(qs[i%len(qs)]); err != nil {
			b.Fatal(err)
		}
		all = append(all, time.Since(start))
		i++
	}
	b.StopTimer()
	slices.Sort(all)
	b.ReportMetric(pct(all, 0.50), "p50-ns")
	b.ReportMetric(pct(all, 0.99), "p99-ns")
	scan := latencies(qs[:50], c.SearchScan)
	b.ReportMetric(pct(scan, 0.50), "scan-p50-ns")
	b.ReportMetric(pct(scan, 0.50)/pct(all, 0.50), "speedup-p50")
}

// BenchmarkSearchCommuneThematique: a commune and a thématique, 100,000 services.
func BenchmarkSearchCommuneThematique(b *testing.B) { benchSearch(b, false, 0) }

// BenchmarkSearchCommuneThematiqueTop20: the same, first page of 20 results.
func BenchmarkSearchCommuneThematiqueTop20(b *testing.B) { benchSearch(b, false, 20) }

// BenchmarkSearchRadius: a catégorie within 20 km of a point, 100,000 services.
func BenchmarkSearchRadius(b *testing.B) { benchSearch(b, true, 0) }

func BenchmarkScanCommuneThematique(b *testing.B) {
	_, svs, c := benchCatalogue(b)
	qs := benchQueries(svs, 100, false)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		_, _ = c.SearchScan(qs[i%len(qs)])
		i++
	}
}

func BenchmarkLoadServicesNDJSON(b *testing.B) {
	_, svs, _ := benchCatalogue(b)
	var buf []byte
	for _, s := range svs[:10000] {
		buf = append(append(buf, mustJSON(b, s)...), '\n')
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(buf)))
	for b.Loop() {
		if _, err := offer.LoadServices(bytesReader(buf), now, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSearchCommuneRadius: a catégorie within 20 km of the centre of a
// commune (its position from spie/territory), 100,000 services.
func BenchmarkSearchCommuneRadius(b *testing.B) {
	_, svs, c := benchCatalogue(b)
	qs := benchQueries(svs, 1000, false)
	for i := range qs {
		qs[i].Thematiques = []string{string(offer.Thematique(qs[i].Thematiques[0]).Categorie())}
		qs[i].RadiusKm = 20
	}
	b.ReportAllocs()
	i := 0
	var all []time.Duration
	for b.Loop() {
		start := time.Now()
		if _, err := c.Search(qs[i%len(qs)]); err != nil {
			b.Fatal(err)
		}
		all = append(all, time.Since(start))
		i++
	}
	b.StopTimer()
	slices.Sort(all)
	b.ReportMetric(pct(all, 0.50), "p50-ns")
	b.ReportMetric(pct(all, 0.99), "p99-ns")
}
