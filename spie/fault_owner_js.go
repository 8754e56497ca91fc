//go:build js

package spie

// recordOwner is false in a WebAssembly program: finding the caller walks
// the stack and looks the call site up in the package's initialisation
// function, whose tables grow with the package; for the ≈ 500 codes a widget
// links it cost ≈ 100–250 ms of the widget's start (issue 17 item 4), and no
// widget reads the owner: CheckFaultTypes and the fault catalogue run on the
// host.
const recordOwner = false
