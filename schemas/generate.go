package schemas

// The schemas are written by the generator, which only `go generate` links:
// importing this package does not link invopop/jsonschema.
//
//go:generate go run ./internal/gen -out v1 -root ..
