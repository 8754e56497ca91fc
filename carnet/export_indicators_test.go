package carnet

import (
	"encoding/json"
	"io"
	"reflect"

	"github.com/spie-fr/socle/spie"
)

// Hooks of the indicators' decoder for the black-box tests.

// testDecoder is the decoder of DecodeLightFast, kept from call to call as
// a worker keeps its own (with its buffers).
var testDecoder = &lightDecoder{}

// DecodeLightFast is the fast decoder alone: the carnet as the indicators
// read it, and false when the decoder gives up (encoding/json then decides).
func DecodeLightFast(data []byte) (any, bool) {
	var lc lightCarnet
	ok := lightPlan != nil && testDecoder.fast(data, lightPlan, reflect.ValueOf(&lc).Elem())
	return lc, ok
}

// DecodeLightOracle is the decoder the indicators used before the fast one
// (encoding/json), the oracle of the fast one.
func DecodeLightOracle(data []byte) (any, error) {
	var lc lightCarnet
	err := json.Unmarshal(data, &lc)
	return lc, err
}

// ComputeIndicatorsOracle is ComputeIndicatorsParallel reading every carnet
// with encoding/json, as before the fast decoder.
func ComputeIndicatorsOracle(r io.Reader, day spie.Date, p Policy, workers int) (Report, error) {
	return computeIndicators(r, day, p, workers, false)
}

// LightPlanned says whether the fast decoder has a plan of the carnet.
func LightPlanned() bool { return lightPlan != nil && lightPlan.kind == fdStruct }
