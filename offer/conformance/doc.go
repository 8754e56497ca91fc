// Package conformance holds the conformance test of package offer against
// the official data·inclusion JSON Schemas (offer.DataInclusionVersion), and of the schemas
// generated for the kinds structure and service, and the proof that
// schemas.Validate gives the verdict of data·inclusion's own pydantic models
// on the same documents (run from ../shared/reference with the python3 of
// PATH; skipped, with a message, without it). It has no code of its own.
package conformance
