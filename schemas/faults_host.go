//go:build !js

package schemas

import "github.com/spie-fr/socle/spie"

// The fault types this package declares as data (composite literals, which
// the linker drops from a WebAssembly widget that does not use them),
// registered on the host only, where the fault catalogue, CheckFaultTypes
// and LookupFaultType read the registry (issue 17, item 4). A type declared
// as data but missing here fails TestStaticFaultTypesAreRegistered
// (internal/gen/faults/catalogue).
func init() {
	spie.RegisterFaultTypes(
		FaultDepth,
		FaultArrayLen,
		FaultStringLen,
		FaultNumber,
		FaultNumberRange,
		FaultUTF8,
		FaultBOM,
		FaultDuplicate,
		FaultKind,
		FaultType,
		FaultRequired,
		FaultAdditional,
		FaultEnum,
		FaultPattern,
		FaultFormat,
		FaultRange,
		FaultLength,
		FaultItems,
		FaultUnique,
		FaultKey,
		FaultOther,
	)
}
