package demo

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"strings"
	"time"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/carnet/cohort"
	"github.com/spie-fr/socle/carnet/network"
	"github.com/spie-fr/socle/examples"
	"github.com/spie-fr/socle/spie"
	"github.com/spie-fr/socle/spie/committee"
	"github.com/spie-fr/socle/spie/label"
	"github.com/spie-fr/socle/spie/secret"
)

// IndicatorDates are the dates at which the portal computes the carnet
// indicators of the examples: two periods, so that the widget offers a
// period selector.
var IndicatorDates = []spie.Date{"2026-03-31", "2026-06-30"}

// CarnetCopies is how many times each example carnet is counted (under
// distinct identifiers, without its journal, as the CLI's own test does):
// four carnets alone are all under the statistical secret; forty give
// groups of ten people, some cells still secret.
const CarnetCopies = 10

// exampleCarnetsNDJSON returns the example carnets, each CarnetCopies
// times with the suffix -0…-9 on its id and no journal, one per line: the
// stream `spie indicators` reads.
func exampleCarnetsNDJSON() ([]byte, error) {
	names, err := fs.Glob(examples.Carnets, "carnet/*.json")
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	for _, n := range names {
		data, err := examples.Carnets.ReadFile(n)
		if err != nil {
			return nil, err
		}
		for i := range CarnetCopies {
			var doc map[string]any
			if err := json.Unmarshal(data, &doc); err != nil {
				return nil, fmt.Errorf("%s : %w", n, err)
			}
			doc["id"] = fmt.Sprintf("%s-%d", doc["id"], i)
			delete(doc, "journal")
			line, err := json.Marshal(doc)
			if err != nil {
				return nil, err
			}
			b.Write(line)
			b.WriteByte('\n')
		}
	}
	return b.Bytes(), nil
}

// networkReports computes the network indicators of the examples
// (examples/network): the CTO of Laon on 2023-02-07 (the date of its
// example requests), and on 2026-06-30 the labelling decisions of the four
// applications and the movements of the three cohorts since 2026-03-01
// among the diagnostics of the Aisne. Each report is made by the library
// (network.Labels, network.Cohort, network.Committee) as `spie label
// --format indicateurs`, `spie cohort --depuis` and `spie committee
// --format indicateurs` do.
func networkReports() ([]network.Report, error) {
	read := func(name string) ([]byte, error) { return examples.Network.ReadFile("network/" + name) }
	b, err := read("cto-laon-2023.json")
	if err != nil {
		return nil, err
	}
	cm, err := committee.Decode(b)
	if err != nil {
		return nil, err
	}
	if b, err = read("cto-laon-2023-demandes.json"); err != nil {
		return nil, err
	}
	rs, err := committee.DecodeRequests(b)
	if err != nil {
		return nil, err
	}
	loc, err := cm.Location()
	if err != nil {
		return nil, err
	}
	now := time.Date(2023, 2, 7, 0, 0, 0, 0, loc)
	if len(cm.Requests) == 0 {
		cm.Requests, rs = rs, nil
	}
	stats := committee.StatsOf(cm, rs, committee.BuildAgenda(cm, rs, now), now)
	cto := network.Committee(cm.Name, stats, 0)
	early := network.Report{Date: "2023-02-07", Threshold: threshold(), Committee: &cto}

	day := spie.Date("2026-06-30")
	late := network.Report{Date: day, Threshold: threshold()}
	labels, err := fs.Glob(examples.Network, "network/label-*.json")
	if err != nil {
		return nil, err
	}
	var evals []label.Evaluation
	for _, n := range labels {
		b, err := examples.Network.ReadFile(n)
		if err != nil {
			return nil, err
		}
		app, err := label.DecodeApplication(b)
		if err != nil {
			return nil, fmt.Errorf("%s : %w", n, err)
		}
		ev, _ := label.Evaluate(app, label.DefaultCharter(), day)
		evals = append(evals, ev)
	}
	late.Labels = network.Labels(evals)
	diags, err := read("diagnostics-aisne-2026.ndjson")
	if err != nil {
		return nil, err
	}
	cohorts, err := fs.Glob(examples.Network, "network/cohorte-*.json")
	if err != nil {
		return nil, err
	}
	for _, n := range cohorts {
		b, err := examples.Network.ReadFile(n)
		if err != nil {
			return nil, err
		}
		def, err := cohort.Decode(b)
		if err != nil {
			return nil, fmt.Errorf("%s : %w", n, err)
		}
		m, _, err := cohort.Movements(def, bytes.NewReader(diags), "2026-03-01", day)
		if err != nil {
			return nil, fmt.Errorf("%s : %w", n, err)
		}
		late.Cohorts = append(late.Cohorts, network.Cohort(m, 0))
	}
	return []network.Report{early, late}, nil
}

// threshold is the default threshold of the statistical secret, the one
// network.Cohort and network.Committee apply when given 0.
func threshold() int { return secret.Threshold(0) }

// IndicatorsData is what the portal's server sends to the indicateurs
// widget: `spie indicators` of the example carnets at IndicatorDates, and
// the network indicators of the examples ({"indicateurs": […], "reseau":
// […]}, spie-embed.d.ts SpieIndicatorsData).
func IndicatorsData() ([]byte, error) {
	nd, err := exampleCarnetsNDJSON()
	if err != nil {
		return nil, err
	}
	var reports []carnet.Report
	for _, d := range IndicatorDates {
		r, err := carnet.ComputeIndicators(strings.NewReader(string(nd)), d, carnet.DefaultPolicy())
		if err != nil {
			return nil, err
		}
		reports = append(reports, r)
	}
	net, err := networkReports()
	if err != nil {
		return nil, err
	}
	return json.Marshal(map[string]any{"indicateurs": reports, "reseau": net})
}
