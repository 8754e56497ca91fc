//go:build !js

package spie

// recordOwner tells NewFaultType to record the registering package in
// FaultType.Owner: on the host, where the registry checks and the fault
// catalogue read it.
const recordOwner = true
