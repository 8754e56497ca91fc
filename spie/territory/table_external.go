//go:build spie_communes_external

package territory

// external is true: built with the tag spie_communes_external, the program
// holds no table until Provide (see Default).
const external = true

// table is empty: Default never parses it in this build.
var table []byte
