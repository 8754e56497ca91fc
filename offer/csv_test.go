package offer_test

import (
	"encoding/csv"
	"os"
	"testing"

	"github.com/stretchr/testify/require"
)

// readCSV reads a data·inclusion enumeration: keys, labels and, when the file
// has one, the catégorie column.
func readCSV(t *testing.T, path string) (keys, labels, groups []string) {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	hasGroup := len(rows[0]) > 3 && rows[0][3] == "categorie"
	for _, r := range rows[1:] {
		keys = append(keys, r[0])
		labels = append(labels, r[1])
		if hasGroup {
			groups = append(groups, r[3])
		}
	}
	return keys, labels, groups
}
