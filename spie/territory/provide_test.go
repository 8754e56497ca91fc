package territory_test

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/spie"
	"github.com/spie-fr/socle/spie/territory"
)

// tableFile is the generated table as committed: the bytes the widgets'
// server publishes.
func tableFile(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile("communes.tsv.gz")
	require.NoError(t, err)
	return b
}

// The size and digest Provide checks are those of the committed file,
// computed here with crypto/sha256 (the generator writes both; its
// TestNoDrift runs it when the source data is installed).
func TestTableSum(t *testing.T) {
	b := tableFile(t)
	sum := sha256.Sum256(b)
	assert.Equal(t, len(b), territory.TableSize)
	assert.Equal(t, hex.EncodeToString(sum[:]), territory.TableSHA256)
}

// assertRefused checks that err is the socle fault SPIE-COMMUNE-08, in
// French and English.
func assertRefused(t *testing.T, err error) {
	t.Helper()
	var f spie.Fault
	require.True(t, errors.As(err, &f), "faute du socle attendue, reçu %v", err)
	assert.Equal(t, "SPIE-COMMUNE-08", f.Code)
	assert.Equal(t, spie.SeverityError, f.Severity)
	assert.NotEmpty(t, f.Message)
	assert.NotEmpty(t, f.MessageEN)
}

func TestProvideRefusesOtherBytes(t *testing.T) {
	good := tableFile(t)
	flipped := bytes.Clone(good)
	flipped[len(flipped)/2] ^= 1
	// the same table, gzip'd again at another level: same content,
	// other bytes
	zr, err := gzip.NewReader(bytes.NewReader(good))
	require.NoError(t, err)
	raw, err := io.ReadAll(zr)
	require.NoError(t, err)
	var again bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&again, gzip.BestSpeed)
	zw.Write(raw)
	require.NoError(t, zw.Close())
	loaded := territory.Loaded()
	for name, b := range map[string][]byte{
		"rien":               nil,
		"vide":               {},
		"tronquée":           good[:len(good)-1],
		"prolongée":          append(bytes.Clone(good), 0),
		"un bit changé":      flipped,
		"recompressée":       again.Bytes(),
		"table décompressée": raw,
	} {
		t.Run(name, func(t *testing.T) {
			assertRefused(t, territory.Provide(b))
			assert.Equal(t, loaded, territory.Loaded(), "un refus ne change rien")
		})
	}
}

func TestProvideAcceptsTheTable(t *testing.T) {
	require.NoError(t, territory.Provide(tableFile(t)))
	require.NoError(t, territory.Provide(tableFile(t)), "la même table une seconde fois")
	assert.True(t, territory.Loaded())
	assert.Empty(t, territory.CheckCommune("02408", "/commune"))
	assert.True(t, territory.CheckCommune("02999", "/commune").HasCode("SPIE-COMMUNE-02"))
}

// Any bytes but the table's are refused with the socle fault, never a panic.
func FuzzProvide(f *testing.F) {
	good := tableFile(f)
	f.Add([]byte{})
	f.Add(good[:100])
	f.Add([]byte("\x1f\x8b\x08\x00"))
	f.Fuzz(func(t *testing.T, b []byte) {
		err := territory.Provide(b)
		if bytes.Equal(b, good) {
			assert.NoError(t, err)
			return
		}
		assertRefused(t, err)
	})
}

// A program built with the tag spie_communes_external is handed the table
// it fetched (here read from the file); bytes of anything else are
// refused with SPIE-COMMUNE-08.
func ExampleProvide() {
	gz, _ := os.ReadFile("communes.tsv.gz")
	fmt.Println(territory.Provide(gz))
	fmt.Println(territory.Loaded())
	err := territory.Provide([]byte("autre chose"))
	var f spie.Fault
	if errors.As(err, &f) {
		fmt.Println(f.Code)
	}
	// Output:
	// <nil>
	// true
	// SPIE-COMMUNE-08
}

// A caller whose answer needs the table (a lookup) asks Loaded first: in
// the default build the table is embedded and always there.
func ExampleLoaded() {
	if territory.Loaded() {
		d, _ := territory.DepartementOf("02408")
		fmt.Println(d)
	}
	// Output: 02
}
