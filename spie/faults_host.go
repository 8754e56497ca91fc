//go:build !js

package spie

// The fault types this package declares as data (composite literals, which
// the linker drops from a WebAssembly widget that does not use them),
// registered on the host only, where the fault catalogue, CheckFaultTypes
// and LookupFaultType read the registry (issue 17, item 4). A type declared
// as data but missing here fails TestStaticFaultTypesAreRegistered
// (internal/gen/faults/catalogue).
func init() {
	RegisterFaultTypes(
		FaultCommuneUnknown,
		FaultCommunePostal,
		FaultCommuneMerged,
		FaultCommuneCountry,
		FaultCommuneCountryFormat,
		FaultCommunePending,
		FaultCommuneTable,
		FaultSIRETFormat,
		FaultSIRETKey,
		FaultSIRETSIRENKey,
		FaultSIRENFormat,
		FaultSIRENKey,
		FaultCommuneFormat,
		FaultDepartement,
		FaultEPCIFormat,
		FaultEPCIKey,
		FaultPostalCode,
		FaultNIRFormat,
		FaultNIRKey,
		FaultNIRSex,
		FaultNIRMonth,
		FaultNIRPlace,
		FaultROME,
		FaultFranceTravail,
		FaultCAFNumber,
		FaultIdentifierType,
	)
}
