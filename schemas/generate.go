package schemas

// The schemas are written by the generator, which only `go generate` links:
// importing this package does not link invopop/jsonschema.
//
//go:generate go run ./internal/gen -out v1 -root ..
//
// The generated decoders (fast_gen.go, see fast_typed.go) follow the plans
// of the schemas just written; their generator is a test of the package,
// which alone sees the plans (should fast_gen.go no longer compile after a
// change of the Go types, empty its map generatedDecoders and its functions,
// then run go generate again).
//
//go:generate go test -run ^TestGeneratedDecodersDrift$ -args -update-fast-gen
