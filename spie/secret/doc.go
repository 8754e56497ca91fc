// Package secret is the statistical secret of socle (RULES.md §10): the one
// threshold (DefaultThreshold, 5 people; JSON name "seuil_secret"), the
// published cell (Cell) and the suppression of a report's counts of people
// (Table).
//
// A report is a Table: cells (non-negative integer counts of people) and
// additive relations (a published total is the sum of its published or
// secret parts; a rate publishes its numerator and denominator, so the
// complement denominator − numerator is a hidden cell). Protect suppresses
// the small cells and their small complements, then audits the table: for
// each secret or small cell it computes the interval of values consistent
// with everything published and suppresses more cells until every such
// interval is at least the threshold wide. A rate whose numerator or
// denominator is secret is secret: publishers only print a rate whose two
// cells are published.
//
// Scope: protection is defined within one report (one run of one command).
// Differencing two reports — two runs at different dates, or with different
// thresholds, levels or inputs — is out of scope: a publisher that releases
// series must protect them by other means (one threshold, rounding, or
// publishing the series as one report).
package secret
