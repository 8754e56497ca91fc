// Package network computes the indicators of a SPIE network (RULES.md
// §12): labelled structures by decision, cohort sizes and movements, the
// situations the comité technique opérationnel examined and solved, and the
// share of requests answered within 72 hours.
//
// Counts of people are published under the statistical secret of package
// secret (RULES.md §10): counts and complements from 1 to Threshold−1 (5 by
// default) are secret, and more cells are made secret until none can be
// narrowed below the threshold by difference along the published totals
// (see secret.Table). Counts of structures are not about people and are
// published as they are.
package network
