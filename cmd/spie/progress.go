package main

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"
)

// progressVerbs are the verbs that read large files or streams and show a
// progress bar on stderr when it is a terminal (issue 14, item 6): every
// input they open through openInput (their documents, and the catalogues
// or definitions they read) gets one.
var progressVerbs = map[string]bool{
	"validate": true, "indicators": true, "cohort": true, "coverage": true,
	"convert-v0": true, "import-ft": true,
}

// progressRefresh is how often a bar is redrawn.
const progressRefresh = 150 * time.Millisecond

// withProgress returns r with a progress bar on c.stderr, when the verb
// shows one (c.progress), and the function that ends it (to call once the
// input is read or abandoned, before the next input's bar). The bar, drawn
// by github.com/vbauerster/mpb with French decorators, shows the input's
// name, the bytes read against size (the file's size; size < 0 for a stream
// whose size is unknown, such as a pipe), the mean rate since the start and
// the time left at that rate. Without c.progress, r is returned as is and
// nothing is ever written.
func (c *cli) withProgress(name string, r io.Reader, size int64) (io.Reader, func()) {
	if !c.progress {
		return r, func() {}
	}
	if name == "-" {
		name = "entrée standard"
	}
	p := mpb.New(mpb.WithOutput(c.stderr), mpb.WithAutoRefresh(), mpb.WithWidth(100), mpb.WithRefreshRate(progressRefresh))
	total := max(size, 0)
	start := time.Now()
	bar := p.New(total, mpb.BarStyle().Lbound("[").Rbound("]"),
		mpb.PrependDecorators(decor.Name(name+" ", decor.WC{C: decor.DindentRight})),
		mpb.AppendDecorators(decor.Any(func(s decor.Statistics) string {
			return progressText(s.Current, s.Total, size >= 0, time.Since(start))
		})),
	)
	pr := &progressReader{r: r, bar: bar}
	// The bar is ended, and drawn for the last time, as soon as the input
	// is read to its end: a message the verb prints afterwards on stderr is
	// never overwritten by a later redraw.
	pr.end = func(complete bool) {
		pr.once.Do(func() {
			if complete {
				bar.SetTotal(-1, true) // complete at what was read
			} else {
				bar.Abort(false) // left as it stood
			}
			p.Wait()
		})
	}
	return pr, func() { pr.end(false) }
}

// progressReader counts the bytes read into the bar, and ends it at the
// end of the input.
type progressReader struct {
	r    io.Reader
	bar  *mpb.Bar
	once sync.Once
	end  func(complete bool)
}

func (p *progressReader) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	if n > 0 {
		p.bar.IncrBy(n)
	}
	if err == io.EOF {
		p.end(true)
	}
	return n, err
}

// progressText says in French where a read stands: « 12,3 Mo / 45,0 Mo,
// 4,1 Mo/s, reste 8 s » — bytes read, against the total when it is known
// (known), the mean rate over elapsed, and the time left at that rate.
func progressText(read, total int64, known bool, elapsed time.Duration) string {
	var b strings.Builder
	b.WriteString(frenchBytes(read))
	if known {
		b.WriteString(" / " + frenchBytes(total))
	}
	if elapsed <= 0 || read == 0 {
		return b.String()
	}
	rate := float64(read) / elapsed.Seconds()
	b.WriteString(", " + frenchBytes(int64(rate)) + "/s")
	if known && total > read {
		left := time.Duration(float64(total-read) / rate * float64(time.Second))
		b.WriteString(", reste " + frenchDuration(left))
	}
	return b.String()
}

// frenchBytes writes a size in octets with the decimal units of the SI as
// French writes them (1 Ko = 1 000 octets, Mo, Go) and a decimal comma:
// « 512 octets », « 1,5 Ko », « 12,3 Mo ».
func frenchBytes(n int64) string {
	if n < 1000 {
		return strconv.FormatInt(n, 10) + " octets"
	}
	v, unit := float64(n), ""
	for _, u := range []string{"Ko", "Mo", "Go", "To"} {
		v, unit = v/1000, u
		if v < 1000 {
			break
		}
	}
	return strings.Replace(strconv.FormatFloat(v, 'f', 1, 64), ".", ",", 1) + " " + unit
}

// frenchDuration writes a duration to the second: « 8 s », « 2 min 05 s »,
// « 1 h 02 min ».
func frenchDuration(d time.Duration) string {
	s := int64(d.Round(time.Second) / time.Second)
	switch {
	case s < 60:
		return fmt.Sprintf("%d s", s)
	case s < 3600:
		return fmt.Sprintf("%d min %02d s", s/60, s%60)
	default:
		return fmt.Sprintf("%d h %02d min", s/3600, s%3600/60)
	}
}

// inputSize returns the size of f when it is a regular file, else -1 (a
// pipe, a terminal: the size is not known in advance).
func inputSize(f any) int64 {
	st, ok := f.(interface{ Stat() (os.FileInfo, error) })
	if !ok {
		return -1
	}
	fi, err := st.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		return -1
	}
	return fi.Size()
}
