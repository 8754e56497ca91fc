package offer_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/offer"
)

// FuzzDecodeConvention: on any input, DecodeConvention and Check never
// panic, and a convention it accepts encodes and decodes back to the same
// value, with the same faults.
func FuzzDecodeConvention(f *testing.F) {
	b, err := json.Marshal(convention("c1", "2026-03-02", "2026-03-31"))
	require.NoError(f, err)
	f.Add(b)
	f.Add([]byte(`{"id":"c1","date_debut":"2026-02-30","horaires":[{"date":"x","plages":[{"debut":"24:00","fin":"00:00"}]}],"signataires":[{"role":""}]}`))
	f.Add([]byte(`{"id":"c1"} x`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := offer.DecodeConvention(data)
		if err != nil {
			return
		}
		fs := c.Check("2026-06-30", []offer.Convention{*c}, offer.DefaultPMSMPLimits)
		again, err := json.Marshal(c)
		require.NoError(t, err)
		c2, err := offer.DecodeConvention(again)
		require.NoError(t, err, "%s", again)
		require.Equal(t, c, c2)
		require.Equal(t, fs, c2.Check("2026-06-30", []offer.Convention{*c2}, offer.DefaultPMSMPLimits))
	})
}
