package diagnostic_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/diagnostic"
	"github.com/spie-fr/socle/spie"
)

func TestDeadlines(t *testing.T) {
	social := diagnostic.Decision{Pathway: diagnostic.PathwaySocial}
	global := diagnostic.Decision{Pathway: diagnostic.PathwayGlobal}
	rsaOpen := func(date spie.Date) func(*diagnostic.Diagnostic) {
		return func(d *diagnostic.Diagnostic) { d.Criteria.RSA, d.Criteria.RSAOpeningDate = true, date }
	}
	type want struct {
		kind   diagnostic.DeadlineKind
		due    spie.Date
		status diagnostic.DeadlineStatus
	}
	cases := []struct {
		name string
		mods []func(*diagnostic.Diagnostic)
		dec  diagnostic.Decision
		m    diagnostic.Milestones
		at   spie.Date
		want []want
	}{
		{name: "non-rsa-sans-orientation-aucun-delai", dec: global, at: "2026-06-10"},
		{name: "rsa-orientation-en-attente", mods: with(rsaOpen("2026-05-01")), dec: global, at: "2026-06-01",
			want: []want{{"orientation-rsa", "2026-06-12", "en-attente"}}},
		{name: "rsa-orientation-le-dernier-jour", mods: with(rsaOpen("2026-05-01")), dec: global, at: "2026-06-12",
			want: []want{{"orientation-rsa", "2026-06-12", "en-attente"}}},
		{name: "rsa-orientation-en-retard", mods: with(rsaOpen("2026-05-01")), dec: global, at: "2026-06-13",
			want: []want{{"orientation-rsa", "2026-06-12", "en-retard"}}},
		{name: "rsa-orientation-respectee", mods: with(rsaOpen("2026-05-01")), dec: global, m: diagnostic.Milestones{Orientation: "2026-06-12"}, at: "2026-06-13",
			want: []want{{"orientation-rsa", "2026-06-12", "respecte"}, {"contrat", "2026-07-12", "en-attente"}}},
		{name: "rsa-orientation-tardive", mods: with(rsaOpen("2026-05-01")), dec: global, m: diagnostic.Milestones{Orientation: "2026-06-20"}, at: "2026-06-21",
			want: []want{{"orientation-rsa", "2026-06-12", "en-retard"}, {"contrat", "2026-07-20", "en-attente"}}},
		{name: "rsa-sans-date-ouverture", mods: with(rsa), dec: global, at: "2026-06-01",
			want: []want{{"orientation-rsa", "", "incalculable"}}},
		{name: "contrat-en-retard", dec: global, m: diagnostic.Milestones{Orientation: "2026-01-31"}, at: "2026-03-01",
			want: []want{{"contrat", "2026-02-28", "en-retard"}}},
		{name: "contrat-signe-a-temps", dec: global, m: diagnostic.Milestones{Orientation: "2026-01-31", Contract: "2026-02-28"}, at: "2026-09-01",
			want: []want{{"contrat", "2026-02-28", "respecte"}}},
		{name: "social-rediagnostic-6-mois", dec: social, m: diagnostic.Milestones{Orientation: "2026-01-05", Contract: "2026-01-20"}, at: "2026-05-01",
			want: []want{{"contrat", "2026-02-05", "respecte"}, {"rediagnostic-social", "2026-07-20", "en-attente"}}},
		{name: "social-rediagnostic-12-mois-sante", mods: with(strong("sante")), dec: social, m: diagnostic.Milestones{Orientation: "2026-01-05", Contract: "2026-01-20"}, at: "2026-08-01",
			want: []want{{"contrat", "2026-02-05", "respecte"}, {"rediagnostic-social", "2027-01-20", "en-attente"}}},
		{name: "social-rediagnostic-12-mois-logement", mods: with(moderate("logement")), dec: social, m: diagnostic.Milestones{Orientation: "2026-01-05", Contract: "2026-01-20"}, at: "2027-02-01",
			want: []want{{"contrat", "2026-02-05", "respecte"}, {"rediagnostic-social", "2027-01-20", "en-retard"}}},
		{name: "social-rediagnostic-12-mois-famille", mods: with(strong("garde-enfant")), dec: social, m: diagnostic.Milestones{Orientation: "2026-01-05", Contract: "2026-01-20", Review: "2027-01-10"}, at: "2027-02-01",
			want: []want{{"contrat", "2026-02-05", "respecte"}, {"rediagnostic-social", "2027-01-20", "respecte"}}},
		{name: "social-rediagnostic-12-mois-handicap", mods: with(rqth), dec: social, m: diagnostic.Milestones{Orientation: "2026-01-05", Contract: "2026-01-20"}, at: "2026-08-01",
			want: []want{{"contrat", "2026-02-05", "respecte"}, {"rediagnostic-social", "2027-01-20", "en-attente"}}},
		{name: "social-rediagnostic-mobilite-reste-6-mois", mods: with(strong("mobilite")), dec: social, m: diagnostic.Milestones{Orientation: "2026-01-05", Contract: "2026-01-20", Review: "2026-08-01"}, at: "2026-08-01",
			want: []want{{"contrat", "2026-02-05", "respecte"}, {"rediagnostic-social", "2026-07-20", "en-retard"}}},
		{name: "global-pas-de-rediagnostic", dec: global, m: diagnostic.Milestones{Orientation: "2026-01-05", Contract: "2026-01-20"}, at: "2026-08-01",
			want: []want{{"contrat", "2026-02-05", "respecte"}}},
		{name: "date-realisation-mal-formee", dec: global, m: diagnostic.Milestones{Orientation: "2026-01-05", Contract: "bientôt"}, at: "2026-08-01",
			want: []want{{"contrat", "2026-02-05", "incalculable"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := baseDiagnostic()
			for _, m := range c.mods {
				m(d)
			}
			got := diagnostic.Deadlines(d, c.dec, c.m, c.at, nil)
			require.Len(t, got, len(c.want))
			for i, w := range c.want {
				assert.Equal(t, w.kind, got[i].Kind)
				assert.Equal(t, w.due, got[i].Due)
				assert.Equal(t, w.status, got[i].Status)
				assert.NotEmpty(t, got[i].Sentence)
			}
		})
	}
}

func TestDeadlinesDurationsAreData(t *testing.T) {
	r := modifiedRules(t, func(m map[string]any) {
		m["delais"].(map[string]any)["orientation_rsa_jours"] = 30
		m["delais"].(map[string]any)["rediagnostic_social_mois"] = 3
	})
	d := baseDiagnostic()
	d.Criteria.RSA, d.Criteria.RSAOpeningDate = true, "2026-05-01"
	got := diagnostic.Deadlines(d, diagnostic.Decision{Pathway: diagnostic.PathwaySocial},
		diagnostic.Milestones{Orientation: "2026-05-20", Contract: "2026-06-01"}, "2026-06-02", r)
	require.Len(t, got, 3)
	assert.Equal(t, spie.Date("2026-05-31"), got[0].Due)
	assert.Equal(t, spie.Date("2026-09-01"), got[2].Due)
	assert.Equal(t, "3 mois", got[2].Duration)
}

func TestDeadlineEnumsAreSound(t *testing.T) {
	require.NoError(t, diagnostic.DeadlineKinds.Check())
	require.NoError(t, diagnostic.DeadlineStatuses.Check())
}

func TestDiagnosticDeadline(t *testing.T) {
	cases := []struct {
		name   string
		entry  spie.Date
		at     spie.Date
		date   spie.Date
		due    spie.Date
		status diagnostic.DeadlineStatus
	}{
		{"diagnostic-dans-le-mois", "2026-05-10", "2026-06-30", "2026-06-01", "2026-06-10", diagnostic.DeadlineMet},
		{"diagnostic-tardif", "2026-04-10", "2026-06-30", "2026-06-01", "2026-05-10", diagnostic.DeadlineLate},
		{"diagnostic-attendu", "2026-06-20", "2026-06-30", "", "2026-07-20", diagnostic.DeadlinePending},
		{"diagnostic-en-retard", "2026-05-20", "2026-06-30", "", "2026-06-20", diagnostic.DeadlineLate},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := baseDiagnostic()
			d.Date = c.date
			got := diagnostic.Deadlines(d, diagnostic.Decision{}, diagnostic.Milestones{Entry: c.entry}, c.at, nil)
			require.NotEmpty(t, got)
			assert.Equal(t, diagnostic.DeadlineDiagnostic, got[0].Kind)
			assert.Equal(t, c.due, got[0].Due)
			assert.Equal(t, c.status, got[0].Status)
		})
	}
}
