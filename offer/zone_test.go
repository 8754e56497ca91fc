package offer_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spie-fr/socle/offer"
)

// TestPrescriptionExpiryDatesInThePersonsTerritory: sent at 22:30 UTC on
// 31 May 2026, that is 00:30 on 1 June in Laon (UTC+2 in summer); the
// 30-day expiry falls at 00:30 on 1 July there. The message gives both dates
// as Laon reads them, not the UTC dates 31 May and 30 June.
func TestPrescriptionExpiryDatesInThePersonsTerritory(t *testing.T) {
	p := draft(t)
	sent := time.Date(2026, 5, 31, 22, 30, 0, 0, time.UTC)
	p.CreatedAt = sent.Add(-time.Hour)
	require.Empty(t, p.Send(sent, "referent-1"))
	fs := p.Expire(sent.Add(24*time.Hour), offer.DefaultDeadlines)
	require.Len(t, fs, 1)
	assert.Equal(t, "expiration prématurée : la prescription envoyée le 2026-06-01 n'expire que le 2026-07-01", fs[0].Message)
}
