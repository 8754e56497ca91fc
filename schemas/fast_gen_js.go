//go:build js

package schemas

// The widgets (GOOS=js) link no generated decoder: they validate one
// document at a time, where the reflective decoder is fast enough, and the
// functions of fast_gen.go would add ≈ 0.75 MB (≈ 130 KB gzip) to each
// WebAssembly module. Every kind is read there by the reflective decoder.
var generatedDecoders = map[string]generatedDecoder{}
