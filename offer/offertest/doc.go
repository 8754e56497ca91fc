// Package offertest generates plausible, deterministic catalogues of the
// offre d'insertion for tests, benchmarks and examples: structures and
// services of invented organisations in real communes, with valid SIRET
// keys, contacts on the reserved exemple.fr domain and no personal data.
package offertest
