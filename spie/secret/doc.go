// Package secret is the statistical secret of socle (RULES.md §10:
// « Aggregated indicators suppress cells under 5 people (default) »): the
// one threshold (DefaultThreshold, 5 people; JSON name "seuil_secret", see
// JSONName), the published cell (Cell) and the suppression of a report's
// counts of people (Table). Every socle publisher of counts of people uses
// it: co-diagnostic agreement (diagnostic.Evaluate), carnet indicators
// (carnet.ComputeIndicators), network indicators, cohorts and committee
// statistics (carnet/network), coverage (offer/coverage).
//
// A report is a Table: cells (non-negative integer counts of people) and
// additive relations (a published total is the sum of its published or
// secret parts; a rate publishes its numerator and denominator, so the
// complement denominator − numerator is a hidden cell). Protect suppresses
// the small cells and the small complements (1..threshold−1), then audits
// the table: for each secret or small cell it computes the interval of
// values consistent with everything published (the published cells, the
// relations, counts ≥ 0) and suppresses more cells until every such
// interval is at least the threshold wide (hi − lo ≥ threshold, or no upper
// bound). Privacy wins over utility: at worst the whole table is secret. A
// rate whose numerator or denominator is secret is secret: publishers only
// print a rate whose two cells are published.
//
// The audit solves linear programs (simplex, counts relaxed to reals). For a
// table with its margins the real and the integer intervals are the same;
// for nested tables (a territory's table inside the whole) the real
// interval may be wider than the integer one, so Protect only accepts a
// bound attained at an integer vertex and otherwise suppresses more. The
// tests check the integer intervals by brute force on random tables.
//
// Scope: protection is defined within one report (one run of one command).
// Differencing two reports — two runs at different dates, or with different
// thresholds, levels or inputs — is out of scope: a publisher that releases
// series must protect them by other means (one threshold, rounding, or
// publishing the series as one report). Counters of the input itself (lines
// read, unreadable, left out) are not part of the report's tables.
package secret
