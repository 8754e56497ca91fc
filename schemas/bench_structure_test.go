package schemas_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/schemas"
)

// BenchmarkValidateStructure measures Validate on the structures of the
// Aisne example, each as one compact document (normalisation, schema,
// rules).
func BenchmarkValidateStructure(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("..", "examples", "offer", "structures-aisne.json"))
	require.NoError(b, err)
	var raw []json.RawMessage
	require.NoError(b, json.Unmarshal(data, &raw))
	docs := make([][]byte, len(raw))
	for i, r := range raw {
		var v any
		require.NoError(b, json.Unmarshal(r, &v))
		docs[i], err = json.Marshal(v)
		require.NoError(b, err)
	}
	now := schemas.WithNow(func() time.Time { return diToday })
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = schemas.Validate("structure", docs[i%len(docs)], now)
	}
}
