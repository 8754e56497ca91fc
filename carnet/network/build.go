package network

import (
	"github.com/spie-fr/socle/carnet/cohort"
	"github.com/spie-fr/socle/spie"
	"github.com/spie-fr/socle/spie/committee"
	"github.com/spie-fr/socle/spie/label"
	"github.com/spie-fr/socle/spie/secret"
)

// Input is what the network report is computed from.
type Input struct {
	Date spie.Date
	// Threshold of the statistical secret (0: secret.DefaultThreshold).
	Threshold   int
	Evaluations []label.Evaluation
	Movements   []cohort.Movement
	// Committee and its raw counts; CommitteeStats nil leaves the committee out.
	CommitteeName  string
	CommitteeStats *committee.Stats
}

// Build computes the network report.
func Build(in Input) Report {
	th := in.Threshold
	if th <= 0 {
		th = secret.DefaultThreshold
	}
	r := Report{Date: in.Date, Threshold: th, Labels: Labels(in.Evaluations)}
	for _, m := range in.Movements {
		r.Cohorts = append(r.Cohorts, Cohort(m, th))
	}
	if in.CommitteeStats != nil {
		c := Committee(in.CommitteeName, *in.CommitteeStats, th)
		r.Committee = &c
	}
	return r
}
