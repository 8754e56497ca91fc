// Package examples holds the example documents of socle, one folder per kind
// (examples/diagnostic/, …), and the golden tests that validate them: every
// document at the top of a folder is valid; every document under invalid/
// has its expected faults beside it in <name>.faults.json (run the tests with
// -update to rewrite them after a deliberate change).
package examples
