// Package indicators computes the indicators of a SPIE network (RULES.md
// §12): labelled structures by decision, cohort sizes and movements, the
// situations the comité technique opérationnel examined and solved, and the
// share of requests answered within 72 hours.
//
// Counts of people are published with small-cell suppression (RULES.md §10):
// a count from 1 to Threshold−1 (5 by default) is replaced by « secret », and
// when a breakdown with a published total has a single secret cell, the next
// smallest cell is made secret too, so that no secret cell can be recomputed
// by difference. Counts of structures are not about people and are published
// as they are.
package network
