//go:build !spie_communes_external

package territory

import _ "embed"

// external is false: the table is embedded (see Default).
const external = false

//go:embed communes.tsv.gz
var table []byte
