package offer_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/spie-fr/socle/offer"
)

// TestIntegerUnmarshal: integral numbers in any JSON spelling, read
// exactly, within int64. Expected values worked by hand: 2^53 + 1 =
// 9007199254740993 (a float64 would read 9007199254740992); int64 ends at
// 9223372036854775807, so 1e19 is beyond it.
func TestIntegerUnmarshal(t *testing.T) {
	for _, tc := range []struct {
		lit  string
		want offer.Integer
		ok   bool
	}{
		{"35", 35, true}, {"35.0", 35, true}, {"3.5e1", 35, true}, {"-0.0", 0, true},
		{"1e17", 100000000000000000, true}, {"9007199254740993.0", 9007199254740993, true},
		{"9223372036854775807", 9223372036854775807, true},
		{"3.5", 0, false}, {"1e19", 0, false}, {"100000000000000000000", 0, false},
		{`"3"`, 0, false}, {"1e-500", 0, false},
	} {
		var n offer.Integer
		err := json.Unmarshal([]byte(tc.lit), &n)
		assert.Equal(t, tc.ok, err == nil, "%s : %v", tc.lit, err)
		assert.Equal(t, tc.want, n, tc.lit)
	}
	// A billion-digit exponent is refused at once, not computed.
	start := time.Now()
	var n offer.Integer
	assert.Error(t, n.UnmarshalJSON([]byte("1e999999999")))
	assert.Less(t, time.Since(start), time.Second)
}
