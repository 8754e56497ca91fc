//go:build !js

package cohort

import "github.com/spie-fr/socle/spie"

// The fault types this package declares as data (composite literals, which
// the linker drops from a WebAssembly widget that does not use them),
// registered on the host only, where the fault catalogue, CheckFaultTypes
// and LookupFaultType read the registry (issue 17, item 4). A type declared
// as data but missing here fails TestStaticFaultTypesAreRegistered
// (internal/gen/faults/catalogue).
func init() {
	spie.RegisterFaultTypes(
		FaultCode,
		FaultName,
		FaultTerritory,
		FaultUnknownPlace,
		FaultPlaceTwice,
		FaultAgeBounds,
		FaultAgeEmpty,
		FaultAgeOrder,
		FaultCriterion,
		FaultCriterionMode,
		FaultCriterionTwic,
		FaultPeriodDate,
		FaultPeriodOrder,
	)
}
