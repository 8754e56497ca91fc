package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// Final review: README (« Ce qu'écrivent les commandes ») says `--format
// json` is the only output of `spie alerts`, and a new user writes it as for
// every other command; the option is refused as unknown (exit 2, « option
// inconnue : --format »). Expected: --format json accepted (exit 1 here, the
// example carnet of Soissons has alerts on 2026-11-30), --format text
// refused with a message that names json.
func TestReviewFinalAlertsFormatJSONHole(t *testing.T) {
	code, _, errOut := runCLI(t, "", "alerts", "--date", "2026-11-30", "--format", "json", carnetExample("rsa-perdu-de-vue-soissons"))
	assert.Equal(t, exitInvalid, code, errOut)
	code, out, errOut := runCLI(t, "", "alerts", "--date", "2026-11-30", "--format", "text", carnetExample("rsa-perdu-de-vue-soissons"))
	assert.Equal(t, exitUsage, code)
	assert.Empty(t, out)
	assert.Contains(t, errOut, "json")
}
