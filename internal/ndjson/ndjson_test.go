package ndjson_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/internal/ndjson"
	"github.com/spie-fr/socle/spie"
)

type doc struct {
	ID string `json:"id"`
}

func TestEach(t *testing.T) {
	var ids []string
	var lines []int
	var bad spie.Faults
	err := ndjson.Each(strings.NewReader("{\"id\":\"a\"}\n\n  \n{oops\r\n{\"id\":\"b\"}\r\n[1]\n{\"id\":\"c\"}"), func(n int, d *doc) error {
		ids = append(ids, d.ID)
		lines = append(lines, n)
		return nil
	}, func(f spie.Fault) { bad = append(bad, f) })
	require.NoError(t, err)
	assert.Equal(t, []string{"a", "b", "c"}, ids)
	assert.Equal(t, []int{1, 5, 7}, lines)
	assert.True(t, bad.Has("INPUT-NDJSON-01", "/4"))
	assert.True(t, bad.Has("INPUT-NDJSON-01", "/6"))
}

func TestEachStopsOnCallbackError(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	err := ndjson.Each(strings.NewReader("{}\n{}\n{}\n"), func(int, *doc) error {
		n++
		if n == 2 {
			return stop
		}
		return nil
	}, func(spie.Fault) {})
	assert.ErrorIs(t, err, stop)
	assert.Equal(t, 2, n)
}

func TestEachTooLongLine(t *testing.T) {
	long := "{\"id\":\"" + strings.Repeat("x", ndjson.MaxLine) + "\"}\n"
	var bad spie.Faults
	err := ndjson.Each(strings.NewReader("{}\n"+long), func(int, *doc) error { return nil }, func(f spie.Fault) { bad = append(bad, f) })
	assert.Error(t, err)
	assert.True(t, bad.Has("INPUT-NDJSON-02", "/2"))
}
