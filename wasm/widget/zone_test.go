package widget_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/carnet"
	"github.com/spie-fr/socle/wasm/widget"
)

// TestCarnetWidgetTodayInThePersonsTerritory: the référent's period ends on
// 30 June 2026. At 22:30 UTC on 30 June it is already 1 July in Laon (UTC+2
// in summer): the widget, like carnet.Apply on the server, no longer offers
// to add a contact; one hour earlier (23:30 in Laon, 30 June) it still does.
func TestCarnetWidgetTodayInThePersonsTerritory(t *testing.T) {
	// The end date is recorded through the journal (views are replayed from
	// it, after its last event of 3 June): the person ends the référent's
	// period on 30 June.
	var c carnet.Carnet
	require.NoError(t, json.Unmarshal(loadCarnet(t, "cej-jeune-laon.json"), &c))
	var ref carnet.Member
	for _, m := range c.Members {
		if m.ID == "m-ref-ml" {
			ref = m
		}
	}
	require.NotEmpty(t, ref.ID)
	ref.End = "2026-06-30"
	person := carnet.Actor{Role: carnet.RoleUsager, Professional: c.Person.ID}
	fs := carnet.Apply(&c, carnet.Change{Op: carnet.OpUpdate, Target: carnet.TargetMembres, ID: ref.ID, Value: ref, At: c.Journal[len(c.Journal)-1].At.Add(time.Hour)}, person)
	require.True(t, fs.Valid(), "%v", fs)
	full, err := json.Marshal(&c)
	require.NoError(t, err)
	defer func(c func() time.Time) { widget.Clock = c }(widget.Clock)
	for _, c := range []struct {
		at  time.Time
		can bool
	}{
		{time.Date(2026, 6, 30, 21, 30, 0, 0, time.UTC), true},
		{time.Date(2026, 6, 30, 22, 30, 0, 0, time.UTC), false},
	} {
		widget.Clock = func() time.Time { return c.at }
		v := &widget.CarnetView{}
		require.Empty(t, v.Init(json.RawMessage(`{"carnet":`+string(full)+`,"acteur":{"professionnel":"Sarah Lefèvre","siret_structure":"77500000300019","role":"referent"}}`)))
		can, why := v.CanAddContact()
		assert.Equal(t, c.can, can, "%s : %s", c.at, why)
	}
}
