package widget_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/wasm/widget"
)

// TestCarnetWidgetTodayInThePersonsTerritory: the référent's period ends on
// 31 May 2026. At 22:30 UTC on 31 May it is already 1 June in Laon (UTC+2 in
// summer): the widget, like carnet.Apply on the server, no longer offers to
// add a contact; one hour earlier (23:30 in Laon, 31 May) it still does.
func TestCarnetWidgetTodayInThePersonsTerritory(t *testing.T) {
	var doc map[string]any
	require.NoError(t, json.Unmarshal(loadCarnet(t, "cej-jeune-laon.json"), &doc))
	for _, m := range doc["membres"].([]any) {
		if m := m.(map[string]any); m["id"] == "m-ref-ml" {
			m["date_fin"] = "2026-05-31"
		}
	}
	full, err := json.Marshal(doc)
	require.NoError(t, err)
	defer func(c func() time.Time) { widget.Clock = c }(widget.Clock)
	for _, c := range []struct {
		at  time.Time
		can bool
	}{
		{time.Date(2026, 5, 31, 21, 30, 0, 0, time.UTC), true},
		{time.Date(2026, 5, 31, 22, 30, 0, 0, time.UTC), false},
	} {
		widget.Clock = func() time.Time { return c.at }
		v := &widget.CarnetView{}
		require.Empty(t, v.Init(json.RawMessage(`{"carnet":`+string(full)+`,"acteur":{"professionnel":"Sarah Lefèvre","siret_structure":"77500000300019","role":"referent"}}`)))
		can, why := v.CanAddContact()
		assert.Equal(t, c.can, can, "%s : %s", c.at, why)
	}
}
