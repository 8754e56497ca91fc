// Package conformance holds the conformance test of package offer against
// the official data·inclusion JSON Schemas (offer.DataInclusionVersion), and of the schemas
// generated for the kinds structure and service. It has no code of its own.
package conformance
