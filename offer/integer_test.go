package offer_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/offer"
	"github.com/spie-fr/socle/offer/offertest"
	"github.com/spie-fr/socle/spie"
)

// TestIntegerUnmarshal: integers written with digits only are read whatever
// their size, as data·inclusion's models read an int (pydantic, JSON mode:
// a Python int has no bound); integral numbers written with a fraction or
// an exponent are read exactly within int64 (pydantic refuses them beyond:
// int_parsing_size). Expected values worked by hand:
//   - 2^53 + 1 = 9007199254740993 (a float64 would read 9007199254740992);
//   - 2^63 = 9223372036854775808 (int64 ends at 2^63 − 1 = 9223372036854775807);
//   - 2^64 + 1 = 18446744073709551617 (18446744073709551616 = 2^32 · 2^32 =
//     4294967296 · 4294967296, plus one);
//   - 10^30 written out, and its opposite;
//   - 1e19 = 10^19 > 2^63 − 1, refused when written with an exponent.
func TestIntegerUnmarshal(t *testing.T) {
	ten30 := "1" + strings.Repeat("0", 30)
	for _, tc := range []struct {
		lit  string
		want string // decimal digits of the value read; "" when refused
	}{
		{"35", "35"}, {"35.0", "35"}, {"3.5e1", "35"}, {"-0.0", "0"}, {"-0", "0"}, {"0", "0"},
		{"1e17", "100000000000000000"}, {"9007199254740993.0", "9007199254740993"},
		{"9223372036854775807", "9223372036854775807"},
		{"9223372036854775808", "9223372036854775808"},
		{"-9223372036854775809", "-9223372036854775809"},
		{"18446744073709551617", "18446744073709551617"},
		{"12345678901234567890", "12345678901234567890"},
		{ten30, ten30}, {"-" + ten30, "-" + ten30},
		{strings.Repeat("9", offer.MaxIntegerDigits), strings.Repeat("9", offer.MaxIntegerDigits)},
		{strings.Repeat("9", offer.MaxIntegerDigits+1), ""},
		{"-" + strings.Repeat("9", offer.MaxIntegerDigits+1), ""},
		{"3.5", ""}, {"1e19", ""}, {"12345678901234567890.0", ""}, {"1e30", ""},
		{`"3"`, ""}, {"1e-500", ""}, {"012", ""}, {"-", ""}, {"+1", ""}, {"true", ""},
	} {
		var n offer.Integer
		err := json.Unmarshal([]byte(tc.lit), &n)
		if tc.want == "" {
			assert.Error(t, err, tc.lit)
			assert.Equal(t, offer.Integer{}, n, tc.lit)
			continue
		}
		if assert.NoError(t, err, tc.lit) {
			assert.Equal(t, tc.want, n.String(), tc.lit)
			out, err := json.Marshal(n)
			require.NoError(t, err)
			assert.Equal(t, tc.want, string(out), "réécrit à l'identique : %s", tc.lit)
		}
	}
	// A billion-digit exponent is refused at once, not computed.
	start := time.Now()
	var n offer.Integer
	assert.Error(t, n.UnmarshalJSON([]byte("1e999999999")))
	assert.Less(t, time.Since(start), time.Second)
	// null leaves the value as it was.
	n = offer.NewInteger(7)
	require.NoError(t, n.UnmarshalJSON([]byte("null")))
	assert.Equal(t, offer.NewInteger(7), n)
}

// TestIntegerValue: the accessors agree with math/big (an independent
// reading of the same digits), and equal values are equal Go values however
// they were written.
func TestIntegerValue(t *testing.T) {
	for _, lit := range []string{"0", "-0", "1", "-1", "9223372036854775807", "-9223372036854775808",
		"9223372036854775808", "-9223372036854775809", "18446744073709551617", "-1" + strings.Repeat("0", 30)} {
		var n offer.Integer
		require.NoError(t, json.Unmarshal([]byte(lit), &n), lit)
		want, ok := new(big.Int).SetString(lit, 10)
		require.True(t, ok)
		assert.Equal(t, 0, want.Cmp(n.Big()), lit)
		assert.Equal(t, want.Sign(), n.Sign(), lit)
		i, fits := n.Int64()
		assert.Equal(t, want.IsInt64(), fits, lit)
		if fits {
			assert.Equal(t, want.Int64(), i, lit)
			assert.Equal(t, offer.NewInteger(i), n, lit)
		}
	}
	var a, b offer.Integer
	require.NoError(t, json.Unmarshal([]byte("35.0"), &a))
	require.NoError(t, json.Unmarshal([]byte("35"), &b))
	assert.Equal(t, a, b)
	assert.True(t, a == offer.NewInteger(35))
	assert.Equal(t, "0", offer.Integer{}.String())
}

// TestIntegerBounds: the bounds named in INPUT-NUMBER-02, by spelling.
func TestIntegerBounds(t *testing.T) {
	lo, hi := offer.Integer{}.Bounds("1e30")
	assert.Equal(t, "-9223372036854775808", lo) // -2^63
	assert.Equal(t, "9223372036854775807", hi)  // 2^63 − 1
	lo, hi = offer.Integer{}.Bounds(strings.Repeat("9", 4301))
	assert.Equal(t, "-(10^4300 − 1)", lo)
	assert.Equal(t, "10^4300 − 1", hi)
}

// A service whose nombre_semaines is beyond int64 keeps its digits.
func ExampleInteger() {
	var s struct {
		NombreSemaines *offer.Integer `json:"nombre_semaines"`
	}
	_ = json.Unmarshal([]byte(`{"nombre_semaines": 12345678901234567890}`), &s)
	_, fits := s.NombreSemaines.Int64()
	out, _ := json.Marshal(s)
	fmt.Println(s.NombreSemaines, s.NombreSemaines.Sign(), fits)
	fmt.Println(string(out))
	fmt.Println(offer.NewInteger(-12))
	// Output:
	// 12345678901234567890 1 false
	// {"nombre_semaines":12345678901234567890}
	// -12
}

// FuzzInteger: any input is read without panic; what is read is the value
// math/big reads from the same literal (an independent oracle), and is
// written back to the same value; an integer written with digits only, up
// to MaxIntegerDigits, is always read.
func FuzzInteger(f *testing.F) {
	for _, s := range []string{"0", "-0", "35", "35.0", "3.5e1", "1e19", "9223372036854775808", "-18446744073709551617",
		"12345678901234567890", "1e-500", "1e999999999", "null", `"3"`, "012", "-", "", "1" + strings.Repeat("0", 30)} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var n offer.Integer
		err := n.UnmarshalJSON(b)
		lit := strings.Trim(string(b), " \t\r\n")
		plain := json.Valid(b) && len(lit) > 0 && (lit[0] == '-' || lit[0] >= '0' && lit[0] <= '9') &&
			!strings.ContainsAny(lit, ".eE") && len(strings.TrimPrefix(lit, "-")) <= offer.MaxIntegerDigits
		if plain {
			require.NoError(t, err, "%s", b)
		}
		if err != nil || strings.Trim(string(b), " \t\r\n") == "null" {
			assert.Equal(t, offer.Integer{}, n)
			return
		}
		r, ok := new(big.Rat).SetString(lit)
		require.True(t, ok, "%s", b)
		require.True(t, r.IsInt(), "%s", b)
		assert.Equal(t, 0, r.Num().Cmp(n.Big()), "%s", b)
		out, err := json.Marshal(n)
		require.NoError(t, err)
		var back offer.Integer
		require.NoError(t, json.Unmarshal(out, &back))
		assert.Equal(t, n, back, "%s", b)
	})
}

// TestIntegerThroughCatalogue: a service whose nombre_semaines is beyond
// int64 (valid for data·inclusion's model: a Python int) is loaded without
// fault, found by a search, and written back with its digits; below 1 it
// is refused at the field (the model's ge=1). Values worked by hand: 2^64 + 1
// = 18446744073709551617; -10^30 written out.
func TestIntegerThroughCatalogue(t *testing.T) {
	line := func(lit string) []byte {
		b, err := json.Marshal(offertest.ValidService())
		require.NoError(t, err)
		var m map[string]json.RawMessage
		require.NoError(t, json.Unmarshal(b, &m))
		m["nombre_semaines"] = json.RawMessage(lit)
		b, err = json.Marshal(m)
		require.NoError(t, err)
		return b
	}
	for _, lit := range []string{"12345678901234567890", "18446744073709551617", "1" + strings.Repeat("0", 30)} {
		var faults spie.Faults
		ss, err := offer.LoadServices(bytes.NewReader(line(lit)), now, func(_ int, _ string, fs spie.Faults) { faults = append(faults, fs...) })
		require.NoError(t, err)
		assert.Empty(t, faults, lit)
		require.Len(t, ss, 1)
		assert.Equal(t, lit, ss[0].NombreSemaines.String())
		c, _ := offer.NewCatalogue(ss, nil) // warnings only: no structures given
		rs, err := c.Search(offer.Query{Now: now})
		require.NoError(t, err)
		require.Len(t, rs, 1, lit)
		out, err := json.Marshal(rs[0].Service)
		require.NoError(t, err)
		assert.Contains(t, string(out), `"nombre_semaines":`+lit, lit)
	}
	_, fs := offer.DecodeService(line("-1"+strings.Repeat("0", 30)), now)
	require.Len(t, fs, 1)
	assert.Equal(t, "/nombre_semaines", fs[0].Path)
	assert.Equal(t, "OFFRE-NOMBRE-01", fs[0].Code) // the minimum of a number (FAUTES.md)
}
